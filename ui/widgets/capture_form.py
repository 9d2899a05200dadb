"""The form of a capture: which photos, who is in them, why, from which device (R1, R4, R5).

Used by the import dialog.  It only gathers what the worker says; every rule is
the core's, judged from :meth:`CaptureForm.inputs` by ``session.imports.decide``.
The R4 attestation is an explicit check box carrying the full words, never
ticked for the worker.  Every face is always found, so that it can be blurred
(R11); the worker only chooses whether faces are *matched* to enrolled children
(R13), which starts as the vault's setting and cannot be chosen when the vault has
face matching off (the form says why).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Child, Device, Purpose
from ui.models.child_choice import ChildChoiceModel
from ui.qtcompat import emit
from ui.widgets.choices import choose, chosen, fill

ATTESTATION = (
    "The child was clothed with torso covered, and cultural and religious dress was "
    "respected (R4, policy 5.5.4.4)"
)
NO_PHOTOS = "No photos chosen yet: choose a folder (every photo inside it) or some files."
NO_DEVICE = "(no registered device: ask your administrator)"
MATCH_WORDS = "&Match faces to enrolled children (R13)"
MATCH_ON = (
    "Faces are always found so they can be blurred (R11). Matching only suggests which "
    "enrolled child a face is, and only children whose file records face-matching "
    "consent (R13)."
)
MATCH_OFF = (
    "Face matching is off for this vault (an administrator's choice, Admin → Face "
    "matching), so no face will be suggested as any child. Faces are still found so "
    "they can be blurred, at the latest before any photo leaves the vault (R11)."
)
PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.webp);;All files (*)"


@dataclass(frozen=True, slots=True)
class CaptureInputs:
    """Everything ``session.imports.decide``/``run`` needs from the form."""

    child_ids: tuple[int, ...]
    purpose: Purpose
    purpose_note: str
    device: str
    attested: bool
    note: str | None
    keep_source: bool
    match_faces: bool
    paths: tuple[Path, ...]
    keep_source_reason: str = ""  # required by the core when keep_source (R5, audited)


def purpose_words(purpose: Purpose) -> str:
    return purpose.label[:1].upper() + purpose.label[1:]


def paths_words(paths: Sequence[Path], folder: bool) -> str:
    if not paths:
        return NO_PHOTOS
    if folder:
        return f"Folder {paths[0]}: every photo inside it."
    names = ", ".join(p.name for p in paths[:3]) + (", …" if len(paths) > 3 else "")
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''}: {names}"


def heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setProperty("role", "subtitle")
    label.setAccessibleName(text)
    return label


class CaptureForm(QWidget):
    """Emits :attr:`changed` when anything the decision depends on changes."""

    changed = Signal()
    paths_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("What to import")
        self.paths: list[Path] = []
        self.from_folder = False
        self.paths_label = QLabel(NO_PHOTOS, self)
        self.paths_label.setWordWrap(True)
        self.paths_label.setAccessibleName("Photos chosen")
        self.folder_button = QPushButton("Choose &folder…", self)
        self.folder_button.setAccessibleName("Choose a folder of photos")
        self.files_button = QPushButton("Choose fi&les…", self)
        self.files_button.setAccessibleName("Choose photo files")
        for button in (self.folder_button, self.files_button):
            button.setAutoDefault(False)

        self.children_model = ChildChoiceModel(self)
        self.children_view = QListView(self)
        self.children_view.setModel(self.children_model)
        self.children_view.setAccessibleName("Children in the photos")
        self.children_view.setAccessibleDescription(
            "Tick every child in the photos; Space ticks the highlighted child"
        )
        self.children_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.children_view.setMinimumHeight(self.fontMetrics().height() * 5)
        self.purpose_combo = QComboBox(self)
        fill(self.purpose_combo, ((purpose_words(p), p) for p in Purpose))
        self.purpose_combo.setAccessibleName("Purpose")
        self.purpose_combo.setAccessibleDescription(
            "The child-centred purpose (R1, policy 5.5.4.1)"
        )
        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setAccessibleName("Purpose in your own words")
        self.purpose_edit.setAccessibleDescription("Required (R1, policy 5.5.4.1)")
        self.purpose_edit.setPlaceholderText("Required, e.g. memory book of the beach trip")
        self.device_combo = QComboBox(self)
        self.device_combo.setAccessibleName("Device the photos come from")
        self.device_combo.setAccessibleDescription(
            "Only council devices registered in the vault (R5, policy 5.5.4.5)"
        )
        self.note_edit = QLineEdit(self)
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setPlaceholderText("Optional")
        # Two lines, so the full words stay readable without a very wide dialog.
        self.attest_box = QCheckBox("&" + ATTESTATION.replace("and cultural ", "and cultural\n"))
        self.attest_box.setParent(self)
        self.attest_box.setAccessibleName(ATTESTATION)
        self.attest_box.setAccessibleDescription("Tick only if it is true (R4)")
        self.keep_box = QCheckBox("&Keep the originals on the card", self)
        self.keep_box.setAccessibleName("Keep the originals on the card")
        self.keep_box.setAccessibleDescription(
            "Off: each original is removed once its encrypted copy is verified (R5)"
        )
        self.keep_reason_edit = QLineEdit(self)
        self.keep_reason_edit.setAccessibleName("Why the originals stay on the card")
        self.keep_reason_edit.setPlaceholderText(
            "Why the originals stay on the card (required, audited)"
        )
        self.keep_reason_edit.setEnabled(False)
        self.keep_box.toggled.connect(self.keep_reason_edit.setEnabled)
        self.match_box = QCheckBox(MATCH_WORDS, self)
        self.match_box.setChecked(True)
        self.match_box.setAccessibleName("Match faces to enrolled children")
        self.match_explain = QLabel(MATCH_ON, self)
        self.match_explain.setWordWrap(True)
        self.match_explain.setProperty("role", "hint")
        self.match_explain.setAccessibleName("About face matching")
        self.match_box.setAccessibleDescription(MATCH_ON)

        for combo in (self.purpose_combo, self.device_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            ("C&hildren in the photos:", self.children_view),
            ("&Purpose:", self.purpose_combo),
            ("Purpose in your &own words:", self.purpose_edit),
            ("&Device:", self.device_combo),
            ("&Note:", self.note_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(self.folder_button)
        photo_buttons.addWidget(self.files_button)
        photo_buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(heading("1. The photos", self))
        column.addWidget(self.paths_label)
        column.addLayout(photo_buttons)
        column.addWidget(heading("2. Who is in them, and why", self))
        column.addLayout(form)
        column.addWidget(self.attest_box)
        column.addWidget(self.keep_box)
        column.addWidget(self.keep_reason_edit)
        column.addWidget(self.match_box)
        column.addWidget(self.match_explain)
        column.addStretch(1)

        self.folder_button.clicked.connect(self.choose_folder)
        self.files_button.clicked.connect(self.choose_files)
        self.children_model.checked_changed.connect(self.changed)
        self.purpose_combo.currentIndexChanged.connect(self.changed)
        self.device_combo.currentIndexChanged.connect(self.changed)
        self.purpose_edit.textChanged.connect(self.changed)
        self.attest_box.toggled.connect(self.changed)

    # -- choices ------------------------------------------------------------------------------

    def set_choices(
        self, children: Sequence[Child], devices: Sequence[Device], checked: Iterable[int]
    ) -> None:
        self.children_model.set_children(children, checked=checked)
        self.device_combo.clear()
        for device in devices:
            if not device.retired:
                self.device_combo.addItem(device.name, device.name)
        if self.device_combo.count() == 0:
            self.device_combo.addItem(NO_DEVICE, "")

    def set_matching(self, enabled: bool) -> None:
        """The vault's face matching setting: the box starts as it, and is off when it is."""
        words = MATCH_ON if enabled else MATCH_OFF
        self.match_box.setChecked(enabled)
        self.match_box.setEnabled(enabled)
        self.match_box.setAccessibleDescription(words)
        self.match_explain.setText(words)

    def set_purpose(self, purpose: Purpose) -> bool:
        return choose(self.purpose_combo, purpose)

    def purpose(self) -> Purpose:
        purpose = chosen(self.purpose_combo, Purpose)
        assert purpose is not None
        return purpose

    def device(self) -> str:
        return str(self.device_combo.currentData() or "")

    def inputs(self) -> CaptureInputs:
        return CaptureInputs(
            child_ids=self.children_model.checked_ids(),
            purpose=self.purpose(),
            purpose_note=self.purpose_edit.text(),
            device=self.device(),
            attested=self.attest_box.isChecked(),
            note=self.note_edit.text().strip() or None,
            keep_source=self.keep_box.isChecked(),
            match_faces=self.match_box.isEnabled() and self.match_box.isChecked(),
            paths=tuple(self.paths),
            keep_source_reason=self.keep_reason_edit.text().strip(),
        )

    # -- photos ---------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Choose the folder of photos")
        if folder:
            self.set_paths([Path(folder)], folder=True)

    def choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "Choose the photos", "", PHOTO_FILTER)
        if files:
            self.set_paths([Path(f) for f in files], folder=False)

    def set_paths(self, paths: Sequence[Path], *, folder: bool) -> None:
        self.paths, self.from_folder = list(paths), folder
        self._say(paths_words(self.paths, folder))
        emit(self.paths_changed)

    def done_with_paths(self) -> None:
        """The chosen photos were imported: forget them, say so, invite another choice."""
        if self.paths:
            done = paths_words(self.paths, self.from_folder).rstrip(".")
            self.paths = []
            self._say(f"Done with {done[:1].lower()}{done[1:]}. Choose again to import more.")
            emit(self.paths_changed)

    def _say(self, text: str) -> None:
        self.paths_label.setText(text)
        self.paths_label.setAccessibleDescription(text)
