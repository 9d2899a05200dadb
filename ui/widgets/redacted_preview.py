"""The picture of one photo as an export will write it (issue 11, R11 policy 5.5.1, 5.5.2).

The export dialog shows the chosen photo with exactly the blur the core's decision
names, drawn by the core on the full-size photo (``session.exports.redacted``) and
scaled down; this widget only displays it, with the words saying how many faces are
blurred, or that nothing will be written (a refused photo is shown with every face
blurred).  The latest request wins: a slow answer for an earlier photo is dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sefton_photos.model import Destination
from sefton_photos.words import plural
from ui import operations
from ui.ops import Latest, VaultOp, describe
from ui.widgets.fitted_picture import FittedPicture

if TYPE_CHECKING:  # the exporter brings SQLAlchemy: not at start-up
    from sefton_photos.services.exporter import RedactedView
    from sefton_photos.session import Session

SIDE = 360
NOTHING = "Choose a photo in the table to see it as it will be written."


def caption_words(view: RedactedView) -> str:
    if not view.allowed:
        return (
            "REFUSED: nothing will be written for this photo. It is shown with every face blurred."
        )
    if view.blurred:
        return (
            f"As it will be written: {plural(view.blurred, 'face')} blurred (not confirmed "
            "by a person as a consented child, R11)."
        )
    return "As it will be written: no face is blurred."


class RedactedPreview(QWidget):
    """Heading, picture, words; ``shown`` is emitted once a picture (or an error) arrived."""

    shown = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._latest = Latest()
        self.photo_id: int | None = None
        self.view: RedactedView | None = None
        self._ratio = QGuiApplication.primaryScreen().devicePixelRatio()
        heading = QLabel("Preview, as it will be written:", self)
        self.image = FittedPicture(self)  # whole, however short the dialog
        self.image.setMinimumSize(QSize(SIDE // 2, SIDE // 3))
        self.image.setAccessibleName("Preview of the chosen photo as it will be written")
        self.words = QLabel(NOTHING, self)
        self.words.setWordWrap(True)
        self.words.setAccessibleName("What the preview shows")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.words)

    def request(
        self, photo_id: int, destination: Destination, blur_all_but_consented: bool
    ) -> VaultOp[RedactedView]:
        ticket = self._latest.start()
        self.photo_id = photo_id
        self.words.setText("Drawing the preview…")
        side = round(SIDE * self._ratio)

        def done(view: RedactedView) -> None:
            if not self._latest.current(ticket):
                return  # the person has moved on: the latest answer wins
            self.view = view
            pixmap = QPixmap()
            pixmap.loadFromData(view.jpeg, "JPEG")
            pixmap.setDevicePixelRatio(self._ratio)
            self.image.setPixmap(pixmap)
            self.words.setText(caption_words(view))
            self.shown.emit(photo_id)

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.view = None
                self.image.clear()
                self.words.setText(describe(error))
                self.shown.emit(photo_id)

        op = operations.exports.redacted(
            parent=self,
            session=self.session,
            photo_id=photo_id,
            destination=destination,
            blur_all_but_consented=blur_all_but_consented,
            max_side=side,
        )
        return op.success(done).failure(failed).run()

    def clear(self) -> None:
        """Forget the picture (closing, locking)."""
        self._latest.drop()
        self.photo_id, self.view = None, None
        self.image.clear()
        self.words.setText(NOTHING)

    def lines(self) -> list[str]:
        return [self.words.text()]
