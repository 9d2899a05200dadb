"""The notes part of the Supervision page: supervision notes, their status, and what to do next.

R10 (policy 5.5.3.2): the manager's note of a session is acknowledged by both the
manager and the worker, each with their own sign-in; then it is sealed and only
addenda are added.  The status of each note is said in words for the person
reading it.  Acknowledge, Edit…, Add addendum… and Export record… all run on the
vault worker; the core decides each one and its refusal is shown in its words.
A line manager edits and exports; a worker acknowledges and adds addenda.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Note, QueueItem
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.export_record import ExportRecordDialog
from ui.dialogs.note_text import NoteTextDialog
from ui.models.supervision import NotesListModel, needs_my_acknowledgement, note_details
from ui.ops import Latest, VaultOp, describe
from ui.widgets.message import MessageLabel

EDIT_EXPLANATION = (
    "Correct what the note says. Saving a change clears both acknowledgements, so you "
    "and {worker} acknowledge the corrected note again. Once both have acknowledged, "
    "the note is sealed and corrections are addenda."
)
ADDENDUM_EXPLANATION = (
    "An addendum is added below the note with your name and today's date. The note "
    "itself does not change."
)


def button(parent: QWidget, text: str, name: str, description: str) -> QPushButton:
    b = QPushButton(text, parent)
    b.setAccessibleName(name)
    b.setAccessibleDescription(description)
    b.setAutoDefault(False)
    return b


class NotesPanel(QWidget):
    """A list of notes, the chosen note in full, and the buttons for it."""

    changed = Signal(object)  # the Note after an acknowledgement, edit or addendum
    exported = Signal(object)  # the Path of a written record

    def __init__(
        self,
        session: Session,
        message: MessageLabel,
        *,
        manager: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.message = message
        self.manager = manager
        self.worker: str | None = None if manager else session.user.name
        self.items: dict[int, QueueItem] = {}
        self.dialog: QDialog | None = None
        self.export_folder: Path | None = None
        self._latest = Latest()

        self.heading = QLabel(self)
        self.heading.setProperty("role", "subtitle")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Supervision notes" if manager else "Notes to acknowledge")
        self.model = NotesListModel(session.user.name, parent=self)
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(self.heading.accessibleName())
        self.list_view.setAccessibleDescription("Each note with its acknowledgement status")
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setWordWrap(True)
        self.heading.setBuddy(self.list_view)
        self.detail = QPlainTextEdit(self)
        self.detail.setReadOnly(True)
        self.detail.setAccessibleName("The chosen note in full")
        self.detail.setTabChangesFocus(True)
        self.detail.setPlaceholderText("Choose a note to read it here.")
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.detail)
        em = self.fontMetrics().horizontalAdvance("M")
        splitter.setSizes([em * 24, em * 36])

        self.ack_button = button(
            self, "&Acknowledge", "Acknowledge", "Acknowledge the chosen note with your sign-in"
        )
        self.edit_button = button(
            self,
            "&Edit…",
            "Edit note",
            "Correct the chosen note's text; only before both have acknowledged it",
        )
        self.addendum_button = button(
            self, "Add a&ddendum…", "Add addendum", "Add a dated addendum to the chosen note"
        )
        self.export_button = button(
            self,
            "E&xport record (PDF)…",
            "Export record as PDF",
            "Save this worker's supervision record for a period as a PDF",
        )
        self.edit_button.setVisible(manager)
        self.export_button.setVisible(manager)
        row = QHBoxLayout()
        for b in (self.ack_button, self.edit_button, self.addendum_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addLayout(row)

        self.list_view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ack_button.clicked.connect(self.acknowledge)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        self.export_button.clicked.connect(self.open_export_dialog)
        self.set_notes((), {}, self.worker)

    def showEvent(self, event: QShowEvent) -> None:
        line = self.fontMetrics().height()  # the styled font, so it follows 200% text
        self.list_view.setMinimumHeight(line * 5)
        self.detail.setMinimumHeight(line * 5)
        super().showEvent(event)

    # -- contents -------------------------------------------------------------------------------

    def set_notes(
        self, notes: Sequence[Note], items: Mapping[int, QueueItem], worker: str | None
    ) -> None:
        """Show ``notes`` (the chosen worker's, or mine); keeps the chosen note when it is there."""
        before = self.selected_note()
        self.worker = worker
        self.items = dict(items)
        self.model.set_notes(notes)
        if not self.manager:
            waiting = sum(needs_my_acknowledgement(n, self.model.viewer) for n in notes)
            self.heading.setText(f"&Notes to acknowledge ({waiting} waiting for you)")
        elif worker is None:
            self.heading.setText("Supervision &notes")
        else:
            self.heading.setText(f"Supervision &notes with {worker} ({len(notes)})")
        if not notes:
            who = f" with {worker}" if self.manager and worker else ""
            self.detail.setPlaceholderText(f"No supervision notes{who} yet.")
        else:
            self.detail.setPlaceholderText("Choose a note to read it here.")
        if before is None or not self.select_note(before.id):
            self._show(None)
        self.export_button.setEnabled(worker is not None)

    def clear(self) -> None:
        self._latest.drop()
        self.set_notes((), {}, None if self.manager else self.worker)
        self.detail.clear()
        self._update_buttons(None)

    def selected_note(self) -> Note | None:
        rows = self.list_view.selectionModel().selectedRows()
        return self.model.note_at(rows[0].row()) if rows else None

    def select_note(self, note_id: int) -> bool:
        row = self.model.row_of(note_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.model.index(row))
        return row >= 0

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.selected_note())

    def _show(self, note: Note | None) -> None:
        self.detail.setPlainText(
            note_details(note, self.model.viewer, self.items) if note is not None else ""
        )
        self._update_buttons(note)

    def _update_buttons(self, note: Note | None) -> None:
        self.ack_button.setEnabled(
            note is not None and needs_my_acknowledgement(note, self.model.viewer)
        )
        self.edit_button.setEnabled(note is not None and not note.sealed)
        self.addendum_button.setEnabled(note is not None)

    # -- acting on the chosen note ----------------------------------------------------------------

    def _note_or_say(self, verb: str) -> Note | None:
        note = self.selected_note()
        if note is None:
            self.message.show_error(f"Choose a note in the list first, then {verb}.")
        return note

    def _changed(self, note: Note, words: str) -> None:
        self.message.show_info(words)
        self.changed.emit(note)

    def acknowledge(self) -> VaultOp[Note] | None:
        note = self._note_or_say("Acknowledge")
        if note is None:
            return None
        note_id, ticket = note.id, self._latest.ticket()
        self.ack_button.setEnabled(False)

        def done(after: Note) -> None:
            if self._latest.current(ticket):
                sealed = " Both have acknowledged it: it is now sealed." if after.sealed else ""
                self._changed(after, f"You acknowledged note {after.id}.{sealed}")

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.message.show_error(describe(error))
                self._update_buttons(self.selected_note())

        op = operations.supervision.acknowledge(parent=self, session=self.session, note_id=note_id)
        return op.success(done).failure(failed).run()

    def _open_text_dialog(self, dialog: NoteTextDialog, words: str) -> NoteTextDialog:
        dialog.saved.connect(lambda note: self._changed(note, words.format(id=note.id)))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_edit_dialog(self) -> NoteTextDialog | None:
        """Edit the chosen note; a sealed note is refused by the core, in its words."""
        note = self._note_or_say("Edit")
        if note is None:
            return None
        session, note_id = self.session, note.id
        dialog = NoteTextDialog(
            title=f"Edit supervision note {note.id}",
            explanation=EDIT_EXPLANATION.format(worker=note.worker),
            field_label="&What was discussed:",
            save_text="&Save correction",
            save=lambda parent, text: operations.supervision.edit(
                parent=parent, session=session, note_id=note_id, text=text
            ),
            text=note.text,
            parent=self,
        )
        return self._open_text_dialog(dialog, "Note {id} was corrected; both acknowledge it again.")

    def open_addendum_dialog(self) -> NoteTextDialog | None:
        note = self._note_or_say("Add addendum")
        if note is None:
            return None
        session, note_id = self.session, note.id
        dialog = NoteTextDialog(
            title=f"Add an addendum to note {note.id}",
            explanation=ADDENDUM_EXPLANATION,
            field_label="&Addendum:",
            save_text="&Add addendum",
            save=lambda parent, text: operations.supervision.add_addendum(
                parent=parent, session=session, note_id=note_id, text=text
            ),
            parent=self,
        )
        return self._open_text_dialog(dialog, "Your addendum was added to note {id}.")

    def open_export_dialog(self) -> ExportRecordDialog | None:
        if self.worker is None:
            self.message.show_error("Choose a worker first, then Export record.")
            return None
        dialog = ExportRecordDialog(
            self.session, self.worker, folder=self.export_folder, parent=self
        )
        dialog.exported.connect(self._exported)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _exported(self, path: Path) -> None:
        self.message.show_info(f"The supervision record was saved as {path}.")
        self.exported.emit(path)
