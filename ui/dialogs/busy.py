"""What a dialog that saves through the vault worker shares: busy while the call runs.

While the worker is saving, the main and cancel buttons are disabled and Escape is
ignored (the answer must arrive first); a failure is shown in the dialog in the
core's own words and the dialog stays open for a correction.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from ui.ops import describe
from ui.widgets.message import MessageLabel


class WorkerDialog(QDialog):
    """Subclasses set :attr:`busy_buttons` and :attr:`message`, and call ``_set_busy``."""

    message: MessageLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False
        self.busy_buttons: tuple[QPushButton, ...] = ()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in self.busy_buttons:
            button.setEnabled(not busy)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(describe(error))

    def reject(self) -> None:
        """No cancel while the worker is saving: the answer must arrive first."""
        if self.busy:
            return
        super().reject()
