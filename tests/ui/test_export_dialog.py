"""The export dialog over a real vault: the decision per photo is shown BEFORE anything
is written; an allowed case record export writes a clean file under a neutral name into
the approved folder; a social networking export of a child in foster care is REFUSED
with R9 and policy 5.5.4.10 in words and writes nothing (R5, R9, R14)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
)
from pytestqt.qtbot import QtBot

from sefton_photos.decisions import Decision, Reason
from sefton_photos.model import CareStatus, Destination, ExportOutcome, ExportProgress
from sefton_photos.session import Session
from tests.helpers import ADMIN, COMMS, SOCIAL, as_, import_photo
from tests.ui.export_support import mnemonic_clashes
from tests.ui.helpers import unnamed
from tests.ui.photo_support import children, signed_in
from ui.dialogs.export_photos import ExportDialog
from ui.models.export_rows import ExportRowsModel, RefusalsModel, photos_words
from ui.widgets.choices import choose
from ui.widgets.location_choice import CHOOSE, LocationCombo

NEUTRAL = re.compile(r"^sefton-\d{6}-\d{3}\.jpg$")
R9 = Reason("R9", "5.5.4.10", "Never on social networking sites")
R5_MET = Reason("R5", "5.5.4.5", "The case record is always open", met=True)


@pytest.fixture
def world(face_vault: Path, tmp_path: Path) -> dict[str, object]:
    """An approved council folder (added by the administrator) and the children's ids."""
    share = tmp_path / "export-share"
    share.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=share, label="Case records")
    return {"vault": face_vault, "share": share, "ids": children(face_vault)}


def open_dialog(qtbot: QtBot, session: Session, child: int, photos: list[int]) -> ExportDialog:
    """The dialog, once the locations are listed and the first check has answered."""
    dialog = ExportDialog(session, child_id=child, photo_ids=photos, child_name="Child A")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=20_000):
        dialog.show()
    return dialog


def test_rows_model_says_allowed_refused_and_exported_in_words(qtbot: QtBot) -> None:
    """Without a view: verdict words per photo, the reason lines, outcomes with the neutral
    file name, and the refusals list naming rule and clause."""
    model = ExportRowsModel([7, 8])
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.index(0, 1).data() == "Not checked yet"
    model.checking()
    assert model.index(1, 1).data() == "Checking…"
    model.set_preview([(7, Decision(True, (R5_MET,))), (8, Decision(False, (R9,)))])
    assert [model.index(r, 1).data() for r in range(2)] == ["ALLOWED", "REFUSED"]
    assert [model.index(r, 2).data() for r in range(2)] == [
        "Will be exported",
        "Will not be exported",
    ]
    assert model.allowed_ids() == [7]
    assert any("R9 (policy 5.5.4.10) NOT MET" in line for line in model.lines())
    model.set_outcome(
        ExportOutcome(7, "exported", "/x/sefton-000003-001.jpg", Decision(True, (R5_MET,)), 1)
    )
    assert model.index(0, 2).data() == "Exported as sefton-000003-001.jpg (1 face blurred)"
    assert model.exported_files() == [Path("/x/sefton-000003-001.jpg")]
    refusals = RefusalsModel()
    refusals.set_rows(model.refused_rows())
    assert refusals.lines() == [
        "Photo 2 of 2: R9 (policy 5.5.4.10): Never on social networking sites."
    ]
    model.clear()
    assert model.rowCount() == 0
    assert photos_words([1, 2, 5], 6) == "Photos 1, 2 and 5 of 6"


def test_location_combo_offers_sub_folders_and_keeps_the_choice_on_cancel(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Approved locations as "label — folder"; "Choose a sub-folder…" adds the folder picked
    and chooses it; cancelling the chooser goes back to the folder chosen before."""
    combo = LocationCombo("Folder")
    qtbot.addWidget(combo)
    assert not combo.isEnabled() and combo.folder() is None
    combo.set_locations([(1, "Case records", str(tmp_path))])
    assert combo.isEnabled() and combo.folder() == tmp_path
    assert combo.itemText(0) == f"Case records — {tmp_path}" and combo.itemText(1) == CHOOSE
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    combo.setCurrentIndex(1)
    assert combo.folder() == tmp_path and combo.currentIndex() == 0
    sub = tmp_path / "2026"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(sub))
    with qtbot.waitSignal(combo.folder_changed) as changed:
        combo.setCurrentIndex(combo.findText(CHOOSE))
    assert changed.args == [sub] and combo.folder() == sub
    combo.set_locations([])
    assert not combo.isEnabled() and combo.folder() is None


def test_case_record_export_is_allowed_and_writes_a_neutral_file(
    qtbot: QtBot, world: dict, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Case record of one photo: ALLOWED before anything is written, then the file is in
    the approved folder under a neutral name, and the dialog says so."""
    share, child = world["share"], world["ids"]["person-a"]
    photo = import_photo(
        world["vault"], faces_dir, tmp_path, [child], "person-a_2.jpg", faces=False
    )
    with signed_in(world["vault"], qapp) as social:
        dialog = open_dialog(qtbot, social, child, [photo])
        assert dialog.chosen_destination() is Destination.CASE_RECORD
        assert unnamed(dialog) == [] and mnemonic_clashes(dialog) == {}
        assert dialog.model.index(0, 1).data() == "ALLOWED"
        assert "Folder ALLOWED" in dialog.text()
        assert list(share.iterdir()) == []  # the check wrote nothing
        assert dialog.export_button.isEnabled()
        with qtbot.waitSignal(dialog.exported, timeout=20_000) as done:
            dialog.export_button.click()
    [outcome] = done.args[0]
    written = list(share.iterdir())
    assert len(written) == 1 and NEUTRAL.match(written[0].name)
    assert outcome.status == "exported" and Path(outcome.file) == written[0]
    assert f"Exported as {written[0].name}" in dialog.text()
    assert written[0].read_bytes()[:2] == b"\xff\xd8"
    assert not dialog.export_button.isEnabled()  # no second copy by a second Enter


def test_social_network_for_a_child_in_foster_care_is_refused_with_r9(
    qtbot: QtBot, world: dict, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Even approved by a communications officer: REFUSED with R9 and 5.5.4.10 in the
    dialog's words, Export stays disabled and nothing is written."""
    vault, share, child = world["vault"], world["share"], world["ids"]["person-b"]
    with as_(vault, ADMIN) as admin:
        admin.users.add(name=COMMS.name, role=COMMS.role, password=COMMS.password)
    with as_(vault, SOCIAL) as s:
        s.children.set_care_status(child_id=child, care_status=CareStatus.FOSTER)
    photo = import_photo(vault, faces_dir, tmp_path, [child], "person-b_2.jpg", faces=False)
    with as_(vault, COMMS) as comms:
        comms.exports.approve(photo_id=photo, destination=Destination.SOCIAL_NETWORK)
    with signed_in(vault, qapp) as social:
        dialog = open_dialog(qtbot, social, child, [photo])
        with qtbot.waitSignal(dialog.checked, timeout=20_000):
            choose(dialog.destination, Destination.SOCIAL_NETWORK)
        text = dialog.text()
        assert dialog.model.index(0, 1).data() == "REFUSED"
        assert "R9" in text and "5.5.4.10" in text and "Nothing can be exported" in text
        assert dialog.results.refusals_pane.isVisible() and dialog.results.refusals.rowCount() >= 1
        assert not dialog.export_button.isEnabled()
        assert dialog.export() is None
    assert list(share.iterdir()) == []


def test_a_dropbox_sub_folder_is_refused_and_print_uses_the_exported_copy(
    qtbot: QtBot,
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "Choose a sub-folder…" inside a Dropbox folder: the folder is REFUSED with R5 before
    anything is written.  Back in the approved folder, the print destination exports the
    clean copy and "Print…" prints that copy (the print dialog is stubbed)."""
    share, child = world["share"], world["ids"]["person-c"]
    # Faces detected: a print leaves the vault, so a never-checked photo is refused (R11).
    photo = import_photo(world["vault"], faces_dir, tmp_path, [child], "person-c_2.jpg")
    dropbox = share / "Dropbox" / "photos"
    dropbox.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(dropbox))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with signed_in(world["vault"], qapp) as social:
        dialog = open_dialog(qtbot, social, child, [photo])
        with qtbot.waitSignal(dialog.checked, timeout=20_000):
            dialog.folder.setCurrentIndex(dialog.folder.findText(CHOOSE))
        assert dialog.folder.folder() == dropbox
        assert "Folder REFUSED" in dialog.text() and "R5" in dialog.text()
        assert not dialog.export_button.isEnabled()
        with qtbot.waitSignal(dialog.checked, timeout=20_000):
            dialog.folder.setCurrentIndex(0)
        with qtbot.waitSignal(dialog.checked, timeout=20_000):
            choose(dialog.destination, Destination.PRINT)
        assert dialog.print_button.isVisibleTo(dialog) and not dialog.print_button.isEnabled()
        with qtbot.waitSignal(dialog.exported, timeout=20_000):
            dialog.export_button.click()
    [copy] = [p for p in share.iterdir() if p.is_file()]
    assert dialog.printable == [copy] and dialog.print_button.isEnabled()
    pdf = tmp_path / "printed.pdf"
    dialog.printer.setOutputFileName(str(pdf))
    assert dialog.print_exported() == 1
    assert pdf.read_bytes()[:4] == b"%PDF"
    assert list(dropbox.iterdir()) == []


def test_ticking_blur_checks_again_and_a_photo_never_checked_for_faces_is_refused(
    qtbot: QtBot, world: dict, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Issue 10 (R11, policy 5.5.1, 5.5.2): the preview is the decision the export will
    make, blur included; a blur that cannot be done (faces never looked for) is REFUSED."""
    child = world["ids"]["person-c"]
    photo = import_photo(
        world["vault"], faces_dir, tmp_path, [child], "person-c_2.jpg", faces=False
    )
    with signed_in(world["vault"], qapp) as social:
        dialog = open_dialog(qtbot, social, child, [photo])
        assert dialog.model.allowed_ids() == [photo]  # the case record, unblurred
        with qtbot.waitSignal(dialog.checked, timeout=20_000):
            dialog.blur.setChecked(True)
        assert dialog.model.allowed_ids() == []
        assert "R11" in dialog.text() and f"photo detect-faces {photo}" in dialog.text()
        assert not dialog.export_button.isEnabled()


def test_the_preview_shows_the_chosen_photo_blurred_as_it_will_be_written(
    qtbot: QtBot, world: dict, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    """Issue 11 (R11): an unconfirmed face is blurred in the preview for the life story book
    and sharp for the case record; the words say which, and the picture is the core's."""
    child = world["ids"]["person-a"]
    photo = import_photo(world["vault"], faces_dir, tmp_path, [child], "person-a_3.jpg")
    with signed_in(world["vault"], qapp) as social:
        dialog = open_dialog(qtbot, social, child, [photo])
        qtbot.waitUntil(lambda: dialog.preview.view is not None, timeout=20_000)
        assert dialog.preview.view is not None and dialog.preview.view.blurred == 0
        assert "no face is blurred" in dialog.text()
        with qtbot.waitSignal(dialog.preview.shown, timeout=20_000):
            dialog.destination.choose(Destination.LIFE_STORY_BOOK)
        view = dialog.preview.view
        assert view is not None and view.allowed and view.blurred == 1
        assert "1 face blurred" in dialog.text() and "R11" in dialog.text()
        assert dialog.preview.image.pixmap() is not None
        assert not dialog.preview.image.pixmap().isNull()
        assert unnamed(dialog) == [] and mnemonic_clashes(dialog) == {}
        dialog.done(0)
        assert dialog.preview.view is None  # nothing kept after closing


def test_the_dialog_exports_in_one_call_and_cancel_stops_between_photos(
    qtbot: QtBot,
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 13: Export makes one ``exports.run`` call for every photo, its progress moving
    the bar; Cancel (pressed after the first photo, while the core waits) stops before the
    second: the first stays written and the dialog says the others were not exported."""
    share, child = world["share"], world["ids"]["person-a"]
    photos = [
        import_photo(world["vault"], faces_dir, tmp_path, [child], f"person-a_{n}.jpg", faces=False)
        for n in (2, 3, 4)
    ]
    with signed_in(world["vault"], qapp) as social:
        calls: list[list[int]] = []
        run = social.exports.run

        def one_call(**kw: Any) -> list[ExportOutcome]:
            calls.append(list(kw["photo_ids"]))
            told, cancel = kw["progress"], kw["cancel"]

            def progress(p: ExportProgress) -> None:
                told(p)
                if p.done == 1:  # hold the worker until the person's Cancel has arrived
                    assert cancel.wait(20)

            return run(**{**kw, "progress": progress})

        monkeypatch.setattr(social.exports, "run", one_call)
        dialog = open_dialog(qtbot, social, child, photos)
        seen: list[int] = []

        def press_cancel(value: int) -> None:  # on the GUI thread, as the bar moves
            if value > 0:
                seen.append(value)
                assert dialog.cancel_button.isVisible() and dialog.cancel_button.isEnabled()
                dialog.cancel_button.click()

        dialog.progress.valueChanged.connect(press_cancel)
        with qtbot.waitSignal(dialog.exported, timeout=30_000) as done:
            dialog.export_button.click()
    assert calls == [photos] and seen == [1]
    [outcome] = done.args[0]
    assert outcome.photo_id == photos[0] and outcome.status == "exported"
    assert [p.name for p in share.iterdir()] == [Path(outcome.file).name]
    assert "Cancelled: 1 photo exported" in dialog.text()
    assert "2 other photos not exported" in dialog.text()
    assert not dialog.cancel_button.isVisible() and dialog.close_button.isEnabled()
