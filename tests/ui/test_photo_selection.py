"""Choosing several photos in the grid and exporting exactly those (issue 12).

Ctrl+click and Shift+click choose several, Ctrl+A all of them; the export dialog opens on
the chosen photos only, in the grid's order, and the tab says how many are chosen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.ui.photo_support import children, import_now, keeping, make_jpegs, signed_in
from ui.views.child_records_tab import ChildPhotosTab


@pytest.fixture
def social(face_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(face_vault, qapp) as session:
        yield session


def _tab(qtbot: QtBot, kept: list[object], social: Session, face_vault: Path, card: Path):  # type: ignore[no-untyped-def]
    child = children(face_vault)["person-a"]
    import_now(social, [child], make_jpegs(card, 5, (320, 240)))
    tab = ChildPhotosTab(social)
    qtbot.addWidget(tab)
    kept.append(tab)
    tab.resize(900, 600)
    tab.show()
    with qtbot.waitSignal(tab.panel.grid.photos_listed, timeout=10_000):
        tab.set_child(child, "Child A")
    return tab


def test_the_export_opens_on_exactly_the_chosen_photos(
    qtbot: QtBot, social: Session, face_vault: Path, tmp_path: Path, qapp: QApplication
) -> None:
    with keeping(qapp) as kept:
        tab = _tab(qtbot, kept, social, face_vault, tmp_path / "card")
        grid = tab.panel.grid
        ids = grid.photos.photo_ids
        assert len(ids) == 5
        grid.setCurrentIndex(grid.photos.index(1))
        flags = QItemSelectionModel.SelectionFlag.Select
        grid.selectionModel().select(grid.photos.index(3), flags)
        assert grid.selected_photo_ids() == [ids[1], ids[3]]
        assert "2 of 5 photos chosen" in tab.selection_label.text()
        dialog = tab.open_export()
        assert dialog is not None
        kept.append(dialog)
        assert dialog.model.photo_ids == [ids[1], ids[3]]
        dialog.reject()


def test_ctrl_a_chooses_every_photo_and_a_click_just_one(
    qtbot: QtBot, social: Session, face_vault: Path, tmp_path: Path, qapp: QApplication
) -> None:
    with keeping(qapp) as kept:
        tab = _tab(qtbot, kept, social, face_vault, tmp_path / "card")
        grid = tab.panel.grid
        grid.setFocus()
        qtbot.keyClick(grid, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert grid.selected_photo_ids() == grid.photos.photo_ids
        assert "5 of 5 photos chosen" in tab.selection_label.text()
        first = grid.visualRect(grid.photos.index(0)).center()
        qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=first)
        assert grid.selected_photo_ids() == grid.photos.photo_ids[:1]
        assert "1 of 5 photos chosen" in tab.selection_label.text()
