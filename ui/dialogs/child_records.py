"""Small dialogs that add to a child's file: a person with PR, a wish, an explanation.

* Add person with PR: name and relationship (R3, R7 count on who has PR).
* Record wish (R2, policy 5.5.4.2): whose (the child, a person with PR, a carer
  without PR by name, or your own as the worker), yes or no, notes.  A "no" from
  anyone means no photos; the check will say so.
* Wish not needed (R2): why a person with PR is not asked, or that a carer no
  longer cares for the child, by the social worker.
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
from ui import operations
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
        return operations.children.add_person(
            parent=self,
            session=self.session,
            child_id=self.child_id,
            name=name,
            relationship=relationship,
        )


CARER = -1  # the person combo's item for a carer without PR, named in the box below


class RecordWishDialog(VaultFormDialog):
    """Emits ``saved`` (with None) once the wish is on the file.

    Whose wish: the child's or a parent/carer's (for the file's keepers: the social
    worker and line manager), or your own as the worker (for the child's allocated
    social worker and key workers).  A parent/carer's wish names the person with PR,
    or a carer without PR by name: one person's wish never replaces another's.
    """

    def __init__(self, session: Session, child_file: ChildFile, parent: QWidget | None = None):
        super().__init__("Record wish", "&Record wish", parent)
        self.session = session
        self.child_id = child_file.child.id
        role = session.user.role
        choices: list[tuple[str, Whose]] = []
        if role in (Role.SOCIAL_WORKER, Role.LINE_MANAGER):
            choices += [("The child", Whose.CHILD), ("A parent/carer", Whose.PARENT_CARER)]
        if role in (Role.SOCIAL_WORKER, Role.KEY_WORKER):
            choices.append(("You, as the worker (your own wish)", Whose.WORKER))
        self.whose_combo = QComboBox(self)
        fill(self.whose_combo, choices)
        self.add_row("&Whose wish:", self.whose_combo, "Whose wish")
        self.person_combo = QComboBox(self)
        for person in child_file.people:
            if person.current:
                self.person_combo.addItem(f"{person.name} ({person.relationship})", person.id)
        self.person_combo.addItem("A carer without parental responsibility", CARER)
        self.add_row("&Person:", self.person_combo, "Which parent/carer")
        self.carer_edit = QLineEdit(self)
        self.carer_edit.setPlaceholderText("The carer's name")
        self.add_row("&Carer's name:", self.carer_edit, "Carer's name")
        self.yes = QRadioButton("&Yes: content for photos to be taken", self)
        self.no = QRadioButton("N&o: does not wish the child to be photographed", self)
        box, self.answer = _choice(self, self.yes, self.no)
        self.add_row("Wishes:", box, "Wishes about photos")
        self.yes.setAccessibleName("Yes, content for photos to be taken")
        self.no.setAccessibleName("No, does not wish the child to be photographed")
        self.notes_edit = _notes(self, "Optional: in the person's own words, if possible")
        self.add_row("No&tes:", self.notes_edit, "Notes")
        self.add_hint(
            "Each person's wish is recorded on its own: the child, every person with "
            "parental responsibility, each carer, each worker. If any of them does not "
            "wish the child to be photographed, every capture is refused (R2, policy "
            "5.5.4.2). Only a person's own later wish replaces theirs."
        )
        self.whose_combo.currentIndexChanged.connect(self._whose_changed)
        self.person_combo.currentIndexChanged.connect(self._whose_changed)
        self._whose_changed()
        self.whose_combo.setFocus()

    def set_whose(self, whose: Whose) -> None:
        choose(self.whose_combo, whose)

    def set_person(self, person_id: int) -> bool:
        index = self.person_combo.findData(person_id)
        if index >= 0:
            self.person_combo.setCurrentIndex(index)
        return index >= 0

    def set_carer(self, name: str) -> None:
        self.set_person(CARER)
        self.carer_edit.setText(name)

    def _whose_changed(self) -> None:
        parent_carer = chosen(self.whose_combo, Whose) is Whose.PARENT_CARER
        self.form.setRowVisible(self.person_combo, parent_carer)
        carer = parent_carer and self.person_combo.currentData() == CARER
        self.form.setRowVisible(self.carer_edit, carer)

    def prepare(self) -> Work | None:
        whose = chosen(self.whose_combo, Whose)
        if whose is None:
            self.problem("You cannot record wishes on this file.", self.whose_combo)
            return None
        if not (self.yes.isChecked() or self.no.isChecked()):
            self.problem("Choose Yes or No: does this person wish photos to be taken?", self.yes)
            return None
        person_id, carer = None, None
        if whose is Whose.PARENT_CARER:
            person_id = self.person_combo.currentData()
            if person_id == CARER:
                person_id, carer = None, self.carer_edit.text().strip()
                if not carer:
                    self.problem("Type the carer's name.", self.carer_edit)
                    return None
        wishes, notes = self.yes.isChecked(), self.notes_edit.toPlainText().strip() or None
        return operations.wishes.set_wish(
            parent=self,
            session=self.session,
            child_id=self.child_id,
            whose=whose,
            wishes_photos=wishes,
            notes=notes,
            person_id=person_id,
            carer=carer,
        )


class WishNotNeededDialog(VaultFormDialog):
    """R2 (5.5.4.2), for the social worker: why a person with PR is not asked, or that a
    carer no longer cares for the child (their earlier wishes then stop counting).

    Emits ``saved`` (with None).  A reason covers a missing wish only: the core refuses
    it for a person with PR whose recorded wish is "no".
    """

    def __init__(self, session: Session, child_file: ChildFile, parent: QWidget | None = None):
        super().__init__("Wish not needed or carer gone", "&Record reason", parent)
        self.session = session
        self.child_id = child_file.child.id
        self.person_combo = QComboBox(self)
        for person in child_file.people:
            if person.current:
                self.person_combo.addItem(f"{person.name} ({person.relationship})", person.id)
        for wish in child_file.wishes:
            if wish.carer and wish.person_name:
                label = f"{wish.person_name} (carer): no longer cares for the child"
                self.person_combo.addItem(label, f"carer:{wish.person_name}")
        self.add_row("&Person:", self.person_combo, "Person with PR or carer")
        self.reason_edit = _notes(self, "Why their wish is not asked for, or no longer counts")
        self.add_row("&Why:", self.reason_edit, "Why their wish is not needed")
        self.add_hint(
            "A person with parental responsibility who has not been asked blocks every "
            "capture until their wish is recorded, or until you record here why it is not "
            "needed; a carer's wishes stop counting once you record that they no longer "
            'care for the child (R2, policy 5.5.4.2). A recorded "no" from a person with '
            "parental responsibility cannot be set aside this way."
        )
        self.person_combo.setFocus()

    def _pick(self, data: object) -> bool:
        index = self.person_combo.findData(data)
        if index >= 0:
            self.person_combo.setCurrentIndex(index)
        return index >= 0

    def set_person(self, person_id: int) -> bool:
        return self._pick(person_id)

    def set_carer(self, name: str) -> bool:
        return self._pick(f"carer:{name}")

    def prepare(self) -> Work | None:
        chosen_one = self.person_combo.currentData()
        if chosen_one is None:
            self.problem("There is no one with parental responsibility or carer to choose.")
            return None
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.problem("Say why this person's wish is not needed.", self.reason_edit)
            return None
        session, child_id = self.session, self.child_id
        if isinstance(chosen_one, str):
            carer = chosen_one.removeprefix("carer:")
            return operations.wishes.record_carer_ended(
                parent=self, session=session, child_id=child_id, carer=carer, reason=reason
            )
        return operations.wishes.record_wish_not_needed(
            parent=self, session=session, child_id=child_id, person_id=chosen_one, reason=reason
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
        session, child_id = self.session, self.child_id
        if self.explained.isChecked():
            day = picked_date(self.on_edit)
            return operations.wishes.record_explained(
                parent=self, session=session, child_id=child_id, to_whom=to_whom, explained_on=day
            )
        reason = self.reason_edit.toPlainText().strip()
        permitted = self.permit_combo.currentText().strip()
        if not reason:
            self.problem("Say why the purpose was not explained.", self.reason_edit)
            return None
        if not permitted:
            self.problem("Name the social worker who permitted this.", self.permit_combo)
            return None
        return operations.wishes.record_not_explained(
            parent=self,
            session=session,
            child_id=child_id,
            to_whom=to_whom,
            reason=reason,
            permitted_by=permitted,
        )
