"""The "Add consent" dialog: written consent on the child's file (R3, R7, R12, R13).

It asks for the type of consent, who gave it (a person with parental
responsibility chosen from the file, the social worker by name, or the young
person, whose consent needs a recorded assessment of their age and
understanding), the signed date, an optional expiry ("the first day it no longer
holds"), for a group consent the day carers were notified, and the scanned form.
The form is chosen with a file dialog and handed to the core as a path: the core
reads it, checks it is a scan or PDF and keeps it encrypted (R8); nothing is
copied here.  Every rule is the core's (``consents.add``) and its refusal is shown
in words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from sefton_photos.model import ChildFile, ConsentKind, GivenBy
from sefton_photos.services.consents import DEFAULT_SCOPE
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.vault_form import VaultFormDialog, Work, date_edit, picked_date
from ui.widgets.choices import choose, chosen, fill

FORM_FILTER = "Scanned forms (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"
NO_FORM = "No form attached yet."


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def scope_words(kind: ConsentKind) -> str:
    """What a consent of this type covers, from the core's default scope."""
    if kind is ConsentKind.FACE_MATCHING:
        return (
            "Allows face data to be kept so this child can be recognised in photos "
            "(R13); it is deleted if the consent is withdrawn."
        )
    purposes, _destinations = DEFAULT_SCOPE[kind]
    return "Covers: " + ", ".join(p.label for p in purposes) + "."


def _size(path: Path) -> str:
    try:
        kib = max(1, round(path.stat().st_size / 1024))
    except OSError:
        return "cannot be read"
    return f"{kib} KB"


class AddConsentDialog(VaultFormDialog):
    """Emits ``saved`` with the new ``ConsentRecord``."""

    def __init__(self, session: Session, child_file: ChildFile, parent: QWidget | None = None):
        super().__init__("Add consent", "Add &consent", parent)
        self.session = session
        self.child_file = child_file
        self.form_path: Path | None = None
        child = child_file.child

        self.kind_combo = QComboBox(self)
        fill(self.kind_combo, ((capital(k.label), k) for k in ConsentKind))
        self.add_row("&Type of consent:", self.kind_combo, "Type of consent")
        self.scope_label = QLabel(self)
        self.scope_label.setWordWrap(True)
        self.scope_label.setProperty("role", "hint")
        self.form.addRow("", self.scope_label)

        self.given_combo = QComboBox(self)
        fill(self.given_combo, ((capital(g.label), g) for g in GivenBy))
        self.add_row("&Given by:", self.given_combo, "Given by")

        self.person_combo = QComboBox(self)
        for person in child_file.people:
            if person.current:
                self.person_combo.addItem(f"{person.name} ({person.relationship})", person.id)
        self.person_combo.setPlaceholderText(
            "Choose the person who signed"
            if self.person_combo.count()
            else "Nobody with PR is on the file: add them first"
        )
        self.person_combo.setCurrentIndex(-1)
        self.person_label = self.add_row("&Person with PR:", self.person_combo, "Person with PR")
        self.giver_edit = QLineEdit(child.social_worker or "", self)
        self.giver_edit.setAccessibleDescription("The social worker who signed the consent")
        self.giver_label = self.add_row("Social &worker:", self.giver_edit, "Social worker")
        self.assessment_edit = QPlainTextEdit(self)
        self.assessment_edit.setTabChangesFocus(True)
        self.assessment_edit.setPlaceholderText(
            "Who assessed the young person's age and understanding, when, and what they found"
        )
        self.assessment_edit.setMinimumHeight(self.fontMetrics().height() * 4)
        self.assessment_label = self.add_row(
            "&Assessment of age and understanding (required):",
            self.assessment_edit,
            "Assessment of age and understanding",
        )

        self.signed_edit = date_edit(self)
        self.add_row("&Signed on:", self.signed_edit, "Signed on")

        self.expires_check = QCheckBox("&Expires: first day it no longer holds", self)
        self.expires_check.setAccessibleName("The consent has an expiry date")
        self.expires_edit = date_edit(self)
        self.expires_edit.setMaximumDate(self.expires_edit.maximumDate().addYears(50))
        self.expires_edit.setDate(self.expires_edit.date().addYears(1))
        self.expires_edit.setEnabled(False)
        self.expires_edit.setAccessibleName("Expiry date: the first day it no longer holds")
        self.form.addRow(self._pair(self.expires_check, self.expires_edit))

        self.notified_check = QCheckBox("Carers and social workers &notified on", self)
        self.notified_check.setAccessibleName("Carers and social workers were notified")
        self.notified_edit = date_edit(self)
        self.notified_edit.setEnabled(False)
        self.notified_edit.setAccessibleName("Date carers and social workers were notified")
        self.notified_row = self._pair(self.notified_check, self.notified_edit)
        self.form.addRow(self.notified_row)

        self.attach_button = QPushButton("Attach scanned &form…", self)
        self.attach_button.setAccessibleName("Attach scanned form")
        self.attach_button.setAccessibleDescription("A scanned image (JPEG, PNG, TIFF) or a PDF")
        self.attach_button.setAutoDefault(False)
        self.form_label = QLabel(NO_FORM, self)
        self.form_label.setWordWrap(True)
        self.form_label.setAccessibleName("Scanned form")
        self.form.addRow(self._pair(self.attach_button, self.form_label))
        self.add_hint(
            "The form is kept encrypted in the vault. A withdrawal is recorded on the "
            "consent later; nothing here is ever deleted (R12, policy 5.5.1.3)."
        )

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.given_combo.currentIndexChanged.connect(self._given_changed)
        self.expires_check.toggled.connect(self.expires_edit.setEnabled)
        self.notified_check.toggled.connect(self.notified_edit.setEnabled)
        self.attach_button.clicked.connect(self.attach_form)
        self._kind_changed()
        self._given_changed()
        self.kind_combo.setFocus()

    def _pair(self, first: QWidget, second: QWidget) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(first)
        layout.addWidget(second, 1)
        return row

    # -- what is shown follows the choices -----------------------------------------------------

    def kind(self) -> ConsentKind:
        kind = chosen(self.kind_combo, ConsentKind)
        assert kind is not None
        return kind

    def given_by(self) -> GivenBy:
        given = chosen(self.given_combo, GivenBy)
        assert given is not None
        return given

    def set_kind(self, kind: ConsentKind) -> None:
        choose(self.kind_combo, kind)

    def set_given_by(self, given: GivenBy) -> None:
        choose(self.given_combo, given)

    def set_person(self, person_id: int) -> bool:
        index = self.person_combo.findData(person_id)
        self.person_combo.setCurrentIndex(index)
        return index >= 0

    def _kind_changed(self) -> None:
        self.scope_label.setText(scope_words(self.kind()))
        self.scope_label.setAccessibleName(self.scope_label.text())
        self.form.setRowVisible(self.notified_row, self.kind() is ConsentKind.GROUP)
        self.fit_contents()

    def _given_changed(self) -> None:
        given = self.given_by()
        self.form.setRowVisible(self.person_combo, given is GivenBy.PARENT_CARER)
        self.form.setRowVisible(self.giver_edit, given is GivenBy.SOCIAL_WORKER)
        self.form.setRowVisible(self.assessment_edit, given is GivenBy.YOUNG_PERSON)
        self.fit_contents()

    def attach_form(self) -> Path | None:
        """Choose the scanned form (the core reads and encrypts it when the consent is added)."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Attach the scanned consent form", "", FORM_FILTER
        )
        if not chosen:
            return None
        self.form_path = Path(chosen)
        self.form_label.setText(f"{self.form_path.name} ({_size(self.form_path)})")
        self.form_label.setAccessibleName(f"Scanned form: {self.form_path.name}")
        return self.form_path

    # -- submitting ---------------------------------------------------------------------------

    def prepare(self) -> Work | None:
        kind, given = self.kind(), self.given_by()
        person_id: int | None = None
        giver: str | None = None
        assessment: str | None = None
        if given is GivenBy.PARENT_CARER:
            person_id = self.person_combo.currentData()
            if person_id is None:
                self.problem(
                    "Choose the person with parental responsibility who signed. If they "
                    "are not listed, add them to the file first (Add person with PR).",
                    self.person_combo,
                )
                return None
        elif given is GivenBy.SOCIAL_WORKER:
            giver = self.giver_edit.text().strip()
            if not giver:
                self.problem("Type the name of the social worker who signed.", self.giver_edit)
                return None
        else:
            assessment = self.assessment_edit.toPlainText().strip()
            if not assessment:
                self.problem(
                    "The young person's own consent needs the assessment of their age and "
                    "understanding (R3, policy 5.5.4.3). Write it in the box.",
                    self.assessment_edit,
                )
                return None
        signed = picked_date(self.signed_edit)
        expires: date | None = (
            picked_date(self.expires_edit) if self.expires_check.isChecked() else None
        )
        notified: date | None = None
        if kind is ConsentKind.GROUP and self.notified_check.isChecked():
            notified = picked_date(self.notified_edit)
        return operations.consents.add(
            parent=self,
            session=self.session,
            child_id=self.child_file.child.id,
            kind=kind,
            given_by=given,
            signed_on=signed,
            person_id=person_id,
            giver=giver,
            understanding_assessment=assessment,
            expires_on=expires,
            carers_notified_on=notified,
            form=self.form_path,
        )
