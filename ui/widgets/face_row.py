"""One face of the face review: where it is in its photo, what matching said, the answers.

Each row shows a small copy of the photo with this face outlined and labelled
"Face N" (so the worker sees whose face it is among the others, not just a crop),
the crop itself, the words for its state, why face matching suggested no one when
it did not (the core's ``unmatched_reason``), and the answers that fit: "Confirm as
<child>" and "Not this child" for a suggestion, "Not a consented child (stays
blurred)" for any other face, and "Undo" once a person has ruled on it.  The row
only shows; :class:`ui.views.face_review.FaceReview` asks the core.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sefton_photos.model import FaceInfo, FaceStatus, PhotoInfo
from sefton_photos.words import short_date
from ui.models.faces import A_CHILD, face_colour, face_words

CROP_SIDE = 128
SPOT_SIDE = 200  # the small copy of the whole photo, the face outlined on it
NOT_CONSENTED = "Not a consented child (stays blurred)"


def meaning_words(face: FaceInfo) -> str:
    """What the state means for the worker, under the status line."""
    if face.status is FaceStatus.SUGGESTED:
        return (
            "Face matching only suggests. Confirm it, or say it is not them: the face is "
            "then someone else, stays blurred, and needs their own consent before any "
            "publication (R11)."
        )
    if face.status is FaceStatus.CONFIRMED:
        return "Recorded on the photo as this child. Undo if that was a mistake."
    if face.status is FaceStatus.REJECTED:
        return (
            "Reviewed: someone else, not a child of this capture. The face stays blurred "
            "beyond the case record (R11). Undo if that was a mistake."
        )
    if face.status is FaceStatus.OTHER_CHILD:
        return (
            "Looks like another child on file who is not in this capture: it stays "
            "blurred. Mark it reviewed once you have looked."
        )
    return (
        "Not matched to any child whose file records face-matching consent (R13): it "
        "stays blurred. Mark it reviewed once you have looked."
    )


def status_words(face: FaceInfo) -> str:
    if face.status is FaceStatus.SUGGESTED:
        return f"Suggested as {face.child_name or A_CHILD}: is it them?"
    if face.status is FaceStatus.CONFIRMED:
        return f"Confirmed as {face.child_name or A_CHILD}."
    return face_words(face) + " (R11)."


def reason_words(face: FaceInfo) -> str:
    """Why no suggestion was made, plainly (empty when there was one)."""
    if face.child_id is not None or not face.unmatched_reason:
        return ""
    return f"Why no suggestion: {face.unmatched_reason}"


def where_words(info: PhotoInfo, index: int, count: int) -> str:
    when = (
        f"taken {short_date(info.taken_at)}"
        if info.taken_at
        else f"imported {short_date(info.imported_at)}"
    )
    of = f"photo {index} of {count}" if count > 1 else "this photo"
    return f"From {of}, {when}."


def outlined(image: QImage, info: PhotoInfo, face: FaceInfo, number: int) -> QPixmap:
    """The small copy of the photo with this face's box and a "Face N" label drawn on."""
    pixmap = QPixmap.fromImage(image)
    if pixmap.isNull():
        return pixmap
    sx, sy = image.width() / max(1, info.width), image.height() / max(1, info.height)
    top, right, bottom, left = face.box
    box = QRectF(left * sx, top * sy, (right - left) * sx, (bottom - top) * sy)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#ffffff"), 5))
    painter.drawRect(box)
    pen = QPen(face_colour(face), 3)
    pen.setStyle(Qt.PenStyle.DashLine if face.needs_consent else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.drawRect(box)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(10, image.height() // 12))
    painter.setFont(font)
    text = f"Face {number}"
    width = painter.fontMetrics().horizontalAdvance(text) + 8
    height = painter.fontMetrics().height() + 4
    label = QRectF(
        min(max(0.0, box.left()), image.width() - width),
        box.bottom() + 3 if box.bottom() + 3 + height <= image.height() else box.top() - height - 3,
        width,
        height,
    )
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(face_colour(face))
    painter.drawRect(label)
    painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.end()
    return pixmap


def _picture(parent: QWidget, image: QImage | None, side: int, name: str) -> QLabel:
    label = QLabel(parent)
    label.setFixedSize(side, side)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setAccessibleName(name)
    if image is not None and not image.isNull():
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(parent.devicePixelRatioF())  # crisp when scaled up
        label.setPixmap(pixmap)
    return label


class FaceRow(QFrame):
    """One face: its photo with it outlined, its crop, its words and its answers."""

    def __init__(
        self,
        number: int,
        face: FaceInfo,
        crop: QImage | None,
        parent: QWidget | None = None,
        *,
        info: PhotoInfo | None = None,
        small: QImage | None = None,
        where: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.number = number
        self.face = face
        self.info = info
        self.small = small
        self.spot = QLabel(self)
        self.spot.setFixedSize(SPOT_SIDE, SPOT_SIDE)
        self.spot.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture = _picture(self, crop, CROP_SIDE, f"Face {number}, close up")
        self.where = QLabel(where, self)
        self.where.setWordWrap(True)
        self.where.setProperty("role", "hint")
        self.where.setAccessibleName(where or "Which photo")
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setProperty("role", "subtitle")
        self.meaning = QLabel(self)
        self.meaning.setWordWrap(True)
        self.meaning.setProperty("role", "hint")
        self.reason = QLabel(self)
        self.reason.setWordWrap(True)
        # No Alt letters here: every row has the same buttons, and Alt+N would clash
        # with the window's Next; Tab reaches each one.
        self.confirm_button = QPushButton(self)
        self.not_button = QPushButton("Not this child", self)
        self.reviewed_button = QPushButton(NOT_CONSENTED, self)
        self.undo_button = QPushButton("Undo", self)
        buttons = QHBoxLayout()
        for button in self.buttons():
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(self.words)
        column.addWidget(self.where)
        column.addWidget(self.meaning)
        column.addWidget(self.reason)
        column.addLayout(buttons)
        column.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.spot, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.show_face(face)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.confirm_button, self.not_button, self.reviewed_button, self.undo_button)

    def show_face(self, face: FaceInfo) -> None:
        self.face = face
        n = self.number
        text = f"Face {n}: {status_words(face)}"
        self.words.setText(text)
        self.words.setAccessibleName(text)
        self.meaning.setText(meaning_words(face))
        self.meaning.setAccessibleName(self.meaning.text())
        reason = reason_words(face)
        self.reason.setText(reason)
        self.reason.setAccessibleName(reason or "Why no suggestion")
        self.reason.setVisible(bool(reason))
        if self.small is not None and self.info is not None:
            pixmap = outlined(self.small, self.info, face, n)
            ratio = self.devicePixelRatioF()
            pixmap.setDevicePixelRatio(ratio)
            self.spot.setPixmap(pixmap)
            if not pixmap.isNull():  # as tall as the photo's shape needs, no taller
                self.spot.setFixedHeight(max(CROP_SIDE, round(pixmap.height() / ratio)))
        self.spot.setAccessibleName(f"Face {n} outlined on its photo")
        self.setAccessibleName(text)
        name = face.child_name or A_CHILD
        self.confirm_button.setText(f"Confirm as {name}")
        self.confirm_button.setAccessibleName(f"Confirm face {n} as {name}")
        self.not_button.setAccessibleName(f"Face {n} is not {name}: someone else")
        self.reviewed_button.setAccessibleName(f"Face {n}: {NOT_CONSENTED}")
        self.undo_button.setAccessibleName(f"Undo the review of face {n}")
        suggested = (
            face.status is FaceStatus.SUGGESTED and face.child_id is not None and not face.reviewed
        )
        self.confirm_button.setVisible(suggested)
        self.not_button.setVisible(suggested)
        self.reviewed_button.setVisible(not suggested and not face.reviewed)
        self.undo_button.setVisible(face.reviewed)

    def set_busy(self, busy: bool) -> None:
        for button in self.buttons():
            button.setEnabled(not busy)
