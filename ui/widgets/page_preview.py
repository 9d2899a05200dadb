"""The live preview of one page of a life story book: its picture, its caption, its decision.

"Page 2 of 5: ALLOWED" as a heading (the verdict is a word), the picture scaled to
fit, the caption under it as the book will print it, then the core's reasons for
the page (:class:`~ui.models.reasons.ReasonsModel`: NOT MET first, with rule and
clause).  It only displays what it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from sefton_photos.decisions import Decision
from ui.models.reasons import ReasonsModel
from ui.widgets.fitted_picture import FittedPicture

PREVIEW_SIDE = 320
NO_PAGE = "No page yet: tick a photo"


class PagePreview(QFrame):
    """Heading, picture, caption, reasons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setAccessibleName("Preview of the page")
        self.heading = QLabel(NO_PAGE, self)
        self.heading.setProperty("role", "subtitle")
        self.heading.setWordWrap(True)
        self.image = FittedPicture(self)  # whole, however small the editor
        self.image.setMinimumSize(QSize(PREVIEW_SIDE // 2, PREVIEW_SIDE // 2))
        self.image.setAccessibleName("Picture of the page")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setAccessibleName("Caption of the page")
        self.reasons = ReasonsModel(parent=self)
        self.reasons_view = QListView(self)
        self.reasons_view.setModel(self.reasons)
        self.reasons_view.setAccessibleName("Decision for the page, with its reasons")
        self.reasons_view.setWordWrap(True)
        self.reasons_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.reasons_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.image, 3)
        layout.addWidget(self.caption)
        layout.addWidget(self.reasons_view, 2)

    def show_page(
        self,
        number: int,
        count: int,
        verdict: str,
        caption: str,
        pixmap: QPixmap | None,
        decision: Decision | None,
    ) -> None:
        self.heading.setText(f"Page {number} of {count}: {verdict}")
        self.heading.setAccessibleName(self.heading.text())
        if pixmap is None:
            self.image.setText("The picture is on its way…")
        else:
            ratio = pixmap.devicePixelRatio()
            scaled = pixmap.scaled(
                QSize(PREVIEW_SIDE, PREVIEW_SIDE) * ratio,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            self.image.setPixmap(scaled)  # then fitted to the room it has
        self.caption.setText(caption or "(no caption yet: F2 in the pages table writes one)")
        if decision is None:
            self.reasons.clear()
        else:
            self.reasons.set_decision(decision)

    def clear(self) -> None:
        self.heading.setText(NO_PAGE)
        self.heading.setAccessibleName(NO_PAGE)
        self.image.clear()
        self.caption.clear()
        self.reasons.clear()

    def lines(self) -> list[str]:
        return [self.heading.text(), self.caption.text(), *self.reasons.lines()]
