"""The Supervision page against a real vault (R10, policy 5.5.3.2): queue → note → sealed.

Captures are made through the core as Kim Key would make them; the page is then
driven as Mo Manager, as Kim Key and as Mo Manager again, one session at a time
(the vault admits one).  Nothing of the session or the vault is mocked; only the
system's save dialog is replaced.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import ADMIN, KEY, MANAGER, MANAGER2, SOCIAL, SOCIAL2, Person
from tests.ui import supervision_support as support
from ui.dialogs.export_record import ExportRecordDialog
from ui.dialogs.note_text import NoteTextDialog
from ui.dialogs.supervision_note import SupervisionNoteDialog
from ui.models.queue import DATE
from ui.models.supervision import SEALED
from ui.views.supervision import NOT_YOURS, SupervisionPage

WAIT = 10_000
MENU_KEYS = {"f", "g", "h"}  # the main window's File, Go and Help menus
SEALED_WORDS = "Both have acknowledged this note, so it is never changed: add an addendum instead."


@pytest.fixture
def people(qapp: QApplication) -> Iterator[support.Sessions]:
    with support.sessions() as keeper:
        yield keeper


@pytest.fixture
def team(
    face_template: Path,
    faces_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> Path:
    return support.team_vault(face_template, faces_dir, tmp_path_factory, tmp_path)


def page_for(
    qtbot: QtBot, people: support.Sessions, vault: Path, person: Person
) -> SupervisionPage:
    page = people.keep(SupervisionPage(people.sign_in(vault, person)))
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=WAIT)
    return page


def fill_note(qtbot: QtBot, dialog: SupervisionNoteDialog, due: date) -> None:
    qtbot.keyClicks(dialog.text_edit, "Talked through the football photos; consent checked.")
    qtbot.keyClicks(dialog.action_edit, "Share the photos with the carer")
    dialog.due_edit.setDate(QDate(due.year, due.month, due.day))
    qtbot.keyClick(dialog.action_edit, Qt.Key.Key_Return)  # Enter adds, it does not save


def test_a_whole_supervision_session_from_capture_to_sealed_note(
    qtbot: QtBot,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    people: support.Sessions,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Kim Key's two captures reach Mo Manager; one is ticked and recorded in a note with
    an action; both acknowledge it and it is sealed; an edit is then refused in the core's
    words, an addendum is added, and the record is exported as a PDF."""
    support.capture(face_vault, faces_dir, tmp_path / "cards", KEY, support.KEY_SHOTS)
    (tmp_path / "records").mkdir()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=tmp_path / "records")  # R5: records go to approved folders

    # -- Mo Manager records the session ------------------------------------------------------
    page = page_for(qtbot, people, face_vault, MANAGER)
    assert page.select_worker(KEY.name)
    workers = {w.name: w for w in page.workers_model.workers}
    assert workers[KEY.name].open_items == 2
    assert workers[SOCIAL.name].open_items == 0
    model = page.queue.model
    assert model.rowCount() == 2
    first, second = model.items
    with qtbot.waitSignal(page.queue.thumbnails_loaded, timeout=WAIT):
        page.queue.table.selectRow(0)
    assert page.queue.thumbs_model.loaded_ids() == list(first.photo_ids)
    pictures = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".jpg", ".png")]
    assert pictures == [], "no decrypted picture is ever written (R8)"

    page.queue.table.setFocus()
    page.queue.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(page.queue.table, Qt.Key.Key_Space)  # ticks the item from the keyboard
    assert model.ticked_ids() == [first.id]
    assert page.queue.ticked_label.text() == "1 of 2 ticked"

    qtbot.mouseClick(page.queue.session_button, Qt.MouseButton.LeftButton)
    dialog = page.note_dialog
    assert dialog is not None and dialog.isVisible()
    assert [i.id for i in dialog.items] == [first.id]
    due = date.today() + timedelta(days=10)
    fill_note(qtbot, dialog, due)
    assert dialog.isVisible() and dialog.actions_model.actions() == [
        ("Share the photos with the carer", due)
    ]
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [i.id for i in model.items] == [second.id], "the recorded item left the queue"
    assert page.notes.model.rowCount() == 1
    note = page.notes.model.note_at(0)
    assert note.item_ids == (first.id,)
    assert page.notes.model.status_of(0) == f"Awaiting {KEY.name}'s acknowledgement and yours"
    assert page.notes.selected_note() == note
    assert "Share the photos with the carer" in page.notes.detail.toPlainText()

    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.notes.ack_button, Qt.MouseButton.LeftButton)
    assert page.notes.model.status_of(0) == f"Awaiting {KEY.name}'s acknowledgement"
    assert not page.notes.ack_button.isEnabled()
    stored = page.session.supervision.note(note_id=note.id)
    assert stored.manager_ack_at is not None and stored.worker_ack_at is None
    assert [(a.text, a.due_on) for a in stored.actions] == [
        ("Share the photos with the carer", due)
    ]

    # -- Kim Key acknowledges and adds an addendum ---------------------------------------------
    page = page_for(qtbot, people, face_vault, KEY)
    assert page.queue.model.checkable is False and page.queue.model.columnCount() == 7
    assert [i.id for i in page.queue.model.items] == [second.id]
    assert page.notes.model.status_of(0) == "Awaiting your acknowledgement"
    assert "1 waiting for you" in page.notes.heading.text()
    assert page.notes.select_note(note.id)
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(page.notes.ack_button, Qt.MouseButton.LeftButton)
    assert page.notes.model.status_of(0) == SEALED == "Acknowledged by both — sealed"
    assert "now sealed" in page.message.text()
    assert not page.notes.edit_button.isVisible(), "a worker never edits the manager's note"

    qtbot.mouseClick(page.notes.addendum_button, Qt.MouseButton.LeftButton)
    addendum = page.notes.dialog
    assert isinstance(addendum, NoteTextDialog)
    qtbot.keyClicks(addendum.text_edit, "The carer has had the photos.")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        qtbot.mouseClick(addendum.save_button, Qt.MouseButton.LeftButton)
    assert "Addendum by Kim Key" in page.notes.detail.toPlainText()

    # -- Mo Manager: an edit is refused, an addendum is added, the record is exported --------------
    page = page_for(qtbot, people, face_vault, MANAGER)
    assert page.select_worker(KEY.name) and page.notes.select_note(note.id)
    assert not page.notes.edit_button.isEnabled(), "sealed: Edit… is offered no more"
    edit = page.notes.open_edit_dialog()
    assert edit is not None
    edit.text_edit.setPlainText("Rewritten history")
    edit.submit()
    assert edit.current_op is not None
    with qtbot.waitSignal(edit.current_op.finished, timeout=WAIT):
        pass
    assert edit.isVisible() and edit.message.kind == "error"
    assert edit.message.text() == SEALED_WORDS
    assert page.session.supervision.note(note_id=note.id).text.startswith("Talked through")
    edit.reject()

    page.notes.open_addendum_dialog()
    addendum = page.notes.dialog
    assert isinstance(addendum, NoteTextDialog)
    addendum.text_edit.setPlainText("Seen again in the next session.")
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        addendum.submit()
    chosen = page.notes.selected_note()
    assert chosen is not None and [a.author for a in chosen.addenda] == [KEY.name, MANAGER.name]

    out = tmp_path / "records" / "kim.pdf"
    asked: list[str] = []

    def save_as(_parent: object, title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(out), "PDF document (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    qtbot.mouseClick(page.notes.export_button, Qt.MouseButton.LeftButton)
    export = page.notes.dialog
    assert isinstance(export, ExportRecordDialog)
    with qtbot.waitSignal(page.notes.exported, timeout=WAIT):
        qtbot.mouseClick(export.export_button, Qt.MouseButton.LeftButton)
    assert asked and "supervision-record-kim-key-" in asked[0]
    assert out.read_bytes().startswith(b"%PDF")
    assert str(out) in page.message.text()


def test_an_empty_note_is_refused_in_words_and_nothing_leaves_the_queue(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """Saving with nothing written: the core's words stay in the open dialog; the queue keeps
    its items and no note is stored."""
    page = page_for(qtbot, people, team, MANAGER)
    assert page.select_worker(KEY.name)
    page.queue.model.tick_all(True)
    dialog = page.open_session_dialog()
    assert dialog is not None
    assert len(dialog.items) == 2 and dialog.items_model.rowCount() == 2
    dialog.submit()
    assert dialog.current_op is not None
    with qtbot.waitSignal(dialog.current_op.finished, timeout=WAIT):
        pass
    assert dialog.isVisible()
    assert dialog.message.text() == "Write what was discussed."
    assert dialog.message.accessibleDescription() == "Error: Write what was discussed."
    assert page.session.supervision.notes() == []
    assert len(page.session.supervision.queue(worker=KEY.name)) == 2
    dialog.reject()
    assert not dialog.isVisible()


def test_a_manager_of_another_team_sees_none_of_these_items(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """Lee Leader's page lists only Lee's own team, with nothing open, and no notes."""
    page = page_for(qtbot, people, team, MANAGER2)
    assert [w.name for w in page.workers_model.workers] == [SOCIAL2.name]
    assert page.workers_model.workers[0].open_items == 0
    assert page.snapshot is not None and page.snapshot.items == []
    assert not page.select_worker(KEY.name)
    assert page.queue.model.rowCount() == 0 and page.notes.model.rowCount() == 0


def test_a_worker_sees_only_their_own_items_read_only(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """Sam Social sees the one item about Sam's capture, with no tick column and no
    session, edit or export buttons."""
    page = page_for(qtbot, people, team, SOCIAL)
    model = page.queue.model
    assert [i.worker for i in model.items] == [SOCIAL.name]
    assert model.columnCount() == 7 and model.headerData(0, Qt.Orientation.Horizontal) == "Date"
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not page.queue.session_button.isVisibleTo(page)
    assert not page.notes.edit_button.isVisibleTo(page)
    assert not page.notes.export_button.isVisibleTo(page)
    assert page.tabs is None and page.dashboard is None
    assert page.queue.heading.text() == "Items raised about my captures (1 open)"


def test_lock_forgets_every_item_picture_and_dialog(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """On lock the models are emptied (not just hidden) and the open dialog is closed; on
    unlock the page loads again."""
    page = page_for(qtbot, people, team, MANAGER)
    assert page.select_worker(KEY.name)
    with qtbot.waitSignal(page.queue.thumbnails_loaded, timeout=WAIT):
        page.queue.table.selectRow(0)
    assert page.queue.thumbs_model.loaded_ids()
    dialog = page.open_session_dialog()
    assert dialog is not None and dialog.isVisible()
    page.on_locked()
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert page.workers_model.rowCount() == 0
    assert page.queue.model.rowCount() == 0
    assert page.queue.thumbs_model.rowCount() == 0 and not page.queue.thumbs_model.loaded_ids()
    assert page.notes.model.rowCount() == 0 and page.notes.detail.toPlainText() == ""
    assert page.snapshot is None
    with qtbot.waitSignal(page.loaded, timeout=WAIT):
        page.on_unlocked()
    assert page.select_worker(KEY.name) and page.queue.model.rowCount() == 2


def test_the_page_is_named_and_reachable_by_keyboard(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """Every control has an accessible name; no two visible controls share an Alt key;
    the note dialog too; dates are words for a screen reader."""
    page = page_for(qtbot, people, team, MANAGER)
    assert page.select_worker(KEY.name)
    assert support.unnamed(page) == []
    keys = support.mnemonics(page)
    assert {"w", "i", "s", "a", "d", "x", "q", "b"} <= set(keys)
    assert len(keys) == len(set(keys)), sorted(keys)
    assert not MENU_KEYS & set(keys), "Alt+F, Alt+G and Alt+H open the main window's menus"
    assert page.tabs is not None and page.dashboard is not None
    with qtbot.waitSignal(page.dashboard.loaded, timeout=WAIT):
        page.tabs.setCurrentWidget(page.dashboard)
    keys = support.mnemonics(page)
    assert {"m", "t", "u", "w", "a", "e", "l", "p", "q", "b"} <= set(keys)
    assert len(keys) == len(set(keys)) and not MENU_KEYS & set(keys), sorted(keys)
    page.tabs.setCurrentIndex(0)
    dialog = page.open_session_dialog()
    assert dialog is not None
    assert support.unnamed(dialog) == []
    keys = support.mnemonics(dialog)
    assert {"d", "w", "t", "y", "a", "s"} <= set(keys)
    assert len(keys) == len(set(keys)), sorted(keys)
    assert dialog.save_button.isDefault()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    model = page.queue.model
    spoken = model.data(model.index(0, model.column_of(DATE)), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{date.today().day} {date.today():%B %Y}"


def test_administrators_are_told_supervision_is_not_theirs(
    qtbot: QtBot, admin_session: Session
) -> None:
    """An administrator's page is one plain sentence; it asks the vault nothing."""
    assert admin_session.user.name == ADMIN.name
    page = SupervisionPage(admin_session)
    qtbot.addWidget(page)
    assert page.sentence.text() == NOT_YOURS
    assert "line managers" in NOT_YOURS
    assert page.tabs is None and not hasattr(page, "queue")
    page.on_locked()
    page.on_unlocked()
    assert page.snapshot is None
