"""Review of the faces of some photos: each one confirmed, corrected or marked reviewed.

Face matching only *suggests* (R13: only children whose file records consent are
matched at all).  For one photo, or every photo of a capture, each face is shown on
a small copy of its photo with it outlined, and cropped, with its words (see
:mod:`ui.widgets.face_row`).  A suggestion is confirmed (``session.faces.confirm``)
or rejected as "Not this child" (``session.faces.reject``); any other face is
marked reviewed as "Not a consented child (stays blurred)", also a rejection; and
a decision is taken back with "Undo" (``session.faces.undo``), all on the vault
worker.  "Someone else" means their own consent is needed before any publication
(R11), and the core deletes the face's encoding (R13).  When matching suggested no
one, the core's reason is shown.  A refusal from the core is shown in its own
words.  On lock every picture and name is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PIL import Image
from PySide6.QtCore import Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from sefton_photos.model import FaceInfo, FaceStatus, PhotoInfo
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui import operations
from ui.ops import Latest, VaultOp, describe
from ui.views.photo_view import to_qimage
from ui.widgets.face_row import CROP_SIDE, SPOT_SIDE, FaceRow, where_words
from ui.widgets.message import MessageLabel

REVIEW_SIDE = 1024
Loaded = list[tuple[PhotoInfo, dict[int, QImage], QImage | None]]


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


def small_copy(image: Image.Image, side: int = SPOT_SIDE) -> QImage:
    """The whole photo at most ``side`` pixels, for the face to be outlined on."""
    small = image.copy()
    small.thumbnail((side, side))
    return to_qimage(small)


class FaceReview(QWidget):
    """The faces of some photos, with the answers for each suggestion."""

    loaded = Signal(int)  # how many faces are listed
    reviewed = Signal(object)  # the FaceInfo after an answer or an undo, or None if refused

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: dict[int, FaceRow] = {}
        self._latest = Latest()
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
        ticket = self._latest.ticket()
        ratio = self.devicePixelRatioF()
        side, spot = round(CROP_SIDE * ratio), round(SPOT_SIDE * ratio)

        def done(result: Loaded) -> None:
            if self._latest.current(ticket):
                self._show(result)

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.message.show_error(describe(error))
                self.loaded.emit(0)

        op = operations.faces.crops(
            parent=self, session=self.session, photo_ids=photo_ids, side=side, spot=spot
        )
        return op.success(done).failure(failed).run()

    def _show(self, result: Loaded) -> None:
        number = 0
        for index, (info, crops, small) in enumerate(result, start=1):
            where = where_words(info, index, len(result))
            for face in info.faces:
                number += 1
                row = FaceRow(
                    number,
                    face,
                    crops.get(face.id),
                    self.list_widget,
                    info=info,
                    small=small,
                    where=where,
                )
                row.confirm_button.clicked.connect(
                    lambda _=False, r=row: self.confirm(r.face.id, r.face.child_id)
                )
                row.not_button.clicked.connect(lambda _=False, r=row: self.reject(r.face.id))
                row.reviewed_button.clicked.connect(lambda _=False, r=row: self.reject(r.face.id))
                row.undo_button.clicked.connect(lambda _=False, r=row: self.undo(r.face.id))
                self.rows[face.id] = row
                self.list_layout.insertWidget(self.list_layout.count() - 1, row)
        self._update_summary(len(result))
        self.loaded.emit(number)

    def _update_summary(self, photos: int | None = None) -> None:
        if photos is not None:
            self._photos = photos
        waiting = [r.face for r in self.rows.values() if not r.face.reviewed]
        suggested = sum(1 for f in waiting if f.status is FaceStatus.SUGGESTED)
        where = f"in {plural(self._photos, 'photo')}"
        if not self.rows:
            text = f"No faces were found {where}."
        elif waiting:
            text = (
                f"{plural(len(waiting), 'face')} to review {where}"
                + (f", {suggested} suggested as a child of this capture" if suggested else "")
                + ". Matching only suggests: confirm each suggestion or say it is not them; "
                "any other face stays blurred."
            )
        else:
            text = f"Every face {where} has been reviewed."
        self.summary.setText(text)

    # -- answering -----------------------------------------------------------------------------

    def confirm(self, face_id: int, child_id: int | None) -> VaultOp[FaceInfo]:
        """Confirm the face as ``child_id`` (None: someone else, a rejection), on the worker."""
        if child_id is None:
            return self.reject(face_id)
        op = operations.faces.confirm(
            parent=self, session=self.session, face_id=face_id, child_id=child_id
        )
        return self._answer(face_id, op)

    def reject(self, face_id: int) -> VaultOp[FaceInfo]:
        """ "Not this child" or "Not a consented child": someone else, stays blurred (R11)."""
        op = operations.faces.reject(parent=self, session=self.session, face_id=face_id)
        return self._answer(face_id, op)

    def undo(self, face_id: int) -> VaultOp[FaceInfo]:
        """Take a decision back: the face is as face matching left it."""
        op = operations.faces.undo(parent=self, session=self.session, face_id=face_id)
        return self._answer(face_id, op)

    def _answer(self, face_id: int, op: VaultOp[FaceInfo]) -> VaultOp[FaceInfo]:
        row = self.rows.get(face_id)
        if row is not None:
            row.set_busy(True)
        self.message.clear_message()

        def done(face: FaceInfo) -> None:
            shown = self.rows.get(face_id)
            if shown is not None:
                shown.set_busy(False)
                shown.show_face(face)
            self._update_summary()
            self.reviewed.emit(face)

        def failed(error: BaseException) -> None:
            shown = self.rows.get(face_id)
            if shown is not None:
                shown.set_busy(False)
            self.message.show_error(describe(error))
            self.reviewed.emit(None)

        return op.success(done).failure(failed).run()

    def clear(self) -> None:
        """Drop every crop and name (on lock, or before loading other photos)."""
        self._latest.drop()
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
