"""R10 (5.5.3.2) / R14 (13.1): the import dialog's summary never claims an alert
that was not raised: with nothing stored there is no capture and no alert."""

from __future__ import annotations

from sefton_photos.decisions import Decision
from sefton_photos.model import FileOutcome, ImportReport
from ui.models.import_results import summary


def _report(capture_id: int | None, *statuses: str, cancelled: bool = False) -> ImportReport:
    outcomes = [FileOutcome(f"/card/{i}.jpg", s) for i, s in enumerate(statuses)]
    return ImportReport(Decision(True), capture_id, outcomes, cancelled)


def test_r10_every_file_rejected_says_nothing_was_imported_and_no_one_was_alerted() -> None:
    text = summary(_report(None, "rejected", "rejected"))
    assert "has been alerted" not in text
    assert "Nothing was imported" in text and "line manager was not alerted" in text


def test_r10_cancelled_before_any_photo_claims_no_alert() -> None:
    text = summary(_report(None, "cancelled", "cancelled", cancelled=True))
    assert text.startswith("Import cancelled: ")
    assert "has been alerted" not in text and "line manager was not alerted" in text


def test_r10_a_stored_photo_still_says_the_manager_was_alerted() -> None:
    text = summary(_report(7, "imported", "rejected"))
    assert "Your line manager has been alerted (R10)." in text
    assert "Nothing was imported" not in text
