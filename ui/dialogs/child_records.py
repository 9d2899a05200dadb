"""Small dialogs that add to a child's file: a person with PR, a wish, an explanation.

* Add person with PR: name and relationship (R3, R7 count on who has PR).
* Record wish (R2, policy 5.5.4.2): whose (the child, a parent/carer, the worker),
  yes or no, notes.  A "no" from anyone means no photos; the check will say so.
* Record explanation (R2): the purpose was explained to the child or to the
  parent/carer on a date, or it was not, with the reason and the social worker
  who permitted that.
Each one asks the core on the worker and shows its refusal in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from sefton_photos.model import ChildFile, Role, User, Whose
from sefton_photos.session import Session
from ui.dialogs.vault_form import VaultFormDialog, Work, date_edit, picked_date
from ui.models.staff import names_with_role
from ui.widgets.choices import choose, chosen, fill


def _notes(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(parent.fontMetrics().height() * 3)
    return edit


def _choice(parent: QWidget, *buttons: QRadioButton) -> tuple[QWidget, QButtonGroup]:
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for button in buttons:
        group.addButton(button)
        row.addWidget(button)
    row.addStretch(1)
    return box, group


class AddPersonDialog(VaultFormDialog):
    """Emits ``saved`` with the new ``ResponsiblePerson``."""

    def __init__(self, session: Session, child_id: int, parent: QWidget | None = None) -> None:
        super().__init__("Add person with PR", "&Add person", parent)
        self.session = session
        self.child_id = child_id
        self.name_edit = QLineEdit(self)
        self.add_row("&Name:", self.name_edit, "Name of the person with PR")
        self.relationship_edit = QLineEdit(self)
        self.relationship_edit.setPlaceholderText("For example: mother, father, special guardian")
        self.add_row("&Relationship to the child:", self.relationship_edit, "Relationship")
        self.add_hint(
            "Record everyone with parental responsibility: publicity needs a separate "
            "consent from each of them (R7, policy 5.5.4.8)."
        )
        self.name_edit.setFocus()

    def prepare(self) -> Work | None:
        name = self.name_edit.text().strip()
        relationship = self.relationship_edit.text().strip()
        if not name:
            self.problem("Type the person's name.", self.name_edit)
            return None
        if not relationship:
            self.problem("Say how the person is related to the child.", self.relationship_edit)
            return None
        children, child_id = self.session.children, self.child_id
        return lambda: children.add_person(child_id=child_id, name=name, relationship=relationship)


class RecordWishDialog(VaultFormDialog):
    """Emits ``saved`` (with None) once the wish is on the file."""

    def __init__(self, session: Session, child_file: ChildFile, parent: QWidget | None = None):
        super().__init__("Record wish", "&Record wish", parent)
        self.session = session
        self.child_id = child_file.child.id
        self.whose_combo = QComboBox(self)
        fill(
            self.whose_combo,
            (
                ("The child", Whose.CHILD),
                ("A parent/carer", Whose.PARENT_CARER),
                ("The worker", Whose.WORKER),
            ),
        )
        self.add_row("&Whose wish:", self.whose_combo, "Whose wish")
        self.person_combo = QComboBox(self)
        self.person_combo.addItem("(no particular person)", None)
        for person in child_file.people:
            if person.current:
                self.person_combo.addItem(f"{person.name} ({person.relationship})", person.id)
        self.add_row("&Person:", self.person_combo, "Which parent/carer")
        self.yes = QRadioButton("&Yes: content for photos to be taken", self)
        self.no = QRadioButton("N&o: does not wish the child to be photographed", self)
        box, self.answer = _choice(self, self.yes, self.no)
        self.add_row("Wishes:", box, "Wishes about photos")
        self.yes.setAccessibleName("Yes, content for photos to be taken")
        self.no.setAccessibleName("No, does not wish the child to be photographed")
        self.notes_edit = _notes(self, "Optional: in the person's own words, if possible")
        self.add_row("No&tes:", self.notes_edit, "Notes")
        self.add_hint(
            "If the child, a parent/carer or the worker does not wish the child to be "
            "photographed, every capture is refused (R2, policy 5.5.4.2). The latest "
            "wish of each person is the one that counts."
        )
        self.whose_combo.currentIndexChanged.connect(self._whose_changed)
        self._whose_changed()
        self.whose_combo.setFocus()

    def set_whose(self, whose: Whose) -> None:
        choose(self.whose_combo, whose)

    def _whose_changed(self) -> None:
        parent_carer = chosen(self.whose_combo, Whose) is Whose.PARENT_CARER
        self.form.setRowVisible(self.person_combo, parent_carer)

    def prepare(self) -> Work | None:
        if not (self.yes.isChecked() or self.no.isChecked()):
            self.problem("Choose Yes or No: does this person wish photos to be taken?", self.yes)
            return None
        whose = chosen(self.whose_combo, Whose)
        assert whose is not None
        person_id = self.person_combo.currentData() if whose is Whose.PARENT_CARER else None
        wishes, notes = self.yes.isChecked(), self.notes_edit.toPlainText().strip() or None
        consents, child_id = self.session.consents, self.child_id
        return lambda: consents.set_wish(
            child_id=child_id,
            whose=whose,
            wishes_photos=wishes,
            notes=notes,
            person_id=person_id,
        )


class RecordExplanationDialog(VaultFormDialog):
    """Emits ``saved`` (with None) once the explanation is on the file."""

    def __init__(
        self,
        session: Session,
        child_file: ChildFile,
        staff: Sequence[User] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Record explanation", "&Record explanation", parent)
        self.session = session
        self.child_id = child_file.child.id
        self.to_combo = QComboBox(self)
        fill(self.to_combo, (("The child", Whose.CHILD), ("The parent/carer", Whose.PARENT_CARER)))
        self.add_row("Purpose explained &to:", self.to_combo, "Purpose explained to")
        self.explained = QRadioButton("E&xplained", self)
        self.not_explained = QRadioButton("&Not explained", self)
        box, self.answer = _choice(self, self.explained, self.not_explained)
        self.explained.setChecked(True)
        self.explained.setAccessibleName("The purpose was explained")
        self.not_explained.setAccessibleName("The purpose was not explained")
        self.add_row("Was it explained?", box, "Was the purpose explained")
        self.on_edit = date_edit(self)
        self.add_row("Explained &on:", self.on_edit, "Explained on")
        self.reason_edit = _notes(self, "Why the purpose was not explained")
        self.add_row("&Why not:", self.reason_edit, "Why the purpose was not explained")
        self.permit_combo = QComboBox(self)
        self.permit_combo.setEditable(True)
        names = names_with_role(staff, Role.SOCIAL_WORKER, Role.LINE_MANAGER)
        social = child_file.child.social_worker
        if social and social not in names:
            names.insert(0, social)
        self.permit_combo.addItems(names)
        if social:
            self.permit_combo.setCurrentText(social)
        self.add_row("&Permitted by:", self.permit_combo, "Social worker who permitted it")
        self.add_hint(
            "The purpose of photos is explained to the child and to the parent/carer. "
            "If it was not, record why, and the social worker who permitted that "
            "(R2, policy 5.5.4.2)."
        )
        self.explained.toggled.connect(self._explained_changed)
        self._explained_changed()
        self.to_combo.setFocus()

    def set_to_whom(self, whose: Whose) -> None:
        choose(self.to_combo, whose)

    def _explained_changed(self) -> None:
        explained = self.explained.isChecked()
        self.form.setRowVisible(self.on_edit, explained)
        self.form.setRowVisible(self.reason_edit, not explained)
        self.form.setRowVisible(self.permit_combo, not explained)
        self.adjustSize()

    def prepare(self) -> Work | None:
        to_whom = chosen(self.to_combo, Whose)
        assert to_whom is not None
        consents, child_id = self.session.consents, self.child_id
        if self.explained.isChecked():
            day = picked_date(self.on_edit)
            return lambda: consents.record_explanation(
                child_id=child_id, to_whom=to_whom, explained_on=day
            )
        reason = self.reason_edit.toPlainText().strip()
        permitted = self.permit_combo.currentText().strip()
        if not reason:
            self.problem("Say why the purpose was not explained.", self.reason_edit)
            return None
        if not permitted:
            self.problem("Name the social worker who permitted this.", self.permit_combo)
            return None
        return lambda: consents.record_explanation(
            child_id=child_id,
            to_whom=to_whom,
            not_explained_reason=reason,
            permitted_by=permitted,
        )
