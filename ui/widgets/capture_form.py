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

from PySide6.QtCore import QSize, Signal
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
from sefton_photos.support.import_count import ImportCount
from sefton_photos.words import plural
from ui.models.child_choice import ChildChoiceModel
from ui.widgets.choices import choose, chosen, fill

ATTESTATION = (
    "The child was clothed with torso covered, and cultural and religious dress was "
    "respected (R4, policy 5.5.4.4)"
)
NO_PHOTOS = "No photos chosen yet: choose a folder (every photo inside it) or some files."
CHOOSE_PURPOSE = "Choose a purpose…"
NO_DEVICE = "(no registered device: ask your administrator)"
MATCH_WORDS = "&Match faces to enrolled children (R13)"
MATCH_ON = (
    "Faces are always found so they can be blurred (R11). Matching only suggests which "
    "enrolled child a face is, and only children whose file records face-matching "
    "consent (R13)."
)
MATCH_OFF = (
    "Face matching is off for this vault (an administrator's choice, Admin → Face "
    "matching), so no face will be suggested as any child. Faces are still found, so "
    "that they can be blurred (R11)."
)
PHOTO_FILTER = "Photos (*.jpg *.jpeg *.png *.heic *.heif *.tif *.tiff *.webp);;All files (*)"


@dataclass(frozen=True, slots=True)
class CaptureInputs:
    """Everything ``session.imports.decide``/``run`` needs from the form."""

    child_ids: tuple[int, ...]
    purpose: Purpose | None  # None until the worker chooses one (R1)
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


def short_path(path: Path) -> str:
    """ "…/DCIM/100CANON": the end of the path, which tells folders apart (the whole of it
    is the label's tooltip and accessible description); one line, so the form fits."""
    parts = path.parts
    return str(path) if len(parts) <= 3 else "…/" + "/".join(parts[-2:])


def paths_words(paths: Sequence[Path], folder: bool) -> str:
    if not paths:
        return NO_PHOTOS
    if folder:
        return f"Folder {short_path(paths[0])}: every photo inside it."
    names = ", ".join(p.name for p in paths[:3]) + (", …" if len(paths) > 3 else "")
    return f"{len(paths)} file{'s' if len(paths) != 1 else ''}: {names}"


class ChildrenList(QListView):
    """Four rows tall by default (it scrolls, and grows with the dialog), so the whole form
    fits a 1280 x 720 screen without scrolling."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.fontMetrics().height() * 4 + 2 * self.frameWidth())


def count_words(count: ImportCount, *, folder: bool) -> str:
    """ "The folder holds 40 photos (and 1 other file); 2 hidden files stay on the card."
    Other files are tried and reported one by one; hidden ones are left (R5)."""
    if count.files == 0:
        text = "The folder holds no photos to import" if folder else "No files to import"
    else:
        text = f"{'The folder holds' if folder else 'Chosen:'} {plural(count.photos, 'photo')}"
        if count.others:
            text += f" (and {plural(count.others, 'other file')})"
    if count.hidden:
        stay = "stays" if count.hidden == 1 else "stay"
        text += f"; {plural(count.hidden, 'hidden file')} {stay} on the card"
    return text + "."


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
        self.count_label = QLabel(self)  # how many photos the choice holds (counted by the core)
        self.count_label.setWordWrap(True)
        self.count_label.setAccessibleName("How many photos")
        self.count_label.hide()
        self.folder_button = QPushButton("Choose &folder…", self)
        self.folder_button.setAccessibleName("Choose a folder of photos")
        self.files_button = QPushButton("Choose fi&les…", self)
        self.files_button.setAccessibleName("Choose photo files")
        for button in (self.folder_button, self.files_button):
            button.setAutoDefault(False)

        self.children_model = ChildChoiceModel(self)
        self.children_view = ChildrenList(self)
        self.children_view.setModel(self.children_model)
        self.children_view.setAccessibleName("Children in the photos")
        self.children_view.setAccessibleDescription(
            "Tick every child in the photos; Space ticks the highlighted child"
        )
        self.children_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.children_view.setMinimumHeight(self.fontMetrics().height() * 5)
        self.purpose_combo = QComboBox(self)
        self.purpose_combo.addItem(CHOOSE_PURPOSE, None)  # nothing chosen for the worker (R1)
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
        self.match_box.setToolTip(MATCH_ON)
        self.match_explain.hide()  # said only when the vault has it off (fits 1280x720)

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
        photo_buttons = QHBoxLayout()  # beside the heading: the form fits 1280 x 720
        photo_buttons.addWidget(heading("1. The photos", self), 1)
        photo_buttons.addWidget(self.folder_button)
        photo_buttons.addWidget(self.files_button)
        column = QVBoxLayout(self)
        column.addLayout(photo_buttons)
        column.addWidget(self.paths_label)
        column.addWidget(self.count_label)
        column.addWidget(heading("2. Who is in them, and why", self))
        column.addLayout(form)
        column.addWidget(self.attest_box)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_box)
        keep_row.addWidget(self.keep_reason_edit, 1)
        column.addLayout(keep_row)
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
        self.match_box.setToolTip(words)
        self.match_explain.setText(words)
        self.match_explain.setVisible(not enabled)

    def set_purpose(self, purpose: Purpose) -> bool:
        return choose(self.purpose_combo, purpose)

    def purpose(self) -> Purpose | None:
        return chosen(self.purpose_combo, Purpose)

    def missing(self) -> list[str]:
        """What the decision still waits for, in words ("the children in the photos")."""
        out = []
        if not self.children_model.checked_ids():
            out.append("the children in the photos")
        if self.purpose() is None:
            out.append("a purpose")
        return out

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
        whole = "\n".join(str(p) for p in self.paths[:10])
        self.paths_label.setToolTip(whole)
        self.paths_label.setAccessibleDescription(whole)
        self.show_count("")
        self.paths_changed.emit()

    def show_count(self, text: str) -> None:
        """What the chosen folder or files hold ("40 photos to import"), or nothing."""
        self.count_label.setText(text)
        self.count_label.setAccessibleDescription(text)
        self.count_label.setVisible(bool(text))

    def done_with_paths(self) -> None:
        """The chosen photos were imported: forget them, say so, invite another choice."""
        if self.paths:
            done = paths_words(self.paths, self.from_folder).rstrip(".")
            self.paths = []
            self.show_count("")
            self._say(f"Done with {done[:1].lower()}{done[1:]}. Choose again to import more.")
            self.paths_label.setToolTip("")
            self.paths_changed.emit()

    def _say(self, text: str) -> None:
        self.paths_label.setText(text)
        self.paths_label.setAccessibleDescription(text)
