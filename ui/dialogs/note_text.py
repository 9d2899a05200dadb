"""One dialog for the two ways a supervision note's words change: "Edit…" and "Add addendum…".

R10 (policy 5.5.3.2): a note is corrected by its line manager only until both have
acknowledged it; after that it is sealed and corrections are addenda.  The dialog
applies none of these rules itself: it sends the text to the core on the vault
worker (``supervision.edit`` or ``supervision.add_addendum``) and shows a refusal
in the core's own words, staying open so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Note
from ui.dialogs.busy import WorkerDialog
from ui.dialogs.supervision_note import fit_to_text
from ui.ops import VaultOp
from ui.widgets.message import MessageLabel

Save = Callable[[QObject, str], VaultOp[Note]]  # (the dialog, the text): the operation to run


class NoteTextDialog(WorkerDialog):
    """A text box and a Save button; ``save(dialog, text)`` builds the operation (from
    :mod:`ui.operations`) that runs on the worker; ``saved`` gets the Note."""

    saved = Signal(object)  # the Note as the core now has it

    def __init__(
        self,
        *,
        title: str,
        explanation: str,
        field_label: str,
        save_text: str,
        save: Save,
        text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        intro.setAccessibleName("About this change")
        label = QLabel(field_label, self)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setPlainText(text)
        self.text_edit.setAccessibleName(field_label.replace("&", "").rstrip(":"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(self.fontMetrics().height() * 8)
        label.setBuddy(self.text_edit)
        self.message = MessageLabel(f"{title} message", self)
        self.buttons = self.add_save_cancel(save_text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.text_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 64)
        super().showEvent(event)

    def submit(self) -> None:
        if self.busy:
            return
        op = self.save(self, self.text_edit.toPlainText())
        self.message.clear_message()
        self.run_op(op, self._saved)

    def _saved(self, note: Note) -> None:
        self.saved.emit(note)
        self.accept()
