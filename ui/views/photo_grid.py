"""A child's photos as a grid of thumbnails that stays smooth with thousands of photos.

A ``QListView`` in icon mode over :class:`~ui.models.photos.PhotoGridModel`:
uniform item sizes (the view never asks every row for its size) and a batched
layout, so only the rows on screen are painted and only they ask for their
thumbnails.  The ids come from ``session.photos.ids`` on the vault worker; the
thumbnails from ``session.photos.thumbnails`` on reader threads.  Arrows, Page
Up/Down, Home and End move between photos; Enter (or a double click) opens the
current one (:attr:`PhotoGrid.opened`).  On lock every id and pixmap is dropped.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from sefton_photos.model.tiles import PhotoTile
from sefton_photos.session import Session
from ui import operations
from ui.models.photos import CACHE_SIZE, ICON_SIDE, PhotoGridModel
from ui.ops import Latest, VaultOp, describe

SELECTED = QColor("#1d4f91")
BADGE = QColor("#0b0c0c")
FOCUS = QColor("#ffdd00")
FRAME = 6


class ThumbnailDelegate(QStyledItemDelegate):
    """Each thumbnail centred in its cell; the current photo framed in blue, and with
    keyboard focus also in yellow (as every focus in the app), never by colour alone:
    the frame is a thick outline around the whole cell."""

    def __init__(self, cell: QSize, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = cell

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self.cell

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = QRect(option.rect)
        model = index.model()
        line = getattr(model, "line_height", 0)
        caption = self.caption_rect(rect, line)
        rect.setBottom(rect.bottom() - line)
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        painter.save()
        if selected:
            painter.fillRect(rect.adjusted(1, 1, -1, 0), SELECTED)  # meets the date's band
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            size = pixmap.deviceIndependentSize().toSize()
            inner = rect.adjusted(FRAME, FRAME, -FRAME, -FRAME)
            size.scale(inner.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(inner.center())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
        self._paint_badges(painter, rect, index.data(PhotoGridModel.BadgesRole) or [])
        day = index.data(PhotoGridModel.DateRole)
        if day and line:
            painter.setPen(option.palette.color(option.palette.ColorRole.Text))
            if selected:
                painter.setPen(QColor("#ffffff"))
                painter.fillRect(caption.adjusted(1, 0, -1, 0), SELECTED)  # inside the outline
            painter.drawText(caption, Qt.AlignmentFlag.AlignCenter, str(day))
        rect = QRect(option.rect)
        if focused:
            pen = QPen(FOCUS, FRAME - 2)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = (FRAME - 2) // 2 + 1
            painter.drawRect(rect.adjusted(half, half, -half - 1, -half - 1))
        painter.restore()

    @staticmethod
    def caption_rect(cell: QRect, line: int) -> QRect:
        """The date's place: the bottom ``line`` of the cell, less the width of the focus
        outline under it (issue 12: the yellow outline cut the current photo's date)."""
        return QRect(cell.left(), cell.bottom() - line + 1, cell.width(), max(0, line - FRAME))

    @staticmethod
    def _paint_badges(painter: QPainter, rect: QRect, badges: list[str]) -> None:
        """Each badge is a word on a dark band, so it reads without colour (issue 12)."""
        metrics = painter.fontMetrics()
        top = rect.top() + FRAME
        for badge in badges:
            text = metrics.elidedText(badge, Qt.TextElideMode.ElideRight, rect.width() - 2 * FRAME)
            band = QRect(
                rect.left() + FRAME, top, metrics.horizontalAdvance(text) + 8, metrics.height() + 2
            )
            painter.fillRect(band, BADGE)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(band, Qt.AlignmentFlag.AlignCenter, text)
            top += band.height() + 2


class PhotoGrid(QListView):
    """Thumbnails of one child's photos, newest first."""

    opened = Signal(int)  # a photo id: Enter or double click
    photos_listed = Signal(int)  # how many photos the child has (after set_child/reload)
    problem = Signal(str)  # a line for a person, when listing or loading failed
    chosen_changed = Signal(int, int)  # how many photos are chosen, of how many

    def __init__(
        self,
        session: Session,
        child_id: int | None = None,
        parent: QWidget | None = None,
        *,
        side: int = ICON_SIDE,
        cache_size: int = CACHE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: int | None = None
        self.child_name = ""
        self._latest = Latest()
        self.oldest_first = False
        self.photos = PhotoGridModel(self, side=side, cache_size=cache_size)
        self.photos.line_height = self.fontMetrics().height() + 4 + FRAME  # date, outline
        self.setModel(self.photos)
        self.delegate = ThumbnailDelegate(self.photos.cell_size(), self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setIconSize(QSize(side, side))
        self.setGridSize(self.photos.cell_size())
        self.setSpacing(0)
        # Ctrl/Shift+click and Ctrl+A choose several photos: export takes exactly those
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(max(8, side // 4))
        self.setTabKeyNavigation(False)
        self.setAccessibleName("Photos")
        self.setAccessibleDescription(
            "Arrow keys move between photos, Enter opens the photo; newest first"
        )
        self.activated.connect(self._activated)
        self.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.photos.modelReset.connect(self._chosen_changed)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.photos.loader.hold())
        self.photos.load_failed.connect(
            lambda error: self.problem.emit(
                "Some thumbnails could not be shown: " + describe(error)
            )
        )
        if child_id is not None:
            self.set_child(child_id)

    # -- loading -----------------------------------------------------------------------------

    def set_child(self, child_id: int, name: str = "") -> VaultOp[list[PhotoTile]]:
        """Show this child's photos (listed on the vault worker)."""
        self.child_id, self.child_name = child_id, name
        label = f"Photos of {name}" if name else "Photos"
        self.setAccessibleName(label)
        return self.reload()

    def set_side(self, side: int) -> None:
        """The thumbnail size slider: bigger or smaller cells, the current photo kept."""
        current = self.current_photo_id()
        chosen = self.selected_photo_ids()
        self.photos.set_side(side)
        self.setIconSize(QSize(self.photos.side, self.photos.side))
        self.delegate.cell = self.photos.cell_size()
        self.setGridSize(self.photos.cell_size())
        self.verticalScrollBar().setSingleStep(max(8, self.photos.side // 4))
        self._restore_choice(current, chosen)

    def set_oldest_first(self, oldest_first: bool) -> VaultOp[list[PhotoTile]] | None:
        """Sort by date taken, newest (default) or oldest first."""
        if oldest_first == self.oldest_first:
            return None
        self.oldest_first = oldest_first
        return self.reload()

    def _restore_choice(self, current: int | None, chosen: list[int]) -> None:
        flags = QItemSelectionModel.SelectionFlag.Select
        if current is not None and (row := self.photos.row_of(current)) is not None:
            self.setCurrentIndex(self.photos.index(row))
        for photo_id in chosen:
            if (row := self.photos.row_of(photo_id)) is not None:
                self.selectionModel().select(self.photos.index(row), flags)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    def reload(self) -> VaultOp[list[PhotoTile]]:
        """List the photos again (after an import); thumbnails shown are fetched anew."""
        ticket, child_id = self._latest.start(), self.child_id
        photos, oldest_first = self.session.photos, self.oldest_first

        def listed(tiles: list[PhotoTile]) -> None:
            if not self._latest.current(ticket) or child_id is None:
                return
            ids = [int(t.id) for t in tiles]
            self.photos.set_photos(
                ids, lambda batch: photos.thumbnails(child_id=child_id, photo_ids=batch), tiles
            )
            if ids:
                self.setCurrentIndex(self.photos.index(0))
            self.photos_listed.emit(len(ids))

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.photos.clear()
                self.problem.emit(describe(error))
                self.photos_listed.emit(0)

        op = operations.photos.tiles(
            parent=self, session=self.session, child_id=child_id, oldest_first=oldest_first
        )
        return op.success(listed).failure(failed).run()

    def clear(self) -> None:
        """Forget the ids and every thumbnail (nothing decrypted stays in memory)."""
        self._latest.drop()
        self.photos.clear()
        self.setAccessibleName("Photos")  # no child's name stays in a widget

    def on_locked(self) -> None:
        self.clear()

    def on_unlocked(self) -> None:
        if self.child_id is not None:
            self.reload()

    # -- what is on screen -------------------------------------------------------------------

    def visible_rows(self) -> list[int]:
        """Rows whose cell is at least partly inside the viewport, in order."""
        area = self.viewport().rect()
        per_row = max(1, area.width() // max(1, self.gridSize().width()))
        first = self.indexAt(QPoint(area.left() + 1, area.top() + 1))
        start = max(0, first.row() - per_row) if first.isValid() else 0
        rows = []
        for row in range(start, self.photos.rowCount()):
            rect = self.visualRect(self.photos.index(row))
            if rect.top() > area.bottom():
                break
            if rect.intersects(area):
                rows.append(row)
        return rows

    def all_visible_loaded(self) -> bool:
        rows = self.visible_rows()
        return bool(rows) and all(self.photos.is_loaded(r) for r in rows)

    # -- opening ------------------------------------------------------------------------------

    def selected_photo_ids(self) -> list[int]:
        """The chosen photos, in the grid's order (newest first)."""
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        return [self.photos.photo_id(row) for row in rows]

    def _chosen_changed(self, *_args: object) -> None:
        self.chosen_changed.emit(
            len(self.selectionModel().selectedIndexes()), self.photos.rowCount()
        )

    def current_photo_id(self) -> int | None:
        index = self.currentIndex()
        return self.photos.photo_id(index.row()) if index.isValid() else None

    def open_current(self) -> bool:
        photo_id = self.current_photo_id()
        if photo_id is None:
            return False
        self.opened.emit(photo_id)
        return True

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(self.photos.photo_id(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.open_current():
            event.accept()
            return
        super().keyPressEvent(event)
