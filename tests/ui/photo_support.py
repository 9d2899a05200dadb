"""Helpers of the photo screens' tests: a signed-in social worker, photos on a "card".

Kept out of ``tests/ui/conftest.py`` (shared with other screens); each test module
imports what it needs.  Everything runs against the real ``face_vault`` of
``tests/conftest.py``: one enrolled child per fixture person.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtWidgets import QApplication

from sefton_photos.model import ImportReport, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import SOCIAL
from ui import ops, thumbs

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from ui.views.photo_view import PhotoView


GROUP = "group_a-b-unknown.jpg"  # children A and B and someone unknown


def group_photo_id(vault: Path) -> int:
    """The photo of a ``group_vault`` (tests/ui/conftest.py)."""
    return int(json.loads((vault.parent / "photo.json").read_text()))


def open_photo_view(qtbot: QtBot, kept: list[object], session: Session, photo_id: int) -> PhotoView:
    """A shown PhotoView with the photo loaded (the test fails if it does not load)."""
    from ui.views.photo_view import PhotoView

    view = PhotoView(session, max_side=1024)
    qtbot.addWidget(view)
    kept.append(view)
    view.resize(1100, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000) as loaded:
        view.show_photo(photo_id)
    assert loaded.args[0] is not None, view.message.text()
    return view


def children(vault: Path) -> dict[str, int]:
    """Fixture person ("person-a") → child id, as ``tests.faceworld.build`` wrote them."""
    return dict(json.loads((vault.parent / "children.json").read_text()))


def settle(app: QApplication) -> None:
    """Both the vault worker and the thumbnail readers idle, every answer delivered."""
    assert ops.wait_idle(30_000), "the vault worker did not finish"
    assert thumbs.wait_readers_idle(30_000), "the thumbnail readers did not finish"
    app.processEvents()


@contextmanager
def signed_in(vault: Path, app: QApplication) -> Iterator[Session]:
    """Sam Social's session, closed only once no thread still reads the vault."""
    session = Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password)
    try:
        yield session
    finally:
        settle(app)
        session.close()


@contextmanager
def keeping(app: QApplication) -> Iterator[list[object]]:
    """Widgets a test appends here live until the vault worker and the readers are idle.

    Parentless widgets of a test are owned by Python; if the last reference to one
    were dropped on a worker thread, Qt would destroy it there and crash (it was seen
    as a segfault in pytest-qt's event processing before ``ui/ops.py`` learned to keep
    jobs free of widgets).  Holding them here until :func:`settle` keeps the GUI
    thread the one that lets them go, whatever a worker still holds.
    """
    kept: list[object] = []
    try:
        yield kept
    finally:
        settle(app)
        kept.clear()


def copy_in(names: list[str], faces_dir: Path, card: Path) -> list[Path]:
    card.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(faces_dir / n, card / n)) for n in names]


def make_jpegs(card: Path, count: int, size: tuple[int, int] = (640, 480)) -> list[Path]:
    """``count`` distinct JPEGs of random pixels (distinct content: no duplicates)."""
    card.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        img = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
        path = card / f"photo-{i:04d}.jpg"
        img.save(path, quality=80)
        out.append(path)
    return out


def import_now(
    session: Session,
    child_ids: list[int],
    paths: list[Path],
    *,
    detect_faces: bool = False,
) -> ImportReport:
    """An import through the core directly (for the screens that show photos)."""
    return session.imports.run(
        child_ids=tuple(child_ids),
        purpose=Purpose.LIFE_STORY,
        purpose_note="Memory book",
        device=DEVICE,
        attested=True,
        paths=paths,
        detect_faces=detect_faces,
        workers=0,
    )
