"""The photo grid: a model of thousands of ids that loads only what is asked, in batches,
keeps a bounded cache in memory, forgets everything on lock; and a real grid over a
real vault that shows real thumbnails and opens a photo with Enter."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.ui.photo_support import children, import_now, keeping, make_jpegs, settle, signed_in
from ui.models.photos import PhotoGridModel
from ui.views.photo_grid import PhotoGrid

MANY = 5000


def _jpeg(shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (shade % 256, 90, 160)).save(out, format="JPEG")
    return out.getvalue()


class FakeThumbnails:
    """Stands in for ``session.photos.thumbnails`` of one child: counts the batches."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.lock = threading.Lock()
        self.data = _jpeg(1)

    def __call__(self, ids: list[int]) -> dict[int, bytes]:
        with self.lock:
            self.batches.append(list(ids))
        return {i: self.data for i in ids}


def _ask(model: PhotoGridModel, rows: range) -> list[object]:
    return [model.data(model.index(r), Qt.ItemDataRole.DecorationRole) for r in rows]


@pytest.fixture
def social(face_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(face_vault, qapp) as session:
        yield session


@pytest.fixture
def kept(qapp: QApplication) -> Iterator[list[object]]:
    """Widgets to keep alive until no thread still refers to them (see ``keeping``)."""
    with keeping(qapp) as objects:
        yield objects


def test_model_of_5000_ids_answers_without_loading_anything(qtbot: QtBot) -> None:
    """rowCount and every role answer at once; no thumbnail is fetched until asked."""
    fake = FakeThumbnails()
    model = PhotoGridModel(side=96)
    model.set_photos(range(MANY, 0, -1), fake)
    assert model.rowCount() == MANY
    index = model.index(4999)
    assert model.data(index, PhotoGridModel.PhotoIdRole) == 1
    assert model.data(index, PhotoGridModel.LoadedRole) is False
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Photo 5000 of 5000, loading"
    assert fake.batches == []


def test_rows_0_to_47_are_one_batch_and_then_real_pixmaps(qtbot: QtBot) -> None:
    """48 rows asked in one turn of the event loop → exactly one call to the core;
    until it answers they show the same neutral placeholder, then their own pixmap."""
    fake = FakeThumbnails()
    model = PhotoGridModel(side=96)
    ids = list(range(MANY, 0, -1))
    model.set_photos(ids, fake)
    first = _ask(model, range(48))
    assert all(isinstance(p, QPixmap) and p.cacheKey() == first[0].cacheKey() for p in first)  # type: ignore[union-attr]
    _ask(model, range(48))  # asked again before the answer: not fetched twice
    with qtbot.waitSignal(model.thumbnails_arrived, timeout=10_000) as arrived:
        pass
    assert arrived.args == [48]
    assert fake.batches == [ids[:48]]
    assert all(model.is_loaded(r) for r in range(48)) and not model.is_loaded(48)
    shown = _ask(model, range(48))
    assert all(p.cacheKey() != first[0].cacheKey() for p in shown)  # type: ignore[union-attr]
    assert fake.batches == [ids[:48]], "a cached row asks for nothing"


def test_cache_is_bounded_and_evicts_the_least_recently_used(qtbot: QtBot) -> None:
    """With room for 100, loading 120 keeps the newest 100; an evicted row loads again."""
    fake = FakeThumbnails()
    model = PhotoGridModel(side=64, cache_size=100)
    model.set_photos(range(MANY), fake)
    for start in (0, 40, 80):
        _ask(model, range(start, start + 40))
        with qtbot.waitSignal(model.thumbnails_arrived, timeout=10_000):
            pass
    assert len(fake.batches) == 3
    assert model.cached_count() == 100
    assert not model.is_loaded(19) and model.is_loaded(20) and model.is_loaded(119)
    assert model.cache.evicted == 20
    _ask(model, range(1))
    with qtbot.waitSignal(model.thumbnails_arrived, timeout=10_000):
        pass
    assert fake.batches[-1] == [0] and model.is_loaded(0)


def test_clear_drops_ids_pixmaps_and_answers_on_the_way(qtbot: QtBot) -> None:
    """On lock nothing decrypted stays: the cache empties and a late answer is ignored."""
    release = threading.Event()
    fake = FakeThumbnails()

    def slow(ids: list[int]) -> dict[int, bytes]:
        release.wait(10)
        return fake(ids)

    model = PhotoGridModel(side=64)
    model.set_photos(range(100), fake)
    _ask(model, range(10))
    with qtbot.waitSignal(model.thumbnails_arrived, timeout=10_000):
        pass
    model.set_photos(range(100), slow)
    _ask(model, range(10, 20))
    qtbot.waitUntil(lambda: model.loader.pending_count() == 0, timeout=5000)
    model.clear()
    release.set()
    settle(QApplication.instance())  # type: ignore[arg-type]
    assert model.rowCount() == 0 and model.cached_count() == 0
    assert not model.loader.busy


def test_real_grid_shows_real_thumbnails_and_enter_opens(
    qtbot: QtBot, kept: list[object], social: Session, face_vault: Path, tmp_path: Path
) -> None:
    """Over the real vault: every visible cell ends with the photo's own thumbnail,
    the grid is named for a screen reader, Enter emits the current photo's id."""
    child = children(face_vault)["person-a"]
    report = import_now(social, [child], make_jpegs(tmp_path / "card", 6, (320, 240)))
    ids = social.photos.ids(child_id=child)
    assert len(ids) == 6 == report.count("imported")
    grid = PhotoGrid(social)
    qtbot.addWidget(grid)
    kept.append(grid)
    grid.resize(700, 500)
    grid.show()
    with qtbot.waitSignal(grid.photos_listed, timeout=10_000) as listed:
        grid.set_child(child, "Child A")
    assert listed.args == [6]
    assert grid.accessibleName() == "Photos of Child A"
    qtbot.waitUntil(grid.all_visible_loaded, timeout=10_000)
    assert grid.visible_rows() == list(range(6))
    pixmap = grid.photos.data(grid.photos.index(0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and not pixmap.isNull()
    assert pixmap.cacheKey() != grid.photos.placeholder_pixmap().cacheKey()
    grid.setFocus()
    grid.setCurrentIndex(grid.photos.index(2))
    with qtbot.waitSignal(grid.opened, timeout=2000) as opened:
        qtbot.keyClick(grid, Qt.Key.Key_Return)
    assert opened.args == [ids[2]]
    grid.on_locked()
    assert grid.photos.rowCount() == 0 and grid.photos.cached_count() == 0


def test_scrolling_holds_fetching_until_the_view_pauses(qtbot: QtBot) -> None:
    """While the view moves, requests wait for a pause (a fling does not fetch rows
    already gone from the screen), but never longer than MAX_HOLD_MS."""
    from ui import thumbs

    fake = FakeThumbnails()
    model = PhotoGridModel(side=64)
    model.set_photos(range(MANY), fake)
    model.loader.hold(ms=10_000)  # as if the scroll bar had just moved
    _ask(model, range(48))
    qtbot.wait(1)  # one turn of the event loop: the flush ran, and waited
    assert fake.batches == [] and model.loader.pending_count() == 48
    with qtbot.waitSignal(model.thumbnails_arrived, timeout=thumbs.MAX_HOLD_MS + 5000):
        pass
    assert fake.batches == [list(range(48))], "fetched once MAX_HOLD_MS had passed"


def test_cache_is_also_bounded_by_bytes(qtbot: QtBot) -> None:
    """At 200% scale a thumbnail has four times the pixels: the byte bound evicts too."""
    from ui.thumbs import ImageCache

    one = QPixmap(64, 64)
    size = one.width() * one.height() * one.depth() // 8
    cache = ImageCache(max_items=100, max_bytes=10 * size)
    for photo_id in range(20):
        cache.put(photo_id, QPixmap(64, 64))
    assert len(cache) == 10 and cache.bytes == 10 * size
    assert 9 not in cache and 10 in cache and cache.evicted == 10
    cache.clear()
    assert len(cache) == 0 and cache.bytes == 0
