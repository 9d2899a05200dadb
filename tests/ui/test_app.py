"""Starting the app: look and names, sign-in → main window → sign-out, demo mode."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import resources
from sefton_photos import demo
from tests.helpers import SOCIAL
from ui.app import AppController, launch, setup_application
from ui.dialogs.unlock import UnlockDialog
from ui.main_window import MainWindow


@pytest.fixture
def restore_app(qapp: QApplication) -> Iterator[QApplication]:
    """setup_application changes app-wide state; put it back for the other tests."""
    sheet, quit_last = qapp.styleSheet(), qapp.quitOnLastWindowClosed()
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setQuitOnLastWindowClosed(quit_last)


class Quits:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self) -> None:
        self.count += 1


def _controller_cleanup(controller: AppController) -> None:
    for widget in (controller.dialog, controller.window):
        if widget is not None:
            widget.close()
    controller.shutdown()


def test_setup_application_names_icon_and_stylesheet(restore_app: QApplication) -> None:
    """App and organisation names, a real window icon and the shipped stylesheet."""
    setup_application(restore_app)
    assert restore_app.applicationName() == "Sefton Photos"
    assert restore_app.organizationName()
    assert not restore_app.windowIcon().isNull()
    assert restore_app.styleSheet() == resources.read_text("style.qss")
    assert "font-size: 11pt" in restore_app.styleSheet()
    assert not restore_app.quitOnLastWindowClosed()


def test_resources_stay_inside_their_folder() -> None:
    """resources.path finds shipped files and refuses to reach outside the folder."""
    assert resources.path("icons/sefton-photos.svg").is_file()
    with pytest.raises(ValueError):
        resources.path("../pyproject.toml")


def test_sign_in_opens_the_main_window_and_sign_out_returns(qtbot: QtBot, vault_dir: Path) -> None:
    """Unlock → main window for that user; Sign out → session closed, sign-in again."""
    quits = Quits()
    controller = AppController(vault_dir, quit_app=quits, idle_interval_ms=600_000)
    try:
        dialog = controller.start()
        assert dialog.isVisible()
        assert dialog.demo_view is None
        dialog.form.fill(SOCIAL.name, SOCIAL.password)
        with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
            dialog.form.attempt()
        window = controller.window
        assert isinstance(window, MainWindow)
        assert window.isVisible()
        assert window.session.user.name == SOCIAL.name
        session = window.session
        with qtbot.waitSignal(window.signed_out, timeout=5000):
            window.sign_out_action.trigger()
        assert session.closed
        assert controller.window is None
        assert controller.dialog is not None and controller.dialog.isVisible()
        assert quits.count == 0  # signing out does not quit
        controller.dialog.reject()
        assert quits.count == 1  # closing the sign-in window does
    finally:
        _controller_cleanup(controller)


def test_quitting_the_main_window_quits_and_shutdown_closes_the_session(
    qtbot: QtBot, vault_dir: Path
) -> None:
    """File > Quit ends the app; shutdown closes the session through the worker."""
    quits = Quits()
    controller = AppController(vault_dir, quit_app=quits, idle_interval_ms=600_000)
    dialog = controller.start()
    dialog.form.fill(SOCIAL.name, SOCIAL.password)
    with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
        dialog.form.attempt()
    assert controller.window is not None
    session = controller.window.session
    controller.window.quit_action.trigger()
    assert quits.count == 1
    controller.shutdown()
    assert session.closed


def test_missing_vault_is_said_on_start(qtbot: QtBot, tmp_path: Path) -> None:
    """Without a vault in the folder the sign-in window says so, nothing crashes."""
    controller = AppController(tmp_path / "nowhere", quit_app=Quits())
    try:
        dialog = controller.start()
        qtbot.waitUntil(lambda: dialog.form.message.isVisible(), timeout=5000)
        assert dialog.form.message.text().startswith("There is no vault at")
        assert "--demo" in dialog.form.message.text()
    finally:
        _controller_cleanup(controller)


def test_demo_mode_prepares_the_vault_and_lists_the_demo_people(
    qtbot: QtBot, vault_template: Path, tmp_path: Path
) -> None:
    """Demo mode: busy while the demo vault is made ready, then the demo list is offered."""
    where = tmp_path / "demo-vault"
    shutil.copytree(vault_template, where)  # an existing vault: ensure_demo_vault keeps it
    controller = AppController(where, demo=True, quit_app=Quits())
    try:
        dialog = controller.start()
        assert dialog.form.busy
        assert not dialog.form.unlock_button.isEnabled()
        assert "demo vault" in dialog.form.status.text()
        qtbot.waitUntil(lambda: not dialog.form.busy, timeout=10_000)
        assert dialog.form.unlock_button.isEnabled()
        assert dialog.demo_model is not None
        assert dialog.demo_model.rowCount() == len(demo.USERS)
    finally:
        _controller_cleanup(controller)


@pytest.mark.slow
def test_demo_mode_creates_the_demo_vault_and_a_demo_user_signs_in(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """First run of --demo: the vault is created on the worker; a demo row signs in."""
    where = tmp_path / "demo-vault"
    controller = AppController(where, demo=True, quit_app=Quits(), idle_interval_ms=600_000)
    try:
        dialog = controller.start()
        qtbot.waitUntil(lambda: not dialog.form.busy, timeout=60_000)
        assert not dialog.form.message.isVisible()
        assert dialog.demo_model is not None
        row = [u.name for u in demo.USERS].index("Morgan Manager")
        view = dialog.demo_view
        assert view is not None
        cell = view.visualRect(dialog.demo_model.index(row, 0)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        assert dialog.form.name_edit.text() == "Morgan Manager"
        with qtbot.waitSignal(dialog.unlocked, timeout=10_000):
            dialog.form.unlock_button.click()
        assert controller.window is not None
        assert controller.window.nav_model.keys() == ["children", "supervision"]
    finally:
        _controller_cleanup(controller)


def test_launch_runs_until_the_sign_in_window_is_closed(
    restore_app: QApplication, tmp_path: Path
) -> None:
    """launch() shows the sign-in window (saying the vault is missing) and returns 0 on close."""
    seen: list[str] = []

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, UnlockDialog) and widget.form.message.isVisible():
                seen.append(widget.form.message.text())
                poll.stop()
                widget.reject()

    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(look)
    poll.start()
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(QApplication.quit)  # a failing test must not hang
    give_up.start(20_000)
    try:
        assert launch(vault=tmp_path / "none", demo=False) == 0
    finally:
        give_up.stop()
        poll.stop()
    assert len(seen) == 1
    assert seen[0].startswith(f"There is no vault at {tmp_path / 'none'}")
