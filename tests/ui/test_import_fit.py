"""The import dialog (issue 12): it fits 1280 x 720 at 100 % and scrolls at 200 %, it says
how many photos the folder holds before importing (counted on the worker), it shows no
verdict before children and a purpose are chosen, progress comes before the first file is
done, and duplicates removed from the card are named."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from unittest import mock

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import resources
from sefton_photos.decisions import Decision
from sefton_photos.model import FileOutcome, ImportReport, Progress, Purpose
from sefton_photos.session import Session
from sefton_photos.support.import_count import ImportCount
from tests.ui.photo_support import children, keeping, make_jpegs, signed_in
from ui.dialogs.import_photos import ImportDialog
from ui.models.import_results import ImportResultsModel, summary
from ui.widgets.capture_form import count_words, paths_words
from ui.widgets.import_progress import ImportProgress, progress_words

SCREEN = QSize(1280, 720)
CHROME = 80  # a title bar and a taskbar


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own stylesheet (its paddings make every field taller), then none again."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(resources.read_text(resources.STYLESHEET))
    yield qapp
    qapp.setStyleSheet(before)


@pytest.fixture
def social(face_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(face_vault, qapp) as session:
        yield session


@pytest.fixture
def kept(qapp: QApplication) -> Iterator[list[object]]:
    with keeping(qapp) as objects:
        yield objects


def _offline_dialog(qtbot: QtBot) -> ImportDialog:
    """A dialog with no vault behind it: only its layout is looked at."""
    with mock.patch.object(ImportDialog, "_load_choices", lambda self: None):
        dialog = ImportDialog(mock.MagicMock())
    qtbot.addWidget(dialog)
    return dialog


def _dialog(qtbot: QtBot, kept: list[object], session: Session, ids: list[int]) -> ImportDialog:
    dialog = ImportDialog(session, child_ids=ids, workers=0)
    qtbot.addWidget(dialog)
    kept.append(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def test_at_100_percent_the_whole_dialog_fits_1280_by_720(qtbot: QtBot, styled: object) -> None:
    dialog = _offline_dialog(qtbot)
    hint = dialog.sizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() + CHROME <= SCREEN.height(), hint
    assert dialog.minimumSizeHint().boundedTo(hint) == dialog.minimumSizeHint()
    assert dialog.size() == hint.boundedTo(dialog.screen().availableSize())
    # The offscreen screen is smaller than 1280 x 720: lay it out without a window on it.
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.resize(hint)
    dialog.show()
    QApplication.processEvents()
    assert dialog.size() == hint
    area = dialog.form_area
    assert not area.verticalScrollBar().isVisible(), "the form needs no scrolling at 100 %"
    assert not area.horizontalScrollBar().isVisible()
    # A deep folder chosen and counted, a verdict with its reasons: still no scrolling.
    form = dialog.form
    deep = Path("/media/ksmith/EOS_DIGITAL/DCIM/100CANON")
    form.paths_label.setText(paths_words([deep], True))
    form.show_count(count_words(ImportCount(1240, 1238, 12), folder=True))
    assert form.paths_label.text() == "Folder …/DCIM/100CANON: every photo inside it."
    dialog.decision_view.show_decision(Decision(True, ()))
    QApplication.processEvents()
    assert not area.verticalScrollBar().isVisible(), form.count_label.text()


@pytest.mark.parametrize(
    ("text_scale", "screen"),
    [(1, QSize(640, 360)), (2, QSize(1280, 720 - CHROME))],
    ids=["qt-scale-factor-2", "text-twice-as-big"],
)
def test_at_200_percent_it_scrolls_rather_than_clips(
    qtbot: QtBot, styled: QApplication, text_scale: int, screen: QSize
) -> None:
    """A 1280 x 720 screen at 200 % is 640 x 360 logical pixels; twice the text on the
    whole screen is the other way to reach 200 %. Either way it scrolls, nothing clips."""
    if text_scale != 1:
        doubled = re.sub(
            r"(\d+)pt", lambda m: f"{int(m.group(1)) * text_scale}pt", styled.styleSheet()
        )
        styled.setStyleSheet(doubled)
    dialog = _offline_dialog(qtbot)
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= screen.width() and minimum.height() <= screen.height(), minimum
    dialog.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    dialog.resize(screen)
    dialog.show()
    QApplication.processEvents()
    assert dialog.size() == screen
    area, body = dialog.form_area, dialog.body
    assert area.verticalScrollBar().isVisible(), "what does not fit scrolls"
    assert body.height() >= body.minimumSizeHint().height(), "nothing is squashed"
    assert body.width() >= body.minimumSizeHint().width()
    for button in (dialog.import_button, dialog.close_button):
        assert button.isVisible() and dialog.rect().contains(button.geometry())


def test_no_verdict_before_children_and_a_purpose_are_chosen(
    qtbot: QtBot, kept: list[object], social: Session, face_vault: Path
) -> None:
    dialog = _dialog(qtbot, kept, social, [])
    view = dialog.decision_view
    assert view.verdict_text == "Choose…" and view.decision is None
    assert "Choose the children in the photos and a purpose" in view.sentence.text()
    assert dialog.check() is None  # Enter asks the vault nothing yet
    child = children(face_vault)["person-a"]
    assert dialog.form.children_model.set_checked(child)
    assert view.verdict_text == "Choose…"
    assert view.sentence.text().startswith("Choose a purpose:")
    with qtbot.waitSignal(dialog.checked, timeout=10_000) as checked:
        assert dialog.form.set_purpose(Purpose.LIFE_STORY)
    assert isinstance(checked.args[0], Decision)
    assert view.verdict_text == "REFUSED"  # now a real answer: no own words, not attested


def test_the_folder_is_counted_on_the_worker_before_importing(
    qtbot: QtBot, kept: list[object], social: Session, tmp_path: Path
) -> None:
    card = tmp_path / "card"
    make_jpegs(card, 3)
    (card / "notes.txt").write_text("not a photo")
    (card / ".DS_Store").write_bytes(b"\0")
    threads: list[threading.Thread] = []
    counting = social.imports.count

    def count(*, paths: list[Path]) -> ImportCount:
        threads.append(threading.current_thread())
        return counting(paths=paths)

    dialog = _dialog(qtbot, kept, social, [])
    patched = mock.patch.object(social.imports, "count", count)
    with patched, qtbot.waitSignal(dialog.counted, timeout=10_000) as counted:
        dialog.set_paths([card], folder=True)
        assert dialog.form.count_label.text() == "Counting the photos…"
    assert counted.args[0] == ImportCount(files=4, photos=3, hidden=1)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.form.count_label.text() == (
        "The folder holds 3 photos (and 1 other file); 1 hidden file stays on the card."
    )
    assert dialog.form.count_label.accessibleDescription() == dialog.form.count_label.text()


def test_count_words() -> None:
    assert count_words(ImportCount(40, 40, 0), folder=True) == "The folder holds 40 photos."
    assert count_words(ImportCount(1, 1, 0), folder=False) == "Chosen: 1 photo."
    assert count_words(ImportCount(0, 0, 2), folder=True) == (
        "The folder holds no photos to import; 2 hidden files stay on the card."
    )


def test_progress_is_shown_before_the_first_photo_is_done(
    qtbot: QtBot, kept: list[object], social: Session, face_vault: Path, tmp_path: Path
) -> None:
    files = make_jpegs(tmp_path / "card", 3)
    dialog = _dialog(qtbot, kept, social, [children(face_vault)["person-b"]])
    dialog.form.match_box.setChecked(False)
    dialog.set_paths(files, folder=False)
    form = dialog.form
    assert form.set_purpose(Purpose.LIFE_STORY)
    form.purpose_edit.setText("Memory book")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        form.attest_box.setChecked(True)
    seen: list[tuple[Progress, int, str]] = []
    dialog.progressed.connect(
        lambda p: seen.append((p, dialog.results.rowCount(), dialog.progress.text))
    )
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000):
        dialog.start_import()
    first, rows, words = seen[0]
    assert (first.done, first.total, first.last, rows) == (0, 3, None, 0)
    assert words == "0 of 3 photos · starting · working out the rate and the time left"
    assert [p.done for p, _, _ in seen] == [0, 1, 2, 3]
    assert "photos/s" in seen[1][2] and seen[1][2].startswith("1 of 3 photos · ")


def test_progress_words_from_the_start(qtbot: QtBot) -> None:
    widget = ImportProgress()
    qtbot.addWidget(widget)
    widget.start()
    widget.update_progress(Progress(0, 40, 0.0, None, None))
    assert widget.text.startswith("0 of 40 photos · starting")
    assert widget.bar.maximum() == 0, "busy until the first file is done"
    done = FileOutcome("/card/a.jpg", "imported", 1)
    assert progress_words(Progress(3, 40, 1.2, 30.8, done)) == (
        "3 of 40 photos · 1.2 photos/s · about 31 s left"
    )
    widget.update_progress(Progress(3, 40, 1.2, 30.8, done))
    assert (widget.bar.value(), widget.bar.maximum()) == (3, 40)


def test_duplicates_removed_from_the_card_are_named() -> None:
    outcomes = [
        FileOutcome("/card/IMG_1.JPG", "imported", 7, source_removed=True),
        FileOutcome(
            "/card/IMG_2.JPG", "duplicate", 3, "Already in the vault.", source_removed=True
        ),
        FileOutcome("/card/IMG_3.JPG", "duplicate", 4, "Already in the vault."),
    ]
    report = ImportReport(Decision(True), 9, outcomes)
    text = summary(report)
    assert "Removed from the card as a duplicate (already in the vault): IMG_2.JPG." in text
    model = ImportResultsModel()
    model.set_outcomes(outcomes)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(3)]
    assert rows[1][1] == "Duplicate, removed from the card"
    assert (
        rows[1][3] == "Already in the vault as photo 3, so not stored twice. Removed from the card."
    )
    assert rows[2][1] == "Duplicate" and "Removed" not in rows[2][3]
    assert rows[0][3] == "Encrypted, verified and stored. Removed from the card."
    many = [FileOutcome(f"/c/{i}.jpg", "duplicate", i, source_removed=True) for i in range(7)]
    assert "duplicates (already in the vault): 0.jpg, 1.jpg, 2.jpg, 3.jpg, 4.jpg and 2 more." in (
        summary(ImportReport(Decision(True), 9, many))
    )
