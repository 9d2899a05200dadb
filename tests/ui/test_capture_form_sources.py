"""The capture form asks why the originals stay on the card (R5, policy 5.5.4.5), and the
import results name hidden files left on the card (issue 10)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sefton_photos.decisions import Decision
from sefton_photos.model import FileOutcome, ImportReport
from ui.models.import_results import ImportResultsModel, summary
from ui.widgets.capture_form import CaptureForm


def test_keeping_the_originals_asks_for_the_reason(qtbot: QtBot) -> None:
    form = CaptureForm()
    qtbot.addWidget(form)
    assert not form.keep_reason_edit.isEnabled()
    form.keep_box.setChecked(True)
    assert form.keep_reason_edit.isEnabled()
    assert form.keep_reason_edit.accessibleName() == "Why the originals stay on the card"
    form.keep_reason_edit.setText("  Evidence for the police  ")
    given = form.inputs()
    assert given.keep_source and given.keep_source_reason == "Evidence for the police"


def test_hidden_files_are_named_in_the_results_and_the_summary(qtbot: QtBot) -> None:
    report = ImportReport(
        Decision(True, ()),
        outcomes=[
            FileOutcome("/card/IMG_1.JPG", "imported", 7),
            FileOutcome("/card/.DS_Store", "skipped_hidden", reason="A hidden file (R5)"),
        ],
    )
    assert "1 hidden file left on the card" in summary(report)
    model = ImportResultsModel()
    model.set_outcomes(report.outcomes)
    words = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert words == ["Imported", "Hidden file, left"]
