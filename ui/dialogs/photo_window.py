"""One photo opened from the grid: the photo with its faces, and the review of suggestions.

A non-modal dialog with two tabs, :class:`~ui.views.photo_view.PhotoView` and
:class:`~ui.views.face_review.FaceReview`; a face confirmed in the review is
redrawn with its new words on the photo.  Escape closes it.  Next and Previous
(Right and Left, or Page Down and Page Up) go through the photos of the list it was
opened from, in its order; F11 shows it full screen and Escape then leaves full
screen first.  One window is kept
and reused for the next photo opened (no window per photo to delete); closing it,
or a lock (:meth:`PhotoWindow.forget`), drops what it shows.
:class:`FaceReviewDialog` is the review alone, for every photo of a capture (the
import dialog offers it once the photos are in).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import FaceInfo, PhotoInfo
from sefton_photos.session import Session
from sefton_photos.words import short_date
from ui.views.face_review import FaceReview
from ui.views.photo_view import PhotoView


def position_words(index: int, count: int) -> str:
    return f"Photo {index + 1} of {count}" if count > 1 else "The only photo in this list"


class PhotoWindow(QDialog):
    moved = Signal(int)  # the photo id shown after Next or Previous

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo_id: int | None = None
        self.photo_ids: list[int] = []  # the list it was opened from, in its order
        self.setWindowTitle("Photo")
        self.setAccessibleName("Photo")
        self.view = PhotoView(session, self)
        self.review = FaceReview(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Photo and face review")
        self.tabs.addTab(self.view, "&Photo")
        self.tabs.addTab(self.review, "&Review faces")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close the photo")
        buttons.rejected.connect(self.reject)
        self.previous_button = QPushButton("◀ Pre&vious", self)
        self.previous_button.setAccessibleName("Previous photo (Left or Page Up)")
        self.next_button = QPushButton("&Next ▶", self)
        self.next_button.setAccessibleName("Next photo (Right or Page Down)")
        self.full_button = QPushButton("F&ull screen", self)
        self.full_button.setAccessibleName("Full screen (F11; Escape leaves it)")
        self.position = QLabel(self)
        self.position.setAccessibleName("Which photo of the list")
        self.previous_button.clicked.connect(self.previous_photo)
        self.next_button.clicked.connect(self.next_photo)
        self.full_button.clicked.connect(self.toggle_full_screen)
        bottom = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.full_button):
            button.setAutoDefault(False)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.position)
        bottom.addWidget(self.next_button)
        bottom.addStretch(1)
        bottom.addWidget(self.full_button)
        bottom.addWidget(buttons)
        for key, slot in (
            (Qt.Key.Key_Right, self.next_photo),
            (Qt.Key.Key_PageDown, self.next_photo),
            (Qt.Key.Key_Left, self.previous_photo),
            (Qt.Key.Key_PageUp, self.previous_photo),
            (Qt.Key.Key_F11, self.toggle_full_screen),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.height() * 34)
        self.view.loaded.connect(self._loaded)
        self.review.reviewed.connect(self._reviewed)
        self.view.faces_changed.connect(self.review.set_photo)
        self.finished.connect(lambda _result: self.forget())

    def show_photo(self, photo_id: int, photo_ids: Sequence[int] | None = None) -> None:
        """Load this photo (and its faces for review) and show the window.

        ``photo_ids`` is the list it is opened from (the grid's, in its order): Next and
        Previous go through it.  Without it the list stays as it was, when it holds
        this photo, and is this photo alone otherwise.
        """
        if photo_ids is not None:
            self.photo_ids = list(dict.fromkeys(photo_ids))
        if photo_id not in self.photo_ids:
            self.photo_ids = [photo_id]
        self.photo_id = photo_id
        self.setWindowTitle("Photo")
        self.view.show_photo(photo_id)
        self.review.set_photo(photo_id)
        self._update_position()
        self.show()
        self.raise_()

    def _update_position(self) -> None:
        count = len(self.photo_ids)
        index = self.photo_ids.index(self.photo_id) if self.photo_id in self.photo_ids else 0
        self.position.setText(position_words(index, count) if self.photo_id else "")
        self.previous_button.setEnabled(self.photo_id is not None and index > 0)
        self.next_button.setEnabled(self.photo_id is not None and index < count - 1)

    def step(self, delta: int) -> bool:
        """Show the photo ``delta`` places on in the list; False at either end."""
        if self.photo_id is None or self.photo_id not in self.photo_ids:
            return False
        index = self.photo_ids.index(self.photo_id) + delta
        if not 0 <= index < len(self.photo_ids):
            return False
        self.show_photo(self.photo_ids[index])
        self.moved.emit(self.photo_ids[index])
        return True

    def next_photo(self) -> bool:
        return self.step(1)

    def previous_photo(self) -> bool:
        return self.step(-1)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.full_button.setText("F&ull screen")
        else:
            self.showFullScreen()
            self.full_button.setText("Leave f&ull screen")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.toggle_full_screen()  # Escape leaves full screen; a second one closes
            event.accept()
            return
        super().keyPressEvent(event)

    def _loaded(self, info: PhotoInfo | None) -> None:
        if info is not None:
            when = (
                f"{short_date(info.taken_at)}"
                if info.taken_at
                else f"{short_date(info.imported_at)}"
            )
            self.setWindowTitle(f"Photo of {when}")

    def _reviewed(self, face: FaceInfo | None) -> None:
        if face is not None:
            self.view.update_face(face)

    def forget(self) -> None:
        """Drop the picture, the crops and every name (on close and on lock)."""
        self.photo_id = None
        self.photo_ids = []
        self.setWindowTitle("Photo")
        self.view.clear()
        self.review.clear()
        self._update_position()
        if self.isFullScreen():
            self.toggle_full_screen()


class FaceReviewDialog(QDialog):
    """The face review of some photos (a capture's), in a dialog of its own."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Review faces")
        self.setAccessibleName("Review faces")
        self.review = FaceReview(session, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.height() * 34)
        self.finished.connect(lambda _result: self.review.clear())

    def review_photos(self, photo_ids: list[int]) -> None:
        self.review.set_photos(photo_ids)
        self.show()
        self.raise_()
