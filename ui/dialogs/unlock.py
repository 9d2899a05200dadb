"""The sign-in window: who you are, your password, and (in demo mode) the demo people.

It is the first thing the app shows and the way back in after "Sign out".  It
holds the :class:`~sefton_photos.session.Session` once the core has accepted the
password, and accepts; the caller then opens the main window.  With a session it
becomes the re-unlock prompt after a lock (name fixed, ``unlock_again``).

Everything slow (Argon2id, creating the demo vault) runs on the vault worker
while the form shows a busy state; refusals show the core's own words.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.demo import DemoUser
from ui import operations
from ui.models.demo import DemoUsersModel
from ui.ops import VaultOp, describe
from ui.widgets.unlock_form import UnlockForm

if TYPE_CHECKING:  # the session (SQLAlchemy, Alembic...) loads on the worker, after paint
    from sefton_photos.session import Session

T = TypeVar("T")


class UnlockDialog(QDialog):
    """Sign in (``vault=``) or unlock again (``session=``); emits :attr:`unlocked`."""

    unlocked = Signal(object)  # the Session

    def __init__(
        self,
        vault: Path | None = None,
        *,
        session: Session | None = None,
        demo_users: Sequence[DemoUser] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.vault = Path(vault) if vault is not None else None
        relock = session is not None
        self.setWindowTitle("Unlock Sefton Photos" if relock else "Sign in to Sefton Photos")
        self.setAccessibleName(self.windowTitle())

        title = QLabel("Sefton Photos is locked" if relock else "Sign in to Sefton Photos", self)
        title.setProperty("role", "title")
        if relock:
            assert session is not None
            where = f"Enter the password of {session.user.name} to carry on."
        else:
            where = f"Vault folder: {self.vault}"
        self.where = QLabel(where, self)
        self.where.setProperty("role", "hint")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form = UnlockForm(vault=self.vault, session=session, parent=self)
        self.form.unlocked.connect(self._unlocked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(self.where)
        layout.addWidget(self.form)

        self.demo_model: DemoUsersModel | None = None
        self.demo_view: QTableView | None = None
        if demo_users and not relock:
            self._add_demo_list(layout, demo_users)
        else:
            layout.addStretch(1)
        self.form.focus_first()

    # -- the demo list ----------------------------------------------------------------------

    def _add_demo_list(self, layout: QVBoxLayout, users: Sequence[DemoUser]) -> None:
        heading = QLabel("Demo users", self)
        heading.setProperty("role", "subtitle")
        hint = QLabel(
            "These people are fictional and the demo vault holds no real data. "
            "Click a row, or press Enter on it, to fill in the name and password.",
            self,
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.demo_model = DemoUsersModel(users, self)
        view = QTableView(self)
        view.setModel(self.demo_model)
        view.setAccessibleName("Demo users")
        view.setAccessibleDescription("Choose a demo user to fill in their name and password")
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Every column whole, the password above all (issue 12): the list is never narrower
        # than its contents, so the dialog opens wide enough and nothing scrolls sideways.
        wanted = sum(
            max(view.sizeHintForColumn(c), header.sectionSizeHint(c))
            for c in range(self.demo_model.columnCount())
        )
        view.setMinimumWidth(
            wanted + 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width() + 4
        )
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.clicked.connect(self._demo_chosen)
        view.activated.connect(self._demo_chosen)
        view.installEventFilter(self)
        heading.setBuddy(view)
        self.demo_view = view
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(view, 1)
        self.setTabOrder(self.form.unlock_button, view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a demo row fills the fields; it does not also press Unlock."""
        if watched is self.demo_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                index = self.demo_view.currentIndex()
                if index.isValid():
                    self._demo_chosen(index)
                return True
        return super().eventFilter(watched, event)

    def _demo_chosen(self, index: QModelIndex) -> None:
        if self.demo_model is None or not index.isValid() or self.form.busy:
            return
        user = self.demo_model.user_at(index.row())
        self.form.fill(user.name, user.password)
        self.form.unlock_button.setFocus()

    # -- slow preparation and the missing-vault check -----------------------------------------

    def prepare(self, op: VaultOp[T], message: str) -> VaultOp[T]:
        """Run ``op`` with the form busy (e.g. creating the demo vault)."""
        self.form.set_busy(True, message)

        def failed(error: BaseException) -> None:
            self.form.set_busy(False)
            self.form.show_error(describe(error))

        op.success(lambda _result: self.form.set_busy(False)).failure(failed)
        return op.run()

    def check_vault_exists(self) -> VaultOp[None] | None:
        """Say at once, in the core's words, when the folder holds no usable vault.

        ``Session.check_folder`` asks for no password and writes nothing.
        """
        vault = self.vault
        if vault is None:
            return None

        def answer(error: BaseException) -> None:
            self.form.show_error(describe(error))

        return operations.session.check_folder(parent=self, vault=vault).failure(answer).run()

    # -- outcome ------------------------------------------------------------------------------

    def _unlocked(self, session: object) -> None:
        from sefton_photos.session import Session

        assert isinstance(session, Session)
        self.session = session
        self.unlocked.emit(session)
        self.accept()

    def reject(self) -> None:
        """Closing is refused while a password check runs: its answer must be received."""
        if self.form.busy:
            return
        super().reject()
