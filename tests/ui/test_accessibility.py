"""Every control a person can reach has an accessible name and a keyboard path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from sefton_photos import demo
from sefton_photos.session import Session
from tests.helpers import ADMIN, Person
from tests.ui.helpers import unnamed
from ui.dialogs.unlock import UnlockDialog
from ui.main_window import MainWindow
from ui.views.admin import AdminPage


def test_unlock_dialog_controls_are_named(qtbot: QtBot, tmp_path: Path) -> None:
    """Name, password, Unlock and the demo list all carry an accessible name."""
    dialog = UnlockDialog(tmp_path, demo_users=demo.USERS)
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []
    assert dialog.form.unlock_button.text() == "&Unlock"
    assert dialog.form.unlock_button.isDefault()


def test_admin_window_and_add_user_dialog_controls_are_named(
    qtbot: QtBot, open_session: Callable[[Person], Session]
) -> None:
    """The main window (admin pages, lock panel) and Add user name every control."""
    window = MainWindow(open_session(ADMIN), idle_interval_ms=600_000)
    qtbot.addWidget(window)
    assert unnamed(window) == []
    admin = window.page_for_key["admin"]
    assert isinstance(admin, AdminPage)
    dialog = admin.users_tab.open_add_dialog()
    assert unnamed(dialog) == []
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    shortcuts = [a.shortcut().toString() for a in window.go_actions]
    assert shortcuts == ["Ctrl+1"]
    dialog.reject()
