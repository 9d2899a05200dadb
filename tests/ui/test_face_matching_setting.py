"""Face matching on or off (R13) and its threshold, on the Admin page; and the import
dialog, where faces are always found (R11) and matching starts as the vault's setting."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from sefton_photos.model import FaceStatus, Purpose
from sefton_photos.session import Session
from tests.helpers import ADMIN, SOCIAL, Person
from tests.ui.helpers import clashes, unnamed
from tests.ui.photo_support import children, copy_in, import_now, keeping, signed_in
from ui.dialogs.import_photos import ImportDialog
from ui.models.faces import REJECTED, SOMEONE_ELSE
from ui.views.admin import AdminPage
from ui.views.admin_faces import FaceMatchingTab
from ui.views.face_review import FaceReview
from ui.widgets.capture_form import MATCH_OFF, MATCH_ON


@pytest.fixture
def kept(qapp: QApplication) -> Iterator[list[object]]:
    with keeping(qapp) as objects:
        yield objects


def _tab(qtbot: QtBot, session: Session) -> FaceMatchingTab:
    tab = FaceMatchingTab(session)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.refresh()
    return tab


def test_admin_turns_matching_off_and_sets_the_threshold(
    qtbot: QtBot, admin_session: Session
) -> None:
    page = AdminPage(admin_session)
    qtbot.addWidget(page)
    page.show()
    page.tabs.setCurrentWidget(page.faces_tab)
    tab = page.faces_tab
    qtbot.waitUntil(lambda: tab.state.text() != "", timeout=10_000)
    assert clashes(page) == []
    assert unnamed(tab) == [], "every control is named"
    now = admin_session.faces.settings()
    assert tab.enabled_box.isChecked() is now.enabled
    assert tab.threshold.value() == pytest.approx(now.threshold)
    assert tab.state.text() == f"Face matching is on, with a threshold of {now.threshold:.2f}."

    tab.threshold.setValue(0.45)
    with qtbot.waitSignal(tab.saved, timeout=10_000) as saved:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [True, 0.45]
    assert admin_session.faces.settings().threshold == pytest.approx(0.45)

    tab.enabled_box.setChecked(False)
    assert not tab.threshold.isEnabled()
    with qtbot.waitSignal(tab.saved, timeout=10_000):
        tab.save_button.click()
    assert admin_session.faces.settings().enabled is False
    assert tab.message.text().startswith("Saved. Face matching is off: every face is still found")

    again = _tab(qtbot, admin_session)
    assert not again.enabled_box.isChecked()
    assert again.threshold.value() == pytest.approx(0.45)


def test_a_refusal_of_the_core_is_shown_in_its_words(
    qtbot: QtBot, open_session: Callable[[Person], Session]
) -> None:
    """Only an administrator changes it: the core refuses anyone else, in its words."""
    social = open_session(SOCIAL)
    tab = _tab(qtbot, social)
    tab.enabled_box.setChecked(False)
    op = tab.save()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert tab.message.kind == "error" and tab.message.text()
    with pytest.raises(Exception) as refused:
        social.faces.set_settings(enabled=False)
    assert tab.message.text() == str(refused.value)
    assert social.faces.settings().enabled is True


def _dialog(qtbot: QtBot, kept: list[object], session: Session, child: int) -> ImportDialog:
    dialog = ImportDialog(session, child_ids=[child], workers=0)
    qtbot.addWidget(dialog)
    kept.append(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.show()
    return dialog


def test_the_import_always_finds_faces_and_matching_follows_the_vault(
    qtbot: QtBot,
    kept: list[object],
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    qapp: QApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Matching unticked: the face is still found (R11) but suggested as no one (R13).
    With the vault's matching off the box is off, disabled, and the form says why."""
    child = children(face_vault)["person-a"]
    with signed_in(face_vault, qapp) as social:
        dialog = _dialog(qtbot, kept, social, child)
        form = dialog.form
        assert form.match_box.isChecked() and form.match_box.isEnabled()
        assert form.match_explain.text() == MATCH_ON
        assert "Find faces" not in form.match_box.text()
        form.match_box.setChecked(False)
        card = tmp_path / "card"
        copy_in(["person-a_2.jpg"], faces_dir, card)
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(card))
        form.folder_button.click()
        assert form.set_purpose(Purpose.LIFE_STORY)
        form.purpose_edit.setText("Memory book of the summer")
        with qtbot.waitSignal(dialog.checked, timeout=10_000):
            form.attest_box.setChecked(True)
        assert form.inputs().match_faces is False
        with qtbot.waitSignal(dialog.import_finished, timeout=60_000) as finished:
            dialog.import_button.click()
        report = finished.args[0]
        (outcome,) = report.outcomes
        assert len(outcome.faces) == 1, "the face is found so it can be blurred (R11)"
        assert outcome.faces[0].status == "unknown" and outcome.faces[0].child_id is None
        (face,) = social.photos.info(photo_id=outcome.photo_id).faces
        assert face.child_id is None
        assert dialog.faces_to_review() == [outcome.photo_id], "every face is reviewed (R11)"
        dialog.reject()

    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.faces.set_settings(enabled=False)
    with signed_in(face_vault, qapp) as social:
        dialog = _dialog(qtbot, kept, social, child)
        form = dialog.form
        assert not form.match_box.isChecked() and not form.match_box.isEnabled()
        assert form.match_explain.text() == MATCH_OFF
        assert form.match_box.accessibleDescription() == MATCH_OFF
        assert form.inputs().match_faces is False
        dialog.reject()


def test_a_face_of_another_child_on_file_can_be_marked_reviewed(
    qtbot: QtBot, kept: list[object], face_vault: Path, faces_dir: Path, qapp: QApplication
) -> None:
    """Child B in a capture of child A alone: "someone else on file", stays blurred; it
    is marked reviewed as "Not a consented child" (a rejection, R11) and can be undone."""
    ids = children(face_vault)
    with signed_in(face_vault, qapp) as social:
        paths = copy_in(["group_a-b.jpg"], faces_dir, face_vault.parent / "card")
        report = import_now(social, [ids["person-a"]], paths, detect_faces=True)
        review = FaceReview(social)
        qtbot.addWidget(review)
        kept.append(review)
        review.show()
        with qtbot.waitSignal(review.loaded, timeout=10_000):
            review.set_photo(report.outcomes[0].photo_id)
        other = next(r for r in review.rows.values() if r.face.status is FaceStatus.OTHER_CHILD)
        qtbot.waitUntil(other.isVisible)
        assert other.words.text() == f"Face {other.number}: {SOMEONE_ELSE} (R11)."
        assert other.reviewed_button.isVisible() and not other.confirm_button.isVisible()
        with qtbot.waitSignal(review.reviewed, timeout=10_000) as reviewed:
            qtbot.mouseClick(other.reviewed_button, Qt.MouseButton.LeftButton)
        assert reviewed.args[0].status is FaceStatus.REJECTED and reviewed.args[0].reviewed
        assert other.words.text() == f"Face {other.number}: {REJECTED} (R11)."
        with qtbot.waitSignal(review.reviewed, timeout=10_000) as undone:
            qtbot.mouseClick(other.undo_button, Qt.MouseButton.LeftButton)
        assert undone.args[0].status is FaceStatus.OTHER_CHILD
        assert other.reviewed_button.isVisible()
        review.on_locked()
