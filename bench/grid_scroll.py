"""How smooth is the photo grid over a vault with thousands of photos?

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python bench/grid_scroll.py [--photos 2000]

It builds a throwaway demo vault in a temporary folder, opens a ready child's
file (consents, wishes, explanations, as the tests' ``make_ready_child``),
generates small distinct JPEGs and imports them (no face detection, in process),
then measures on a real :class:`ui.views.photo_grid.PhotoGrid`:

* first paint: from ``set_child`` (ids listed on the vault worker) until every
  visible cell shows its own thumbnail and has been painted;
* end and back: scroll to the last photo and wait until every visible cell is
  loaded, then back to the first (from the cache, if it still holds them);
* scrolling from the top to the end at 60 frames a second with nothing cached,
  a page per frame (a fling) and 40 px per frame (steady): the time to paint
  each frame (what decides whether scrolling stutters), how many batches the
  loader fetched on the way, and how soon the end is filled in.

Nothing is written outside the temporary folder, which is deleted at the end.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from PySide6.QtCore import QEventLoop, QSize
from PySide6.QtWidgets import QApplication, QListView

from sefton_photos import demo
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose
from sefton_photos.session import Session
from ui import ops, thumbs
from ui.app import setup_application
from ui.views.photo_grid import PhotoGrid

DEVICE = "Bench camera"
SOCIAL = next(u for u in demo.USERS if u.name == "Sam Social")


def ready_child(s: Session, name: str) -> int:
    """A file on which a capture is allowed (the logic of ``tests.faceworld``)."""
    child = s.children.add(
        name=name,
        date_of_birth=date(2012, 5, 1),
        care_status=CareStatus.LOOKED_AFTER,
        key_workers=["Kit Keyworker"],
    )
    pr = s.children.add_person(child_id=child.id, name=f"Parent of {name}", relationship="mother")
    for kind in (ConsentKind.ONE_TO_ONE, ConsentKind.GROUP):
        s.consents.add(
            child_id=child.id,
            kind=kind,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 5),
            carers_notified_on=date(2026, 1, 6) if kind is ConsentKind.GROUP else None,
        )
    for whose in (Whose.CHILD, Whose.WORKER):
        s.consents.set_wish(child_id=child.id, whose=whose, wishes_photos=True)
    s.consents.set_wish(  # R2: each person with PR has their own wish
        child_id=child.id, whose=Whose.PARENT_CARER, person_id=pr.id, wishes_photos=True
    )
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    return child.id


def make_photos(card: Path, count: int) -> None:
    """``count`` small JPEGs with distinct pixels (so none is a duplicate)."""
    card.mkdir(parents=True)
    for i in range(count):
        img = Image.new("RGB", (480, 360), ((i * 37) % 256, (i * 91) % 256, (i * 53) % 256))
        draw = ImageDraw.Draw(img)
        draw.rectangle([40, 40, 440, 320], outline=(255, 255, 255), width=6)
        draw.text((60, 60), f"photo {i:05d}", fill=(255, 255, 255))
        img.save(card / f"IMG_{i:05d}.jpg", quality=80)


def build(root: Path, count: int) -> tuple[Path, int]:
    vault = demo.ensure_demo_vault(root / "vault", pictures=0)
    with Session.unlock(vault, name=demo.ADMIN.name, password=demo.ADMIN.password) as admin:
        admin.devices.add(name=DEVICE, serial="BENCH-1")
    card = root / "card"
    started = time.perf_counter()
    make_photos(card, count)
    made = time.perf_counter() - started
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        child = ready_child(s, "Bench Child")
        started = time.perf_counter()
        report = s.imports.run(
            child_ids=(child,),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Benchmark",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
        took = time.perf_counter() - started
    print(f"generated {count} JPEGs in {made:.1f} s")
    print(
        f"imported {report.count('imported')} photos in {took:.1f} s "
        f"({report.count('imported') / took:.0f} photos/s, no face detection, in process)"
    )
    return vault, child


def wait_for(app: QApplication, condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the grid did not settle in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def settled(app: QApplication, grid: PhotoGrid) -> float:
    """Wait until every visible cell is loaded, paint once; seconds spent painting."""
    wait_for(app, grid.all_visible_loaded)
    started = time.perf_counter()
    grid.viewport().repaint()
    return time.perf_counter() - started


def scroll(app: QApplication, grid: PhotoGrid, label: str, step: int) -> None:
    """From the top to the end at 60 frames a second, not waiting for thumbnails:
    how long each frame takes to paint, and how long until the end is filled in."""
    model, bar = grid.photos, grid.verticalScrollBar()
    model.cache.clear()  # nothing cached: every row on the way has to be asked for
    bar.setValue(0)
    wait_for(app, lambda: not model.loader.busy)
    model.cache.clear()
    step = step or bar.pageStep()
    batches_before = model.loader.batches_started
    frames = []
    started = time.perf_counter()
    for value in range(0, bar.maximum() + step, step):
        bar.setValue(min(value, bar.maximum()))
        begun = time.perf_counter()
        grid.viewport().repaint()  # this frame, painted now
        frames.append((time.perf_counter() - begun) * 1000)
        next_frame = begun + 1 / 60
        while time.perf_counter() < next_frame:  # the event loop runs between frames
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 2)
    moved = time.perf_counter() - started
    settled(app, grid)
    filled = time.perf_counter() - started - moved
    ms = sorted(frames)
    print(
        f"{label}: {len(ms)} frames in {moved:.1f} s; paint median {statistics.median(ms):.1f} ms, "
        f"95th {ms[max(0, int(len(ms) * 0.95) - 1)]:.1f} ms, max {ms[-1]:.1f} ms; "
        f"{model.loader.batches_started - batches_before} batches fetched; end filled in "
        f"{filled * 1000:.0f} ms after the last frame"
    )


def measure(app: QApplication, session: Session, child: int, layout: str) -> None:
    grid = PhotoGrid(session)
    grid.setLayoutMode(
        QListView.LayoutMode.Batched if layout == "batched" else QListView.LayoutMode.SinglePass
    )
    grid.resize(QSize(1280, 800))
    grid.show()
    app.processEvents()
    model = grid.photos

    started = time.perf_counter()
    grid.set_child(child, "Bench Child")
    wait_for(app, lambda: model.rowCount() > 0)
    listed = time.perf_counter() - started
    settled(app, grid)
    first = time.perf_counter() - started
    visible = len(grid.visible_rows())
    print(
        f"\n[{layout} layout] {model.rowCount()} photos, {visible} cells visible "
        f"at 1280x800, icon {model.side} px"
    )
    print(f"ids listed after            {listed * 1000:7.0f} ms")
    print(f"first paint, all visible in {first * 1000:7.0f} ms")

    last = model.rowCount() - 1
    started = time.perf_counter()
    wait_for(app, lambda: (grid.scrollToBottom(), last in grid.visible_rows())[1])
    settled(app, grid)
    to_end = time.perf_counter() - started
    started = time.perf_counter()
    grid.scrollToTop()
    settled(app, grid)
    back = time.perf_counter() - started
    print(f"scroll to the end, loaded   {to_end * 1000:7.0f} ms")
    print(f"back to the top, loaded     {back * 1000:7.0f} ms")

    for label, step in (("fling, a page per frame", 0), ("steady scroll, 40 px per frame", 40)):
        scroll(app, grid, label, step)
    print(f"cache: {model.cached_count()} thumbnails in memory (bound {model.cache.max_items})")
    grid.clear()
    grid.close()
    ops.wait_idle()
    thumbs.wait_readers_idle()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=2000)
    args = parser.parse_args()
    app = QApplication(sys.argv)
    setup_application(app)
    with tempfile.TemporaryDirectory(prefix="sefton-bench-grid-") as tmp:
        vault, child = build(Path(tmp), args.photos)
        session = Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password)
        try:
            for layout in ("batched", "single-pass"):
                measure(app, session, child, layout)
        finally:
            ops.wait_idle()
            thumbs.wait_readers_idle()
            session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
