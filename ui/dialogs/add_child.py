"""The "Open a new file" dialog: a child's name, date of birth, care status and staff.

A social worker who opens a file becomes the child's allocated social worker (the
core does that); a line manager names one.  Key workers to allocate are ticked in
a list of the vault's key workers.  Whether the user may open a file at all is the
core's decision (``children.add``), shown here in its words if refused.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLabel, QLineEdit, QListView, QWidget

from sefton_photos.model import CareStatus, Role, User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.vault_form import VaultFormDialog, Work, date_edit, picked_date
from ui.models.children import CARE_WORDS
from ui.models.staff import StaffChecklistModel, names_with_role
from ui.widgets.choices import choose, chosen, fill


class AddChildDialog(VaultFormDialog):
    """Emits ``saved`` with the new ``Child`` once the core opened the file."""

    def __init__(
        self, session: Session, staff: Sequence[User], parent: QWidget | None = None
    ) -> None:
        super().__init__("Open a new file", "&Open the file", parent)
        self.session = session
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleDescription("The child's full name")
        self.add_row("Child's &name:", self.name_edit, "Child's name")
        self.born_edit = date_edit(self)
        self.born_edit.setAccessibleDescription("Day, month and year; F4 opens a calendar")
        self.add_row("Date of &birth:", self.born_edit, "Date of birth")
        self.care_combo = QComboBox(self)
        self.care_combo.setPlaceholderText("Choose the care status")
        fill(self.care_combo, ((CARE_WORDS[s], s) for s in CareStatus))
        self.care_combo.setCurrentIndex(-1)
        self.care_combo.setAccessibleDescription(
            "Foster, looked after and previously looked after children are never shown "
            "in public or on social networks (R6, R9)"
        )
        self.add_row("&Care status:", self.care_combo, "Care status")

        self.social_combo: QComboBox | None = None
        if session.user.role is Role.SOCIAL_WORKER:
            you = QLabel(f"You ({session.user.name})", self)
            you.setAccessibleName(f"Social worker: you, {session.user.name}")
            self.add_row("Social worker:", you, "Social worker")
        else:
            self.social_combo = QComboBox(self)
            self.social_combo.setPlaceholderText("Choose the allocated social worker")
            for name in names_with_role(staff, Role.SOCIAL_WORKER):
                self.social_combo.addItem(name, name)
            self.social_combo.setCurrentIndex(-1)
            self.add_row("&Social worker:", self.social_combo, "Social worker")

        self.key_model = StaffChecklistModel(names_with_role(staff, Role.KEY_WORKER), self)
        self.key_view = QListView(self)
        self.key_view.setModel(self.key_model)
        self.key_view.setAccessibleName("Key workers to allocate")
        self.key_view.setAccessibleDescription("Tick each key worker with the space bar")
        self.key_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = max(3, min(6, self.key_model.rowCount()))
        self.key_view.setMinimumHeight(self.fontMetrics().height() * rows + 12)
        self.add_row("&Key workers:", self.key_view, "Key workers to allocate")
        self.add_hint(
            "Only the staff allocated here (and their line managers) will see this "
            "child's file. Every view and change is written to the audit log."
        )
        self.name_edit.setFocus()

    def set_care_status(self, status: CareStatus) -> None:
        choose(self.care_combo, status)

    def prepare(self) -> Work | None:
        name = self.name_edit.text().strip()
        if not name:
            self.problem("Type the child's name.", self.name_edit)
            return None
        status = chosen(self.care_combo, CareStatus)
        if status is None:
            self.problem("Choose the child's care status.", self.care_combo)
            return None
        social: str | None = None
        if self.social_combo is not None:
            social = self.social_combo.currentData()
            if not social:
                self.problem("Choose the child's allocated social worker.", self.social_combo)
                return None
        born = picked_date(self.born_edit)
        keys = self.key_model.checked()
        return operations.children.add(
            parent=self,
            session=self.session,
            name=name,
            date_of_birth=born,
            care_status=status,
            social_worker=social,
            key_workers=keys,
        )
