"""The records screens over a real vault: the subject access dialog shows a passphrase
once and it opens the package; the retention review erases a record that is due after
a confirmation in plain words; a Dropbox folder is refused as an export location with
the core's words (R5, R13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import pyzipper
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sefton_photos.model import CareStatus
from sefton_photos.services.records import RetentionDue
from sefton_photos.session import Session
from tests.helpers import ADMIN, KEY, SOCIAL, as_
from tests.ui.conftest import MessageBoxes
from tests.ui.export_support import mnemonic_clashes
from tests.ui.helpers import unnamed
from tests.ui.photo_support import children, copy_in, import_now, settle, signed_in
from ui.dialogs.subject_access import SubjectAccessDialog, default_name
from ui.models.records import LocationsModel, RetentionModel
from ui.views.retention import RetentionReview


def test_records_models_say_dates_and_bases_in_words(qtbot: QtBot) -> None:
    """Without a view: the child, the day in words, the basis as a sentence; locations."""
    due = RetentionModel()
    due.set_due(
        [RetentionDue(4, "Olive Oldrecord", date(2015, 2, 1), "75th birthday (looked after)")]
    )
    assert [due.index(0, c).data() for c in range(3)] == [
        "Olive Oldrecord",
        "1 February 2015",
        "75th birthday (looked after at some time)",
    ]
    assert due.child_ids == [4] and due.lines() == [
        "Olive Oldrecord, 1 February 2015, 75th birthday (looked after at some time)"
    ]
    places = LocationsModel()
    places.set_locations([(1, "Case records", "/srv/share")])
    assert places.index(0, 1).data() == "/srv/share" and places.paths == ["/srv/share"]
    places.clear()
    assert places.rowCount() == 0
    assert "Olive" not in default_name(4) and default_name(4).endswith(".zip")


def test_subject_access_shows_the_passphrase_once_and_it_opens_the_package(
    qtbot: QtBot,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The child's social worker makes the package; the passphrase shown (read-only, with
    the words to give it separately, stored nowhere) opens it; closing forgets it."""
    child = children(face_vault)["person-a"]
    chosen = tmp_path / "out" / "request"
    chosen.parent.mkdir()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=chosen.parent)  # R5: the package goes to an approved folder
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    with signed_in(face_vault, qapp) as s:
        import_now(s, [child], copy_in(["person-a_2.jpg"], faces_dir, tmp_path / "card"))
        dialog = SubjectAccessDialog(s, child_id=child, child_name="Child A")
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.passphrase.isVisible()
        assert unnamed(dialog) == []
        dialog.make_button.click()  # no reference yet: nothing is made, the reason shown
        assert "reference" in dialog.message.text() and not chosen.with_name("request.zip").exists()
        dialog.reference.setText("SAR-2026-001")
        with qtbot.waitSignal(dialog.made, timeout=30_000) as made:
            dialog.make_button.click()
        review = RetentionReview(s)  # not an administrator: the core's refusal, in words
        qtbot.addWidget(review)
        with qtbot.waitSignal(review.loaded, timeout=20_000):
            review.refresh()
        assert "Only an administrator" in review.message.text()
    package = made.args[0]
    assert package == chosen.with_name("request.zip")
    passphrase = dialog.passphrase.text()
    assert dialog.passphrase.isVisible() and dialog.passphrase.isReadOnly() and passphrase
    assert (
        "separately" in dialog.handover.text() and "not stored anywhere" in dialog.handover.text()
    )
    assert not dialog.make_button.isVisible()
    with pyzipper.AESZipFile(package) as z:  # an AES-256 ZIP, as 7-Zip reads it
        z.setpassword(passphrase.encode())
        assert {"index.html", "record.json"} <= set(z.namelist())
        assert b"SAR-2026-001" in z.read("index.html")
    dialog.close()
    assert dialog.passphrase.text() == ""


def test_retention_review_erases_a_due_record_and_a_dropbox_location_is_refused(
    qtbot: QtBot,
    face_vault: Path,
    tmp_path: Path,
    qapp: QApplication,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A child born in 1940 is due: after a confirmation that says what happens (and that
    it cannot be undone) the record is erased and no longer listed.  A Dropbox folder is
    refused with R5 in the core's words; a council folder is added, then removed."""
    with as_(face_vault, SOCIAL) as s:
        old = s.children.add(
            name="Olive Oldrecord",
            date_of_birth=date(1940, 2, 1),
            care_status=CareStatus.LOOKED_AFTER,
            key_workers=[KEY.name],
        )
    share = tmp_path / "council-share"
    dropbox = share / "Dropbox" / "photos"
    dropbox.mkdir(parents=True)
    admin = Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password)
    try:
        review = RetentionReview(admin)
        qtbot.addWidget(review)
        with qtbot.waitSignals([review.loaded, review.locations.loaded], timeout=20_000):
            review.show()
        assert old.id in review.model.child_ids
        assert unnamed(review) == [] and mnemonic_clashes(review) == {}
        assert review.select_child(old.id)
        message_boxes.answer = QMessageBox.StandardButton.Yes
        with qtbot.waitSignals([review.erased, review.loaded], timeout=30_000):
            review.erase_button.click()
        [(_kind, _title, question)] = message_boxes.calls
        for words in ("crypto-shredded", "face data", "audit log", "cannot be undone"):
            assert words in question
        assert old.id not in review.model.child_ids
        assert (
            "was erased" in review.message.text() and "audit entry remains" in review.message.text()
        )

        panel = review.locations
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(dropbox))
        with qtbot.waitSignal(panel.refused, timeout=20_000):
            panel.add_button.click()
        assert "R5" in panel.message.text() and "cloud-sync" in panel.message.text()
        assert panel.model.rowCount() == 0
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(share))
        panel.label_edit.setText("Case records")
        with qtbot.waitSignal(panel.changed, timeout=20_000):
            panel.add_button.click()
        assert panel.model.paths == [str(share.resolve())]
        panel.table.selectRow(0)
        with qtbot.waitSignal(panel.changed, timeout=20_000):
            panel.remove_button.click()
        assert panel.model.rowCount() == 0
    finally:
        settle(qapp)
        admin.close()
