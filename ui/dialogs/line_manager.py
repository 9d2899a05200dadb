"""The "Change line manager" dialog of the Users tab (R10, policy 5.5.3.2).

It offers the vault's line managers (not the one the worker has now) and calls
``session.users.set_line_manager`` on the vault worker, through
:class:`~ui.dialogs.vault_form.VaultFormDialog`.  The core moves the worker's open
supervision items to the new line manager, and refuses anyone who is not a line
manager, or a caller who is not an administrator; its refusal stays in the open
dialog in its own words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

from sefton_photos.model import Role, User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.vault_form import VaultFormDialog, Work


def managers_for(worker: User, users: Sequence[User]) -> list[str]:
    """The line managers ``worker`` could be given: every one but their own and themself."""
    return [
        u.name
        for u in users
        if u.role is Role.LINE_MANAGER and u.name not in (worker.name, worker.line_manager_name)
    ]


class LineManagerDialog(VaultFormDialog):
    """Emits :attr:`changed` with the updated ``User`` and accepts once the core agreed."""

    changed = Signal(object)  # the User with their new line manager

    def __init__(
        self,
        session: Session,
        worker: User,
        users: Sequence[User],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Change line manager", "&Change", parent)
        self.session = session
        self.worker = worker
        self.setAccessibleName(f"Change line manager of {worker.name}")
        now = worker.line_manager_name or "nobody"
        intro = QLabel(f"{worker.name}'s line manager is {now}.", self)
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.manager_combo = QComboBox(self)
        self.manager_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for name in managers_for(worker, users):
            self.manager_combo.addItem(name, name)
        self.add_row("&New line manager:", self.manager_combo, "New line manager")
        self.add_hint(
            "From now on each of their captures alerts the new line manager (R10, policy "
            "5.5.3.2). Items not yet covered by a supervision note move to the new line "
            "manager's queue; notes already written stay as they are."
        )
        self.change_button = self.ok_button
        self.change_button.setAccessibleName("Change the line manager")
        self.change_button.setEnabled(self.manager_combo.count() > 0)
        if self.manager_combo.count() == 0:
            self.message.show_error("There is no other line manager to choose.")
        self.saved.connect(lambda user: self.changed.emit(user))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.manager_combo.setFocus()

    def set_manager(self, name: str) -> bool:
        index = self.manager_combo.findData(name)
        if index >= 0:
            self.manager_combo.setCurrentIndex(index)
        return index >= 0

    def prepare(self) -> Work | None:
        if self.manager_combo.count() == 0:
            return None
        return operations.users.set_line_manager(
            parent=self,
            session=self.session,
            name=self.worker.name,
            line_manager=str(self.manager_combo.currentData()),
        )
