"""The "Supervision session" dialog: the line manager records a note for one worker.

R10 (policy 5.5.3.2): photos taken by a worker are "recorded clearly in supervision
notes".  The dialog shows the items the manager ticked, asks for the session date,
what was discussed and the actions agreed (each with an optional due date), then
calls ``session.supervision.record`` on the vault worker.  The covered items leave
the queue only when the core has stored the note; a refusal (not your team, an item
already recorded, nothing written) stays in the dialog in the core's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Note, QueueItem
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.busy import WorkerDialog
from ui.models.queue import long_date
from ui.models.supervision import ActionsTableModel
from ui.widgets.message import MessageLabel

DEFAULT_DUE_DAYS = 14


def item_line(item: QueueItem) -> str:
    """ "24 November 2026, Riley Brookfield: Capture 2: record of an activity, …"."""
    child = item.child_name or "child not shown"
    return f"{long_date(item.created_at.date())}, {child}: {item.summary}"


def date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMMM yyyy")
    edit.setAccessibleName(name)
    return edit


def fit_to_text(dialog: QDialog, chars: int) -> None:
    """Size a dialog for ``chars`` characters of its (styled) font on first show: never
    narrower than its layout needs (no fixed minimum, so nothing is clipped at 200%),
    never larger than the screen."""
    if dialog.property("fitted"):
        return
    dialog.setProperty("fitted", True)
    wanted = dialog.sizeHint().expandedTo(QSize(dialog.fontMetrics().averageCharWidth() * chars, 0))
    screen = dialog.screen()
    dialog.resize(wanted.boundedTo(screen.availableGeometry().size()) if screen else wanted)


def to_date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class SupervisionNoteDialog(WorkerDialog):
    """Emits :attr:`recorded` with the stored ``Note`` and accepts once the core agreed."""

    recorded = Signal(object)  # the Note

    def __init__(
        self,
        session: Session,
        worker: str,
        items: Sequence[QueueItem],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.items = list(items)
        self.setWindowTitle(f"Supervision session with {worker}")
        self.setAccessibleName(f"Supervision session with {worker}")
        today = date.today()

        heading = QLabel(f"Supervision session with {worker}", self)
        heading.setProperty("role", "subtitle")
        heading.setAccessibleName("Supervision session")
        count = len(self.items)
        items_label = QLabel(
            f"Items this note records ({count}):"
            if count
            else "No items are ticked: this note will record none of the open items.",
            self,
        )
        items_label.setWordWrap(True)
        self.items_model = QStringListModel([item_line(i) for i in self.items], self)
        self.items_view = QListView(self)
        self.items_view.setModel(self.items_model)
        self.items_view.setAccessibleName("Items this note records")
        self.items_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_view.setWordWrap(True)
        self.items_view.setMaximumHeight(self.fontMetrics().height() * 6)
        self.items_view.setVisible(bool(count))

        self.date_edit = date_edit(self, "Session date", today)
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setAccessibleName("What was discussed")
        self.text_edit.setAccessibleDescription(
            "The note of the session; Tab moves on to the actions"
        )
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(self.fontMetrics().height() * 6)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field in (
            ("Session &date:", self.date_edit),
            ("&What was discussed:", self.text_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)

        self.action_edit = QLineEdit(self)
        self.action_edit.setAccessibleName("Action")
        self.action_edit.setAccessibleDescription("An action agreed; Enter adds it to the list")
        self.action_edit.setPlaceholderText("e.g. Share the photos with the carer")
        self.due_edit = date_edit(self, "Due by", today + timedelta(days=DEFAULT_DUE_DAYS))
        self.no_due_check = QCheckBox("No d&ue date", self)
        self.no_due_check.setAccessibleName("No due date")
        self.add_action_button = QPushButton("&Add action", self)
        self.add_action_button.setAccessibleName("Add action")
        self.remove_action_button = QPushButton("&Remove action", self)
        self.remove_action_button.setAccessibleName("Remove the selected action")
        for button in (self.add_action_button, self.remove_action_button):
            button.setAutoDefault(False)
        action_label = QLabel("Ac&tion:", self)
        action_label.setBuddy(self.action_edit)
        due_label = QLabel("Due b&y:", self)
        due_label.setBuddy(self.due_edit)
        action_row = QHBoxLayout()
        action_row.addWidget(action_label)
        action_row.addWidget(self.action_edit, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(due_label)
        due_row.addWidget(self.due_edit)
        due_row.addWidget(self.no_due_check)
        due_row.addStretch(1)
        due_row.addWidget(self.add_action_button)
        due_row.addWidget(self.remove_action_button)

        self.actions_model = ActionsTableModel(self)
        self.actions_table = QTableView(self)
        self.actions_table.setModel(self.actions_model)
        self.actions_table.setAccessibleName("Actions agreed")
        self.actions_table.setAccessibleDescription("Each action with its due date")
        self.actions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actions_table.setTabKeyNavigation(False)
        self.actions_table.verticalHeader().hide()
        header = self.actions_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.actions_table.setMinimumHeight(self.fontMetrics().height() * 5)
        actions_label = QLabel("Actions agr&eed:", self)
        actions_label.setBuddy(self.actions_table)

        self.message = MessageLabel("Supervision note message", self)
        self.buttons = self.add_save_cancel("&Save note")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(items_label)
        layout.addWidget(self.items_view)
        layout.addLayout(form)
        layout.addLayout(action_row)
        layout.addLayout(due_row)
        layout.addWidget(actions_label)
        layout.addWidget(self.actions_table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.add_action_button.clicked.connect(self.add_action)
        self.remove_action_button.clicked.connect(self.remove_action)
        self.no_due_check.toggled.connect(lambda on: self.due_edit.setEnabled(not on))
        self.text_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 80)
        super().showEvent(event)

    # -- actions --------------------------------------------------------------------------------

    def add_action(self) -> int:
        """Add the typed action (with its due date unless "No due date"); returns its row."""
        due = None if self.no_due_check.isChecked() else to_date(self.due_edit)
        row = self.actions_model.add(self.action_edit.text(), due)
        if row < 0:
            self.message.show_error("Type the action first, then Add action.")
            self.action_edit.setFocus()
            return row
        self.message.clear_message()
        self.action_edit.clear()
        self.action_edit.setFocus()
        return row

    def remove_action(self) -> bool:
        rows = self.actions_table.selectionModel().selectedRows()
        if not rows:
            self.message.show_error("Choose an action in the list first, then Remove action.")
            return False
        return self.actions_model.remove(rows[0].row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the action box adds the action instead of saving the note."""
        if self.action_edit.hasFocus() and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_action()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- saving ---------------------------------------------------------------------------------

    def submit(self) -> None:
        """Ask the core to record the note on the worker (an action still typed is included)."""
        if self.busy:
            return
        if self.action_edit.text().strip():
            self.add_action()
        op = operations.supervision.record(
            parent=self,
            session=self.session,
            worker=self.worker,
            item_ids=[item.id for item in self.items],
            text=self.text_edit.toPlainText(),
            actions=self.actions_model.actions(),
            session_date=to_date(self.date_edit),
        )
        self.message.clear_message()
        self.run_op(op, self._recorded)

    def _recorded(self, note: Note) -> None:
        self.recorded.emit(note)
        self.accept()
