"""R10 (5.5.3.2), R14 (13.1): an import in which every file was rejected is shown as
an error in the dialog, saying no capture was logged and no one was alerted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from sefton_photos.model import ImportReport
from sefton_photos.session import Session
from tests.ui.helpers import fill_capture, import_dialog
from tests.ui.photo_support import children


def test_r10_every_file_rejected_is_an_error_that_claims_no_alert(
    qtbot: QtBot,
    kept: list[object],
    social: Session,
    face_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    child = children(face_vault)["person-a"]
    card = tmp_path / "card"
    card.mkdir()
    broken = [card / "a.jpg", card / "b.jpg"]
    for f in broken:
        f.write_bytes(b"\xff\xd8\xff not a photo")
    queued = len(social.supervision.queue())
    dialog = import_dialog(qtbot, kept, social, [child])
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(f) for f in broken], "")
    )
    dialog.form.files_button.click()
    fill_capture(qtbot, dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
        dialog.import_button.click()
    report = finished.args[0]
    assert isinstance(report, ImportReport) and report.count("rejected") == 2
    assert report.capture_id is None
    assert dialog.summary.kind == "error"
    assert "has been alerted" not in dialog.summary.text()
    assert "no capture was logged" in dialog.summary.text()
    assert len(social.supervision.queue()) == queued
