"""The open-items part of the Supervision page: one worker's queue and the chosen item's photos.

R10 (policy 5.5.3.2): a capture stays on the line manager's queue until a
supervision note records it.  The manager ticks the items a session covered and
opens the note dialog from here; a worker sees the same table, read-only, for
their own captures.  The photos of the selected item are fetched lazily, on the
vault worker, with ``session.photos.thumbnails`` and kept as pixmaps in memory
only (R8, policy 5.5.4.9); :meth:`QueuePanel.clear` drops them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QSize, Qt, Signal
from PySide6.QtGui import QImage, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Note, QueueItem, Role
from sefton_photos.session import Session
from ui import operations
from ui.models.queue import CHILD, CONSENT, PURPOSE, SUMMARY, QueueModel
from ui.models.supervision import ThumbnailsModel
from ui.ops import Latest, describe

MAX_THUMBNAILS = 12
THUMB_SIDE = 104
WRAPPED_COLUMNS = ((CHILD, 9), (PURPOSE, 15), (CONSENT, 12))  # width in "M"s; words wrap


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the page shows, fetched in one call on the vault worker."""

    team: list[str]
    items: list[QueueItem]  # open and recorded (recorded ones name a note's items)
    notes: list[Note]

    def open_items(self, worker: str | None = None) -> list[QueueItem]:
        return [
            i for i in self.items if i.note_id is None and (worker is None or i.worker == worker)
        ]

    def notes_of(self, worker: str | None = None) -> list[Note]:
        return [n for n in self.notes if worker is None or n.worker == worker]


def load_snapshot(session: Session) -> Snapshot:
    """The team (a manager's workers, or just me), the queue and the notes (runs on the worker)."""
    me = session.user
    if me.role is Role.LINE_MANAGER:
        team = sorted(u.name for u in session.users.list() if u.line_manager_id == me.id)
    else:
        team = [me.name]
    items = session.supervision.queue(include_recorded=True)
    notes = session.supervision.notes()
    return Snapshot(team, items, notes)


def decode_thumbnails(
    raw: dict[int, bytes], side: int = THUMB_SIDE, ratio: float = 1.0
) -> dict[int, QImage]:
    """JPEG bytes → scaled QImages, in memory (QImage, not QPixmap: safe off the GUI thread).

    ``ratio`` is the screen's pixels per logical pixel: at 200 % each picture has twice
    the pixels for the same size on screen, so it is sharp, not blown up (issue 12)."""
    images = {}
    pixels = round(side * ratio)
    for photo_id, data in raw.items():
        image = QImage.fromData(data)  # the format is sniffed (6.11 refuses b"JPEG")
        if not image.isNull():
            scaled = image.scaled(
                pixels,
                pixels,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(ratio)
            images[photo_id] = scaled
    return images


class QueuePanel(QWidget):
    """The items table (checkable for a manager), its buttons, and the photos strip."""

    session_requested = Signal()  # "Open a supervision session…"
    thumbnails_loaded = Signal()

    def __init__(self, session: Session, *, checkable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.checkable = checkable
        self._latest = Latest()
        self.heading = QLabel(self)
        self.heading.setProperty("role", "subtitle")
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Open items")
        self.model = QueueModel(checkable=checkable, parent=self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(
            "Open items" if checkable else "Items raised about my captures"
        )
        self.table.setAccessibleDescription(
            "Date, age, kind, child, purpose, consent relied on and summary of each item"
            + ("; Space ticks the item for the supervision note" if checkable else "")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.model.column_of(SUMMARY), QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in WRAPPED_COLUMNS:
            section = self.model.column_of(column)
            header.setSectionResizeMode(section, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(section, em * width)
        self.heading.setBuddy(self.table)

        self.tick_all_button = QPushButton("Tick a&ll", self)
        self.tick_all_button.setAccessibleName("Tick all items")
        self.clear_ticks_button = QPushButton("Clear tic&ks", self)
        self.clear_ticks_button.setAccessibleName("Clear all ticks")
        self.ticked_label = QLabel(self)
        self.ticked_label.setAccessibleName("Items ticked")
        self.session_button = QPushButton("Open a supervision &session…", self)
        self.session_button.setAccessibleName("Open a supervision session")
        self.session_button.setAccessibleDescription(
            "Record a supervision note covering the ticked items"
        )
        buttons = QHBoxLayout()
        for button in (self.tick_all_button, self.clear_ticks_button, self.session_button):
            button.setAutoDefault(False)
            button.setVisible(checkable)
        self.ticked_label.setVisible(checkable)
        buttons.addWidget(self.tick_all_button)
        buttons.addWidget(self.clear_ticks_button)
        buttons.addWidget(self.ticked_label)
        buttons.addStretch(1)
        buttons.addWidget(self.session_button)

        photos_label = QLabel("&Photos of the selected item:", self)
        self.thumbs_model = ThumbnailsModel(self)
        self.thumbs_view = QListView(self)
        self.thumbs_view.setModel(self.thumbs_model)
        self.thumbs_view.setAccessibleName("Photos of the selected item")
        self.thumbs_view.setAccessibleDescription("Small pictures, decrypted in memory only")
        self.thumbs_view.setViewMode(QListView.ViewMode.IconMode)
        self.thumbs_view.setFlow(QListView.Flow.LeftToRight)
        self.thumbs_view.setWrapping(False)
        self.thumbs_view.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.thumbs_view.setMovement(QListView.Movement.Static)
        self.thumbs_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.thumbs_view.setUniformItemSizes(True)
        self.thumbs_view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self._size_thumb_grid()
        photos_label.setBuddy(self.thumbs_view)
        self.photos_hint = QLabel(self)
        self.photos_hint.setProperty("role", "hint")
        self.photos_hint.setWordWrap(True)
        self.photos_hint.setAccessibleName("About the photos")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(photos_label)
        layout.addWidget(self.thumbs_view)
        layout.addWidget(self.photos_hint)

        self.tick_all_button.clicked.connect(lambda: self.model.tick_all(True))
        self.clear_ticks_button.clicked.connect(lambda: self.model.tick_all(False))
        self.session_button.clicked.connect(lambda: self.session_requested.emit())
        self.model.dataChanged.connect(lambda *_a: self._update_ticked())
        self.model.modelReset.connect(self._update_ticked)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.set_items((), None)

    def _size_thumb_grid(self) -> None:
        """One cell per photo, wide enough for its caption at any text size (issue 12: the
        tiles overlapped and their captions ran together)."""
        metrics = self.thumbs_view.fontMetrics()
        caption = metrics.horizontalAdvance("Photo 0000000") + 12
        cell = QSize(max(THUMB_SIDE + 16, caption), THUMB_SIDE + metrics.height() * 2 + 12)
        self.thumbs_view.setGridSize(cell)
        self.thumbs_view.setSpacing(4)
        scroll = self.thumbs_view.horizontalScrollBar().sizeHint().height()
        self.thumbs_view.setFixedHeight(cell.height() + scroll + 2 * self.thumbs_view.frameWidth())

    def showEvent(self, event: QShowEvent) -> None:
        """Sizes measured once the stylesheet's font is set: a wrapped column is at least as
        wide as its heading, and the table shows a few rows however large the text."""
        self._size_thumb_grid()
        self.table.setMinimumHeight(self.table.fontMetrics().height() * 10)
        header = self.table.horizontalHeader()
        for column, _width in WRAPPED_COLUMNS:
            section = self.model.column_of(column)
            header.resizeSection(
                section, max(header.sectionSize(section), header.sectionSizeHint(section))
            )
        super().showEvent(event)

    # -- contents -------------------------------------------------------------------------------

    def set_items(self, items: Sequence[QueueItem], worker: str | None) -> None:
        """Show ``worker``'s open items (None: nobody chosen yet); keeps the selected item."""
        before = self.selected_item()
        self.model.set_items(items)
        if not self.checkable:
            self.heading.setText(f"Items raised about my captures ({len(items)} open)")
        elif worker is None:
            self.heading.setText("Choose a worker to see their open items")
        else:
            self.heading.setText(f"Open &items of {worker} ({len(items)})")
        self.session_button.setEnabled(worker is not None)
        row = self.model.row_of(before.id) if before else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._show_photos(None)

    def clear(self) -> None:
        """Forget every item and every picture (on lock); answers on the way are dropped."""
        self._latest.drop()
        self.set_items((), None)
        self.thumbs_model.clear()
        self.thumbs_view.hide()
        self.photos_hint.clear()

    def selected_item(self) -> QueueItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _update_ticked(self) -> None:
        ticked, total = len(self.model.ticked_ids()), self.model.rowCount()
        self.ticked_label.setText(f"{ticked} of {total} ticked")

    # -- photos ---------------------------------------------------------------------------------

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_photos(self.selected_item())

    def _show_photos(self, item: QueueItem | None) -> None:
        self._latest.drop()
        self.thumbs_view.setVisible(
            item is not None and bool(item.photo_ids) and bool(item.child_id)
        )
        if item is None:
            self.thumbs_model.clear()
            self.photos_hint.setText("Choose an item to see its photos.")
            return
        if item.child_id is None or not item.photo_ids:
            self.thumbs_model.clear()
            self.photos_hint.setText(
                "This item has no photos you may see."
                if item.child_id is None
                else "This item has no photos."
            )
            return
        ids = list(item.photo_ids[:MAX_THUMBNAILS])
        more = len(item.photo_ids) - len(ids)
        self.thumbs_model.set_photos(ids, item.child_name or "")
        self.photos_hint.setText(
            f"{len(item.photo_ids)} photos; the first {len(ids)} are shown." if more else ""
        )
        ticket, child_id = self._latest.ticket(), item.child_id
        ratio = self.thumbs_view.devicePixelRatioF()

        def loaded(images: dict[int, QImage]) -> None:
            if self._latest.current(ticket):
                self.thumbs_model.set_images(images)
                self.thumbnails_loaded.emit()

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.thumbs_model.set_images({})
                self.photos_hint.setText(f"The photos could not be shown: {describe(error)}")
                self.thumbnails_loaded.emit()

        op = operations.photos.thumbnails(
            parent=self, session=self.session, child_id=child_id, photo_ids=ids, ratio=ratio
        )
        op.success(loaded).failure(failed).run()
