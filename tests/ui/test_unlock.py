"""The unlock dialog: refusals in words, a Session of the right user, the demo list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from sefton_photos import demo
from sefton_photos.session import Session
from tests.helpers import ADMIN, SOCIAL
from ui.dialogs.unlock import UnlockDialog

WRONG = "User name or password is not correct."


def _dialog(qtbot: QtBot, vault: Path, **kwargs: object) -> UnlockDialog:
    dialog = UnlockDialog(vault, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _submit(qtbot: QtBot, dialog: UnlockDialog, name: str, password: str) -> None:
    dialog.form.name_edit.setText(name)
    dialog.form.password_edit.setText(password)
    qtbot.mouseClick(dialog.form.unlock_button, Qt.MouseButton.LeftButton)


def test_wrong_password_is_refused_in_words_then_right_one_unlocks(
    qtbot: QtBot, vault_dir: Path
) -> None:
    """A wrong password shows the core's message (no traceback); the right one signs in."""
    dialog = _dialog(qtbot, vault_dir)
    with qtbot.waitSignal(dialog.form.refused, timeout=10_000) as refused:
        _submit(qtbot, dialog, SOCIAL.name, "not-the-password")
        assert not dialog.form.unlock_button.isEnabled()  # busy while Argon2id runs
        assert dialog.form.progress.isVisible()
    assert refused.args == [WRONG]
    assert dialog.form.message.isVisible()
    assert dialog.form.message.text() == WRONG
    assert dialog.form.message.kind == "error"
    assert "Traceback" not in dialog.form.message.text()
    assert dialog.form.message.accessibleDescription() == f"Error: {WRONG}"
    assert dialog.form.unlock_button.isEnabled()
    assert dialog.form.password_edit.text() == ""
    assert dialog.session is None
    assert dialog.isVisible()

    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        _submit(qtbot, dialog, SOCIAL.name, SOCIAL.password)
    session = dialog.session
    assert isinstance(session, Session)
    try:
        assert session.user.name == SOCIAL.name
        assert session.user.role is SOCIAL.role
        assert not session.locked
        assert dialog.result() == QDialog.DialogCode.Accepted
        assert not dialog.isVisible()
    finally:
        session.close()


def test_enter_in_the_password_field_unlocks(qtbot: QtBot, vault_dir: Path) -> None:
    """The keyboard path: type the name, Tab, the password, Enter."""
    dialog = _dialog(qtbot, vault_dir)
    qtbot.keyClicks(dialog.form.name_edit, ADMIN.name)
    qtbot.keyClick(dialog.form.name_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.form.password_edit, ADMIN.password)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000) as unlocked:
        qtbot.keyClick(dialog.form.password_edit, Qt.Key.Key_Return)
    session = unlocked.args[0]
    assert isinstance(session, Session)
    assert session.user.name == ADMIN.name
    session.close()


def test_empty_fields_are_asked_for_without_calling_the_vault(
    qtbot: QtBot, vault_dir: Path
) -> None:
    """An empty name or password is asked for at once; nothing runs on the worker."""
    dialog = _dialog(qtbot, vault_dir)
    _submit(qtbot, dialog, "", "")
    assert dialog.form.message.text() == "Enter your user name."
    _submit(qtbot, dialog, ADMIN.name, "")
    assert dialog.form.message.text() == "Enter your password."
    assert dialog.form.current_op is None


def test_too_many_attempts_shows_the_pause_in_words(qtbot: QtBot, vault_dir: Path) -> None:
    """After repeated wrong passwords the core's pause message is shown as it is."""
    dialog = _dialog(qtbot, vault_dir)
    messages: list[str] = []
    for _ in range(6):
        with qtbot.waitSignal(dialog.form.refused, timeout=10_000) as refused:
            _submit(qtbot, dialog, SOCIAL.name, "still-the-wrong-one")
        messages.append(str(refused.args[0]))
    assert messages[0] == WRONG
    assert messages[-1].startswith("Too many wrong passwords in a row. Sign-in is paused")
    assert dialog.form.message.text() == messages[-1]
    assert dialog.session is None


def test_missing_vault_is_said_plainly(qtbot: QtBot, tmp_path: Path) -> None:
    """With no vault in the folder the dialog says so in the core's words, at once."""
    missing = tmp_path / "no-vault-here"
    dialog = _dialog(qtbot, missing)
    op = dialog.check_vault_exists()
    assert op is not None
    qtbot.waitUntil(lambda: dialog.form.message.isVisible(), timeout=5000)
    assert dialog.form.message.text().startswith(f"There is no vault at {missing}")
    assert not missing.exists()  # asking created nothing
    with qtbot.waitSignal(dialog.form.refused, timeout=5000) as refused:
        _submit(qtbot, dialog, ADMIN.name, ADMIN.password)
    assert str(refused.args[0]).startswith("There is no vault at")


def test_an_existing_vault_passes_the_folder_check_silently(qtbot: QtBot, vault_dir: Path) -> None:
    """A folder that holds a vault is checked without a password and shows no message."""
    dialog = _dialog(qtbot, vault_dir)
    op = dialog.check_vault_exists()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert not dialog.form.message.isVisible()


def test_a_damaged_slot_file_is_reported_before_sign_in(qtbot: QtBot, vault_dir: Path) -> None:
    """The folder check names a damaged vault in the core's words, before any password."""
    (vault_dir / "keyslots.json").write_text("{}")
    dialog = _dialog(qtbot, vault_dir)
    op = dialog.check_vault_exists()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert "keyslots.json" in dialog.form.message.text()


def test_demo_list_fills_name_and_password_on_click_and_enter(qtbot: QtBot, tmp_path: Path) -> None:
    """Clicking a demo row, or Enter on it, fills the fields and does not sign in yet."""
    dialog = _dialog(qtbot, tmp_path / "demo", demo_users=demo.USERS)
    view = dialog.demo_view
    assert view is not None and dialog.demo_model is not None
    assert dialog.demo_model.rowCount() == len(demo.USERS)

    index = dialog.demo_model.index(2, 0)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert dialog.form.name_edit.text() == demo.USERS[2].name
    assert dialog.form.password_edit.text() == demo.USERS[2].password

    view.setFocus()
    view.setCurrentIndex(dialog.demo_model.index(4, 1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert dialog.form.name_edit.text() == demo.USERS[4].name
    assert dialog.form.password_edit.text() == demo.USERS[4].password
    assert dialog.form.current_op is None  # filled only: nothing was sent to the vault
    assert dialog.isVisible()


def test_re_unlock_mode_fixes_the_name_and_unlocks_the_same_session(
    qtbot: QtBot, open_session: object
) -> None:
    """As the re-unlock prompt it keeps the locked user's name and calls unlock_again."""
    session = open_session(SOCIAL)  # type: ignore[operator]
    session.lock(reason="by hand")
    dialog = UnlockDialog(session=session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.name_edit.isReadOnly()
    assert dialog.form.name_edit.text() == SOCIAL.name
    assert dialog.demo_view is None
    with qtbot.waitSignal(dialog.form.refused, timeout=10_000):
        dialog.form.password_edit.setText("wrong-password-here")
        dialog.form.attempt()
    assert session.locked
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        dialog.form.password_edit.setText(SOCIAL.password)
        dialog.form.attempt()
    assert dialog.session is session
    assert not session.locked


def test_the_demo_list_shows_every_password_whole(qtbot: QtBot, tmp_path: Path) -> None:
    """Issue 12: the password column is wide enough for the longest demo password, and the
    dialog opens wide enough to show every column without scrolling sideways."""
    from sefton_photos import demo as demo_data
    from ui.dialogs.unlock import UnlockDialog

    dialog = UnlockDialog(tmp_path, demo_users=demo_data.USERS)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.demo_view
    assert view is not None
    metrics = view.fontMetrics()
    model = dialog.demo_model
    assert model is not None
    for column in range(3):
        texts = [str(model.index(r, column).data()) for r in range(len(demo_data.USERS))]
        need = max(metrics.horizontalAdvance(t) for t in texts)
        assert view.columnWidth(column) >= need, (column, view.columnWidth(column), need)
    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalHeader().length() <= view.viewport().width()
