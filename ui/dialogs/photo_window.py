"""One photo opened from the grid: the photo with its faces, and the review of suggestions.

A non-modal dialog with two tabs, :class:`~ui.views.photo_view.PhotoView` and
:class:`~ui.views.face_review.FaceReview`; a face confirmed in the review is
redrawn with its new words on the photo.  Escape closes it.  One window is kept
and reused for the next photo opened (no window per photo to delete); closing it,
or a lock (:meth:`PhotoWindow.forget`), drops what it shows.
:class:`FaceReviewDialog` is the review alone, for every photo of a capture (the
import dialog offers it once the photos are in).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from sefton_photos.model import FaceInfo, PhotoInfo
from sefton_photos.session import Session
from ui.views.face_review import FaceReview
from ui.views.photo_view import PhotoView


class PhotoWindow(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.photo_id: int | None = None
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 140, metrics.height() * 34)
        self.view.loaded.connect(self._loaded)
        self.review.reviewed.connect(self._reviewed)
        self.finished.connect(lambda _result: self.forget())

    def show_photo(self, photo_id: int) -> None:
        """Load this photo (and its faces for review) and show the window."""
        self.photo_id = photo_id
        self.setWindowTitle("Photo")
        self.view.show_photo(photo_id)
        self.review.set_photo(photo_id)
        self.show()
        self.raise_()

    def _loaded(self, info: PhotoInfo | None) -> None:
        if info is not None:
            when = f"{info.taken_at:%d %b %Y}" if info.taken_at else f"{info.imported_at:%d %b %Y}"
            self.setWindowTitle(f"Photo of {when}")

    def _reviewed(self, face: FaceInfo | None) -> None:
        if face is not None:
            self.view.update_face(face)

    def forget(self) -> None:
        """Drop the picture, the crops and every name (on close and on lock)."""
        self.photo_id = None
        self.setWindowTitle("Photo")
        self.view.clear()
        self.review.clear()


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
