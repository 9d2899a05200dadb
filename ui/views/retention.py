"""Retention review (administrators): records whose retention period has ended, and erasure.

The table lists ``session.records.due()`` (R13): a looked-after (or once
looked-after) child's record is kept until their 75th birthday, any other until
their 25th, unless a date is set on the file.  "Erase record…" first says, in
plain words, what will happen and that it cannot be undone (a question box),
then runs ``session.records.erase(confirm=True)`` on the vault worker and says
what was shredded.  Below, the approved export locations
(:class:`~ui.views.export_locations.ExportLocationsPanel`).  Any refusal of the
core (only an administrator reviews retention) is shown in its own words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.services.records import RetentionDue
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui import operations
from ui.models.records import RetentionModel, day_words
from ui.ops import VaultOp, describe
from ui.views.export_locations import ExportLocationsPanel
from ui.widgets.message import MessageLabel
from ui.widgets.sections import record_table


def erase_question(item: RetentionDue) -> str:
    return (
        f"Erase the record of {item.child_name}?\n\n"
        f"It was to be kept until {day_words(item.retain_until)} ({item.basis}).\n\n"
        "What will happen:\n"
        "• every photo of this child that no other child's record holds, and every "
        "scanned consent form, is crypto-shredded: its key is destroyed and the file "
        "removed, so nobody can ever read it again;\n"
        "• the face data kept to recognise the child is purged;\n"
        "• names on the file (the child's, and people with parental responsibility) "
        "are replaced by “[erased]”;\n"
        "• the audit log keeps an entry saying that the record was erased, by whom and "
        "when.\n\n"
        "This cannot be undone."
    )


def erased_words(name: str, counts: dict[str, int]) -> str:
    return (
        f"The record of {name} was erased: {plural(counts.get('photos', 0), 'photo')} and "
        f"{plural(counts.get('forms', 0), 'consent form')} crypto-shredded, "
        f"{plural(counts.get('faces', 0), 'face record')} purged. The audit entry remains."
    )


class RetentionReview(QWidget):
    """Records due for erasure (table, "Erase record…") and the approved export locations."""

    loaded = Signal()
    erased = Signal(int, object)  # child id, the counts

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.stale = True  # loaded when first shown: every review is audited by the core
        self.setAccessibleName("Records and retention")
        heading = QLabel("Records due for erasure", self)
        heading.setProperty("role", "subtitle")
        hint = QLabel(
            "A record is kept until the child's 75th birthday if they were ever looked "
            "after, otherwise until their 25th, unless a date is set on the file (R13, "
            "UK GDPR). Records past that day are listed here for you to erase.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.model = RetentionModel(self)
        self.table = record_table(self, self.model, "Records due for erasure", "")
        self.empty = QLabel("No record is due for erasure today.", self)
        self.empty.setAccessibleName("No record is due")
        self.empty.hide()
        self.erase_button = QPushButton("&Erase record…", self)
        self.erase_button.setAccessibleName("Erase the chosen record")
        self.erase_button.setAccessibleDescription("Asks first; it cannot be undone")
        self.reload_button = QPushButton("Re&load records", self)
        self.reload_button.setAccessibleName("Reload the records due")
        for button in (self.erase_button, self.reload_button):
            button.setAutoDefault(False)
        self.message = MessageLabel("Retention message", self)
        self.locations = ExportLocationsPanel(session, self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.erase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        due = QWidget(self)
        column = QVBoxLayout(due)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (heading, hint):
            column.addWidget(widget)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(due)
        splitter.addWidget(self.locations)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)

        self.erase_button.clicked.connect(self.erase_selected)
        self.reload_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update())
        self._update()

    # -- loading -------------------------------------------------------------------------------

    def refresh(self) -> VaultOp[list[RetentionDue]]:
        """Reload the records due and the locations (both on the worker)."""
        self.stale = False
        self.reload_button.setEnabled(False)
        self.locations.refresh()

        def listed(due: list[RetentionDue]) -> None:
            self.reload_button.setEnabled(True)
            self.model.set_due(due)
            self.empty.setVisible(not due)
            if due:
                self.table.selectRow(0)
            self._update()
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.reload_button.setEnabled(True)
            self.model.clear()
            self.message.show_error(describe(error))
            self._update()
            self.loaded.emit()

        op = operations.records.due(parent=self, session=self.session)
        return op.success(listed).failure(failed).run()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def forget(self) -> None:
        self.stale = True
        self.model.clear()
        self.message.clear_message()
        self.locations.forget()
        self._update()

    def on_locked(self) -> None:
        self.forget()

    def on_unlocked(self) -> None:
        if self.isVisible():
            self.refresh()

    def select_child(self, child_id: int) -> bool:
        """Select the row of this child (keyboard users and tests); True if listed."""
        if child_id in self.model.child_ids:
            self.table.selectRow(self.model.child_ids.index(child_id))
            return True
        return False

    def selected(self) -> RetentionDue | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.due_at(rows[0].row()) if rows else None

    def _update(self) -> None:
        self.erase_button.setEnabled(self.selected() is not None)

    # -- erasing -------------------------------------------------------------------------------

    def erase_selected(self) -> VaultOp[dict[str, int]] | None:
        item = self.selected()
        if item is None:
            self.message.show_error("Choose a record in the table first, then Erase record.")
            return None
        answer = QMessageBox.question(
            self,
            "Erase record",
            erase_question(item),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.show_info(f"The record of {item.child_name} was not erased.")
            return None
        child_id, name = item.child_id, item.child_name
        self.erase_button.setEnabled(False)
        self.reload_button.setEnabled(False)
        self.message.show_info(f"Erasing the record of {name}…")

        def done(counts: dict[str, int]) -> None:
            self.message.show_info(erased_words(name, counts))
            self.erased.emit(child_id, counts)
            self.refresh()

        def failed(error: BaseException) -> None:
            self.reload_button.setEnabled(True)
            self.message.show_error(describe(error))
            self._update()

        op = operations.records.erase(parent=self, session=self.session, child_id=child_id)
        return op.success(done).failure(failed).run()
