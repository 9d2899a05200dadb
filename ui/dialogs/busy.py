"""The base of every dialog that waits on the vault: busy while the worker's call runs.

:meth:`WorkerDialog.run_op` runs one operation (built by :mod:`ui.operations`) on the
vault worker (:mod:`ui.ops`).
While it runs, the dialog's main and cancel buttons are disabled, its busy bar (if it
has one) shows, and Escape or Cancel is ignored: the answer must arrive first.  Once
the core agreed the buttons come back and the subclass's own step runs (emit its
signal, close, or show what it made); whatever the core refused is shown in the
dialog in the core's own words, and the dialog stays open for a correction.  The
add-record forms, Add user, Subject access, the note dialogs and Export record all
are one of these.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressBar, QPushButton, QWidget

from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel

T = TypeVar("T")


class WorkerDialog(QDialog):
    """Subclasses set :attr:`busy_buttons` and :attr:`message` (and maybe a busy bar with
    :meth:`add_busy_bar`), and run their operation with :meth:`run_op`."""

    message: MessageLabel
    failure_words = ""  # said before the core's refusal, e.g. "No package was made. "

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.busy_buttons: tuple[QPushButton, ...] = ()
        self.busy_bar: QProgressBar | None = None
        self.current_op: VaultOp[Any] | None = None

    def add_save_cancel(self, save_text: str) -> QDialogButtonBox:
        """The main button (the default, named for its words) and Cancel, in a button box;
        both are the busy buttons (off while the worker runs)."""
        self.save_button = QPushButton(save_text, self)
        self.save_button.setAccessibleName(save_text.replace("&", ""))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel")
        self.busy_buttons = (self.save_button, self.cancel_button)
        box = QDialogButtonBox(self)
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        return box

    def add_busy_bar(self, name: str) -> QProgressBar:
        """An indeterminate bar, hidden except while the worker runs; named for a reader."""
        bar = QProgressBar(self)
        bar.setRange(0, 0)
        bar.setTextVisible(False)
        bar.setAccessibleName(name)
        bar.hide()
        self.busy_bar = bar
        return bar

    def run_op(self, op: VaultOp[T], done: Callable[[T], None]) -> VaultOp[T]:
        """Busy, then ``op`` on the worker; ``done(answer)`` once it is no longer busy."""

        def answered(result: T) -> None:
            self._set_busy(False)
            done(result)

        self._set_busy(True)
        self.current_op = op
        return op.success(answered).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.busy_buttons:
            button.setEnabled(not busy)
        if self.busy_bar is not None:
            self.busy_bar.setVisible(busy)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(self.failure_words + describe(error))

    def reject(self) -> None:
        """No cancel while the worker is saving: the answer must arrive first."""
        if self.busy:
            return
        super().reject()
