"""Thumbnails for the photo grid: fetched in batches off the GUI thread, kept in memory only.

Why a loader of its own rather than :class:`ui.ops.VaultOp`:

* The vault worker is ONE thread that serialises every change; a grid of
  thousands must not queue behind an import.  ``session.photos.thumbnails``
  reads in a transaction that does not wait for a writer, so it runs on a small
  separate pool of reader threads (:func:`reader_pool`).
* The view asks for a thumbnail only when it paints that row (the model's
  ``data()``), so only visible rows are requested.  Requests made in one turn of
  the event loop are coalesced into batches of up to ``batch_size`` ids, one
  call to the core each; the newest requests go first (what is on screen now),
  and the queue is bounded so a fast scroll does not pile up stale work.
  While the view is being scrolled (:meth:`ThumbnailLoader.hold`) fetching
  waits for a short pause, at most ``MAX_HOLD_MS``: decrypting and decoding
  compete for the same cores as painting, and a fling should not stutter to
  load thumbnails that are gone from the screen a frame later.
* Each batch is decoded to a ``QImage`` (scaled to the icon size) on the reader
  thread and handed back by a queued signal.  The model keeps the pixmaps in a
  bounded LRU cache (:class:`ImageCache`).  Nothing is ever written to disk
  (R8, policy 5.5.4.9), and :meth:`ThumbnailLoader.reset` drops whatever is
  still in flight, so after a lock no decrypted image is delivered.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap

from ui.ops import Latest

log = logging.getLogger(__name__)

Fetch = Callable[[list[int]], dict[int, bytes]]
BATCH_SIZE = 48
READERS = 2  # threads of the pool; each loader keeps one batch in flight by default
MAX_PENDING_BATCHES = 10
SCROLL_PAUSE_MS = 60  # while the view moves, wait this long after the last movement…
MAX_HOLD_MS = 300  # …but never hold a request longer than this

_readers: QThreadPool | None = None


def reader_pool() -> QThreadPool:
    """The reader threads thumbnails are fetched on (apart from the one vault worker)."""
    global _readers
    if _readers is None:
        _readers = QThreadPool()
        _readers.setObjectName("sefton-thumbnail-readers")
        _readers.setMaxThreadCount(READERS)
    return _readers


def wait_readers_idle(timeout_ms: int = 30_000) -> bool:
    """Block until no thumbnail is being fetched (shutdown, lock, tests); True if idle."""
    return reader_pool().waitForDone(timeout_ms)


def decode_thumbnail(data: bytes, side: int) -> QImage:
    """JPEG bytes → a QImage no larger than ``side`` (a null image if they do not decode)."""
    image = QImage()
    if not image.loadFromData(data, "JPEG"):  # only JPEG: the core makes every thumbnail so
        return QImage()
    if max(image.width(), image.height()) > side:
        image = image.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


class ImageCache:
    """A least-recently-used map of photo id → pixmap, bounded by count and by bytes.

    2,000 thumbnails of 144 px are about 125 MB of pixels at 100% scale, four times
    that at 200%; the byte bound keeps a high-DPI screen from holding more.
    """

    def __init__(self, max_items: int = 2000, max_bytes: int = 128 * 1024 * 1024) -> None:
        self.max_items = max(1, max_items)
        self.max_bytes = max(1, max_bytes)
        self._items: OrderedDict[int, QPixmap] = OrderedDict()
        self.bytes = 0
        self.evicted = 0

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, photo_id: object) -> bool:
        return photo_id in self._items

    def __iter__(self) -> Iterator[int]:
        return iter(self._items)

    def get(self, photo_id: int) -> QPixmap | None:
        pixmap = self._items.get(photo_id)
        if pixmap is not None:
            self._items.move_to_end(photo_id)
        return pixmap

    def put(self, photo_id: int, pixmap: QPixmap) -> None:
        old = self._items.pop(photo_id, None)
        if old is not None:
            self.bytes -= _size(old)
        self._items[photo_id] = pixmap
        self.bytes += _size(pixmap)
        while len(self._items) > 1 and (
            len(self._items) > self.max_items or self.bytes > self.max_bytes
        ):
            _, gone = self._items.popitem(last=False)
            self.bytes -= _size(gone)
            self.evicted += 1

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


def _size(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


class _Delivery(QObject):
    """A child of the loader: owned by Qt on the GUI thread, so it is never destroyed on
    a reader thread when a finished batch drops its reference.  A batch that finishes
    after the loader is gone gets a RuntimeError on emit, which it swallows."""

    done = Signal(int, object, object)  # generation, ids asked, {id: QImage}
    failed = Signal(int, object, object)  # generation, ids asked, the exception


class _Batch(QRunnable):
    def __init__(
        self, delivery: _Delivery, fetch: Fetch, ids: list[int], generation: int, side: int
    ) -> None:
        super().__init__()
        self.delivery, self.fetch, self.ids = delivery, fetch, ids
        self.generation, self.side = generation, side

    def run(self) -> None:
        try:
            raw = self.fetch(self.ids)
            images = {}
            for photo_id, data in raw.items():
                image = decode_thumbnail(data, self.side)
                if not image.isNull():
                    images[photo_id] = image
            del raw
            self.delivery.done.emit(self.generation, self.ids, images)
        except BaseException as exc:  # every batch must answer, or its ids stay "in flight"
            try:
                self.delivery.failed.emit(self.generation, self.ids, exc)
            except RuntimeError:
                log.debug("thumbnail batch finished after its loader was deleted")


class ThumbnailLoader(QObject):
    """Coalesces requests into batches and fetches them on :func:`reader_pool`.

    ``loaded`` carries ``{photo_id: QImage}`` and the ids that were asked (an id
    asked but not answered is not this child's photo, or has no thumbnail);
    ``failed`` the ids and the exception.  ``fetch`` runs on a reader thread.
    """

    loaded = Signal(object, object)  # {photo_id: QImage}, [ids asked]
    failed = Signal(object, object)  # [ids asked], the exception

    def __init__(
        self,
        fetch: Fetch | None = None,
        *,
        side: int = 160,
        batch_size: int = BATCH_SIZE,
        max_in_flight: int = 1,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.side = side
        self.batch_size = max(1, batch_size)
        self.max_in_flight = max(1, max_in_flight)
        self.pool = pool or reader_pool()
        self.latest = Latest()  # answers of batches started before a reset are dropped
        self.batches_started = 0
        self._pending: OrderedDict[int, None] = OrderedDict()
        self._in_flight: set[int] = set()
        self._running = 0
        self._hold_until = 0.0
        self._waiting_since = 0.0
        self._delivery = _Delivery(self)
        self._delivery.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self._delivery.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._flush)

    @property
    def busy(self) -> bool:
        return bool(self._pending or self._running)

    def pending_count(self) -> int:
        return len(self._pending)

    def is_wanted(self, photo_id: int) -> bool:
        return photo_id in self._pending or photo_id in self._in_flight

    def set_fetch(self, fetch: Fetch | None) -> None:
        """A new source (another child): forget every request and every answer on the way."""
        self.reset()
        self.fetch = fetch

    def set_side(self, side: int) -> None:
        """Decode at another size from now on; answers decoded at the old size are dropped."""
        self.reset()
        self.side = side

    def reset(self) -> None:
        """Forget pending requests; answers of batches still running will be dropped."""
        self.latest.drop()
        self._pending.clear()
        self._in_flight.clear()
        self._running = 0
        self._timer.stop()

    def hold(self, ms: int = SCROLL_PAUSE_MS) -> None:
        """The view is moving: fetch only once it pauses for ``ms`` (at most MAX_HOLD_MS)."""
        self._hold_until = max(self._hold_until, time.monotonic() + ms / 1000)

    def request(self, photo_id: int) -> None:
        """Ask for one thumbnail; it is fetched with the others asked in this turn."""
        if self.fetch is None or self.is_wanted(photo_id):
            return
        if not self._pending:
            self._waiting_since = time.monotonic()
        self._pending[photo_id] = None
        limit = self.batch_size * MAX_PENDING_BATCHES
        while len(self._pending) > limit:  # scrolled past long ago: drop the oldest
            self._pending.popitem(last=False)
        if not self._timer.isActive():
            self._timer.start(0)

    def request_many(self, photo_ids: Sequence[int]) -> None:
        for photo_id in photo_ids:
            self.request(photo_id)

    def _flush(self) -> None:
        now = time.monotonic()
        if self._pending and now < self._hold_until:
            left = min(self._hold_until - now, MAX_HOLD_MS / 1000 - (now - self._waiting_since))
            if left > 0:
                self._timer.start(max(1, round(left * 1000)))
                return
        while self._pending and self._running < self.max_in_flight and self.fetch is not None:
            newest = list(self._pending)[-self.batch_size :]
            for photo_id in newest:
                del self._pending[photo_id]
            self._in_flight.update(newest)
            self._waiting_since = now
            self._running += 1
            self.batches_started += 1
            self.pool.start(
                _Batch(self._delivery, self.fetch, newest, self.latest.ticket(), self.side)
            )

    def _finish(self, generation: int, ids: object) -> bool:
        if not self.latest.current(generation):
            return False
        assert isinstance(ids, list)
        self._in_flight.difference_update(ids)
        self._running = max(0, self._running - 1)
        if self._pending:
            self._timer.start(0)
        return True

    def _done(self, generation: int, ids: object, images: object) -> None:
        if self._finish(generation, ids):
            self.loaded.emit(images, ids)

    def _failed(self, generation: int, ids: object, error: object) -> None:
        if self._finish(generation, ids):
            self.failed.emit(ids, error)
