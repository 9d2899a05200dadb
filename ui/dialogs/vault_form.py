"""What every small "record this on the child's file" dialog shares.

A form of labelled fields, a message line, a busy bar, and two buttons.  On the
main button the subclass's :meth:`VaultFormDialog.prepare` makes only typing
checks (a required box left empty) and returns the operation to run (built by
:mod:`ui.operations`); it runs on the vault worker (:mod:`ui.ops`).  Whatever the
core refuses (a policy refusal naming its rule and clause, an invalid date, a
file it cannot read) is shown in the dialog in the core's own words, and the
dialog stays open for a correction.  Once the core agreed, :attr:`saved` carries its answer and the
dialog closes.  Dialogs are opened with ``open()`` (never ``exec()``), so tests
drive them directly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.dialogs.busy import WorkerDialog
from ui.ops import VaultOp
from ui.widgets.message import MessageLabel

Work = VaultOp[Any]  # from ui.operations, built by prepare(); submit() runs it
# The app's stylesheet styles QSpinBox; date boxes get the same frame and focus here.
DATE_STYLE = """
QDateEdit { background: #ffffff; border: 2px solid #505a5f; border-radius: 3px;
            padding: 4px 6px; min-height: 1.6em; }
QDateEdit:disabled { background: #eeeeea; color: #505a5f; }
QDateEdit:focus { border: 3px solid #0b0c0c; }
"""
DATE_FORMAT = "d MMMM yyyy"


def date_edit(parent: QWidget | None = None) -> QDateEdit:
    """A date box with a calendar, the month in words, and nothing after today."""
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setMinimumDate(QDate(1900, 1, 1))
    edit.setMaximumDate(QDate.currentDate())
    edit.setDate(QDate.currentDate())
    return edit


def picked_date(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def set_date(edit: QDateEdit, day: date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


class VaultFormDialog(WorkerDialog):
    """Subclasses add rows with :meth:`add_row` and implement :meth:`prepare`."""

    saved = Signal(object)  # the core's answer (a record, or None)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.setStyleSheet(DATE_STYLE)
        self.message = MessageLabel(f"{title} message", self)
        self.progress = self.add_busy_bar("Saving")
        self.ok_button = QPushButton(ok_text, self)
        self.ok_button.setAccessibleName(ok_text.replace("&", "").rstrip("…"))
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel")
        self.busy_buttons = (self.ok_button, self.cancel_button)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.column = QVBoxLayout(self)
        self.column.addLayout(self.form)
        self.extra = QVBoxLayout()
        self.column.addLayout(self.extra)
        self.column.addWidget(self.message)
        self.column.addWidget(self.progress)
        self.column.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)

    # -- size ----------------------------------------------------------------------------------

    def fit_contents(self) -> None:
        """Tall enough for every wrapped line at the current width (issue 12: the Add
        consent explanation was clipped at 100 % and 200 %).  Qt sizes a top-level window
        from its layout's size hint, which ignores how wrapped labels grow; this asks the
        layout for the height its rows need at this width and never goes below it."""
        layout = self.column
        layout.activate()
        width = max(self.width(), self.minimumWidth(), layout.totalSizeHint().width())
        need = (
            layout.totalHeightForWidth(width)
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        need = max(need, layout.totalMinimumSize().height())
        self.setMinimumHeight(need)
        if self.height() < need or self.width() < width:
            self.resize(width, max(need, self.height()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_contents()

    # -- building ------------------------------------------------------------------------------

    def add_row(self, text: str, field: QWidget, name: str | None = None) -> QLabel:
        """A labelled row; the label is the field's buddy, so its mnemonic focuses it."""
        label = QLabel(text, self)
        label.setBuddy(field)
        if not field.accessibleName():
            field.setAccessibleName(name or text.replace("&", "").rstrip(":"))
        self.form.addRow(label, field)
        return label

    def add_hint(self, text: str) -> QLabel:
        hint = QLabel(text, self)
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        hint.setAccessibleName(text)
        self.extra.addWidget(hint)
        return hint

    # -- submitting ----------------------------------------------------------------------------

    def prepare(self) -> Work | None:
        """The operation to run, or None after :meth:`problem` said what is missing."""
        raise NotImplementedError

    def problem(self, text: str, field: QWidget | None = None) -> None:
        """A typing check failed: say it in words and put the cursor where the fix goes."""
        self.message.show_error(text)
        if field is not None:
            field.setFocus()

    def submit(self) -> VaultOp[object] | None:
        if self.busy:
            return None
        self.message.clear_message()
        op = self.prepare()
        if op is None:
            return None
        return self.run_op(op, self._saved)

    def _saved(self, result: object) -> None:
        self.saved.emit(result)
        self.accept()
