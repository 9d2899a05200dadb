"""The grid as a photo app's grid (issue 12): the date under each thumbnail, sorted by the
date taken, badges in words for what needs a person, a size slider, and dropping files to
import them. Over a real vault: real EXIF dates, a real withdrawal, real face detection."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.ui.photo_support import children, copy_in, import_now, keeping, signed_in
from ui.dialogs.import_photos import ImportDialog
from ui.models.photos import PhotoGridModel
from ui.views.child_photos import ChildPhotosPanel

DAYS = ["2021:03:04 10:00:00", "2025:11:30 09:00:00", "2023:07:15 16:30:00"]


@pytest.fixture
def social(face_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(face_vault, qapp) as session:
        yield session


def _dated(card: Path) -> list[Path]:
    card.mkdir(parents=True, exist_ok=True)
    out = []
    for i, day in enumerate(DAYS):
        img = Image.frombytes("RGB", (320, 240), os.urandom(320 * 240 * 3))
        exif = Image.Exif()
        exif[0x0132] = day  # DateTime
        path = card / f"dated-{i}.jpg"
        img.save(path, exif=exif, quality=80)
        out.append(path)
    return out


def _panel(qtbot: QtBot, kept: list[object], session: Session, child: int) -> ChildPhotosPanel:
    panel = ChildPhotosPanel(session)
    qtbot.addWidget(panel)
    kept.append(panel)
    panel.resize(900, 600)
    panel.show()
    with qtbot.waitSignal(panel.grid.photos_listed, timeout=10_000):
        panel.set_child(child, "Child A")
    return panel


def _dates(model: PhotoGridModel) -> list[str]:
    return [model.index(r).data(PhotoGridModel.DateRole) for r in range(model.rowCount())]


def test_sorted_by_date_taken_with_the_date_under_each(
    qtbot: QtBot, social: Session, face_vault: Path, tmp_path: Path, qapp: QApplication
) -> None:
    child = children(face_vault)["person-a"]
    import_now(social, [child], _dated(tmp_path / "card"))
    with keeping(qapp) as kept:
        panel = _panel(qtbot, kept, social, child)
        assert _dates(panel.grid.photos) == ["30 Nov 2025", "15 Jul 2023", "4 Mar 2021"]
        with qtbot.waitSignal(panel.grid.photos_listed, timeout=10_000):
            panel.order_combo.setCurrentIndex(1)
        assert _dates(panel.grid.photos) == ["4 Mar 2021", "15 Jul 2023", "30 Nov 2025"]
        assert "oldest first" in panel.count_label.text()
        assert "3 photos of Child A" in panel.count_label.text()
        words = panel.grid.photos.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
        assert "taken 4 March 2021" in words


def test_badges_say_in_words_what_needs_a_person(
    qtbot: QtBot,
    social: Session,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    qapp: QApplication,
) -> None:
    child = children(face_vault)["person-a"]
    card = copy_in(["group_a-b.jpg"], faces_dir, tmp_path / "card")
    import_now(social, [child], card, detect_faces=True)
    with keeping(qapp) as kept:
        panel = _panel(qtbot, kept, social, child)
        badges = panel.grid.photos.index(0).data(PhotoGridModel.BadgesRole)
        assert any(b.endswith("faces to review") or b.endswith("face to review") for b in badges)
        assert "to review" in panel.grid.photos.index(0).data(Qt.ItemDataRole.AccessibleTextRole)


def test_the_slider_changes_the_cells_and_keeps_the_current_photo(
    qtbot: QtBot, social: Session, face_vault: Path, tmp_path: Path, qapp: QApplication
) -> None:
    child = children(face_vault)["person-a"]
    import_now(social, [child], _dated(tmp_path / "card"))
    with keeping(qapp) as kept:
        panel = _panel(qtbot, kept, social, child)
        grid = panel.grid
        before = grid.gridSize()
        grid.setCurrentIndex(grid.photos.index(2))
        current = grid.current_photo_id()
        panel.size_slider.setValue(panel.size_slider.maximum())
        assert grid.gridSize().width() > before.width()
        assert grid.gridSize().height() > before.height()
        assert grid.current_photo_id() == current
        panel.size_slider.setValue(panel.size_slider.minimum())
        assert grid.gridSize().width() < before.width()


def test_dropping_a_folder_opens_the_import_with_it_chosen(
    qtbot: QtBot, social: Session, face_vault: Path, tmp_path: Path, qapp: QApplication
) -> None:
    child = children(face_vault)["person-a"]
    card = tmp_path / "card"
    _dated(card)
    with keeping(qapp) as kept:
        panel = _panel(qtbot, kept, social, child)
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(card))])
        event = QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        panel.dropEvent(event)
        dialog = panel.import_dialog
        assert isinstance(dialog, ImportDialog)
        kept.append(dialog)
        assert dialog.form.paths == [card] and dialog.form.from_folder
        assert len(list(card.iterdir())) == 3, "a drop reads and moves nothing by itself"
        dialog.reject()

        text = QMimeData()
        text.setText("not a file")
        ignored = QDropEvent(
            QPointF(20, 20),
            Qt.DropAction.CopyAction,
            text,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        panel.import_dialog = None
        panel.dropEvent(ignored)
        assert panel.import_dialog is None


def test_badge_words_for_each_kind_of_tile() -> None:
    """The model says flagged and faces to review in words, plural right (no view)."""
    from datetime import date

    from sefton_photos.model import PhotoId
    from sefton_photos.model.tiles import PhotoTile

    def tile(flagged: bool, faces: int) -> PhotoTile:
        return PhotoTile(PhotoId(1), None, date(2026, 12, 1), flagged, faces)

    assert PhotoGridModel.badges(tile(False, 0)) == []
    assert PhotoGridModel.badges(tile(True, 0)) == ["Flagged for review"]
    assert PhotoGridModel.badges(tile(False, 1)) == ["1 face to review"]
    assert PhotoGridModel.badges(tile(True, 3)) == ["Flagged for review", "3 faces to review"]
    model = PhotoGridModel(side=96)
    model.set_photos([1], None, [tile(True, 2)])
    assert model.index(0).data(PhotoGridModel.DateRole) == "1 Dec 2026"
    words = model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "imported 1 December 2026, flagged for review, 2 faces to review" in words
