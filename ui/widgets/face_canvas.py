"""A photo scaled to fit, with a box and a label in words on every face (R11).

The picture is a ``QImage`` held in memory only (decrypted by the core for this
view, never written anywhere).  Each face gets an outline and a numbered label
with the words of :mod:`ui.models.faces`: solid for a child of the capture,
dashed for someone whose consent is needed before publication, so the
difference never rests on colour alone.  :meth:`FaceCanvas.drawings` computes
where every box and label goes (what ``paintEvent`` draws, and what tests check).

The face chosen in the list beside the photo is outlined a second time, with a
thick double frame and "Chosen:" in front of its label (never colour alone).
:class:`ZoomArea` holds the canvas in a scroll area: Ctrl+wheel zooms, as in
digiKam's preview, and the plain wheel scrolls a zoomed photo; factor 1 fits it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QWidget

from sefton_photos.model import FaceInfo
from ui.models.faces import face_colour, face_line, face_words

BACKGROUND = QColor("#3b3f42")
LABEL_MARGIN = 4.0
CHOSEN = "Chosen: "
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 8.0


@dataclass(frozen=True, slots=True)
class FaceDrawing:
    box: QRectF
    label: QRectF
    text: str
    colour: QColor
    dashed: bool
    chosen: bool = False


class FaceCanvas(QWidget):
    """Paints :attr:`image` with the boxes of :attr:`faces` (in original-photo pixels)."""

    zoom_requested = Signal(int)  # wheel steps with Ctrl held: + in, - out
    face_clicked = Signal(int)  # the face id whose box or label was clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.original = QSize()
        self.faces: list[FaceInfo] = []
        self.chosen: int | None = None  # the face id chosen in the list
        self.zoom = 1.0  # 1 fits the photo in :attr:`frame`
        self.frame = QSize()  # the visible area to fit in (the scroll area's); else own size
        self.brief = False  # labels say only the face's number (a list beside has the words)
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

    def choose(self, face_id: int | None) -> None:
        """Outline this face a second time (the one chosen in the list), or none."""
        self.chosen = face_id
        self.update()

    def clear(self) -> None:
        self.image, self.original, self.faces, self.chosen = None, QSize(), [], None
        self.setAccessibleDescription("")
        self.update()

    def face_at(self, x: float, y: float) -> int | None:
        """The face whose box (or label) is at this point of the canvas, if any."""
        for drawing, face in zip(self.drawings(), self.faces, strict=False):
            if drawing.box.contains(x, y) or drawing.label.contains(x, y):
                return int(face.id)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        face_id = self.face_at(event.position().x(), event.position().y())
        if face_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.face_clicked.emit(face_id)
            event.accept()
        else:
            super().mousePressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = round(event.angleDelta().y() / 120) or (1 if event.angleDelta().y() > 0 else -1)
            if event.angleDelta().y():
                self.zoom_requested.emit(steps)
            event.accept()
        else:
            event.ignore()  # the scroll area scrolls a zoomed photo

    def sizeHint(self) -> QSize:
        return QSize(640, 480)

    # -- geometry -------------------------------------------------------------------------------

    def target(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred, aspect kept."""
        if self.image is None or self.image.isNull():
            return QRectF()
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        w, h = self.zoomed_size()
        return QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h)

    def zoomed_size(self) -> tuple[float, float]:
        """The photo's size on screen: fitted to :attr:`frame`, times :attr:`zoom`."""
        if self.image is None or self.image.isNull():
            return 0.0, 0.0
        frame = self.frame if self.frame.isValid() else self.size()
        fit = min(
            max(1, frame.width() - 8) / self.image.width(),
            max(1, frame.height() - 8) / self.image.height(),
        )
        scale = fit * self.zoom
        return self.image.width() * scale, self.image.height() * scale

    def face_rect(self, face_id: int) -> QRectF | None:
        """Where this face's box is drawn, in the canvas's own pixels."""
        for drawing, face in zip(self.drawings(), self.faces, strict=False):
            if face.id == face_id:
                return drawing.box
        return None

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
            chosen = face.id == self.chosen
            words = "" if self.brief else f". {face_words(face)}"
            text = f"{CHOSEN if chosen else ''}{number}{words}"
            width = min(max(box.width(), metrics.averageCharWidth() * 18), bounds.width() - 8)
            size = metrics.boundingRect(
                QRectF(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text
            ).size()
            label = QRectF(0, 0, size.width() + 2 * LABEL_MARGIN, size.height() + 2 * LABEL_MARGIN)
            label = _place(label, box, bounds, placed)
            placed.append(label)
            out.append(FaceDrawing(box, label, text, face_colour(face), face.needs_consent, chosen))
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
            if d.chosen:  # a second, thick frame outside the box: black then white
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("#000000"), 10))
                painter.drawRect(d.box.adjusted(-8, -8, 8, 8))
                painter.setPen(QPen(QColor("#ffdd00"), 4))
                painter.drawRect(d.box.adjusted(-8, -8, 8, 8))
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


class ZoomArea(QScrollArea):
    """The canvas in a scroll area: :meth:`set_zoom` (1 fits), Ctrl+wheel zooms."""

    zoom_changed = Signal(float)

    def __init__(self, canvas: FaceCanvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.setWidget(canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(200, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Photo, zoomed")
        canvas.setMinimumSize(0, 0)
        canvas.zoom_requested.connect(lambda steps: self.set_zoom(self.zoom * ZOOM_STEP**steps))

    minimum, maximum = ZOOM_MIN, ZOOM_MAX

    @property
    def zoom(self) -> float:
        return self.canvas.zoom

    def set_zoom(self, factor: float) -> float:
        factor = min(ZOOM_MAX, max(ZOOM_MIN, factor))
        if abs(factor - 1.0) < 1e-3:
            factor = 1.0
        self.canvas.zoom = factor
        self._fit()
        self.zoom_changed.emit(factor)
        return factor

    def zoom_in(self) -> float:
        return self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> float:
        return self.set_zoom(self.zoom / ZOOM_STEP)

    def fit(self) -> float:
        return self.set_zoom(1.0)

    def show_face(self, face_id: int) -> None:
        """Scroll a zoomed photo so that this face's box is in view."""
        rect = self.canvas.face_rect(face_id)
        if rect is not None:
            centre = rect.center()
            self.ensureVisible(
                round(centre.x()), round(centre.y()), round(rect.width()), round(rect.height())
            )

    def _fit(self) -> None:
        view = self.viewport().size()
        self.canvas.frame = view
        w, h = self.canvas.zoomed_size()
        self.canvas.setMinimumSize(
            max(0, round(w) + 8) if w > view.width() else 0,
            max(0, round(h) + 8) if h > view.height() else 0,
        )
        self.canvas.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


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
