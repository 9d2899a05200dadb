"""The import dialog over the real face vault: the decision before anything is read,
an import to the end (results table, photos in the vault, sources gone), a cancel
that leaves every file either safely imported or untouched, and a refusal shown in
words with nothing imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sefton_photos.model import ImportReport
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.ui.helpers import fill_capture, import_dialog, unnamed
from tests.ui.photo_support import children, copy_in, make_jpegs
from ui.widgets.capture_form import ATTESTATION


def test_import_to_the_end_fills_the_table_and_moves_the_photos(
    qtbot: QtBot,
    kept: list[object],
    social: Session,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Folder chosen, child preselected, attested: the check says ALLOWED before the
    import; Import brings every photo into the vault, the table says so per file,
    the sources are removed (R5) and the line manager alert is mentioned (R10)."""
    child = children(face_vault)["person-a"]
    card = tmp_path / "card"
    copy_in(["person-a_2.jpg", "person-a_3.jpg"], faces_dir, card)
    before = social.photos.ids(child_id=child)
    dialog = import_dialog(qtbot, kept, social, [child])
    assert dialog.form.children_model.checked_ids() == (child,)
    assert dialog.form.device() == DEVICE
    assert dialog.form.attest_box.accessibleName() == ATTESTATION
    assert not dialog.form.attest_box.isChecked() and not dialog.form.keep_box.isChecked()
    assert dialog.form.match_box.isChecked() and dialog.form.match_box.isEnabled()
    assert dialog.decision_view.verdict_text == "Choose…"  # no purpose yet: no verdict
    assert "Choose a purpose" in dialog.decision_view.sentence.text()
    assert not dialog.import_button.isEnabled()  # no photos chosen yet

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(card))
    with qtbot.waitSignal(dialog.counted, timeout=10_000):
        qtbot.mouseClick(dialog.form.folder_button, Qt.MouseButton.LeftButton)
    assert card.name in dialog.form.paths_label.text()
    assert dialog.form.paths_label.accessibleDescription() == str(card)
    assert dialog.form.count_label.text() == "The folder holds 2 photos."
    fill_capture(qtbot, dialog)
    assert dialog.decision_view.verdict_text == "ALLOWED"
    assert any(line.startswith("met · R4") for line in dialog.decision_view.reason_lines())

    with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        assert dialog.busy and dialog.cancel_button.isVisible()
    report = finished.args[0]
    assert isinstance(report, ImportReport) and report.count("imported") == 2
    model = dialog.results
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert sorted(r[0] for r in rows) == ["person-a_2.jpg", "person-a_3.jpg"]
    assert [r[1] for r in rows] == ["Imported", "Imported"]
    assert [r[2] for r in rows] == ["1", "1"]  # one face each, this child's (suggested)
    assert dialog.summary.text().startswith("2 imported.")
    assert "Your line manager has been alerted (R10)." in dialog.summary.text()
    assert len(social.photos.ids(child_id=child)) == len(before) + 2
    assert not any(card.iterdir()), "the originals are removed once verified (R5)"
    assert not dialog.busy and dialog.close_button.isVisible()
    assert not dialog.import_button.isEnabled(), "the same files cannot be imported twice"
    assert dialog.review_button.isVisible(), "matching only suggests: review is offered"
    assert sorted(dialog.faces_to_review()) == sorted(o.photo_id for o in report.outcomes)
    review = dialog.review_faces()
    assert review is not None
    with qtbot.waitSignal(review.review.loaded, timeout=10_000) as listed:
        pass
    assert listed.args == [2]
    assert review.review.summary.text().startswith(
        "2 faces to review in 2 photos, 2 suggested as a child of this capture."
    )


def test_cancel_keeps_what_was_imported_and_leaves_the_rest_untouched(
    qtbot: QtBot,
    kept: list[object],
    social: Session,
    face_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancel after the first progress report: the report says cancelled, every file is
    either in the vault (and gone from the card) or still on the card, never neither."""
    child = children(face_vault)["person-b"]
    card = tmp_path / "card"
    files = make_jpegs(card, 20, (1200, 900))
    dialog = import_dialog(qtbot, kept, social, [child])
    dialog.form.match_box.setChecked(False)  # faces are still found (R11)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in files], "")
    )
    dialog.form.files_button.click()
    assert dialog.form.paths_label.text().startswith("20 files: photo-0000.jpg")
    fill_capture(qtbot, dialog)
    first_photo = lambda p: p.done >= 1  # noqa: E731 (not the count before the first file)
    with qtbot.waitSignal(dialog.progressed, timeout=60_000, check_params_cb=first_photo):
        dialog.import_button.click()
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert dialog.progress.text == "Cancelling after the current photo…"
    report = finished.args[0]
    assert isinstance(report, ImportReport) and report.cancelled
    assert report.count("imported") >= 1
    assert report.count("cancelled") >= 1, "cancel after the first photo stops well before 20"
    assert report.count("imported") + report.count("cancelled") == 20
    stored = set(social.photos.ids(child_id=child))
    for outcome in report.outcomes:
        on_card = Path(outcome.source).exists()
        if outcome.status == "imported":
            assert outcome.photo_id in stored and not on_card, outcome.source
        else:
            assert outcome.status == "cancelled" and on_card, outcome.source
    assert len(stored) == report.count("imported")
    words = [dialog.results.index(r, 1).data() for r in range(dialog.results.rowCount())]
    assert words.count("Not reached") == report.count("cancelled")
    assert dialog.summary.text().startswith("Import cancelled: ")
    assert "untouched, still where they were" in dialog.summary.text()


def test_unattested_capture_is_refused_with_r4_and_imports_nothing(
    qtbot: QtBot,
    kept: list[object],
    social: Session,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    """Attestation unticked: the check shows REFUSED naming R4 and its clause; Import
    asks the core, which refuses before reading a file; the photo stays on the card."""
    child = children(face_vault)["person-c"]
    paths = copy_in(["person-c_2.jpg"], faces_dir, tmp_path / "card")
    dialog = import_dialog(qtbot, kept, social, [child])
    dialog.set_paths(paths, folder=False)
    fill_capture(qtbot, dialog, attest=False)
    assert dialog.decision_view.verdict_text == "REFUSED"
    lines = dialog.decision_view.reason_lines()
    assert lines[0].startswith("NOT MET · R4 · policy 5.5.4.4"), lines
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000) as finished:
        dialog.import_button.click()
    assert finished.args == [None]
    assert dialog.message.kind == "error"
    assert dialog.message.text().startswith("Nothing was imported. REFUSED:")
    assert "(R4, policy 5.5.4.4)" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.results.rowCount() == 0
    assert social.photos.ids(child_id=child) == []
    assert paths[0].exists()


def test_escape_closes_when_idle_and_the_dialog_names_every_control(
    qtbot: QtBot, kept: list[object], social: Session
) -> None:
    """Every control has an accessible name; Enter checks (never imports); Escape closes."""

    dialog = import_dialog(qtbot, kept, social, [])
    assert unnamed(dialog) == []
    assert dialog.check_button.isDefault() and not dialog.import_button.isDefault()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
