"""The main window: navigation by role, the pages, locking, signing out.

The left list shows only the pages of the signed-in person's role
(:mod:`ui.models.navigation`); the core still checks every action.  Locking
(Ctrl+L, or the idle watcher of :mod:`ui.idle`) swaps every page out for the lock
panel at once, tells each page to forget what it shows, and then asks the core
on the worker to forget the keys (R8, policy 5.5.4.9).  The right password
restores the page that was open.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model.settings import AUTO_LOCK_MINUTES
from sefton_photos.session import Session
from ui import operations
from ui.idle import IdleWatcher, minutes_to_ms
from ui.models.navigation import NavigationModel
from ui.ops import describe
from ui.views.admin import AdminPage
from ui.views.children import ChildrenPage
from ui.views.lock_panel import LockPanel
from ui.views.page import PLACEHOLDER_TEXT, Page, PlaceholderPage
from ui.views.supervision import SupervisionPage
from ui.widgets.message import MessageLabel
from ui.window_memory import WindowMemory, person_key, settings_store

DEFAULT_IDLE_MINUTES = AUTO_LOCK_MINUTES.default  # until the vault's own value is read


class MainWindow(QMainWindow):
    """One signed-in session.  ``idle_interval_ms`` overrides the vault's auto-lock time."""

    lock_finished = Signal()  # the core has forgotten the keys
    unlock_finished = Signal()  # the right password was given; pages are back
    signed_out = Signal(str)  # the session is closed; "" or a problem to show
    closed = Signal()  # the window was closed (Quit)

    def __init__(
        self,
        session: Session,
        *,
        idle_interval_ms: int | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.locked = False
        self.signing_out = False
        self._page_before_lock = 0
        user = session.user
        self.setWindowTitle(f"Sefton Photos — {user.name}")
        self.setAccessibleName("Sefton Photos main window")

        self.nav_model = NavigationModel(user.role, self)
        self.nav_view = QListView(self)
        self.nav_view.setObjectName("navigation")
        self.nav_view.setModel(self.nav_model)
        self.nav_view.setAccessibleName("Navigation")
        self.nav_view.setAccessibleDescription("Choose a page; Ctrl+1, Ctrl+2 … jump directly")
        self.nav_view.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 16)

        self.pages = QStackedWidget(self)
        self.pages.setAccessibleName("Pages")
        self.page_for_key: dict[str, Page] = {}
        for entry in self.nav_model.entries:
            page = self._make_page(entry.key, entry.title)
            self.page_for_key[entry.key] = page
            self.pages.addWidget(page)

        # A vault that opened read-only (rolled back, tampered) says why on every page,
        # before any change is refused (R14, policy 13.1).
        self.problem_banner = MessageLabel("Vault problem", self)
        if session.problem:
            self.problem_banner.show_error(
                f"This vault is open for reading only: {session.problem} Nothing can be "
                "changed; tell your information governance team."
            )

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.problem_banner)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav_view)
        row.addWidget(self.pages, 1)
        column.addLayout(row, 1)
        self.content = content

        self.lock_panel = LockPanel(session, self)
        self.lock_panel.form.unlocked.connect(self._unlocked)
        self.lock_panel.sign_out_requested.connect(self.sign_out)

        self.outer = QStackedWidget(self)
        self.outer.addWidget(content)
        self.outer.addWidget(self.lock_panel)
        self.setCentralWidget(self.outer)

        self.nav_view.selectionModel().selectionChanged.connect(self._nav_changed)
        if self.nav_model.rowCount():
            self.nav_view.setCurrentIndex(self.nav_model.index(0))

        self._make_actions()
        self._make_status_bar()

        self.idle = IdleWatcher(
            idle_interval_ms or minutes_to_ms(DEFAULT_IDLE_MINUTES), parent=self
        )
        self.idle.idle.connect(lambda: self.lock(reason="idle"))
        self.idle.start()
        if idle_interval_ms is None:
            operations.admin.auto_lock_minutes(parent=self, session=session).success(
                self.set_auto_lock_minutes
            ).failure(lambda error: self.statusBar().showMessage(describe(error), 10_000)).run()
        self.memory = WindowMemory(
            settings or settings_store(),
            person_key(session.vault.path, int(user.id)),
            self,
            "main",
        )
        self.memory.restore(default=self.default_size())

    # -- building -------------------------------------------------------------------------------

    def _make_page(self, key: str, title: str) -> Page:
        if key == "children":
            return ChildrenPage(self.session, self)
        if key == "supervision":
            return SupervisionPage(self.session, self)
        if key == "admin":
            admin = AdminPage(self.session, self)
            admin.auto_lock_changed.connect(self.set_auto_lock_minutes)
            return admin
        return PlaceholderPage(key, title, PLACEHOLDER_TEXT[key], self)

    def _action(self, text: str, name: str, shortcut: QKeySequence | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setStatusTip(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _make_actions(self) -> None:
        self.lock_action = self._action("&Lock", "Lock", QKeySequence("Ctrl+L"))
        # Ctrl+L works from any window of the app, e.g. with the Add user dialog open.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda: self.lock(reason="by hand"))
        self.sign_out_action = self._action("Sign &out", "Sign out")
        self.sign_out_action.triggered.connect(self.sign_out)
        quit_keys = QKeySequence(QKeySequence.StandardKey.Quit)
        self.quit_action = self._action("&Quit", "Quit", quit_keys)
        self.quit_action.triggered.connect(self.close)
        self.about_action = self._action("&About Sefton Photos", "About")
        self.about_action.triggered.connect(self.show_about)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self.go_actions: list[QAction] = []
        go_menu = self.menuBar().addMenu("&Go")
        for row, entry in enumerate(self.nav_model.entries):
            shortcut = QKeySequence(f"Ctrl+{row + 1}") if row < 9 else None
            action = self._action(f"&{row + 1} {entry.title}", f"Go to {entry.title}", shortcut)
            action.triggered.connect(lambda _=False, r=row: self.show_row(r))
            go_menu.addAction(action)
            self.go_actions.append(action)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _make_status_bar(self) -> None:
        user = self.session.user
        self.user_label = QLabel(f"Signed in: {user.name}", self)
        self.user_label.setAccessibleName("Signed-in user")
        self.role_label = QLabel(f"Role: {user.role.label}", self)
        self.role_label.setAccessibleName("Role")
        self.vault_label = QLabel(f"Vault: {self.session.vault.path}", self)
        self.vault_label.setAccessibleName("Vault folder")
        self.vault_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.role_label)
        bar.addPermanentWidget(self.vault_label)

    # -- navigation -----------------------------------------------------------------------------

    def show_row(self, row: int) -> None:
        if not self.locked and 0 <= row < self.nav_model.rowCount():
            self.nav_view.setCurrentIndex(self.nav_model.index(row))

    def show_page(self, key: str) -> None:
        self.show_row(self.nav_model.row_of(key))

    def current_page(self) -> Page:
        page = self.pages.currentWidget()
        assert isinstance(page, Page)
        return page

    def _nav_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._show_index(indexes[0])

    def _show_index(self, index: QModelIndex) -> None:
        key = index.data(NavigationModel.KeyRole)
        page = self.page_for_key.get(str(key))
        if page is not None:
            self.pages.setCurrentWidget(page)

    # -- auto-lock and lock -----------------------------------------------------------------------

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self.idle.set_interval_ms(minutes_to_ms(minutes))

    def lock(self, *, reason: str = "by hand") -> None:
        """Hide every page now, then have the core forget the keys (on the worker)."""
        if self.locked or self.signing_out:
            return
        self.locked = True
        self.idle.stop()
        self._page_before_lock = self.pages.currentIndex()
        self._close_dialogs()
        for page in self.page_for_key.values():
            page.on_locked()
        self.outer.setCurrentWidget(self.lock_panel)
        self._update_actions()
        self.lock_panel.prepare(reason)
        operations.session.lock(parent=self, session=self.session, reason=reason).success(
            lambda _result: self.lock_finished.emit()
        ).failure(self._lock_failed).run()

    def _lock_failed(self, error: BaseException) -> None:
        self.lock_panel.form.show_error(f"Locking did not finish cleanly: {describe(error)}")
        self.lock_finished.emit()

    def _unlocked(self, _session: object) -> None:
        self.locked = False
        self.outer.setCurrentWidget(self.content)
        self.pages.setCurrentIndex(self._page_before_lock)
        self.nav_view.setCurrentIndex(self.nav_model.index(self._page_before_lock))
        self._update_actions()
        for page in self.page_for_key.values():
            page.on_unlocked()
        self.idle.start()
        self.nav_view.setFocus()
        self.unlock_finished.emit()

    def _update_actions(self) -> None:
        self.lock_action.setEnabled(not self.locked and not self.signing_out)
        for action in self.go_actions:
            action.setEnabled(not self.locked)

    def _close_dialogs(self) -> None:
        """Nothing opened from a page may stay on screen over the lock."""
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)  # even one that refuses Cancel

    # -- signing out, closing, about --------------------------------------------------------------

    def sign_out(self) -> None:
        """Close the session on the worker, then hand back to the sign-in screen."""
        if self.signing_out:
            return
        self.signing_out = True
        self.idle.stop()
        self._close_dialogs()
        for page in self.page_for_key.values():
            page.on_locked()
        self.outer.setCurrentWidget(self.lock_panel)
        self.lock_panel.form.set_busy(True, "Signing out…")
        self._update_actions()
        self.sign_out_action.setEnabled(False)
        operations.session.close(parent=self, session=self.session).success(
            lambda _result: self.signed_out.emit("")
        ).failure(lambda error: self.signed_out.emit(describe(error))).run()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Sefton Photos",
            "Sefton Photos keeps photos of children in care encrypted and checks "
            "consent before anything is taken, shared or exported.\n\n"
            "It is open-source software made for children's social care teams.",
        )

    def default_size(self) -> QSize:
        """A first window: roomy enough for the grid and the file side by side."""
        em, line = self.fontMetrics().horizontalAdvance("M"), self.fontMetrics().height()
        return QSize(max(1200, em * 80), max(760, line * 40))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.memory.save()
        self.idle.stop()
        self.closed.emit()
        super().closeEvent(event)
