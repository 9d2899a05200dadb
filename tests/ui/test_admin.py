"""The Admin page against a real vault: users table, add, remove, auto-lock, audit, check."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sefton_photos.errors import AuthenticationFailed
from sefton_photos.model import Role
from sefton_photos.session import Session
from tests.helpers import ADMIN, EVERYONE, KEY2, MANAGER, MANAGER2, SOCIAL, Person
from tests.ui.conftest import MessageBoxes
from tests.ui.helpers import admin_page
from ui.dialogs.add_user import AddUserDialog
from ui.views.admin import AdminPage

NEW_NAME = "Nia Newcomer"
NEW_PASSWORD = "a-long-enough-password"


def _names(page: AdminPage) -> list[str]:
    return [u.name for u in page.users_tab.model.users]


def _fill(
    dialog: AddUserDialog,
    *,
    name: str,
    role: Role,
    manager: str | None,
    password: str,
    repeat: str | None = None,
) -> None:
    dialog.name_edit.setText(name)
    dialog.set_role(role)
    assert dialog.set_line_manager(manager)
    dialog.password_edit.setText(password)
    dialog.repeat_edit.setText(password if repeat is None else repeat)


def test_users_table_lists_the_vaults_users(qtbot: QtBot, admin_session: Session) -> None:
    """The table is filled from session.users.list() on the worker."""
    page = admin_page(qtbot, admin_session)
    assert sorted(_names(page)) == sorted(p.name for p in EVERYONE)
    tabs = [page.tabs.tabText(i).replace("&", "") for i in range(page.tabs.count())]
    assert tabs == [
        "Users",
        "Devices",
        "Settings",
        "Face matching",
        "Audit log",
        "Vault check",
        "Records",
    ]
    assert page.settings_tab.minutes.value() == admin_session.settings.auto_lock_minutes()


def test_add_user_through_the_dialog_reaches_the_vault(
    qtbot: QtBot, admin_session: Session
) -> None:
    """Add user… → fill in → Add user: the real vault has the new person afterwards."""
    page = admin_page(qtbot, admin_session)
    qtbot.mouseClick(page.users_tab.add_button, Qt.MouseButton.LeftButton)
    dialog = page.users_tab.add_dialog
    assert dialog is not None and dialog.isVisible()
    assert sorted(dialog.line_manager_names()) == sorted([MANAGER.name, MANAGER2.name])
    _fill(dialog, name=NEW_NAME, role=Role.KEY_WORKER, manager=MANAGER.name, password=NEW_PASSWORD)
    with qtbot.waitSignal(page.users_tab.changed, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = {u.name: u for u in admin_session.users.list()}[NEW_NAME]
    assert added.role is Role.KEY_WORKER
    assert added.line_manager_name == MANAGER.name
    assert added.team == MANAGER.team  # taken from the line manager
    assert NEW_NAME in _names(page)
    assert page.users_tab.message.text() == f"{NEW_NAME} was added as key worker."


@pytest.mark.parametrize(
    ("role", "manager", "password", "expected"),
    [
        (Role.SOCIAL_WORKER, MANAGER.name, "short", "A password needs at least"),
        (Role.KEY_WORKER, None, NEW_PASSWORD, "needs a line manager"),
    ],
    ids=["password-too-short", "R10-no-line-manager"],
)
def test_refused_add_shows_the_core_message_in_the_dialog(
    qtbot: QtBot,
    admin_session: Session,
    role: Role,
    manager: str | None,
    password: str,
    expected: str,
) -> None:
    """A refusal from the core stays in the open dialog, in words; nothing is added."""
    page = admin_page(qtbot, admin_session)
    dialog = page.users_tab.open_add_dialog()
    _fill(dialog, name=NEW_NAME, role=role, manager=manager, password=password)
    assert dialog.current_op is None
    dialog.add_button.click()
    assert dialog.current_op is not None
    with qtbot.waitSignal(dialog.current_op.finished, timeout=10_000):
        pass
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert expected in dialog.message.text()
    assert dialog.message.kind == "error"
    assert dialog.add_button.isEnabled()
    assert NEW_NAME not in [u.name for u in admin_session.users.list()]


def test_r10_refusal_names_the_rule(qtbot: QtBot, admin_session: Session) -> None:
    """The R10 refusal says which rule and clause stopped it (R14)."""
    page = admin_page(qtbot, admin_session)
    dialog = page.users_tab.open_add_dialog()
    _fill(dialog, name=NEW_NAME, role=Role.SOCIAL_WORKER, manager=None, password=NEW_PASSWORD)
    dialog.submit()
    assert dialog.current_op is not None
    with qtbot.waitSignal(dialog.current_op.finished, timeout=10_000):
        pass
    assert "R10" in dialog.message.text()
    assert "5.5.3.2" in dialog.message.text()


def test_password_mismatch_is_said_before_asking_the_vault(
    qtbot: QtBot, admin_session: Session
) -> None:
    """Two different passwords: a message, and no call into the vault."""
    page = admin_page(qtbot, admin_session)
    dialog = page.users_tab.open_add_dialog()
    _fill(
        dialog,
        name=NEW_NAME,
        role=Role.LINE_MANAGER,
        manager=None,
        password=NEW_PASSWORD,
        repeat=NEW_PASSWORD + "x",
    )
    dialog.submit()
    assert dialog.current_op is None
    assert dialog.message.text() == "The two passwords are not the same. Type them again."
    assert dialog.password_edit.text() == ""


def test_remove_user_after_confirmation_rotates_them_out(
    qtbot: QtBot, admin_session: Session, vault_dir: Path, message_boxes: MessageBoxes
) -> None:
    """Confirmed removal takes the user out; their password then opens nothing."""
    message_boxes.answer = QMessageBox.StandardButton.Yes
    page = admin_page(qtbot, admin_session)
    assert page.users_tab.select_name(KEY2.name)
    with qtbot.waitSignal(page.users_tab.changed, timeout=10_000):
        qtbot.mouseClick(page.users_tab.remove_button, Qt.MouseButton.LeftButton)
    kind, title, text = message_boxes.calls[0]
    assert (kind, title) == ("question", "Remove user")
    assert "vault key will be rotated" in text
    assert "password will open nothing" in text
    assert KEY2.name not in [u.name for u in admin_session.users.list()]
    assert KEY2.name not in _names(page)
    assert "was removed and the vault key was rotated" in page.users_tab.message.text()
    admin_session.close()  # the vault admits one session at a time
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY2.name, password=KEY2.password)


def test_remove_declined_changes_nothing(
    qtbot: QtBot, admin_session: Session, message_boxes: MessageBoxes
) -> None:
    """Answering No to the question removes nobody and starts no vault call."""
    page = admin_page(qtbot, admin_session)
    assert page.users_tab.select_name(SOCIAL.name)
    assert page.users_tab.remove_selected() is None
    assert message_boxes.kinds() == ["question"]
    assert SOCIAL.name in [u.name for u in admin_session.users.list()]
    assert page.users_tab.message.text() == f"{SOCIAL.name} was not removed."


def test_remove_refusal_is_shown_in_words(
    qtbot: QtBot, admin_session: Session, message_boxes: MessageBoxes
) -> None:
    """Removing yourself is refused by the core; the page says why."""
    message_boxes.answer = QMessageBox.StandardButton.Yes
    page = admin_page(qtbot, admin_session)
    assert page.users_tab.select_name(ADMIN.name)
    op = page.users_tab.remove_selected()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert page.users_tab.message.kind == "error"
    assert page.users_tab.message.text() == (
        "You cannot remove yourself; ask another administrator."
    )
    assert page.users_tab.add_button.isEnabled()


def test_nothing_selected_asks_for_a_choice(qtbot: QtBot, admin_session: Session) -> None:
    """Remove user with no row chosen explains what to do and asks nothing."""
    page = admin_page(qtbot, admin_session)
    page.users_tab.table.clearSelection()
    assert page.users_tab.remove_selected() is None
    assert "Choose a user" in page.users_tab.message.text()


def test_auto_lock_minutes_are_saved_in_the_vault(qtbot: QtBot, admin_session: Session) -> None:
    """The spin box's value is stored through session.settings.set_auto_lock_minutes."""
    page = admin_page(qtbot, admin_session)
    page.settings_tab.minutes.setValue(7)
    with qtbot.waitSignal(page.auto_lock_changed, timeout=5000) as saved:
        page.settings_tab.save_button.click()
    assert saved.args == [7]
    assert admin_session.settings.auto_lock_minutes() == 7
    assert page.settings_tab.message.text() == "Saved: auto-lock after 7 minutes."


def test_audit_log_and_verification_say_ok_in_words(qtbot: QtBot, admin_session: Session) -> None:
    """Show audit log fills the table; Verify says OK in words."""
    page = admin_page(qtbot, admin_session)
    with qtbot.waitSignal(page.audit_tab.loaded, timeout=5000):
        page.audit_tab.show_button.click()
    model = page.audit_tab.model
    actions = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert "user.added" in actions
    with qtbot.waitSignal(page.audit_tab.verified, timeout=5000):
        page.audit_tab.verify_button.click()
    assert page.audit_tab.message.text().startswith("OK: ")
    page.on_locked()
    assert page.audit_tab.model.rowCount() == 0


def test_vault_check_lists_findings_with_ok_in_words(qtbot: QtBot, admin_session: Session) -> None:
    """Check vault shows one row per part, each OK or FAULT in words."""
    page = admin_page(qtbot, admin_session)
    with qtbot.waitSignal(page.check_tab.checked, timeout=10_000):
        page.check_tab.check_button.click()
    model = page.check_tab.model
    results = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    assert results and set(results) == {"OK"}
    assert page.check_tab.message.text().startswith("OK: all")


def test_a_refusal_from_the_core_says_refused(
    qtbot: QtBot, open_session: Callable[[Person], Session]
) -> None:
    """Were the page ever reached by a non-administrator, the core's REFUSED is shown."""
    page = admin_page(qtbot, open_session(MANAGER))
    with qtbot.waitSignal(page.audit_tab.loaded, timeout=5000):
        page.audit_tab.show_button.click()
    text = page.audit_tab.message.text()
    assert text.startswith("REFUSED:")
    assert "Only an administrator can read the audit log" in text
    assert page.audit_tab.model.rowCount() == 0
