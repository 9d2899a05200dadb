"""The Children page against a real vault: the list, the file, its dialogs, the check.

Nothing of the session is mocked; only QFileDialog (and QMessageBox, in conftest)
are stubbed, and dialogs are driven without exec().  Waits are on signals.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose
from tests.helpers import KEY, KEY2, SOCIAL, ready_child
from tests.ui.helpers import (
    CHILD,
    Opener,
    children_page,
    column_texts,
    open_child,
    refused,
    run_check,
    save_and_reload,
    wait_idle,
)
from ui.dialogs.add_child import AddChildDialog
from ui.dialogs.add_consent import AddConsentDialog
from ui.dialogs.child_records import AddPersonDialog, RecordExplanationDialog, RecordWishDialog
from ui.dialogs.vault_form import set_date
from ui.dialogs.view_form import FormViewerDialog
from ui.dialogs.withdraw_consent import WithdrawConsentDialog
from ui.views.consent_check import ConsentCheckPanel


def _stub_file_dialog(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent: object, caption: str, *_a: object) -> tuple[str, str]:
        asked.append(caption)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    return asked


def _unnamed(root: QWidget) -> list[str]:
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)
    missing = []
    for kind in kinds:
        for widget in root.findChildren(kind):
            owner, inner = widget.parentWidget(), False
            while owner is not None:
                inner = inner or isinstance(owner, (*kinds[2:], QTabBar))
                owner = owner.parentWidget()
            if not inner and not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


# -- the list --------------------------------------------------------------------------------


def test_the_list_shows_only_allocated_children(qtbot: QtBot, open_session: Opener) -> None:
    """Need-to-know: Sam sees the child with its care status in words; Kai (unallocated) none."""
    social = open_session(SOCIAL)
    ready_child(social)
    page = children_page(qtbot, social)
    assert page.model.names() == [CHILD]
    badge = page.model.data(page.model.index(0), page.model.BadgeRole)
    assert badge == "Foster"
    assert "Foster" in page.model.data(page.model.index(0))
    page.on_locked()
    social.close()

    other = children_page(qtbot, open_session(KEY2))
    assert other.model.rowCount() == 0
    assert other.empty_label.isVisible()
    assert "No children are allocated to you" in other.empty_label.text()
    assert not other.new_button.isEnabled()  # key workers do not open files


def test_search_narrows_the_list(qtbot: QtBot, open_session: Opener) -> None:
    """Typing part of a name and pressing Enter lists only the matching children."""
    social = open_session(SOCIAL)
    ready_child(social)
    social.children.add(
        name="Alex Other", date_of_birth=date(2015, 1, 2), care_status=CareStatus.LOOKED_AFTER
    )
    page = children_page(qtbot, social)
    assert page.model.names() == ["Alex Other", CHILD]
    page.search_edit.setText("tessel")
    with qtbot.waitSignal(page.children_loaded, timeout=10_000):
        qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert page.model.names() == [CHILD]
    page.search_edit.setText("nobody-like-this")
    with qtbot.waitSignal(page.children_loaded, timeout=10_000):
        page.refresh()
    assert page.model.rowCount() == 0
    assert "nobody-like-this" in page.empty_label.text()


def test_open_a_new_file_through_the_dialog(qtbot: QtBot, open_session: Opener) -> None:
    """Open a new file… → name, birth, status, key worker → the file is in the vault and open."""
    social = open_session(SOCIAL)
    page = children_page(qtbot, social)
    assert page.model.rowCount() == 0
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.add_dialog
    assert isinstance(dialog, AddChildDialog) and dialog.isVisible()
    assert dialog.key_model.names == sorted([KEY.name, KEY2.name])
    dialog.submit()  # nothing filled in: a typing check, no call into the vault
    assert dialog.current_op is None and "child's name" in dialog.message.text()
    dialog.name_edit.setText("Sky Newfile")
    set_date(dialog.born_edit, date(2016, 8, 9))
    dialog.set_care_status(CareStatus.LOOKED_AFTER)
    assert dialog.key_model.set_checked(KEY.name)
    with qtbot.waitSignal(page.file_view.file_loaded, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    child = social.children.list()[0]
    assert (child.name, child.date_of_birth) == ("Sky Newfile", date(2016, 8, 9))
    assert child.social_worker == SOCIAL.name and child.key_workers == (KEY.name,)
    assert page.model.names() == ["Sky Newfile"]
    assert page.file_view.title.text() == "Sky Newfile's file"
    assert page.file_view.details["care"].text() == "Looked after"
    assert page.file_view.details["keys"].text() == KEY.name
    assert page.message.text() == "A file was opened for Sky Newfile."


# -- the file and its dialogs ------------------------------------------------------------------


def test_add_a_person_with_pr(qtbot: QtBot, open_session: Opener) -> None:
    """Add person with PR… puts the person on the file and in the people table."""
    social = open_session(SOCIAL)
    ready_child(social, consent=False)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    qtbot.mouseClick(view.add_person_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, AddPersonDialog)
    dialog.name_edit.setText("Dee Tessellate")
    dialog.relationship_edit.setText("father")
    save_and_reload(qtbot, page, dialog)
    assert column_texts(view.people_model, 0) == ["Mel Tessellate", "Dee Tessellate"]
    assert column_texts(view.people_model, 2) == ["current", "current"]
    assert view.message.text() == "Dee Tessellate was added."
    people = social.children.file(child_id=view.file.child.id).people  # type: ignore[union-attr]
    assert [p.relationship for p in people] == ["mother", "father"]


def test_add_a_consent_with_a_scanned_form_then_view_it(
    qtbot: QtBot, open_session: Opener, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A consent with a PNG form is ACTIVE in the table; View form shows it from memory."""
    scan = tmp_path / "signed-form.png"
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    assert image.save(str(scan), "PNG")
    asked = _stub_file_dialog(monkeypatch, scan)
    social = open_session(SOCIAL)
    _child_id, mum, _ = ready_child(social, consent=False)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    qtbot.mouseClick(view.add_consent_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, AddConsentDialog)
    dialog.set_kind(ConsentKind.ONE_TO_ONE)
    dialog.set_given_by(GivenBy.PARENT_CARER)
    assert dialog.set_person(mum)
    set_date(dialog.signed_edit, date.today() - timedelta(days=1))
    qtbot.mouseClick(dialog.attach_button, Qt.MouseButton.LeftButton)
    assert asked == ["Attach the scanned consent form"]
    assert dialog.form_path == scan and "signed-form.png" in dialog.form_label.text()
    save_and_reload(qtbot, page, dialog)
    model = view.consents_model
    assert model.rowCount() == 1
    row = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert row[1:] == [
        "one-to-one",
        "Mel Tessellate (parent/carer)",
        f"{(date.today() - timedelta(days=1)).day} {date.today() - timedelta(days=1):%b %Y}",
        "no expiry date",
        "active",
        "yes",
    ]
    assert view.select_consent(model.row_at(0).id)
    op = view.view_form()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    viewer = view.dialog
    assert isinstance(viewer, FormViewerDialog) and viewer.isVisible()
    assert viewer.shown_as_image and viewer.summary == "PNG image, 1 KB"
    assert _unnamed(viewer) == []
    assert viewer.picture.pixmap().width() == 40
    viewer.reject()
    assert not viewer.shown_as_image and viewer.picture.pixmap().isNull()


def test_a_pdf_form_is_described_and_never_written_to_disk(
    qtbot: QtBot, open_session: Opener, tmp_path: Path
) -> None:
    """A PDF form shows as "PDF, N KB"; no file anywhere holds its decrypted bytes."""
    social = open_session(SOCIAL)
    _child_id, _mum, consent_id = ready_child(social)  # its form is a 2 KB PDF
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    assert consent_id is not None and view.select_consent(consent_id)
    qtbot.mouseClick(view.view_form_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, FormViewerDialog), timeout=10_000)
    viewer = view.dialog
    assert isinstance(viewer, FormViewerDialog)
    assert viewer.summary == "PDF, 2 KB" and not viewer.shown_as_image
    assert "never saves a decrypted form to disk" in viewer.note.text()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert b"signed photo consent form" not in path.read_bytes(), path


def test_a_young_persons_consent_needs_the_assessment(qtbot: QtBot, open_session: Opener) -> None:
    """R3 (5.5.4.3): no assessment of age and understanding, no call into the vault."""
    social = open_session(SOCIAL)
    ready_child(social, consent=False)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    dialog = page.file_view.open_add_consent()
    assert isinstance(dialog, AddConsentDialog)
    dialog.set_given_by(GivenBy.YOUNG_PERSON)
    assert dialog.assessment_edit.isVisibleTo(dialog)
    assert not dialog.person_combo.isVisibleTo(dialog)
    assert dialog.submit() is None
    assert "assessment of their age and understanding" in dialog.message.text()
    assert "R3, policy 5.5.4.3" in dialog.message.text()
    dialog.set_kind(ConsentKind.GROUP)
    assert dialog.notified_row.isVisibleTo(dialog)
    assert dialog.scope_label.text() == "Covers: group activity."


def test_wishes_and_explanations_are_recorded_and_a_no_refuses(
    qtbot: QtBot, open_session: Opener
) -> None:
    """R2 (5.5.4.2): a child's "no" shows as NO in the table and makes the check REFUSED."""
    social = open_session(SOCIAL)
    ready_child(social)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "ALLOWED"

    qtbot.mouseClick(view.wish_button, Qt.MouseButton.LeftButton)
    wish = view.dialog
    assert isinstance(wish, RecordWishDialog)
    wish.set_whose(Whose.CHILD)
    assert wish.submit() is None and "Choose Yes or No" in wish.message.text()
    wish.no.setChecked(True)
    wish.notes_edit.setPlainText("Said no at the review")
    save_and_reload(qtbot, page, wish)
    rows = {
        r[0]: r for r in zip(*(column_texts(view.wishes_model, c) for c in range(4)), strict=True)
    }
    assert rows["The child"][1].startswith("NO")
    assert rows["The child"][2] == "Said no at the review"
    assert view.check_panel.verdict.text() == ""  # the old answer is dropped after a change
    assert "check again" in view.check_panel.message.text()
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "REFUSED"
    first = view.check_panel.model.lines()[0]
    assert first.startswith("NOT MET · R2 · policy 5.5.4.2: The child does not wish")

    qtbot.mouseClick(view.explanation_button, Qt.MouseButton.LeftButton)
    explanation = view.dialog
    assert isinstance(explanation, RecordExplanationDialog)
    explanation.set_to_whom(Whose.PARENT_CARER)
    explanation.not_explained.setChecked(True)
    assert explanation.permit_combo.currentText() == SOCIAL.name
    explanation.reason_edit.setPlainText("Mother in hospital")
    save_and_reload(qtbot, page, explanation)
    texts = column_texts(view.explanations_model, 1)
    assert f"not explained: Mother in hospital; permitted by {SOCIAL.name}" in texts


def test_check_allowed_then_refused_after_withdrawal(qtbot: QtBot, open_session: Opener) -> None:
    """R12 (5.5.1.3): ALLOWED for a ready child; withdrawn through the dialog, REFUSED at once."""
    social = open_session(SOCIAL)
    _child_id, _mum, consent_id = ready_child(social)
    assert consent_id is not None
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    panel = view.check_panel
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "ALLOWED"
    assert panel.verdict.property("verdict") == "allowed"
    assert panel.model.rowCount() > 0
    assert all(panel.model.data(panel.model.index(r), panel.model.MetRole) for r in range(3))
    assert "may be photographed today" in panel.sentence.text()

    view.tabs.setCurrentIndex(2)
    assert view.select_consent(consent_id)
    qtbot.mouseClick(view.withdraw_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, WithdrawConsentDialog)
    assert "takes effect at once (R12, policy 5.5.1.3)" in dialog.effect_label.text()
    assert "flagged for review" in dialog.effect_label.text()
    assert dialog.submit() is None and dialog.message.text() == "Say why the consent was withdrawn."
    dialog.reason_edit.setPlainText("Mother no longer agrees")
    save_and_reload(qtbot, page, dialog)
    assert column_texts(view.consents_model, 5) == ["withdrawn"]

    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "REFUSED"
    assert panel.verdict.property("verdict") == "refused"
    not_met = [line for line in panel.model.lines() if line.startswith("NOT MET")]
    withdrawn = [line for line in not_met if "withdrawn" in line]
    assert withdrawn and "R12" in withdrawn[0] and "Mother no longer agrees" in withdrawn[0]
    assert "To allow: record a new written consent" in withdrawn[0]
    assert panel.model.lines()[0] in not_met  # what blocks comes first
    assert "Do not photograph" in panel.sentence.text()


def test_a_key_worker_adding_a_consent_sees_the_cores_refusal(
    qtbot: QtBot, open_session: Opener
) -> None:
    """The button is disabled for key workers, and the core refuses the call anyway, in words."""
    social = open_session(SOCIAL)
    _child_id, mum, _ = ready_child(social, consent=False)
    social.close()
    key = open_session(KEY)
    page = children_page(qtbot, key)
    open_child(qtbot, page)
    view = page.file_view
    assert view.tabs.currentWidget() is view.check_panel  # a key worker's job here
    assert not view.add_consent_button.isEnabled() and view.note.isVisibleTo(page)
    assert view.withdraw_button.isEnabled()  # anyone allocated may record a withdrawal
    dialog = view.open_add_consent()
    assert isinstance(dialog, AddConsentDialog)
    assert dialog.set_person(mum)
    text = refused(qtbot, dialog)
    assert text.startswith("REFUSED:")
    assert "Only the child's social worker or their line manager changes the file" in text
    assert view.file is not None
    assert key.consents.list(child_id=view.file.child.id) == []


# -- locking --------------------------------------------------------------------------------------


def test_locking_clears_every_model_and_unlocking_reloads(
    qtbot: QtBot, open_session: Opener
) -> None:
    """On lock no child's name stays in any model or widget; on unlock the list comes back."""
    social = open_session(SOCIAL)
    ready_child(social)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    run_check(qtbot, page, Purpose.LIFE_STORY)
    models = (
        page.model,
        view.people_model,
        view.consents_model,
        view.wishes_model,
        view.explanations_model,
        view.check_panel.model,
    )
    assert all(m.rowCount() > 0 for m in models)
    page.on_locked()
    assert [m.rowCount() for m in models] == [0] * len(models)
    assert view.file is None and view.check_panel.decision is None
    shown = [w.text() for w in page.findChildren(QLabel)] + [
        w.text() for w in page.findChildren(QLineEdit)
    ]
    assert not [t for t in shown if "Tessellate" in t]
    named = [w.accessibleName() for w in page.findChildren(QWidget)]
    assert not [n for n in named if "Tessellate" in n]

    page.on_unlocked()
    wait_idle(qtbot)
    assert page.model.names() == [CHILD]
    assert view.file is None  # nothing is opened (and audited) without being asked


def test_an_answer_arriving_after_the_lock_is_dropped(qtbot: QtBot, open_session: Opener) -> None:
    """A list already on its way when the window locks never reaches the model."""
    social = open_session(SOCIAL)
    ready_child(social)
    page = children_page(qtbot, social)
    page.on_locked()
    page.locked = False  # start a refresh as if just before the lock …
    op = page.refresh()
    assert op is not None
    page.on_locked()  # … and lock before its answer is delivered
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert page.model.rowCount() == 0


def test_every_control_has_an_accessible_name(qtbot: QtBot, open_session: Opener) -> None:
    """The page, the file's tabs and every dialog name each control for screen readers."""
    social = open_session(SOCIAL)
    ready_child(social)
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    assert _unnamed(page) == []
    view = page.file_view
    openers = (
        page.open_add_child,
        view.open_add_person,
        view.open_add_consent,
        view.open_record_wish,
        view.open_record_explanation,
    )
    for open_dialog in openers:
        dialog = open_dialog()
        assert dialog is not None
        assert _unnamed(dialog) == [], type(dialog).__name__
        dialog.reject()
    view.select_consent(view.consents_model.row_at(0).id)
    withdraw = view.open_withdraw()
    assert withdraw is not None and _unnamed(withdraw) == []
    withdraw.reject()
    texts = [b.text() for b in page.findChildren(QAbstractButton) if b.text()]
    for text in ("Open a &new file…", "Add &consent…", "&Withdraw consent…", "&View form"):
        assert text in texts


def test_the_check_panel_works_on_its_own_and_says_refusals_in_words(
    qtbot: QtBot, open_session: Opener
) -> None:
    """Standalone: no child → says so; a child → ALLOWED; an unknown child → the core's words."""
    social = open_session(SOCIAL)
    child_id, _mum, _consent = ready_child(social)
    panel = ConsentCheckPanel(social)
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.check_button.isEnabled()
    assert panel.check() is None and "Open a child's file" in panel.message.text()

    panel.set_child(child_id, CHILD)
    panel.set_purpose(Purpose.ACTIVITY_RECORD)
    with qtbot.waitSignal(panel.checked, timeout=10_000) as answer:
        panel.check_button.click()
    assert answer.args[0].allowed and panel.verdict.text() == "ALLOWED"
    assert "record of an activity" in panel.sentence.text()

    panel.set_child(child_id + 999, "Nobody")
    assert panel.model.rowCount() == 0 and not panel.verdict.isVisible()
    with qtbot.waitSignal(panel.checked, timeout=10_000) as answer:
        panel.check_button.click()
    assert answer.args[0] is None
    assert panel.message.kind == "error"
    assert "among the children you may see" in panel.message.text()
    assert not panel.verdict.isVisible()
