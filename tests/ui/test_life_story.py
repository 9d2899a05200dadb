"""The life story editor over a real vault: tick photos, reorder them with the keyboard,
caption them, see each page's decision in words, and make the PDF into an approved
folder; when the life story consent is withdrawn the pages are REFUSED with R12 (R3,
R12, R14)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.decisions import Decision, Reason
from sefton_photos.model import ConsentKind
from tests.helpers import ADMIN, as_
from tests.ui.export_support import mnemonic_clashes
from tests.ui.helpers import unnamed
from tests.ui.photo_support import children, copy_in, import_now, signed_in
from ui.models.life_story import CAPTION_COLUMN, PagesModel
from ui.views.life_story import LifeStoryEditor, default_title

R3_MET = Reason("R3", "5.5.4.3", "Life story consent: one-to-one", met=True)
R12 = Reason("R12", "5.5.1.3", "No valid consent covers life story work for this child")


@pytest.fixture
def share(face_vault: Path, tmp_path: Path) -> Path:
    """An approved council folder for the books, added by the administrator."""
    folder = tmp_path / "story-share"
    folder.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=folder, label="Life story books")
    return folder


def test_pages_model_orders_captions_and_says_decisions(qtbot: QtBot) -> None:
    """Without a view: pages in the order added, moved up and down (not past the ends),
    captions tidied, decisions in words with rule and clause, ready only when all allowed."""
    pages = PagesModel()
    for pid in (5, 6, 7):
        pages.add(pid)
    assert pages.photo_ids == [5, 6, 7] and pages.index(0, 2).data() == "Checking…"
    assert pages.move(2, -1) == 1 and pages.photo_ids == [5, 7, 6]
    assert pages.move(0, -1) == 0 and pages.move(2, 1) == 2
    assert pages.setData(pages.index(0, CAPTION_COLUMN), "  At the   farm ")
    assert pages.pages()[0] == (5, "At the farm")
    assert not pages.setData(pages.index(0, 0), "no")  # only captions are editable
    pages.set_decisions([(5, Decision(True, (R3_MET,))), (7, Decision(True, (R3_MET,)))])
    pages.set_decisions([(6, Decision(False, (R12,)))])
    assert not pages.all_allowed() and pages.refused_rows() == [2]
    assert pages.index(2, 2).data().startswith("REFUSED: R12 (policy 5.5.1.3)")
    assert "Page 1, “At the farm”: ALLOWED" in pages.lines()
    pages.remove(6)
    assert pages.all_allowed() and pages.photo_ids == [5, 7]
    assert default_title("Riley Brookfield") == "Riley's story"


def test_the_editor_makes_a_pdf_book_and_shows_a_withdrawn_consent(
    qtbot: QtBot, face_vault: Path, share: Path, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Tick two photos, put the second first with Ctrl+Up, caption it, make the book: a
    PDF (%PDF) with the caption, under a neutral name, in the approved folder.  Then the
    consent is withdrawn: every page is REFUSED with R12 and the button is disabled."""
    child = children(face_vault)["person-a"]
    with signed_in(face_vault, qapp) as s:
        paths = copy_in(["person-a_2.jpg", "person-a_3.jpg"], faces_dir, tmp_path / "card")
        report = import_now(s, [child], paths, detect_faces=True)  # else refused (R11)
        newest, older = s.photos.ids(child_id=child)
        editor = LifeStoryEditor(s)
        qtbot.addWidget(editor)
        editor.resize(1100, 700)
        editor.show()
        with qtbot.waitSignals([editor.photos_listed, editor.locations_loaded], timeout=20_000):
            editor.set_child(child, "Child A")
        assert editor.title_edit.text() == "Child's story"
        assert unnamed(editor) == [] and mnemonic_clashes(editor) == {}
        assert editor.photos.rowCount() == len(report.outcomes) == 2
        editor.grid.setFocus()
        editor.grid.setCurrentIndex(editor.tickable.index(0, 0))
        with qtbot.waitSignal(editor.decided, timeout=20_000):  # Space ticks the photo
            qtbot.keyClick(editor.grid, Qt.Key.Key_Space)
        assert editor.tickable.index(0, 0).data() == "Page 1"
        with qtbot.waitSignal(editor.decided, timeout=20_000):
            editor.tick(older)
        assert editor.pages.photo_ids == [newest, older]
        editor.table.setFocus()
        editor.table.selectRow(1)
        qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
        assert editor.pages.photo_ids == [older, newest]
        assert editor.table.currentIndex().row() == 0
        editor.pages.set_caption(0, "At the farm")
        editor.title_edit.setText("A day out")
        assert (
            "Page 1 of 2: ALLOWED" in editor.text() and "R3 (policy 5.5.4.3) met" in editor.text()
        )
        assert "“At the farm”" in editor.text()
        assert editor.make_button.isEnabled()
        with qtbot.waitSignal(editor.book_made, timeout=30_000) as made:
            editor.make_button.click()
        book = made.args[0]
        assert book.parent == share and book.name.startswith("life-story-")
        assert f"The book was made: {book.name}" in editor.text()

        consent = next(
            c for c in s.consents.list(child_id=child) if c.kind is ConsentKind.ONE_TO_ONE
        )
        s.consents.withdraw(consent_id=consent.id, reason="Carer asked to pause")
        with qtbot.waitSignal(editor.decided, timeout=20_000):
            editor.decide()
        assert editor.pages.refused_rows() == [0, 1]
        assert "REFUSED" in editor.text() and "R12" in editor.text()
        assert not editor.make_button.isEnabled()
    data = book.read_bytes()
    assert data[:4] == b"%PDF"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "At the farm" in text and "A day out" in text
    assert [p.name for p in share.iterdir()] == [book.name]


def _rgb(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    raw = np.frombuffer(bytes(image.constBits()), dtype=np.uint8).reshape(height, stride)
    return raw[:, : width * 3].reshape(height, width, 3).astype(np.int16)


def test_the_page_preview_shows_the_blur_the_book_will_print(
    qtbot: QtBot, face_vault: Path, share: Path, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Issue 11 (R11): an unconfirmed face is blurred in the preview exactly as in the book;
    once a person confirms it as the child, the preview is redrawn sharp."""
    child = children(face_vault)["person-a"]
    with signed_in(face_vault, qapp) as s:
        paths = copy_in(["person-a_3.jpg"], faces_dir, tmp_path / "card")
        import_now(s, [child], paths, detect_faces=True)
        [photo] = s.photos.ids(child_id=child)
        [face] = s.photos.info(photo_id=photo).faces
        editor = LifeStoryEditor(s)
        qtbot.addWidget(editor)
        editor.resize(1100, 700)
        editor.show()
        with qtbot.waitSignals([editor.photos_listed, editor.locations_loaded], timeout=20_000):
            editor.set_child(child, "Child A")
        with qtbot.waitSignal(editor.decided, timeout=20_000):
            editor.tick(photo)
        editor.table.selectRow(0)
        qtbot.waitUntil(lambda: editor.pages.pixmap(photo) is not None, timeout=20_000)
        drawn = editor.pages.pixmap(photo)
        assert drawn is not None
        shown = _rgb(drawn.toImage())
        book = s.lifestory.page_picture(child_id=child, photo_id=photo, max_side=editor._side)
        assert book.blurred == 1
        expected = _rgb(QImage.fromData(book.jpeg))
        assert shown.shape == expected.shape
        assert float(np.abs(shown - expected).mean()) < 1.0
        s.faces.confirm(face_id=face.id, child_id=child)
        with qtbot.waitSignal(editor.decided, timeout=20_000):
            editor.decide()
        qtbot.waitUntil(lambda: editor._drawn_for.get(photo) == ((), True), timeout=20_000)
        redrawn = editor.pages.pixmap(photo)
        assert redrawn is not None
        sharp = _rgb(redrawn.toImage())
        assert float(np.abs(sharp - shown).mean()) > 0.5  # the face is no longer blurred
