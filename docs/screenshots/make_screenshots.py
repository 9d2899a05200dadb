"""Make the PNG screenshots in docs/screenshots from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_screenshots.py

The demo vault is created in a temporary folder and deleted afterwards, so the
real data folder is never touched.  It writes unlock.png (the sign-in dialog, the
demo list with Sam Social picked), main-window.png (Morgan Manager signed in),
locked.png (the same window locked after being idle) and admin.png (Alex Admin's
Admin page, Users tab).  ``--scale 2`` writes the same pictures at 200 %
(``unlock-200.png`` and so on; see shots.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import shots
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from sefton_photos import demo
from sefton_photos.session import Session
from ui import ops
from ui.dialogs.unlock import UnlockDialog
from ui.main_window import MainWindow
from ui.views.admin import AdminPage

HERE = Path(__file__).resolve().parent
WINDOW = QSize(1100, 700)


def settle(app: QApplication) -> None:
    """Let the vault worker finish and every answer and repaint arrive."""
    for _ in range(3):
        ops.wait_idle()
        for _ in range(10):
            app.processEvents()


def save(widget: QWidget, name: str) -> None:
    shots.save(widget, name)


def unlock_dialog(app: QApplication, vault: Path, name: str) -> None:
    dialog = UnlockDialog(vault, demo_users=demo.USERS)
    dialog.show()
    dialog.resize(dialog.sizeHint().expandedTo(QSize(640, 620)))
    view, model = dialog.demo_view, dialog.demo_model
    assert view is not None and model is not None
    view.selectRow(2)  # as if the newcomer picked Sam Social
    dialog.form.fill(model.user_at(2).name, model.user_at(2).password)
    settle(app)
    save(dialog, name)
    dialog.close()


def signed_in(app: QApplication, vault: Path, who: demo.DemoUser) -> MainWindow:
    session = Session.unlock(vault, name=who.name, password=who.password)
    window = MainWindow(session, idle_interval_ms=3_600_000)
    window.resize(WINDOW)
    window.show()
    settle(app)
    return window


def sign_out(app: QApplication, window: MainWindow) -> None:
    window.sign_out()
    settle(app)
    window.close()


def main() -> int:
    args = shots.arguments()
    with tempfile.TemporaryDirectory(prefix="sefton-shots-") as tmp:
        app = shots.start(args.scale)
        vault = demo.ensure_demo_vault(Path(tmp) / "demo-vault")

        unlock_dialog(app, vault, "unlock")

        manager = next(u for u in demo.USERS if u.name == "Morgan Manager")
        window = signed_in(app, vault, manager)
        save(window, "main-window")
        window.lock(reason="idle")
        settle(app)
        save(window, "locked")
        sign_out(app, window)

        window = signed_in(app, vault, demo.ADMIN)
        page = window.page_for_key["admin"]
        assert isinstance(page, AdminPage)
        page.users_tab.table.setFocus(Qt.FocusReason.OtherFocusReason)
        page.users_tab.select_name("Sam Social")
        settle(app)
        save(window, "admin")
        sign_out(app, window)
    return 0


if __name__ == "__main__":
    sys.exit(main())
