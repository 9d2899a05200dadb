"""Every control a person can reach has an accessible name and a keyboard path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sefton_photos import demo
from sefton_photos.session import Session
from tests.helpers import ADMIN, Person
from ui.dialogs.unlock import UnlockDialog
from ui.main_window import MainWindow
from ui.views.admin import AdminPage

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _inside_a_composite(widget: QWidget) -> bool:
    owner = widget.parentWidget()
    while owner is not None:
        if isinstance(owner, (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)):
            return True
        owner = owner.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for kind in CONTROLS:
        for widget in root.findChildren(kind):
            # Qt's own sub-widgets (a spin box's line edit, a table's corner button) are
            # described by their owner.
            if _inside_a_composite(widget):
                continue
            if widget.objectName().startswith("qt_"):  # e.g. the menu bar's overflow button
                continue
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_unlock_dialog_controls_are_named(qtbot: QtBot, tmp_path: Path) -> None:
    """Name, password, Unlock and the demo list all carry an accessible name."""
    dialog = UnlockDialog(tmp_path, demo_users=demo.USERS)
    qtbot.addWidget(dialog)
    assert _unnamed(dialog) == []
    assert dialog.form.unlock_button.text() == "&Unlock"
    assert dialog.form.unlock_button.isDefault()


def test_admin_window_and_add_user_dialog_controls_are_named(
    qtbot: QtBot, open_session: Callable[[Person], Session]
) -> None:
    """The main window (admin pages, lock panel) and Add user name every control."""
    window = MainWindow(open_session(ADMIN), idle_interval_ms=600_000)
    qtbot.addWidget(window)
    assert _unnamed(window) == []
    admin = window.page_for_key["admin"]
    assert isinstance(admin, AdminPage)
    dialog = admin.users_tab.open_add_dialog()
    assert _unnamed(dialog) == []
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    shortcuts = [a.shortcut().toString() for a in window.go_actions]
    assert shortcuts == ["Ctrl+1"]
    dialog.reject()
