"""The Photos tab of a child's file: the grid, "Import photos…", and opening a photo.

Ready to drop into the child's file view: ``ChildPhotosPanel(session)`` then
:meth:`ChildPhotosPanel.set_child` when a file opens, :meth:`on_locked` on lock.
Importing opens :class:`~ui.dialogs.import_photos.ImportDialog` with the child
ticked; when it finishes the grid lists the photos again.  Enter (or "Open
photo") opens the photo in the panel's :class:`~ui.dialogs.photo_window.PhotoWindow`.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import ImportReport
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui.dialogs.import_photos import ImportDialog
from ui.dialogs.photo_window import PhotoWindow
from ui.models.photos import ICON_SIDE, SIDES
from ui.views.photo_grid import PhotoGrid
from ui.widgets.message import MessageLabel

NO_CHILD = "Open a child's file to see their photos."


class ChildPhotosPanel(QWidget):
    """Grid of one child's photos with the actions on them."""

    photo_opened = Signal(object)  # the PhotoWindow

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: int | None = None
        self.child_name = ""
        self.import_dialog: ImportDialog | None = None
        self.photo_window: PhotoWindow | None = None
        self.setAccessibleName("Photos")
        self.count_label = QLabel(NO_CHILD, self)
        self.count_label.setWordWrap(True)
        self.count_label.setAccessibleName("How many photos")
        self.import_button = QPushButton("&Import photos…", self)
        self.import_button.setAccessibleName("Import photos")
        self.import_button.setAccessibleDescription(
            "From a registered council device, after the consent check"
        )
        self.open_button = QPushButton("O&pen photo", self)
        self.open_button.setAccessibleName("Open the chosen photo")
        self.reload_button = QPushButton("Relo&ad photos", self)
        self.reload_button.setAccessibleName("Reload the photos")
        for button in (self.import_button, self.open_button, self.reload_button):
            button.setAutoDefault(False)
        self.message = MessageLabel("Photos message", self)
        self.grid = PhotoGrid(session, parent=self)

        size_label = QLabel("Thumbnail si&ze:", self)
        self.size_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.size_slider.setRange(*SIDES)
        self.size_slider.setSingleStep(16)
        self.size_slider.setPageStep(48)
        self.size_slider.setValue(ICON_SIDE)
        self.size_slider.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.size_slider.setAccessibleName("Thumbnail size")
        self.size_slider.setAccessibleDescription("Left for smaller thumbnails, right for larger")
        size_label.setBuddy(self.size_slider)
        order_label = QLabel("Sho&w:", self)
        self.order_combo = QComboBox(self)
        self.order_combo.addItems(["Newest first (date taken)", "Oldest first (date taken)"])
        self.order_combo.setAccessibleName("Order of the photos")
        order_label.setBuddy(self.order_combo)
        self.setAcceptDrops(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reload_button)
        view_row = QHBoxLayout()  # a row of its own: the tab stays narrow at 200 %
        view_row.addWidget(order_label)
        view_row.addWidget(self.order_combo)
        view_row.addSpacing(self.fontMetrics().horizontalAdvance("M"))
        view_row.addWidget(size_label)
        view_row.addWidget(self.size_slider)
        view_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(view_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.message)
        layout.addWidget(self.grid, 1)

        self.import_button.clicked.connect(self.open_import)
        self.open_button.clicked.connect(self.grid.open_current)
        self.reload_button.clicked.connect(self.reload)
        self.size_slider.valueChanged.connect(self.grid.set_side)
        self.order_combo.currentIndexChanged.connect(
            lambda row: self.grid.set_oldest_first(row == 1)
        )
        self.grid.opened.connect(self.open_photo)
        self.grid.photos_listed.connect(self._listed)
        self.grid.problem.connect(self.message.show_error)
        self._update_enabled()

    def set_child(self, child_id: int, name: str) -> None:
        if self.photo_window is not None and child_id != self.child_id:
            self.photo_window.forget()
            self.photo_window.hide()
        self.child_id, self.child_name = child_id, name
        self.message.clear_message()
        self.count_label.setText(f"Loading the photos of {name}…")
        self.grid.set_child(child_id, name)
        self._update_enabled()

    def reload(self) -> None:
        if self.child_id is not None:
            self.grid.reload()

    def _listed(self, count: int) -> None:
        if self.child_id is None:
            return
        if count == 0:
            self.count_label.setText(f"There are no photos of {self.child_name} yet.")
        else:
            order = "oldest first" if self.grid.oldest_first else "newest first"
            self.count_label.setText(
                f"{plural(count, 'photo')} of {self.child_name}, {order} by date taken. "
                "Arrow keys move, Enter opens; drop files or a folder here to import them."
            )
        self._update_enabled()

    def _update_enabled(self) -> None:
        has_child = self.child_id is not None
        self.import_button.setEnabled(has_child)
        self.reload_button.setEnabled(has_child)
        self.open_button.setEnabled(has_child and self.grid.photos.rowCount() > 0)

    # -- dropping files to import them ------------------------------------------------------

    @staticmethod
    def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        """Local files or folders in a drag, or nothing (web links and text are ignored)."""
        data = event.mimeData()
        if not data.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.child_id is not None and self.dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.dropped_paths(event)
        if self.child_id is None or not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_dropped(paths)

    def import_dropped(self, paths: list[Path]) -> ImportDialog | None:
        """Open the import with the dropped files (or one folder) chosen: nothing is read
        until the worker presses Import, after the consent check, as with Choose files."""
        dialog = self.open_import()
        if dialog is not None:
            folder = len(paths) == 1 and paths[0].is_dir()
            dialog.set_paths(paths, folder=folder)
        return dialog

    def open_import(self) -> ImportDialog | None:
        if self.child_id is None:
            return None
        dialog = ImportDialog(self.session, self, child_ids=[self.child_id])
        dialog.import_finished.connect(self._imported)
        dialog.finished.connect(dialog.deleteLater)
        self.import_dialog = dialog
        dialog.open()
        return dialog

    def _imported(self, report: ImportReport | None) -> None:
        if report is not None:
            self.reload()

    def open_photo(self, photo_id: int) -> PhotoWindow:
        if self.photo_window is None:
            self.photo_window = PhotoWindow(self.session, self)
        self.photo_window.show_photo(photo_id, self.grid.photos.photo_ids)
        self.photo_opened.emit(self.photo_window)
        return self.photo_window

    def clear(self) -> None:
        """Forget the child, the grid and every open photo (on lock)."""
        self.child_id, self.child_name = None, ""
        self.grid.clear()
        if self.photo_window is not None:
            self.photo_window.forget()
            self.photo_window.hide()
        dialog, self.import_dialog = self.import_dialog, None
        if dialog is not None and shiboken6.isValid(dialog):
            if dialog.busy:  # stop after the current photo, then close; hide its names now
                dialog.import_finished.connect(lambda _r: dialog.reject())
                dialog.cancel()
                dialog.hide()
            else:
                dialog.reject()
        self.count_label.setText(NO_CHILD)
        self.message.clear_message()
        self._update_enabled()

    def on_locked(self) -> None:
        self.clear()
