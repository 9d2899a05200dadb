"""A photo scaled to fit, with a box and a label in words on every face (R11).

The picture is a ``QImage`` held in memory only (decrypted by the core for this
view, never written anywhere).  Each face gets an outline and a numbered label
with the words of :mod:`ui.models.faces`: solid for a child of the capture,
dashed for someone whose consent is needed before publication, so the
difference never rests on colour alone.  :meth:`FaceCanvas.drawings` computes
where every box and label goes (what ``paintEvent`` draws, and what tests check).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from sefton_photos.model import FaceInfo
from ui.models.faces import face_colour, face_line, face_words

BACKGROUND = QColor("#3b3f42")
LABEL_MARGIN = 4.0


@dataclass(frozen=True, slots=True)
class FaceDrawing:
    box: QRectF
    label: QRectF
    text: str
    colour: QColor
    dashed: bool


class FaceCanvas(QWidget):
    """Paints :attr:`image` with the boxes of :attr:`faces` (in original-photo pixels)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.original = QSize()
        self.faces: list[FaceInfo] = []
        self.setAccessibleName("Photo")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_photo(self, image: QImage, original: QSize, faces: Sequence[FaceInfo]) -> None:
        """``original`` is the photo's full size: the faces' boxes are in its pixels."""
        self.image, self.original, self.faces = image, original, list(faces)
        lines = [face_line(i + 1, f) for i, f in enumerate(self.faces)]
        self.setAccessibleDescription(
            "; ".join(lines) if lines else "No faces were found in this photo."
        )
        self.update()

    def set_faces(self, faces: Sequence[FaceInfo]) -> None:
        if self.image is not None:
            self.set_photo(self.image, self.original, faces)

    def clear(self) -> None:
        self.image, self.original, self.faces = None, QSize(), []
        self.setAccessibleDescription("")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    # -- geometry -------------------------------------------------------------------------------

    def target(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred, aspect kept."""
        if self.image is None or self.image.isNull():
            return QRectF()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        scale = min(area.width() / self.image.width(), area.height() / self.image.height())
        w, h = self.image.width() * scale, self.image.height() * scale
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def label_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def drawings(self) -> list[FaceDrawing]:
        target = self.target()
        if target.isEmpty() or not self.faces or self.original.width() <= 0:
            return []
        sx = target.width() / self.original.width()
        sy = target.height() / self.original.height()
        metrics = QFontMetricsF(self.label_font())
        bounds = QRectF(self.rect())
        placed: list[QRectF] = []
        out = []
        for number, face in enumerate(self.faces, start=1):
            top, right, bottom, left = face.box
            box = QRectF(
                target.left() + left * sx,
                target.top() + top * sy,
                (right - left) * sx,
                (bottom - top) * sy,
            )
            text = f"{number}. {face_words(face)}"
            width = min(max(box.width(), metrics.averageCharWidth() * 18), bounds.width() - 8)
            size = metrics.boundingRect(
                QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
            ).size()
            label = QRectF(0, 0, size.width() + 2 * LABEL_MARGIN, size.height() + 2 * LABEL_MARGIN)
            label = _place(label, box, bounds, placed)
            placed.append(label)
            out.append(FaceDrawing(box, label, text, face_colour(face), face.needs_consent))
        return out

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        target = self.target()
        if self.image is None or target.isEmpty():
            painter.setPen(QColor("#ffffff"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No photo is open.")
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawImage(target, self.image)
        painter.setFont(self.label_font())
        for d in self.drawings():
            halo = QPen(QColor("#ffffff"), 6)  # visible on dark and light photos alike
            painter.setPen(halo)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(d.box)
            pen = QPen(d.colour, 4)
            pen.setStyle(Qt.PenStyle.DashLine if d.dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawRect(d.box)
            painter.setPen(QPen(QColor("#ffffff"), 2))
            painter.setBrush(d.colour)
            painter.drawRoundedRect(d.label, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(
                d.label.adjusted(LABEL_MARGIN, LABEL_MARGIN, -LABEL_MARGIN, -LABEL_MARGIN),
                int(Qt.TextFlag.TextWordWrap),
                d.text,
            )
        painter.end()


def _place(label: QRectF, box: QRectF, bounds: QRectF, placed: list[QRectF]) -> QRectF:
    """Below the box if it fits there, else above it, else below the labels in the way."""
    gap = 4.0
    x = min(max(bounds.left() + 4, box.left()), bounds.right() - label.width() - 4)
    below = QRectF(x, box.bottom() + gap, label.width(), label.height())
    above = QRectF(x, box.top() - gap - label.height(), label.width(), label.height())
    for candidate in (below, above):
        inside = bounds.contains(candidate)
        if inside and not any(candidate.intersects(p) for p in placed):
            return candidate
    spot = below
    for _ in range(len(placed) + 1):
        clash = [p for p in placed if spot.intersects(p)]
        if not clash:
            break
        spot = spot.translated(0, max(p.bottom() for p in clash) + gap - spot.top())
    if spot.bottom() > bounds.bottom():
        spot.moveBottom(bounds.bottom() - 2)
    return spot
