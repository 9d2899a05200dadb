"""A picture label that shows the whole picture, scaled down to the room it is given.

A plain ``QLabel`` with a pixmap larger than itself shows the middle of it and cuts the
rest (issue 12: the export dialog's preview lost the top and bottom of a portrait photo
when the dialog was short).  This one keeps the picture it was given and, whenever it
is resized, shows it whole: scaled to fit, its shape kept, never enlarged, sharp at the
screen's pixel ratio.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class FittedPicture(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: QPixmap | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def setPixmap(self, pixmap: QPixmap) -> None:  # type: ignore[override]
        self._source = QPixmap(pixmap) if not pixmap.isNull() else None
        self._fit()

    def setText(self, text: str) -> None:
        self._source = None
        super().setText(text)

    def clear(self) -> None:
        self._source = None
        super().clear()

    def source(self) -> QPixmap | None:
        """The picture as it was given (``pixmap()`` is what is shown)."""
        return self._source

    def sizeHint(self) -> QSize:
        if self._source is None:
            return super().sizeHint()
        return self._source.deviceIndependentSize().toSize().expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:
        return self.minimumSize() if self._source is not None else super().minimumSizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        source = self._source
        if source is None:
            return
        room = self.contentsRect().size()
        whole = source.deviceIndependentSize().toSize()
        if room.isEmpty() or (whole.width() <= room.width() and whole.height() <= room.height()):
            super().setPixmap(source)
            return
        ratio = source.devicePixelRatio()
        scaled = source.scaled(
            room * ratio,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        super().setPixmap(scaled)
