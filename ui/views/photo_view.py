"""One photo, large, with every face boxed and named in words, and a review flag (R11, R12).

The picture comes from ``session.photos.view`` (decrypted in memory and audited
by the core, on the vault worker) and is converted to a ``QImage`` there; it is
never written anywhere.  Beside it, the list of faces says the same words as the
labels on the boxes: the child's name when the face is one of the capture's
children, otherwise that someone else needs their own consent before any
publication (R11, policy 5.5.1/5.5.2).  A photo taken under a consent since
withdrawn carries a banner in words (R12, policy 5.5.1.3) and a review row: the
child's social worker (or their line manager) names the new consent that covers it;
the core decides, and a refusal is shown in its words.  On lock the picture, its
faces and its details are dropped.

Zoom as in digiKam's preview: Ctrl+wheel, Ctrl++ and Ctrl+- (or the buttons), and
Ctrl+0 or "Fit" to see the whole photo again; the plain wheel scrolls a zoomed
photo.  Choosing a face in the list outlines it a second time on the photo, with
"Chosen:" in its label, and scrolls it into view.

A face the detector missed is outlined here by the person looking (R11: it is then
blurred like any face nobody confirmed), and the person records that they checked
the whole photo, which the public waits for (:mod:`ui.widgets.outline_controls`).
"""

from __future__ import annotations

from dataclasses import replace

from PIL import Image
from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import FaceInfo, PhotoInfo, Purpose
from sefton_photos.services.review import FlagReview
from sefton_photos.session import Session
from sefton_photos.words import short_date
from ui import operations
from ui.models.faces import FacesModel
from ui.ops import Latest, VaultOp, describe
from ui.widgets.face_canvas import ZoomArea
from ui.widgets.message import MessageLabel
from ui.widgets.outline_canvas import OutlineCanvas
from ui.widgets.outline_controls import OutlineControls

VIEW_SIDE = 2048
LEGEND = (
    "Solid outline: a child of this capture. Dashed outline: someone else, whose own "
    "written consent is needed before any publication (R11, policy 5.5.1 and 5.5.2)."
)


def to_qimage(image: Image.Image) -> QImage:
    """PIL → QImage owning its pixels (safe to build on the worker thread)."""
    rgb = image.convert("RGB")
    data = rgb.tobytes("raw", "RGB")
    qimage = QImage(data, rgb.width, rgb.height, rgb.width * 3, QImage.Format.Format_RGB888)
    return qimage.copy()


def flag_words(info: PhotoInfo) -> str:
    return (
        f"Flagged for review (R12, policy 5.5.1.3): {info.flagged}. "
        "Do not use this photo until it has been reviewed."
    )


def zoom_words(factor: float) -> str:
    return "Fitted to the window" if factor == 1.0 else f"Zoom {round(factor * 100)} % of fitted"


def details_words(info: PhotoInfo) -> str:
    parts = []
    if info.purpose:
        try:
            label = Purpose(info.purpose).label
        except ValueError:
            label = info.purpose
        parts.append(label[:1].upper() + label[1:])
    if info.taken_at is not None:
        parts.append(f"taken {short_date(info.taken_at)}")
    parts.append(f"imported {short_date(info.imported_at)} by {info.imported_by}")
    parts.append(f"{info.width} by {info.height} pixels")
    return " · ".join(parts)


class PhotoView(QWidget):
    """The photo with its faces; :meth:`show_photo` loads one on the worker."""

    loaded = Signal(object)  # the PhotoInfo shown, or None when loading failed
    reviewed = Signal(object)  # the FlagReview of an R12 review the core accepted
    faces_changed = Signal(int)  # the photo id, after a face was outlined (R11)

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, max_side: int = VIEW_SIDE
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.max_side = max_side
        self.info: PhotoInfo | None = None
        self._note = ""  # words to show once the photo has reloaded after a review
        self._latest = Latest()
        self.setAccessibleName("Photo view")

        self.banner = MessageLabel("Review flag", self)
        self.review_consent = QSpinBox(self)
        self.review_consent.setRange(0, 2_000_000_000)
        self.review_consent.setSpecialValueText("choose")
        self.review_consent.setAccessibleName("New consent number")
        review_label = QLabel("New &consent no. that covers it:", self)
        review_label.setBuddy(self.review_consent)
        self.review_button = QPushButton("&Review: clear the flag", self)
        self.review_button.setAccessibleName("Review: clear the flag on this consent")
        self.review_button.clicked.connect(self.review)
        self.review_row = QWidget(self)
        review_layout = QHBoxLayout(self.review_row)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(review_label)
        review_layout.addWidget(self.review_consent)
        review_layout.addWidget(self.review_button)
        review_layout.addStretch(1)
        self.review_row.hide()
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAccessibleName("About this photo")
        self.details.setProperty("role", "hint")
        self.message = MessageLabel("Photo view message", self)
        self.canvas = OutlineCanvas(self)
        self.zoom_area = ZoomArea(self.canvas, self)
        self.zoom_out_button = QPushButton("Zoom &out", self)
        self.zoom_out_button.setAccessibleName("Zoom out (Ctrl+minus)")
        self.zoom_in_button = QPushButton("Zoom &in", self)
        self.zoom_in_button.setAccessibleName("Zoom in (Ctrl+plus)")
        self.fit_button = QPushButton("Fi&t", self)
        self.fit_button.setAccessibleName("Fit the photo to the window (Ctrl+0)")
        self.zoom_label = QLabel(zoom_words(1.0), self)
        self.zoom_label.setAccessibleName("Zoom")
        self.zoom_label.setProperty("role", "hint")
        zoom_row = QHBoxLayout()
        for button, slot in (
            (self.zoom_out_button, self.zoom_area.zoom_out),
            (self.zoom_in_button, self.zoom_area.zoom_in),
            (self.fit_button, self.zoom_area.fit),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            zoom_row.addWidget(button)
        zoom_row.addWidget(self.zoom_label)
        zoom_row.addStretch(1)
        self.zoom_row = zoom_row
        self.zoom_area.zoom_changed.connect(self._zoomed)
        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), self.zoom_area.zoom_in),
            ((QKeySequence.StandardKey.ZoomOut,), self.zoom_area.zoom_out),
            (("Ctrl+0",), self.zoom_area.fit),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.faces_model = FacesModel(self)
        self.faces_view = QListView(self)
        self.faces_view.setModel(self.faces_model)
        self.faces_view.setAccessibleName("Faces in this photo")
        self.faces_view.setWordWrap(True)
        self.faces_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.faces_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.faces_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.faces_view.setSpacing(2)
        self.faces_view.selectionModel().currentChanged.connect(self._face_chosen)
        self.canvas.face_clicked.connect(self._face_clicked)
        faces_heading = QLabel("&Faces in this photo", self)
        faces_heading.setProperty("role", "subtitle")
        faces_heading.setBuddy(self.faces_view)
        self.legend = QLabel(LEGEND, self)
        self.legend.setWordWrap(True)
        self.legend.setProperty("role", "hint")
        self.legend.setAccessibleName("How the faces are marked")
        self.outline = OutlineControls(self)
        self.outline.outline_button.clicked.connect(self.start_outline)
        self.outline.save_button.clicked.connect(self.canvas.save_outline)
        self.outline.checked_button.clicked.connect(self.mark_checked)
        self.canvas.outlined.connect(self.save_outline)
        self.canvas.outline_dropped.connect(self._outline_dropped)

        side = QVBoxLayout()
        side.addWidget(faces_heading)
        side.addWidget(self.faces_view, 1)
        side.addWidget(self.legend)
        side.addWidget(self.outline)
        picture = QVBoxLayout()
        picture.addLayout(zoom_row)
        picture.addWidget(self.zoom_area, 1)
        row = QHBoxLayout()
        row.addLayout(picture, 3)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.review_row)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addLayout(row, 1)

    def show_photo(self, photo_id: int) -> VaultOp[tuple[PhotoInfo, QImage]]:
        """Load the photo (audited by the core) and its faces on the worker."""
        ticket = self._latest.start()

        def done(result: tuple[PhotoInfo, QImage]) -> None:
            if self._latest.current(ticket):
                self.show_loaded(*result)
                self.loaded.emit(result[0])

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.clear()
                self.message.show_error(describe(error))
                self.loaded.emit(None)

        op = operations.photos.picture(
            parent=self, session=self.session, photo_id=photo_id, max_side=self.max_side
        )
        return op.success(done).failure(failed).run()

    def show_loaded(self, info: PhotoInfo, image: QImage) -> None:
        self.info = info
        self.message.clear_message()
        if self._note:
            self.message.show_info(self._note)
            self._note = ""
        self.canvas.set_photo(image, QSize(info.width, info.height), info.faces)
        self.canvas.choose(None)
        self.faces_model.set_faces(info.faces)
        self.zoom_area.fit()
        self.details.setText(details_words(info))
        if info.flagged:
            self.banner.show_error(flag_words(info))
        else:
            self.banner.clear_message()
        self.review_row.setVisible(bool(info.flagged))
        self.outline.show_state(info, drafting=False, busy=False)

    def _zoomed(self, factor: float) -> None:
        self.zoom_label.setText(zoom_words(factor))
        self.zoom_out_button.setEnabled(factor > self.zoom_area.minimum)
        self.zoom_in_button.setEnabled(factor < self.zoom_area.maximum)
        if self.canvas.chosen is not None:
            self.zoom_area.show_face(self.canvas.chosen)

    def _face_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        face = current.data(Qt.ItemDataRole.UserRole) if current.isValid() else None
        self.choose_face(face.id if isinstance(face, FaceInfo) else None)

    def _face_clicked(self, face_id: int) -> None:
        """A click on a box chooses that face in the list too (same as choosing it there)."""
        row = next((i for i, f in enumerate(self.faces_model.faces) if f.id == face_id), None)
        if row is not None:
            self.faces_view.setCurrentIndex(self.faces_model.index(row, 0))

    def choose_face(self, face_id: int | None) -> None:
        """Outline this face on the photo (as choosing it in the list does)."""
        self.canvas.choose(face_id)
        if face_id is not None:
            self.zoom_area.show_face(face_id)

    def review(self) -> VaultOp[FlagReview] | None:
        """R12: ask the core to clear the flag on the consent named (it decides, audited)."""
        if self.info is None:
            return None
        consent = self.review_consent.value()
        if not consent:
            self.message.show_error("Name the new consent that covers this photo first.")
            return None
        photo_id = int(self.info.id)

        def done(outcome: FlagReview) -> None:
            if outcome.cleared:
                self._note = (
                    f"Reviewed: the photo now rests on consent {consent} and is no "
                    "longer flagged (R12, policy 5.5.1.3)."
                )
            else:
                self._note = (
                    "Reviewed for this child, but it stays flagged: it also relied on "
                    + (
                        "withdrawn consent "
                        if len(outcome.still_flagged_by) == 1
                        else "withdrawn consents "
                    )
                    + ", ".join(str(c) for c in outcome.still_flagged_by)
                    + "."
                )
            self.reviewed.emit(outcome)
            self.show_photo(photo_id)

        def failed(error: BaseException) -> None:
            self.message.show_error(f"It stays flagged. {describe(error)}")

        op = operations.photos.review_flag(
            parent=self, session=self.session, photo_id=photo_id, consent_id=consent
        )
        return op.success(done).failure(failed).run()

    # -- faces the detector missed (R11) ----------------------------------------------------

    def start_outline(self) -> bool:
        """Show a new outline on the photo, to drag or move with the keys."""
        if self.info is None or not self.canvas.start_outline():
            return False
        self.outline.show_state(self.info, drafting=True, busy=False)
        self.message.show_info(
            "Drag round the face the detector missed, or move the outline with the arrow "
            "keys and size it with Shift+arrows. Enter saves it, Escape drops it."
        )
        return True

    def _outline_dropped(self) -> None:
        self.message.clear_message()
        self.outline.show_state(self.info, drafting=False, busy=False)

    def save_outline(self, box: tuple[int, int, int, int]) -> VaultOp[FaceInfo] | None:
        """Ask the core to record the outline (it checks the box; audited)."""
        if self.info is None:
            return None
        photo_id = int(self.info.id)
        self.outline.show_state(self.info, drafting=False, busy=True)

        def done(_face: FaceInfo) -> None:
            self._note = (
                "Outlined. The face is blurred beyond the case record; when every face in "
                "the photo is outlined, mark it checked."
            )
            self.faces_changed.emit(photo_id)
            self.show_photo(photo_id)

        op = operations.faces.outline(parent=self, session=self.session, photo_id=photo_id, box=box)
        return op.success(done).failure(self._outline_failed).run()

    def mark_checked(self) -> VaultOp[None] | None:
        """Record that the person looked at the whole photo for missed faces (audited)."""
        if self.info is None:
            return None
        photo_id = int(self.info.id)
        self.outline.show_state(self.info, drafting=False, busy=True)

        def done(_: None) -> None:
            self._note = "Marked as checked whole for faces the detector missed (R11)."
            self.show_photo(photo_id)

        op = operations.faces.mark_checked(parent=self, session=self.session, photo_id=photo_id)
        return op.success(done).failure(self._outline_failed).run()

    def _outline_failed(self, error: BaseException) -> None:
        self.message.show_error(describe(error))
        self.outline.show_state(self.info, drafting=False, busy=False)

    def update_face(self, face: FaceInfo) -> None:
        """A face was confirmed or corrected elsewhere (the face review): redraw its words."""
        if self.info is None:
            return
        faces = [face if f.id == face.id else f for f in self.info.faces]
        self.info = replace(self.info, faces=tuple(faces))
        chosen = self.canvas.chosen
        self.canvas.set_faces(faces)
        self.faces_model.set_faces(faces)
        if chosen is not None:
            row = next((i for i, f in enumerate(faces) if f.id == chosen), None)
            if row is not None:
                self.faces_view.setCurrentIndex(self.faces_model.index(row, 0))

    def clear(self) -> None:
        """Drop the picture, its faces and its details (on lock nothing stays shown)."""
        self._latest.drop()
        self.info = None
        self.canvas.clear()
        self.faces_model.clear()
        self.zoom_area.fit()
        self.details.clear()
        self.banner.clear_message()
        self.review_row.hide()
        self.review_consent.setValue(0)
        self.message.clear_message()
        self.outline.show_state(None, drafting=False, busy=False)

    def on_locked(self) -> None:
        self.clear()
