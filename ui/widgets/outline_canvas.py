"""The photo canvas with a tool to outline a face the detector missed (R11, 5.5.1, 5.5.2).

A missed face has no box, so nothing would blur it: the person looking at the photo
draws one.  :meth:`OutlineCanvas.start_outline` shows a new outline in the middle of
the photo; it can be dragged out with the mouse anywhere on the photo, or moved
with the arrow keys and resized with Shift and the arrow keys (a keyboard path for
everyone), and Enter saves it (:attr:`outlined` carries the box in the original
photo's pixels: top, right, bottom, left) while Escape drops it.  The new outline
is drawn thick, dashed, black under yellow, with its instructions in its label,
so it never rests on colour alone.  The core checks the box and records it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from ui.widgets.face_canvas import FaceCanvas

DRAFT_WORDS = (
    "New outline: drag round the face, or move it with the arrow keys and size it with "
    "Shift+arrows; Enter saves, Escape drops it"
)
STEP = 0.01  # of the photo's longer side, per arrow key press


class OutlineCanvas(FaceCanvas):
    """A :class:`FaceCanvas` on which a person can draw one new face outline at a time."""

    outlined = Signal(object)  # (top, right, bottom, left) in the original's pixels
    outline_dropped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft: QRectF | None = None  # the new outline, in the original's pixels
        self._anchor: QPointF | None = None

    # -- the tool -------------------------------------------------------------------------------

    def start_outline(self) -> bool:
        """A new outline a sixth of the photo wide in its middle; False with no photo."""
        if self.image is None or self.original.width() <= 0:
            return False
        w, h = self.original.width(), self.original.height()
        side = max(8.0, min(w, h) / 6)
        self.draft = QRectF(w / 2 - side / 2, h / 2 - side / 2, side, side)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.setAccessibleDescription(DRAFT_WORDS)
        self.update()
        return True

    def draft_box(self) -> tuple[int, int, int, int] | None:
        """The new outline as top, right, bottom, left whole pixels inside the photo."""
        if self.draft is None:
            return None
        r = self.draft.normalized().intersected(
            QRectF(0, 0, self.original.width(), self.original.height())
        )
        return round(r.top()), round(r.right()), round(r.bottom()), round(r.left())

    def save_outline(self) -> bool:
        box = self.draft_box()
        if box is None:
            return False
        self._end()
        self.outlined.emit(box)
        return True

    def drop_outline(self) -> None:
        if self.draft is not None:
            self._end()
            self.outline_dropped.emit()

    def _end(self) -> None:
        self.draft, self._anchor = None, None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.set_faces(self.faces)  # the accessible description of the faces again

    def clear(self) -> None:
        self.draft, self._anchor = None, None
        super().clear()

    # -- geometry -------------------------------------------------------------------------------

    def to_photo(self, x: float, y: float) -> QPointF:
        """A point of the canvas in the original photo's pixels (clamped to the photo)."""
        t = self.target()
        if t.isEmpty():
            return QPointF()
        px = (x - t.left()) * self.original.width() / t.width()
        py = (y - t.top()) * self.original.height() / t.height()
        return QPointF(
            min(max(px, 0.0), float(self.original.width())),
            min(max(py, 0.0), float(self.original.height())),
        )

    def to_canvas(self, r: QRectF) -> QRectF:
        t = self.target()
        sx, sy = t.width() / self.original.width(), t.height() / self.original.height()
        return QRectF(
            t.left() + r.left() * sx, t.top() + r.top() * sy, r.width() * sx, r.height() * sy
        )

    # -- mouse and keys ---------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.draft is not None and event.button() == Qt.MouseButton.LeftButton:
            self._anchor = self.to_photo(event.position().x(), event.position().y())
            self.draft = QRectF(self._anchor, self._anchor)
            self.update()
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.draft is not None and self._anchor is not None:
            self.draft = QRectF(
                self._anchor, self.to_photo(event.position().x(), event.position().y())
            ).normalized()
            self.update()
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.draft is not None and self._anchor is not None:
            self._anchor = None
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def event(self, event: QEvent) -> bool:
        """While outlining, the arrows, Enter and Escape are the tool's, not the window's
        shortcuts (Left and Right go to the previous and next photo otherwise)."""
        if (
            self.draft is not None
            and event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in (*ARROWS, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.draft is None:
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save_outline()
        elif key == Qt.Key.Key_Escape:
            self.drop_outline()
        elif key in ARROWS:
            dx, dy = ARROWS[key]
            step = STEP * max(self.original.width(), self.original.height())
            r = self.draft.normalized()
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                r.setRight(max(r.left() + 8, r.right() + dx * step))
                r.setBottom(max(r.top() + 8, r.bottom() + dy * step))
            else:
                r.translate(dx * step, dy * step)
            self.draft = r
            self.update()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- painting ---------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.draft is None or self.target().isEmpty():
            return
        box = self.to_canvas(self.draft.normalized())
        painter = QPainter(self)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("#000000"), 8))
        painter.drawRect(box)
        pen = QPen(QColor("#ffdd00"), 4)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(box)
        painter.setFont(self.label_font())
        label = QRectF(self.rect().left() + 8, self.rect().top() + 8, self.width() - 16, 200)
        bounds = painter.boundingRect(label, int(Qt.TextFlag.TextWordWrap), DRAFT_WORDS)
        painter.fillRect(bounds.adjusted(-4, -4, 4, 4), QColor("#000000"))
        painter.setPen(QColor("#ffffff"))
        painter.drawText(bounds, int(Qt.TextFlag.TextWordWrap), DRAFT_WORDS)
        painter.end()


ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}
