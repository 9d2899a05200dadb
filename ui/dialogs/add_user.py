"""The "Add user" dialog of the Admin page.

It gathers a name, a role, a team, a line manager (chosen among the vault's line
managers) and the password twice, then calls ``session.users.add`` on the vault
worker.  The only check made here is that the two passwords match (a typing
check); every rule (the password rule, R10's "workers need a line manager",
only administrators add users) is the core's, and its refusal is shown in the
dialog in its own words while the dialog stays open for a correction (the busy
state and the refusal are :class:`~ui.dialogs.busy.WorkerDialog`'s).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Role, User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.busy import WorkerDialog
from ui.widgets.message import MessageLabel

NO_MANAGER = "(no line manager)"


class AddUserDialog(WorkerDialog):
    """Emits :attr:`added` with the new ``User`` and accepts once the core agreed."""

    added = Signal(object)  # the new User

    def __init__(
        self, session: Session, users: Sequence[User], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("Add user")
        self.setAccessibleName("Add user")

        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Name")
        self.name_edit.setAccessibleDescription("The person's full name, as they will sign in")
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName("Role")
        for role in Role:
            self.role_combo.addItem(role.label, role.value)  # Qt keeps the str only
        self.role_combo.setCurrentIndex(self.role_combo.findData(Role.SOCIAL_WORKER.value))
        self.team_edit = QLineEdit(self)
        self.team_edit.setAccessibleName("Team")
        self.team_edit.setAccessibleDescription(
            "Optional; when empty, the line manager's team is used"
        )
        self.team_edit.setPlaceholderText("Optional")
        self.manager_combo = QComboBox(self)
        self.manager_combo.setAccessibleName("Line manager")
        self.manager_combo.setAccessibleDescription(
            "Social workers and key workers need one: every capture alerts them"
        )
        self.manager_combo.addItem(NO_MANAGER, None)
        for user in users:
            if user.role is Role.LINE_MANAGER:
                self.manager_combo.addItem(user.name, user.name)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName("Password")
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_edit.setAccessibleName("Repeat password")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field in (
            ("&Name:", self.name_edit),
            ("R&ole:", self.role_combo),
            ("&Team:", self.team_edit),
            ("&Line manager:", self.manager_combo),
            ("&Password:", self.password_edit),
            ("R&epeat password:", self.repeat_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)

        hint = QLabel(
            "Give the password to the person in private; they can change it later. "
            "A long passphrase is best.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.message = MessageLabel("Add user message", self)
        self.progress = self.add_busy_bar("Adding the user")

        self.buttons = QDialogButtonBox(self)
        self.add_button = QPushButton("&Add user", self)
        self.add_button.setAccessibleName("Add user")
        self.add_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel")
        self.busy_buttons = (self.add_button, self.cancel_button)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        for combo in (self.role_combo, self.manager_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.name_edit.setFocus()

    # -- filling in (also what tests use) ------------------------------------------------------

    def set_role(self, role: Role) -> None:
        self.role_combo.setCurrentIndex(self.role_combo.findData(role.value))

    def set_line_manager(self, name: str | None) -> bool:
        index = self.manager_combo.findData(name)
        if index < 0:
            return False
        self.manager_combo.setCurrentIndex(index)
        return True

    def line_manager_names(self) -> list[str]:
        return [
            str(self.manager_combo.itemData(i))
            for i in range(self.manager_combo.count())
            if self.manager_combo.itemData(i) is not None
        ]

    # -- submitting -------------------------------------------------------------------------------

    def submit(self) -> None:
        """Check the two passwords match, then ask the core on the worker."""
        if self.busy:
            return
        password = self.password_edit.text()
        if password != self.repeat_edit.text():
            self.message.show_error("The two passwords are not the same. Type them again.")
            self.password_edit.clear()
            self.repeat_edit.clear()
            self.password_edit.setFocus()
            return
        role = Role(str(self.role_combo.currentData()))
        name = self.name_edit.text()
        team = self.team_edit.text().strip() or None
        manager = self.manager_combo.currentData()
        op = operations.users.add(
            parent=self,
            session=self.session,
            name=name,
            role=role,
            password=password,
            team=team,
            line_manager=manager,
        )
        self.message.clear_message()
        self.run_op(op, self._added)

    def _added(self, user: User) -> None:
        self.added.emit(user)
        self.accept()
