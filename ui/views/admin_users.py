"""The Users tab of the Admin page: the table of staff, add a user, change a worker's
line manager, remove a user.

Listing, adding and removing all run on the vault worker; a refusal from the core
(only administrators manage users, R10's line-manager rule, the password rule,
"the last administrator cannot be removed") is shown in its own words.  Removing
asks first, because it rotates the vault key for everyone who remains.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.add_user import AddUserDialog
from ui.dialogs.line_manager import LineManagerDialog
from ui.models.users import UsersTableModel
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel


def removal_question(name: str) -> str:
    return (
        f"Remove {name} from the vault?\n\n"
        f"The vault key will be rotated, so {name}'s password will open nothing from "
        "now on, on this computer or any copy of the vault made from now on. "
        "Their past entries in the audit log stay.\n\nThis cannot be undone."
    )


class UsersTab(QWidget):
    """Users table, "Add user…", "Change line manager…", "Remove user…", "Refresh"."""

    users_loaded = Signal()
    changed = Signal()  # a user was added, changed or removed (and the table reloaded)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.add_dialog: AddUserDialog | None = None
        self.manager_dialog: LineManagerDialog | None = None
        self.model = UsersTableModel(parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Users")
        self.table.setAccessibleDescription("Everyone who can sign in to this vault")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.add_button = QPushButton("&Add user…", self)
        self.add_button.setAccessibleName("Add user")
        self.add_button.setAccessibleDescription("Give a member of staff a name, role and password")
        self.manager_button = QPushButton("Change line &manager…", self)
        self.manager_button.setAccessibleName("Change line manager")
        self.manager_button.setAccessibleDescription(
            "Give the selected worker another line manager; their open items move too"
        )
        self.remove_button = QPushButton("&Remove user…", self)
        self.remove_button.setAccessibleName("Remove user")
        self.remove_button.setAccessibleDescription(
            "Remove the selected user; the vault key is rotated"
        )
        self.refresh_button = QPushButton("Re&load users", self)
        self.refresh_button.setAccessibleName("Refresh the users table")
        for button in self._buttons():
            button.setAutoDefault(False)
        self.message = MessageLabel("Users message", self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.manager_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

        self.add_button.clicked.connect(self.open_add_dialog)
        self.manager_button.clicked.connect(self.open_manager_dialog)
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button.clicked.connect(self.refresh)

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.add_button, self.manager_button, self.remove_button, self.refresh_button)

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> VaultOp[list[User]]:
        """Reload the table from ``session.users.list()`` on the worker."""
        self.refresh_button.setEnabled(False)

        def loaded(users: list[User]) -> None:
            self.refresh_button.setEnabled(True)
            self.model.set_users(users)
            self.users_loaded.emit()

        def failed(error: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.users_loaded.emit()

        op = operations.users.listing(parent=self, session=self.session)
        return op.success(loaded).failure(failed).run()

    def forget(self) -> None:
        self.model.clear()
        self.message.clear_message()

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def select_name(self, name: str) -> bool:
        """Select the row of ``name`` (keyboard users and tests); True if found."""
        for row, user in enumerate(self.model.users):
            if user.name == name:
                self.table.selectRow(row)
                return True
        return False

    # -- add ------------------------------------------------------------------------------------

    def open_add_dialog(self) -> AddUserDialog:
        """Open the add-user dialog (not modal-blocking: the answer comes by signal)."""
        dialog = AddUserDialog(self.session, self.model.users, parent=self)
        dialog.added.connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, user: User) -> None:
        self.message.show_info(f"{user.name} was added as {user.role.label.lower()}.")
        self.refresh().finished.connect(self.changed)

    # -- change line manager ---------------------------------------------------------------------

    def open_manager_dialog(self) -> LineManagerDialog | None:
        """Offer the other line managers for the selected user (R10)."""
        user = self.selected_user()
        if user is None:
            self.message.show_error("Choose a user in the table first, then Change line manager.")
            return None
        dialog = LineManagerDialog(self.session, user, self.model.users, parent=self)
        dialog.changed.connect(self._manager_changed)
        dialog.finished.connect(dialog.deleteLater)
        self.manager_dialog = dialog
        dialog.open()
        return dialog

    def _manager_changed(self, user: User) -> None:
        self.message.show_info(f"{user.name}'s line manager is now {user.line_manager_name}.")
        self.refresh().finished.connect(self.changed)

    # -- remove ---------------------------------------------------------------------------------

    def remove_selected(self) -> VaultOp[None] | None:
        """Ask, then remove the selected user on the worker (the key rotation is slow)."""
        user = self.selected_user()
        if user is None:
            self.message.show_error("Choose a user in the table first, then Remove user.")
            return None
        answer = QMessageBox.question(
            self,
            "Remove user",
            removal_question(user.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.show_info(f"{user.name} was not removed.")
            return None
        name = user.name
        self._set_busy(True)
        self.message.show_info(f"Removing {name} and rotating the vault key…")

        def removed(_result: None) -> None:
            self._set_busy(False)
            self.message.show_info(f"{name} was removed and the vault key was rotated.")
            self.refresh().finished.connect(self.changed)

        def failed(error: BaseException) -> None:
            self._set_busy(False)
            self.message.show_error(describe(error))

        op = operations.users.remove(parent=self, session=self.session, name=name)
        return op.success(removed).failure(failed).run()

    def _set_busy(self, busy: bool) -> None:
        for button in self._buttons():
            button.setEnabled(not busy)
