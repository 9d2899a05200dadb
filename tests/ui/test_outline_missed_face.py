"""Outlining a face the detector missed, and checking the whole photo, in the photo view
(R11, policy 5.5.1, 5.5.2): by mouse and by keyboard, through the core, in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from sefton_photos.model import FaceStatus
from sefton_photos.session import Session
from tests.ui.photo_support import group_photo_id, open_photo_view
from ui.models.faces import OUTLINED
from ui.widgets.outline_controls import CHECKED, NOT_CHECKED


def test_r11_a_missed_face_is_dragged_round_saved_and_the_photo_checked(
    qtbot: QtBot,
    kept: list[object],
    group_social: Session,
    group_vault: Path,
) -> None:
    photo = group_photo_id(group_vault)
    view = open_photo_view(qtbot, kept, group_social, photo)
    controls = view.outline
    assert controls.words.text() == NOT_CHECKED and "R11" in NOT_CHECKED
    assert not controls.save_button.isEnabled() and controls.checked_button.isEnabled()
    before = len(view.info.faces)  # type: ignore[union-attr]
    qtbot.mouseClick(controls.outline_button, Qt.MouseButton.LeftButton)
    assert view.canvas.draft is not None and controls.save_button.isEnabled()
    assert "Enter saves" in view.message.text()
    t = view.canvas.target()
    start = QPoint(round(t.left() + t.width() * 0.05), round(t.top() + t.height() * 0.05))
    end = QPoint(round(t.left() + t.width() * 0.25), round(t.top() + t.height() * 0.20))
    qtbot.mousePress(view.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.canvas, end)
    qtbot.mouseRelease(view.canvas, Qt.MouseButton.LeftButton, pos=end)
    top, right, bottom, left = view.canvas.draft_box()  # type: ignore[misc]
    w, h = view.info.width, view.info.height  # type: ignore[union-attr]
    assert abs(left - 0.05 * w) < 0.02 * w and abs(right - 0.25 * w) < 0.02 * w
    assert abs(top - 0.05 * h) < 0.02 * h and abs(bottom - 0.20 * h) < 0.02 * h
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(controls.save_button, Qt.MouseButton.LeftButton)
    faces = view.info.faces  # type: ignore[union-attr]
    assert len(faces) == before + 1
    [new] = [f for f in faces if f.outlined]
    assert new.status is FaceStatus.REJECTED and new.box == (top, right, bottom, left)
    assert any(line.endswith(OUTLINED) for line in view.faces_model.lines())
    assert "Outlined" in view.message.text()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(controls.checked_button, Qt.MouseButton.LeftButton)
    assert view.info.faces_checked and controls.words.text() == CHECKED  # type: ignore[union-attr]
    assert not controls.checked_button.isEnabled()
    assert group_social.photos.info(photo_id=photo).faces_checked


def test_r11_the_keyboard_moves_and_sizes_the_outline_and_escape_drops_it(
    qtbot: QtBot,
    kept: list[object],
    group_social: Session,
    group_vault: Path,
) -> None:
    view = open_photo_view(qtbot, kept, group_social, group_photo_id(group_vault))
    assert view.start_outline()
    canvas = view.canvas
    first = canvas.draft_box()
    assert first is not None
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    qtbot.keyClick(canvas, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    top, right, bottom, left = canvas.draft_box()  # type: ignore[misc]
    assert left > first[3] and right > first[1] and top == first[0] and bottom > first[2]
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.draft is None and view.outline.outline_button.isEnabled()
    assert len(group_social.photos.info(photo_id=int(view.info.id)).faces) == 3  # type: ignore[union-attr]
    assert view.start_outline()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.keyClick(canvas, Qt.Key.Key_Return)  # Enter saves it
    assert sum(f.outlined for f in view.info.faces) == 1  # type: ignore[union-attr]


def test_while_outlining_the_arrows_move_the_outline_not_the_photo_window(
    qtbot: QtBot,
    kept: list[object],
    group_social: Session,
    group_vault: Path,
) -> None:
    from ui.dialogs.photo_window import PhotoWindow

    photo = group_photo_id(group_vault)
    window = PhotoWindow(group_social)
    qtbot.addWidget(window)
    kept.append(window)
    with qtbot.waitSignal(window.view.loaded, timeout=10_000):
        window.show_photo(photo, [photo, photo + 1])
    assert window.view.start_outline()
    before = window.view.canvas.draft_box()
    moved: list[int] = []
    window.moved.connect(moved.append)
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_Right)
    assert moved == [] and window.photo_id == photo
    assert window.view.canvas.draft_box() != before
    qtbot.keyClick(window.view.canvas, Qt.Key.Key_Escape)
    assert window.isVisible(), "Escape dropped the outline; it did not close the window"
