"""The "Change line manager" dialog of the Users tab (R10, policy 5.5.3.2).

It offers the vault's line managers (not the one the worker has now) and calls
``session.set_line_manager`` on the vault worker.  The core moves the worker's open
supervision items to the new line manager, and refuses anyone who is not a line
manager, or a caller who is not an administrator; its refusal stays in the open
dialog in its own words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Role, User
from sefton_photos.session import Session
from ui.ops import VaultOp, describe
from ui.qtcompat import emit
from ui.widgets.message import MessageLabel


def managers_for(worker: User, users: Sequence[User]) -> list[str]:
    """The line managers ``worker`` could be given: every one but their own and themself."""
    return [
        u.name
        for u in users
        if u.role is Role.LINE_MANAGER and u.name not in (worker.name, worker.line_manager_name)
    ]


class LineManagerDialog(QDialog):
    """Emits :attr:`changed` with the updated ``User`` and accepts once the core agreed."""

    changed = Signal(object)  # the User with their new line manager

    def __init__(
        self,
        session: Session,
        worker: User,
        users: Sequence[User],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.busy = False
        self.current_op: VaultOp[User] | None = None
        self.setWindowTitle("Change line manager")
        self.setAccessibleName(f"Change line manager of {worker.name}")
        now = worker.line_manager_name or "nobody"
        intro = QLabel(f"{worker.name}'s line manager is {now}.", self)
        intro.setWordWrap(True)
        self.manager_combo = QComboBox(self)
        self.manager_combo.setAccessibleName("New line manager")
        self.manager_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for name in managers_for(worker, users):
            self.manager_combo.addItem(name, name)
        label = QLabel("&New line manager:", self)
        label.setBuddy(self.manager_combo)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(label, self.manager_combo)
        hint = QLabel(
            "From now on each of their captures alerts the new line manager (R10, policy "
            "5.5.3.2). Items not yet covered by a supervision note move to the new line "
            "manager's queue; notes already written stay as they are.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.message = MessageLabel("Change line manager message", self)
        self.buttons = QDialogButtonBox(self)
        self.change_button = QPushButton("&Change", self)
        self.change_button.setAccessibleName("Change the line manager")
        self.change_button.setDefault(True)
        self.change_button.setEnabled(self.manager_combo.count() > 0)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.addButton(self.change_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        if self.manager_combo.count() == 0:
            self.message.show_error("There is no other line manager to choose.")
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.manager_combo.setFocus()

    def set_manager(self, name: str) -> bool:
        index = self.manager_combo.findData(name)
        if index >= 0:
            self.manager_combo.setCurrentIndex(index)
        return index >= 0

    def submit(self) -> VaultOp[User] | None:
        if self.busy or self.manager_combo.count() == 0:
            return None
        session, name = self.session, self.worker.name
        manager = str(self.manager_combo.currentData())
        self._set_busy(True)
        self.message.clear_message()
        op: VaultOp[User] = VaultOp(
            parent=self, op=lambda: session.set_line_manager(name=name, line_manager=manager)
        )
        self.current_op = op.success(self._changed).failure(self._failed).run()
        return self.current_op

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.change_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _changed(self, user: User) -> None:
        self._set_busy(False)
        emit(self.changed, user)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(describe(error))

    def reject(self) -> None:
        if not self.busy:
            super().reject()
