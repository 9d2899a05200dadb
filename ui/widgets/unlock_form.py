"""The name + password form used to sign in and to unlock again after a lock.

One widget serves both the unlock dialog and the lock panel of the main window,
so both behave the same way: the password check (Argon2id) runs on the vault
worker, the button is disabled while it runs, and a refusal is shown as the
core's own words (never a traceback).

Two modes:

* sign-in (``vault=...``): calls ``Session.unlock`` and hands the new ``Session``
  on through :attr:`UnlockForm.unlocked`;
* unlock again (``session=...``): the name is fixed to the locked user and it
  calls ``session.unlock_again``; :attr:`unlocked` carries the same session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import operations
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel

if TYPE_CHECKING:  # the session (SQLAlchemy, Alembic...) loads on the worker, after paint
    from sefton_photos.session import Session


class UnlockForm(QWidget):
    """User name, password, "Unlock" button, busy bar and message line."""

    unlocked = Signal(object)  # the Session
    refused = Signal(str)  # the message shown

    def __init__(
        self,
        *,
        vault: Path | None = None,
        session: Session | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (vault is None) == (session is None):
            raise ValueError("give either a vault folder (sign in) or a session (unlock again)")
        self.vault = vault
        self.session = session
        self.busy = False
        self.current_op: VaultOp[object] | None = None

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("User name")
        self.name_edit.setAccessibleDescription("Your name as your administrator entered it")
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("Password")
        self.unlock_button = QPushButton("&Unlock", self)
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.setAutoDefault(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # indeterminate: Argon2id gives no progress
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Working")
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setProperty("role", "hint")
        self.status.setAccessibleName("Progress")
        self.status.hide()
        self.message = MessageLabel("Sign-in message", self)

        if session is not None:
            self.name_edit.setText(session.user.name)
            self.name_edit.setReadOnly(True)
            self.name_edit.setAccessibleDescription("Only the user who locked the window")
            self.unlock_button.setAccessibleDescription("Unlock the window with your password")
        else:
            self.unlock_button.setAccessibleDescription("Check the password and open the vault")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        name_label = QLabel("User &name:", self)
        name_label.setBuddy(self.name_edit)
        password_label = QLabel("&Password:", self)
        password_label.setBuddy(self.password_edit)
        form.addRow(name_label, self.name_edit)
        form.addRow(password_label, self.password_edit)

        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.unlock_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.setTabOrder(self.name_edit, self.password_edit)
        self.setTabOrder(self.password_edit, self.unlock_button)
        self.unlock_button.clicked.connect(self.attempt)
        self.password_edit.returnPressed.connect(self.attempt)
        self.name_edit.returnPressed.connect(self._name_entered)

    # -- what callers use -------------------------------------------------------------------

    def fill(self, name: str, password: str) -> None:
        """Fill in the fields (the demo list does this); nothing is checked yet."""
        if self.session is None:
            self.name_edit.setText(name)
        self.password_edit.setText(password)
        self.message.clear_message()

    def reset(self) -> None:
        """Empty the password and the message; focus where typing should start."""
        self.password_edit.clear()
        self.message.clear_message()
        self.focus_first()

    def focus_first(self) -> None:
        if self.session is None and not self.name_edit.text():
            self.name_edit.setFocus()
        else:
            self.password_edit.setFocus()

    def show_error(self, text: str) -> None:
        self.message.show_error(text)

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While the worker runs: no second click, a moving bar and a word on what happens."""
        self.busy = busy
        self.unlock_button.setEnabled(not busy)
        self.name_edit.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.status.setText(text)
        self.status.setVisible(busy and bool(text))
        if not busy:
            self.focus_first()

    def attempt(self) -> None:
        """Check the name and password on the worker (Argon2id takes a moment)."""
        if self.busy:
            return
        name = self.name_edit.text().strip()
        password = self.password_edit.text()
        if not name:
            self.show_error("Enter your user name.")
            self.name_edit.setFocus()
            return
        if not password:
            self.show_error("Enter your password.")
            self.password_edit.setFocus()
            return
        self.message.clear_message()
        self.set_busy(True, "Checking your password…")
        session, vault = self.session, self.vault
        if session is not None:
            op = operations.session.unlock_again(parent=self, session=session, password=password)
        else:
            assert vault is not None
            op = operations.session.unlock(parent=self, vault=vault, name=name, password=password)
        self.current_op = op.success(self._done).failure(self._failed)
        self.current_op.run()

    # -- answers from the worker --------------------------------------------------------------

    def _name_entered(self) -> None:
        self.password_edit.setFocus()

    def _done(self, session: object) -> None:
        self.set_busy(False)
        self.password_edit.clear()
        self.unlocked.emit(session)

    def _failed(self, error: BaseException) -> None:
        self.set_busy(False)
        text = describe(error)
        self.password_edit.clear()
        self.show_error(text)
        self.password_edit.setFocus()
        self.refused.emit(text)
