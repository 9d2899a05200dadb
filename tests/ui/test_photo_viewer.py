"""The photo viewer (issue 12): zoom (Ctrl+wheel, Ctrl++, Ctrl+-, Fit), next and previous
photo of the list it was opened from, full screen, and the face chosen in the list
outlined on the photo where its box really is."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import SOCIAL
from tests.ui.helpers import clashes, unnamed
from tests.ui.photo_support import children, copy_in, import_now, open_photo_view, signed_in
from ui.dialogs.photo_window import PhotoWindow
from ui.widgets.face_canvas import CHOSEN

PHOTOS = ["group_a-b-unknown.jpg", "person-a_2.jpg", "group_a-b.jpg"]


@pytest.fixture(scope="module")
def three_template(
    face_template: Path, faces_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The face vault with three photos of children A and B imported (faces found), once."""
    root = tmp_path_factory.mktemp("three")
    vault = root / "vault"
    shutil.copytree(face_template, vault)
    shutil.copy(face_template.parent / "children.json", root / "children.json")
    ids = children(vault)
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        paths = copy_in(PHOTOS, faces_dir, root / "card")
        report = import_now(s, [ids["person-a"], ids["person-b"]], paths, detect_faces=True)
    by_name = {Path(o.source).name: o.photo_id for o in report.outcomes}
    (root / "photos.json").write_text(json.dumps([by_name[n] for n in PHOTOS]))
    return vault


@pytest.fixture
def session(three_template: Path, tmp_path: Path, qapp: QApplication) -> Iterator[Session]:
    vault = tmp_path / "vault"
    shutil.copytree(three_template, vault)
    for name in ("children.json", "photos.json"):
        shutil.copy(three_template.parent / name, tmp_path / name)
    with signed_in(vault, qapp) as s:
        yield s


@pytest.fixture
def photo_ids(session: Session, tmp_path: Path) -> list[int]:
    return [int(i) for i in json.loads((tmp_path / "photos.json").read_text())]


def _ctrl_wheel(target: QWidget, steps: int) -> None:
    event = QWheelEvent(
        QPointF(50, 50),
        QPointF(50, 50),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(target, event)


def test_zoom_with_keys_wheel_and_buttons_and_fit_restores(
    qtbot: QtBot, kept: list[object], session: Session, photo_ids: list[int]
) -> None:
    view = open_photo_view(qtbot, kept, session, photo_ids[0])
    fitted = view.canvas.target()
    assert view.zoom_area.zoom == 1.0 and view.zoom_label.text() == "Fitted to the window"
    assert view.zoom_area.viewport().rect().contains(fitted.toAlignedRect())

    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_area.zoom == pytest.approx(1.25)
    assert view.canvas.target().width() == pytest.approx(fitted.width() * 1.25, rel=0.01)
    assert view.zoom_label.text() == "Zoom 125 % of fitted"

    _ctrl_wheel(view.canvas, 2)  # Ctrl+wheel zooms, as in digiKam
    assert view.zoom_area.zoom == pytest.approx(1.25**3)
    assert view.canvas.width() > view.zoom_area.viewport().width(), "a zoomed photo scrolls"
    assert view.zoom_area.horizontalScrollBar().maximum() > 0

    qtbot.mouseClick(view.zoom_out_button, Qt.MouseButton.LeftButton)
    assert view.zoom_area.zoom == pytest.approx(1.25**2)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_area.zoom == pytest.approx(1.25)

    qtbot.keyClick(view.canvas, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_area.zoom == 1.0
    qtbot.waitUntil(lambda: view.canvas.size() == view.zoom_area.viewport().size())
    assert view.canvas.target() == fitted, "Fit shows the whole photo as before"
    qtbot.mouseClick(view.zoom_in_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.fit_button, Qt.MouseButton.LeftButton)
    assert view.zoom_area.zoom == 1.0

    for _ in range(20):
        view.zoom_area.zoom_out()
    assert not view.zoom_out_button.isEnabled(), "no zooming out for ever"
    assert view.zoom_area.zoom == view.zoom_area.minimum


def test_choosing_a_face_outlines_its_box_where_the_face_is(
    qtbot: QtBot, kept: list[object], session: Session, photo_ids: list[int]
) -> None:
    """The chosen face's box is the face's own box mapped onto the drawn photo, at any
    zoom, its label says "Chosen:" (words, not colour), and it is scrolled into view."""
    view = open_photo_view(qtbot, kept, session, photo_ids[0])
    info = view.info
    assert info is not None and len(info.faces) == 3
    face = info.faces[2]

    def expected() -> QRectF:
        target = view.canvas.target()
        sx, sy = target.width() / info.width, target.height() / info.height
        top, right, bottom, left = face.box
        return QRectF(
            target.left() + left * sx,
            target.top() + top * sy,
            (right - left) * sx,
            (bottom - top) * sy,
        )

    view.faces_view.setCurrentIndex(view.faces_model.index(2, 0))
    assert view.canvas.chosen == face.id
    chosen = [d for d in view.canvas.drawings() if d.chosen]
    assert len(chosen) == 1 and chosen[0].text.startswith(f"{CHOSEN}3. ")
    assert chosen[0].box == expected()
    assert view.canvas.face_rect(face.id) == expected()
    assert sum(d.text.startswith(CHOSEN) for d in view.canvas.drawings()) == 1

    for _ in range(4):
        view.zoom_area.zoom_in()
    box = view.canvas.face_rect(face.id)
    assert box is not None and box == expected()
    shown = QRectF(view.zoom_area.viewport().rect())
    on_screen = box.translated(QPointF(view.canvas.pos()))  # canvas → viewport
    assert shown.intersects(on_screen), "the chosen face is scrolled into view"

    view.zoom_area.fit()
    first = view.canvas.face_rect(info.faces[0].id)
    assert first is not None
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=first.center().toPoint())
    assert view.canvas.chosen == info.faces[0].id, "a click on a box chooses that face"
    assert view.faces_view.currentIndex().row() == 0, "and the list follows"
    view.clear()
    assert view.canvas.chosen is None and view.zoom_area.zoom == 1.0


def test_next_and_previous_go_through_the_list_given(
    qtbot: QtBot, kept: list[object], session: Session, photo_ids: list[int]
) -> None:
    window = PhotoWindow(session)
    qtbot.addWidget(window)
    kept.append(window)
    order = [photo_ids[1], photo_ids[0], photo_ids[2]]
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        window.show_photo(order[0], order)
    assert window.position.text() == "Photo 1 of 3"
    assert not window.previous_button.isEnabled() and window.next_button.isEnabled()
    assert window.next_button.accessibleName() == "Next photo (Right or Page Down)"
    assert window.previous_button.accessibleName() == "Previous photo (Left or Page Up)"
    assert clashes(window) == []
    assert unnamed(window) == [], "every control is named"

    with qtbot.waitSignal(window.view.loaded, timeout=10_000) as loaded:
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.photo_id == order[1] and loaded.args[0].id == order[1]
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert window.photo_id == order[2] and window.position.text() == "Photo 3 of 3"
    assert not window.next_button.isEnabled()
    assert not window.next_photo(), "no further than the end"
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert window.photo_id == order[1]
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    assert window.photo_id == order[0]
    qtbot.waitUntil(lambda: len(window.review.rows) == 1)  # the review follows the photo
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.photo_id == order[1]
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.photo_id == order[0]

    window.forget()
    assert window.photo_ids == [] and not window.next_button.isEnabled()


def test_full_screen_with_f11_and_escape_leaves_it_first(
    qtbot: QtBot, kept: list[object], session: Session, photo_ids: list[int]
) -> None:
    window = PhotoWindow(session)
    qtbot.addWidget(window)
    kept.append(window)
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        window.show_photo(photo_ids[0], photo_ids)
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.isFullScreen() and window.full_button.text() == "Leave f&ull screen"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isFullScreen() and window.isVisible(), "Escape leaves full screen first"
    qtbot.mouseClick(window.full_button, Qt.MouseButton.LeftButton)
    assert window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.isFullScreen()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible(), "then Escape closes the window"
    assert window.photo_id is None
