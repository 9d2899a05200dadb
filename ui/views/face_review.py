"""Review of face suggestions: the worker confirms each suggested child, or says it is not them.

Face matching only *suggests* (R13: only children whose file records consent are
matched at all).  For one photo, or every photo of a capture, each face is shown
cropped with its words; a suggested face has "Confirm as <child>" and "Not this
child (someone else)", which call ``session.faces.confirm`` on the vault worker.
"Someone else" means their own consent is needed before any publication (R11),
and the core deletes the face's encoding (R13).  A refusal from the core is
shown in its own words.  On lock every crop and name is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import FaceInfo, FaceStatus, PhotoInfo
from sefton_photos.session import Session
from ui.models.faces import A_CHILD, face_words
from ui.ops import VaultOp, describe
from ui.qtcompat import emit
from ui.views.photo_view import to_qimage
from ui.widgets.message import MessageLabel

CROP_SIDE = 128
REVIEW_SIDE = 1024
Loaded = list[tuple[PhotoInfo, dict[int, QImage]]]


def crop_faces(info: PhotoInfo, image: Image.Image, side: int = CROP_SIDE) -> dict[int, QImage]:
    """Each face with a margin around it, at most ``side`` pixels (on the worker)."""
    sx, sy = image.width / max(1, info.width), image.height / max(1, info.height)
    crops: dict[int, QImage] = {}
    for face in info.faces:
        top, right, bottom, left = face.box
        margin = 0.25 * max(right - left, bottom - top)
        box = (
            max(0, int((left - margin) * sx)),
            max(0, int((top - margin) * sy)),
            min(image.width, int((right + margin) * sx)),
            min(image.height, int((bottom + margin) * sy)),
        )
        crop = image.crop(box)
        crop.thumbnail((side, side))
        crops[face.id] = to_qimage(crop)
    return crops


def meaning_words(face: FaceInfo) -> str:
    """What the state means for the worker, under the status line."""
    if face.status is FaceStatus.SUGGESTED:
        return (
            "Face matching only suggests. Confirm it, or say it is someone else: their "
            "own consent is then needed before any publication (R11)."
        )
    if face.status is FaceStatus.CONFIRMED:
        return "Recorded on the photo as this child."
    if face.status is FaceStatus.OTHER_CHILD:
        return "Looks like another child on file who is not in this capture."
    return "Not matched to any child whose file records face-matching consent (R13)."


def status_words(face: FaceInfo) -> str:
    if face.status is FaceStatus.SUGGESTED:
        return f"Suggested as {face.child_name or A_CHILD}: is it them?"
    if face.status is FaceStatus.CONFIRMED:
        return f"Confirmed as {face.child_name or A_CHILD}."
    return face_words(face) + " (R11)."


class FaceRow(QFrame):
    """One face: its crop, its words and, while suggested, the two answers."""

    def __init__(
        self, number: int, face: FaceInfo, crop: QImage | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.number = number
        self.face = face
        self.picture = QLabel(self)
        self.picture.setFixedSize(CROP_SIDE, CROP_SIDE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if crop is not None and not crop.isNull():
            pixmap = QPixmap.fromImage(crop)
            pixmap.setDevicePixelRatio(self.devicePixelRatioF())  # crisp when scaled up
            self.picture.setPixmap(pixmap)
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setProperty("role", "subtitle")
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setProperty("role", "hint")
        self.confirm_button = QPushButton(self)
        self.not_button = QPushButton("&Not this child (someone else)", self)
        for button in (self.confirm_button, self.not_button):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.not_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.words)
        column.addWidget(self.meaning)
        column.addLayout(buttons)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.show_face(face)

    def show_face(self, face: FaceInfo) -> None:
        self.face = face
        text = f"Face {self.number}: {status_words(face)}"
        self.words.setText(text)
        self.words.setAccessibleName(text)
        self.meaning.setText(meaning_words(face))
        self.meaning.setAccessibleName(self.meaning.text())
        self.picture.setAccessibleName(f"Face {self.number}")
        self.setAccessibleName(text)
        name = face.child_name or A_CHILD
        self.confirm_button.setText(f"&Confirm as {name}")
        self.confirm_button.setAccessibleName(f"Confirm face {self.number} as {name}")
        self.not_button.setAccessibleName(f"Face {self.number} is not {name}: someone else")
        suggested = face.status is FaceStatus.SUGGESTED and face.child_id is not None
        self.confirm_button.setVisible(suggested)
        self.not_button.setVisible(suggested)

    def set_busy(self, busy: bool) -> None:
        self.confirm_button.setEnabled(not busy)
        self.not_button.setEnabled(not busy)


class FaceReview(QWidget):
    """The faces of some photos, with the answers for each suggestion."""

    loaded = Signal(int)  # how many faces are listed
    reviewed = Signal(object)  # the FaceInfo after a confirmation, or None if refused

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[int, FaceRow] = {}
        self._generation = 0
        self._photos = 0
        self.setAccessibleName("Face review")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Faces to review")
        self.message = MessageLabel("Face review message", self)
        self.list_widget = QWidget(self)
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.list_widget)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAccessibleName("Faces")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)

    # -- loading -------------------------------------------------------------------------------

    def set_photo(self, photo_id: int) -> VaultOp[Loaded]:
        return self.set_photos([photo_id])

    def set_photos(self, photo_ids: Sequence[int]) -> VaultOp[Loaded]:
        """Load the faces of these photos (one capture's, say) on the worker."""
        self.clear()
        generation, photos, ids = self._generation, self.session.photos, list(photo_ids)
        side = round(CROP_SIDE * self.devicePixelRatioF())

        def work() -> Loaded:
            out = []
            for photo_id in ids:
                info = photos.info(photo_id=photo_id)
                crops = {}
                if info.faces:
                    picture = photos.view(photo_id=photo_id, max_side=REVIEW_SIDE)
                    crops = crop_faces(info, picture, side)
                out.append((info, crops))
            return out

        def done(result: Loaded) -> None:
            if generation == self._generation:
                self._show(result)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                self.message.show_error(describe(error))
                emit(self.loaded, 0)

        op: VaultOp[Loaded] = VaultOp(parent=self, op=work)
        return op.success(done).failure(failed).run()

    def _show(self, result: Loaded) -> None:
        number = 0
        for info, crops in result:
            for face in info.faces:
                number += 1
                row = FaceRow(number, face, crops.get(face.id), self.list_widget)
                row.confirm_button.clicked.connect(
                    lambda _=False, r=row: self.confirm(r.face.id, r.face.child_id)
                )
                row.not_button.clicked.connect(lambda _=False, r=row: self.confirm(r.face.id, None))
                self.rows[face.id] = row
                self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        self._update_summary(len(result))
        emit(self.loaded, number)

    def _update_summary(self, photos: int | None = None) -> None:
        if photos is not None:
            self._photos = photos
        waiting = sum(1 for r in self.rows.values() if r.face.status is FaceStatus.SUGGESTED)
        where = f"in {self._photos} photo{'s' if self._photos != 1 else ''}"
        if not self.rows:
            text = f"No faces were found {where}."
        elif waiting:
            text = (
                f"{waiting} suggested face{'s' if waiting != 1 else ''} to confirm {where}. "
                "Matching only suggests: confirm each one, or say it is someone else."
            )
        else:
            text = f"Every suggested face {where} has been reviewed."
        self.summary.setText(text)

    # -- answering -----------------------------------------------------------------------------

    def confirm(self, face_id: int, child_id: int | None) -> VaultOp[FaceInfo]:
        """Confirm the face as ``child_id``, or record someone else (None), on the worker."""
        faces, row = self.session.faces, self.rows.get(face_id)
        if row is not None:
            row.set_busy(True)
        self.message.clear_message()

        def done(face: FaceInfo) -> None:
            shown = self.rows.get(face_id)
            if shown is not None:
                shown.set_busy(False)
                shown.show_face(face)
            self._update_summary()
            emit(self.reviewed, face)

        def failed(error: BaseException) -> None:
            shown = self.rows.get(face_id)
            if shown is not None:
                shown.set_busy(False)
            self.message.show_error(describe(error))
            emit(self.reviewed, None)

        op: VaultOp[FaceInfo] = VaultOp(
            parent=self, op=lambda: faces.confirm(face_id=face_id, child_id=child_id)
        )
        return op.success(done).failure(failed).run()

    def clear(self) -> None:
        """Drop every crop and name (on lock, or before loading other photos)."""
        self._generation += 1
        for row in self.rows.values():
            # Still owned by its Qt parent until deleteLater runs, so Python's garbage
            # collector never deletes it a second time.
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        self.rows.clear()
        self._photos = 0
        self.summary.clear()
        self.message.clear_message()

    def on_locked(self) -> None:
        self.clear()
