"""The photo grid's model: a child's photo ids, newest first, with thumbnails loaded lazily.

It holds only the ids (``session.photos.ids``, cheap for thousands) given to it
by the view.  A row's thumbnail is asked for the first time the view paints that
row (``DecorationRole``); until it arrives, a neutral placeholder is shown.  The
:class:`~ui.thumbs.ThumbnailLoader` fetches requests in batches on reader
threads, and the pixmaps are kept in a bounded LRU cache in memory only.
:meth:`PhotoGridModel.clear` (on lock) forgets the ids, empties the cache and
drops every answer still on its way.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen, QPixmap, QPixmapCache

from sefton_photos.errors import VaultLocked
from sefton_photos.model.tiles import PhotoTile
from sefton_photos.words import long_date, plural, short_date
from ui.thumbs import BATCH_SIZE, Fetch, ImageCache, ThumbnailLoader

Index = QModelIndex | QPersistentModelIndex
ICON_SIDE = 144
PADDING = 16
SIDES = (96, 320)  # the thumbnail size slider's range (ICON_SIDE is the default)
CACHE_SIZE = 2000


def _device_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.devicePixelRatio() if screen is not None else 1.0


def placeholder(side: int, ratio: float = 1.0) -> QPixmap:
    """A neutral square: something is there, its picture is on its way."""
    pixels = round(side * ratio)
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(QColor("#e5e6e3"))
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor("#b1b4b6"), max(1, round(2 * ratio))))
    inset = max(1, round(ratio))
    painter.drawRect(inset, inset, pixels - 2 * inset - 1, pixels - 2 * inset - 1)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class PhotoGridModel(QAbstractListModel):
    """Rows of photo ids; ``PhotoIdRole`` gives the id, ``LoadedRole`` whether it is shown."""

    PhotoIdRole = Qt.ItemDataRole.UserRole
    LoadedRole = Qt.ItemDataRole.UserRole + 1
    DateRole = Qt.ItemDataRole.UserRole + 2  # "1 Dec 2026", under the thumbnail
    BadgesRole = Qt.ItemDataRole.UserRole + 3  # words on the thumbnail: what needs a person

    thumbnails_arrived = Signal(int)  # how many thumbnails one batch brought
    load_failed = Signal(object)  # the exception of a batch that failed

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        side: int = ICON_SIDE,
        cache_size: int = CACHE_SIZE,
        batch_size: int = BATCH_SIZE,
        loader: ThumbnailLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self.side = side
        self.ratio = _device_ratio()
        self.cache = ImageCache(cache_size)
        self.loader = loader or ThumbnailLoader(
            side=round(side * self.ratio), batch_size=batch_size, parent=self
        )
        self.loader.loaded.connect(self._loaded)
        self.loader.failed.connect(self._failed)
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._unavailable: set[int] = set()
        self._placeholder: QPixmap | None = None
        self._tiles: dict[int, PhotoTile] = {}
        self.line_height = 0  # the caption line under each thumbnail (set by the view)

    # -- contents ----------------------------------------------------------------------------

    def set_photos(
        self,
        photo_ids: Sequence[int],
        fetch: Fetch | None,
        tiles: Sequence[PhotoTile] = (),
    ) -> None:
        """Show these ids; ``fetch(ids) -> {id: jpeg}`` is called on a reader thread.

        ``tiles`` (from ``session.photos.tiles``) give each photo its date and badges.
        """
        self.beginResetModel()
        self.loader.set_fetch(fetch)
        self.cache.clear()
        self._tiles = {int(t.id): t for t in tiles}
        self._ids = list(photo_ids)
        self._row_of = {pid: row for row, pid in enumerate(self._ids)}
        self._unavailable.clear()
        self.endResetModel()

    def set_side(self, side: int) -> None:
        """Another thumbnail size (the slider): cells change; a larger size loads anew."""
        side = max(SIDES[0], min(SIDES[1], side))
        if side == self.side:
            return
        grows = side > self.side
        self.beginResetModel()
        self.side = side
        self._placeholder = None
        if grows:  # the pictures in memory were decoded for a smaller cell
            self.cache.clear()
            self.loader.set_side(round(side * self.ratio))
        self.endResetModel()

    def cell_size(self) -> QSize:
        return QSize(self.side + PADDING, self.side + PADDING + self.line_height)

    def tile(self, photo_id: int) -> PhotoTile | None:
        return self._tiles.get(photo_id)

    @staticmethod
    def badges(tile: PhotoTile | None) -> list[str]:
        """What a person must look at, in words (never colour alone)."""
        if tile is None:
            return []
        words = ["Flagged for review"] if tile.flagged else []
        if tile.faces_to_review:
            words.append(plural(tile.faces_to_review, "face") + " to review")
        return words

    def clear(self) -> None:
        """Forget everything shown (on lock): ids, cached pixmaps, answers on the way."""
        self.set_photos((), None)
        QPixmapCache.clear()  # the icon engine may have cached scaled copies

    @property
    def photo_ids(self) -> list[int]:
        return list(self._ids)

    def photo_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, photo_id: int) -> int | None:
        return self._row_of.get(photo_id)

    def is_loaded(self, row: int) -> bool:
        return 0 <= row < len(self._ids) and self._ids[row] in self.cache

    def cached_count(self) -> int:
        return len(self.cache)

    def placeholder_pixmap(self) -> QPixmap:
        if self._placeholder is None:
            self._placeholder = placeholder(self.side, self.ratio)
        return self._placeholder

    # -- the model ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._ids):
            return None
        photo_id = self._ids[row]
        if role == Qt.ItemDataRole.DecorationRole:
            pixmap = self.cache.get(photo_id)
            if pixmap is not None:
                return pixmap
            if photo_id not in self._unavailable:
                self.loader.request(photo_id)
            return self.placeholder_pixmap()
        tile = self._tiles.get(photo_id)
        if role == self.DateRole:
            return short_date(tile.shown_date) if tile else ""
        if role == self.BadgesRole:
            return self.badges(tile)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            words = f"Photo {row + 1} of {len(self._ids)}"
            if tile is not None:
                taken = "taken" if tile.taken_on else "imported"
                words += f", {taken} {long_date(tile.shown_date)}"
                words += "".join(f", {badge.lower()}" for badge in self.badges(tile))
            if photo_id in self._unavailable:
                return words + ", its thumbnail could not be shown"
            if photo_id not in self.cache:
                return words + ", loading"
            return words + ". Press Enter to open it"
        if role == self.PhotoIdRole:
            return photo_id
        if role == self.LoadedRole:
            return photo_id in self.cache
        if role == Qt.ItemDataRole.SizeHintRole:
            return self.cell_size()
        return None

    # -- answers from the loader ---------------------------------------------------------------

    def _loaded(self, images: object, asked: object) -> None:
        assert isinstance(images, dict) and isinstance(asked, list)
        rows = []
        for photo_id, image in images.items():
            assert isinstance(image, QImage)
            row = self._row_of.get(photo_id)
            if row is None:
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(self.ratio)
            self.cache.put(photo_id, pixmap)
            rows.append(row)
        for photo_id in asked:
            if photo_id not in images and photo_id in self._row_of:
                self._unavailable.add(photo_id)  # not this child's, or no thumbnail
                rows.append(self._row_of[photo_id])
        if rows:
            self.dataChanged.emit(
                self.index(min(rows)),
                self.index(max(rows)),
                [Qt.ItemDataRole.DecorationRole, self.LoadedRole],
            )
        self.thumbnails_arrived.emit(len(images))

    def _failed(self, asked: object, error: object) -> None:
        if isinstance(error, VaultLocked):
            return  # locking: the model is being cleared
        assert isinstance(asked, list)
        self._unavailable.update(pid for pid in asked if pid in self._row_of)
        self.load_failed.emit(error)
