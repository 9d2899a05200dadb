"""The main window: pages by role, status bar, locking by hand and by idle time-out."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import ADMIN, EVERYONE, KEY, MANAGER, SOCIAL, Person
from tests.ui.conftest import MessageBoxes
from ui.idle import IdleWatcher
from ui.main_window import MainWindow
from ui.views.admin import AdminPage
from ui.views.children import ChildrenPage

Opener = Callable[[Person], Session]


def _window(qtbot: QtBot, session: Session, idle_ms: int | None = 600_000) -> MainWindow:
    window = MainWindow(session, idle_interval_ms=idle_ms)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.windowHandle().requestActivate()  # shortcuts need an active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def _assert_locked(window: MainWindow, session: Session) -> None:
    assert window.locked
    assert session.locked
    assert not window.pages.isVisible()
    assert not window.nav_view.isVisible()
    assert window.lock_panel.isVisible()
    assert not window.lock_action.isEnabled()


def _unlock(qtbot: QtBot, window: MainWindow, password: str, *, wrong: bool) -> None:
    form = window.lock_panel.form
    signal = form.refused if wrong else window.unlock_finished
    with qtbot.waitSignal(signal, timeout=10_000):
        form.password_edit.setText(password)
        qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)


def test_line_manager_sees_children_and_supervision_and_the_status_bar(
    qtbot: QtBot, open_session: Opener
) -> None:
    """Pages follow the role; the status bar names the user, the role and the vault."""
    session = open_session(MANAGER)
    window = _window(qtbot, session)
    assert window.nav_model.keys() == ["children", "supervision"]
    assert "admin" not in window.page_for_key
    assert isinstance(window.current_page(), ChildrenPage)
    assert window.current_page().key == "children"
    window.show_page("supervision")
    assert window.current_page().key == "supervision"
    assert window.user_label.text() == f"Signed in: {MANAGER.name}"
    assert window.role_label.text() == "Role: Line manager"
    assert str(session.vault.path) in window.vault_label.text()
    assert MANAGER.name in window.windowTitle()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Go", "&Help"]


def test_workers_never_see_the_admin_page(qtbot: QtBot, open_session: Opener) -> None:
    """A key worker's window has no Admin entry and no admin page at all."""
    window = _window(qtbot, open_session(KEY))
    assert "Admin" not in [e.title for e in window.nav_model.entries]
    assert "admin" not in window.page_for_key
    assert window.pages.count() == 2


def test_administrator_sees_admin_and_not_children(qtbot: QtBot, open_session: Opener) -> None:
    """Administrators do not see photos by default: Admin only."""
    window = _window(qtbot, open_session(ADMIN))
    assert window.nav_model.keys() == ["admin"]
    assert window.current_page().key == "admin"


def test_ctrl_l_locks_hides_the_pages_and_the_right_password_restores(
    qtbot: QtBot, open_session: Opener
) -> None:
    """Ctrl+L hides every page, the core locks; wrong password stays locked; right restores."""
    session = open_session(SOCIAL)
    window = _window(qtbot, session)
    window.show_page("supervision")
    with qtbot.waitSignal(window.lock_finished, timeout=5000):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    _assert_locked(window, session)
    assert window.lock_panel.reason.text() == "It was locked by hand."

    _unlock(qtbot, window, "definitely-wrong", wrong=True)
    _assert_locked(window, session)
    assert window.lock_panel.form.message.text() == "User name or password is not correct."

    _unlock(qtbot, window, SOCIAL.password, wrong=False)
    assert not window.locked
    assert not session.locked
    assert window.pages.isVisible()
    assert not window.lock_panel.isVisible()
    assert window.current_page().key == "supervision"
    assert window.lock_action.isEnabled()


def test_idle_time_out_locks_the_window(qtbot: QtBot, open_session: Opener) -> None:
    """With a short injected interval the window locks itself and asks for the password."""
    session = open_session(KEY)
    window = _window(qtbot, session, idle_ms=50)
    with qtbot.waitSignal(window.lock_finished, timeout=5000):
        pass
    _assert_locked(window, session)
    assert "nobody used it" in window.lock_panel.reason.text()
    assert not window.idle.running
    _unlock(qtbot, window, "not-kims-password", wrong=True)
    _assert_locked(window, session)
    _unlock(qtbot, window, KEY.password, wrong=False)
    assert not session.locked
    assert window.idle.running


def test_lock_closes_dialogs_opened_from_a_page(qtbot: QtBot, open_session: Opener) -> None:
    """A dialog open over a page (here Add user) does not stay on screen over the lock."""
    session = open_session(ADMIN)
    window = _window(qtbot, session)
    admin = window.page_for_key["admin"]
    assert isinstance(admin, AdminPage)
    qtbot.waitUntil(lambda: admin.users_tab.model.rowCount() == len(EVERYONE), timeout=5000)
    dialog = admin.users_tab.open_add_dialog()
    assert dialog.isVisible()
    with (
        qtbot.waitSignal(dialog.finished, timeout=5000) as closed,
        qtbot.waitSignal(window.lock_finished, timeout=5000),
    ):
        window.lock_action.trigger()
    assert closed.args == [QDialog.DialogCode.Rejected.value]
    assert admin.users_tab.model.rowCount() == 0  # what the page showed is forgotten
    _unlock(qtbot, window, ADMIN.password, wrong=False)
    qtbot.waitUntil(lambda: admin.users_tab.model.rowCount() == len(EVERYONE), timeout=5000)


def test_sign_out_closes_the_session(qtbot: QtBot, open_session: Opener) -> None:
    """Sign out closes the session on the worker and says so by signal."""
    session = open_session(MANAGER)
    window = _window(qtbot, session)
    with qtbot.waitSignal(window.signed_out, timeout=5000) as signed_out:
        window.sign_out_action.trigger()
    assert signed_out.args == [""]
    assert session.closed
    assert not window.pages.isVisible()


def test_about_and_the_vault_setting_for_auto_lock(
    qtbot: QtBot, open_session: Opener, message_boxes: MessageBoxes
) -> None:
    """Help > About shows a box; without an injected interval the vault's minutes are used."""
    session = open_session(MANAGER)
    window = MainWindow(session)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.idle.interval_ms == 5 * 60_000, timeout=5000)
    window.about_action.trigger()
    assert message_boxes.kinds() == ["about"]
    assert "Sefton Photos" in message_boxes.calls[0][1]


def test_activity_restarts_the_idle_timer(qtbot: QtBot, qapp: QApplication) -> None:
    """Any key press anywhere in the app postpones the auto-lock."""
    watcher = IdleWatcher(2000)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.start()
    try:
        qtbot.waitUntil(lambda: watcher._timer.remainingTime() < 1700, timeout=5000)
        target = QApplication.focusWidget() or watcher
        QApplication.sendEvent(
            target, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
        )
        assert watcher._timer.remainingTime() > 1800
        assert fired == []
        watcher.set_interval_ms(10)
        qtbot.waitUntil(lambda: fired == [True], timeout=5000)
    finally:
        watcher.stop()
