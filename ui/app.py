"""Starting the desktop app: the QApplication, the look, and sign-in → main window → sign-out.

``sefton-photos`` (no command) reaches :func:`launch` through the
``sefton_photos.frontends`` entry point, so the core never imports Qt.  The
:class:`AppController` owns the one open :class:`~sefton_photos.session.Session`
and moves between the unlock dialog and the main window; it is what tests drive,
since :func:`launch` itself blocks in ``exec()``.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

import resources
from sefton_photos import demo as demo_data
from sefton_photos import paths
from sefton_photos.errors import SeftonError
from ui import operations, ops, system_libs
from ui.dialogs.unlock import UnlockDialog

if TYPE_CHECKING:  # loaded after the sign-in window is painted (warm_up), not before
    from sefton_photos.session import Session
    from ui.main_window import MainWindow

# What the main window needs, imported on a background thread while the user types
WARM_UP = ("sefton_photos.session", "ui.main_window")


def warm_up() -> threading.Thread:
    """Import the session and the main window in the background (issue 12: a fast start).

    The sign-in window needs neither; importing them takes seconds (SQLAlchemy, Alembic,
    ReportLab, every page), so it happens while the user types the password.
    """

    def load() -> None:
        for name in WARM_UP:
            importlib.import_module(name)

    thread = threading.Thread(target=load, name="warm-up", daemon=True)
    thread.start()
    return thread


APP_NAME = "Sefton Photos"
ORG_NAME = "Sefton Photos project"
ORG_DOMAIN = "sefton-photos.invalid"


def app_icon() -> QIcon:
    return QIcon(str(resources.path(resources.APP_ICON)))


def setup_application(app: QApplication) -> None:
    """Names, icon and stylesheet: everything that is the same for every window."""
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setOrganizationDomain(ORG_DOMAIN)
    app.setWindowIcon(app_icon())
    app.setStyleSheet(resources.read_text(resources.STYLESHEET))
    # The controller decides when to quit: hiding the sign-in dialog must not end the app.
    app.setQuitOnLastWindowClosed(False)


class AppController(QObject):
    """Sign in, open the main window, and come back to sign-in after "Sign out"."""

    def __init__(
        self,
        vault: Path,
        *,
        demo: bool = False,
        idle_interval_ms: int | None = None,
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.vault = Path(vault)
        self.demo = demo
        self.idle_interval_ms = idle_interval_ms
        self._quit = quit_app or QApplication.quit
        self.session: Session | None = None
        self.dialog: UnlockDialog | None = None
        self.window: MainWindow | None = None

    def start(self) -> UnlockDialog:
        """Show the sign-in dialog; in demo mode first make sure the demo vault exists."""
        dialog = self._show_unlock()
        if self.demo:
            dialog.prepare(
                operations.session.ensure_demo_vault(parent=dialog, vault=self.vault),
                "Preparing the demo vault (the first time takes a few seconds)…",
            )
        else:
            dialog.check_vault_exists()
        return dialog

    def _show_unlock(self, message: str = "") -> UnlockDialog:
        users = demo_data.USERS if self.demo else ()
        dialog = UnlockDialog(self.vault, demo_users=users)
        dialog.setWindowIcon(app_icon())
        dialog.unlocked.connect(self._signed_in)
        dialog.rejected.connect(self._quit)
        if message:
            dialog.form.show_error(message)
        self.dialog = dialog
        dialog.show()
        return dialog

    def _signed_in(self, session: object) -> None:
        from sefton_photos.session import Session
        from ui.main_window import MainWindow

        assert isinstance(session, Session)
        self.session = session
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        window = MainWindow(session, idle_interval_ms=self.idle_interval_ms)
        window.signed_out.connect(self._signed_out)
        window.closed.connect(self._window_closed)
        self.window = window
        window.show()

    def _signed_out(self, problem: str) -> None:
        self.session = None
        window, self.window = self.window, None
        if window is not None:
            window.close()  # self.window is None already: this close does not quit
            window.deleteLater()
        self._show_unlock(problem)

    def _window_closed(self) -> None:
        if self.window is not None:  # Quit or the window's close button, not sign-out
            self._quit()

    def shutdown(self) -> None:
        """Close the session on the worker and wait for it (after the event loop ended)."""
        session, self.session = self.session, None
        if session is not None and not session.closed:
            operations.session.close(parent=None, session=session).run()
        ops.wait_idle()


def launch(*, vault: Path | None = None, demo: bool = False) -> int:
    """Run the desktop app until it is quit; returns the exit code."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        if (missing := system_libs.problem()) is not None:
            raise SeftonError(missing)  # the CLI prints it and exits 1; Qt would abort
        app = QApplication(sys.argv)
    setup_application(app)
    where = paths.demo_vault() if demo else Path(vault or paths.default_vault())
    controller = AppController(where, demo=demo)
    controller.start()
    warm_up()
    try:
        return int(app.exec())
    finally:
        controller.shutdown()
