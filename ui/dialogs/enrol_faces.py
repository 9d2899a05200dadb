"""Enrol a child for face matching from the app: one of their photos (the face in it) or a file.

Opened from the Consents tab of the child's file, where the face-matching consent it
rests on is shown.  The worker chooses one of the child's photos in the grid, then
the face in it when it shows several (the faces are boxed and named on the photo, as
in the photo view), or a file.  The core checks the face-matching consent FIRST,
before any photo is read (R13), and its refusal is shown in its own words.  The
child's current references are listed with when each photo was taken and when it
was enrolled; one over a year old says so, because children's faces change fast.
Nothing here decides anything; on close every picture and name is dropped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import FaceInfo, PhotoInfo
from sefton_photos.session import Session
from ui import operations
from ui.models.enrolments import EnrolmentsModel, references_words
from ui.models.faces import FacesModel
from ui.ops import Latest, VaultOp, describe
from ui.views.photo_grid import PhotoGrid
from ui.widgets.capture_form import PHOTO_FILTER, heading
from ui.widgets.face_canvas import FaceCanvas
from ui.widgets.message import MessageLabel

if TYPE_CHECKING:
    from sefton_photos.model import Enrolment

PICK_SIDE = 640


def intro_words(name: str) -> str:
    return (
        f"Face matching suggests {name} in new photos only from reference photos of their "
        "face, and only while their file records written face-matching consent (R13). "
        "That consent is checked first, before any photo is read."
    )


class EnrolDialog(QDialog):
    """``refreshed`` after the references are listed; ``enrolled`` with the new id."""

    refreshed = Signal(int)  # how many references
    photo_shown = Signal(object)  # the PhotoInfo of the photo chosen, or None
    enrolled = Signal(int)
    refused = Signal(str)

    def __init__(
        self, session: Session, child_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.child_id, self.name = session, child_id, name
        self.photo_id: int | None = None
        self.face_id: int | None = None
        self.file: Path | None = None
        self._latest = Latest()
        self.setWindowTitle(f"Enrol {name} for face matching")
        self.setAccessibleName(f"Enrol {name} for face matching")
        intro = QLabel(intro_words(name), self)
        intro.setWordWrap(True)
        intro.setAccessibleName("What enrolment does")
        self.refs_model = EnrolmentsModel(self)
        self.refs_view = QListView(self)
        self.refs_view.setModel(self.refs_model)
        self.refs_view.setAccessibleName("Current references")
        self.refs_view.setWordWrap(True)
        self.refs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.refs_view.setMaximumHeight(self.fontMetrics().height() * 5)
        refs_heading = heading("Current &references", self)
        refs_heading.setBuddy(self.refs_view)
        self.refs_summary = QLabel(self)
        self.refs_summary.setWordWrap(True)
        self.refs_summary.setAccessibleName("About the references")

        self.grid = PhotoGrid(session, parent=self)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.grid.setAccessibleDescription(
            "Arrow keys move between the photos; the chosen one is shown with its faces"
        )
        grid_heading = heading(f"1. One of {name}'s p&hotos, or a file", self)
        grid_heading.setBuddy(self.grid)
        self.file_button = QPushButton("Or from a &file…", self)
        self.file_button.setAccessibleName("Enrol from a photo file instead")
        self.canvas = FaceCanvas(self)
        self.canvas.setMinimumSize(320, 240)
        self.canvas.brief = True  # numbers on the photo, the words in the list below
        self.faces_model = FacesModel(self)
        self.faces_view = QListView(self)
        self.faces_view.setModel(self.faces_model)
        self.faces_view.setAccessibleName("Faces in the chosen photo")
        self.faces_view.setWordWrap(True)
        self.faces_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.faces_view.setMaximumHeight(self.fontMetrics().height() * 7)
        faces_heading = heading(f"2. The fa&ce that is {name}", self)
        faces_heading.setBuddy(self.faces_view)
        self.choice = QLabel("Nothing chosen yet.", self)
        self.choice.setWordWrap(True)
        self.choice.setAccessibleName("Reference chosen")
        self.replace_box = QCheckBox("Re&place the current references (re-enrol)", self)
        self.replace_box.setAccessibleName("Replace the current references")
        self.message = MessageLabel("Enrolment message", self)
        self.enrol_button = QPushButton("&Enrol", self)
        self.enrol_button.setAccessibleName(f"Enrol {name} from the reference chosen")
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close")
        for button in (self.file_button, self.enrol_button, self.close_button):
            button.setAutoDefault(False)

        left = QVBoxLayout()
        left.addWidget(grid_heading)
        left.addWidget(self.grid, 1)
        left.addWidget(self.file_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QVBoxLayout()
        right.addWidget(faces_heading)
        right.addWidget(self.canvas, 1)
        right.addWidget(self.faces_view)
        pick = QHBoxLayout()
        pick.addLayout(left, 1)
        pick.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.replace_box)
        buttons.addStretch(1)
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(refs_heading)
        layout.addWidget(self.refs_view)
        layout.addWidget(self.refs_summary)
        layout.addLayout(pick, 1)
        layout.addWidget(self.choice)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 160, metrics.height() * 44)

        self.grid.selectionModel().currentChanged.connect(self._photo_chosen)
        self.faces_view.selectionModel().currentChanged.connect(self._face_chosen)
        self.canvas.face_clicked.connect(self._box_clicked)
        self.file_button.clicked.connect(self.choose_file)
        self.enrol_button.clicked.connect(self.enrol)
        self.close_button.clicked.connect(self.reject)
        self.finished.connect(lambda _result: self.forget())

    def start(self) -> None:
        """List the references and the child's photos (both on the worker)."""
        self.refresh()
        self.grid.set_child(self.child_id, self.name)

    def refresh(self) -> VaultOp[list[Enrolment]]:
        def done(rows: list[Enrolment]) -> None:
            self.refs_model.set_rows(rows)
            self.refs_summary.setText(references_words(self.name, rows))
            self.refreshed.emit(len(rows))

        def failed(error: BaseException) -> None:
            self.refs_summary.setText(describe(error))
            self.refreshed.emit(-1)

        op = operations.faces.references(parent=self, session=self.session, child_id=self.child_id)
        return op.success(done).failure(failed).run()

    # -- choosing the reference ---------------------------------------------------------------

    def _photo_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_photo(self.grid.photos.photo_id(current.row()))

    def show_photo(self, photo_id: int) -> VaultOp[tuple[PhotoInfo, QImage]]:
        """Show this photo of the child with its faces boxed, to choose the face."""
        ticket = self._latest.start()
        self.photo_id, self.face_id, self.file = photo_id, None, None

        def done(result: tuple[PhotoInfo, QImage]) -> None:
            if not self._latest.current(ticket):
                return
            info, image = result
            self.canvas.set_photo(image, QSize(info.width, info.height), info.faces)
            self.faces_model.set_faces(info.faces)
            if len(info.faces) == 1:
                self.faces_view.setCurrentIndex(self.faces_model.index(0, 0))
            self._say_choice(info)
            self.photo_shown.emit(info)

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.message.show_error(describe(error))
                self.photo_shown.emit(None)

        op = operations.photos.picture(
            parent=self, session=self.session, photo_id=photo_id, max_side=PICK_SIDE
        )
        return op.success(done).failure(failed).run()

    def _face_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        face = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.choose_face(face if isinstance(face, FaceInfo) else None)

    def _box_clicked(self, face_id: int) -> None:
        rows = [i for i, f in enumerate(self.faces_model.faces) if f.id == face_id]
        if rows:
            self.faces_view.setCurrentIndex(self.faces_model.index(rows[0], 0))

    def choose_face(self, face: FaceInfo | None) -> None:
        self.face_id = None if face is None else int(face.id)
        self.canvas.choose(self.face_id)
        self._say_choice()

    def _say_choice(self, info: PhotoInfo | None = None) -> None:
        if self.file is not None:
            text = f"Chosen: the file {self.file.name} (it must show exactly one face)."
        elif self.photo_id is None:
            text = "Nothing chosen yet."
        elif self.face_id is not None:
            number = next(
                (i + 1 for i, f in enumerate(self.faces_model.faces) if f.id == self.face_id), 0
            )
            text = f"Chosen: face {number} of the photo shown."
        elif info is not None and not info.faces:
            text = "No face was found in this photo: choose another one."
        else:
            text = f"This photo shows {len(self.faces_model.faces)} faces: choose {self.name}'s."
        self.choice.setText(text)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, f"A photo of {self.name}'s face", "", PHOTO_FILTER
        )
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        self._latest.drop()
        self.photo_id, self.face_id, self.file = None, None, path
        self.grid.clearSelection()
        self.canvas.clear()
        self.faces_model.clear()
        self._say_choice()

    # -- enrolling ----------------------------------------------------------------------------

    def enrol(self) -> VaultOp[int] | None:
        """Ask the core to enrol the child (it checks the face-matching consent first)."""
        photo_id, face_id, file = self.photo_id, self.face_id, self.file
        replace = self.replace_box.isChecked()
        if photo_id is None and file is None:
            self.message.show_error(f"Choose one of {self.name}'s photos, or a file, first.")
            return None
        self.enrol_button.setEnabled(False)
        self.message.clear_message()

        def done(enrolment: int) -> None:
            self.enrol_button.setEnabled(True)
            self.replace_box.setChecked(False)
            self.message.show_info(
                f"Enrolled: face matching can now suggest {self.name} from this reference."
            )
            self.refresh()
            self.enrolled.emit(enrolment)

        def failed(error: BaseException) -> None:
            self.enrol_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.refused.emit(describe(error))

        op = operations.faces.enrol(
            parent=self,
            session=self.session,
            child_id=self.child_id,
            photo_id=photo_id,
            face_id=face_id,
            file=file,
            replace=replace,
        )
        return op.success(done).failure(failed).run()

    def forget(self) -> None:
        """Drop every picture, face and reference shown (on close and on lock)."""
        self._latest.drop()
        self.photo_id, self.face_id, self.file = None, None, None
        self.grid.clear()
        self.canvas.clear()
        self.faces_model.clear()
        self.refs_model.clear()
        self.refs_summary.clear()
        self.message.clear_message()
        self.choice.setText("Nothing chosen yet.")


ENROL_TEXT = "Enrol for face &matching…"
ENROL_HELP = "Choose a reference photo of the child's face; needs face-matching consent (R13)"


def open_enrol(session: Session, child_id: int, name: str, parent: QWidget) -> EnrolDialog:
    """Open the enrolment of this child (non-modal; deleted when closed)."""
    dialog = EnrolDialog(session, child_id, name, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.start()
    return dialog
