"""The Supervision page (R10, policy 5.5.3.2): every capture reaches supervision.

A line manager sees their team as a list (open items and the oldest's age), the
chosen worker's open items (tick them, then "Open a supervision session…" to
record a note), the photos of the chosen item, and the notes with that worker,
plus a Dashboard tab.  A social worker or key worker sees the items raised about
their own captures (read-only) and the notes to acknowledge.  Administrators and
communications officers are told in one sentence that supervision is not theirs.

Everything is fetched on the vault worker in one call (:func:`load_snapshot`) and
fetched again after each change, so the page never shows a state the core has not
confirmed.  On lock every model is emptied, every dialog closed and every answer
still on its way dropped (R8, policy 5.5.4.9).
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Note, Role
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.supervision_note import SupervisionNoteDialog
from ui.models.queue import WorkersListModel, summarise
from ui.ops import Latest, VaultOp, describe
from ui.views.dashboard import DashboardView
from ui.views.page import Page
from ui.views.supervision_notes import NotesPanel
from ui.views.supervision_queue import QueuePanel, Snapshot
from ui.widgets.message import MessageLabel

WORKERS = (Role.SOCIAL_WORKER, Role.KEY_WORKER)
NOT_YOURS = (
    "Supervision is for social workers, key workers and their line managers: every "
    "photo a worker takes is raised with their line manager and recorded in a "
    "supervision note (policy 5.5.3.2). There is nothing here for your role."
)


def scrolled(content: QWidget, name: str) -> QScrollArea:
    """``content`` fills the space while it fits, and scrolls when the text is large (200%)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setAccessibleName(name)
    return area


class SupervisionPage(Page):
    """Key "supervision"; what it holds depends on the signed-in person's role."""

    loaded = Signal()  # the queue and notes were (re)loaded, or failed to load
    recorded = Signal(object)  # a supervision note was stored (the Note)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("supervision", "Supervision", parent)
        self.session = session
        self.role = session.user.role
        self.is_manager = self.role is Role.LINE_MANAGER
        self.snapshot: Snapshot | None = None
        self.note_dialog: SupervisionNoteDialog | None = None
        self.locked = False
        self._latest = Latest()
        self.message = MessageLabel("Supervision message", self)
        self.tabs: QTabWidget | None = None
        self.dashboard: DashboardView | None = None
        self.workers_model = WorkersListModel(parent=self)
        self.workers_view: QListView | None = None

        if self.is_manager or self.role in WORKERS:
            self.queue = QueuePanel(session, checkable=self.is_manager, parent=self)
            self.notes = NotesPanel(session, self.message, manager=self.is_manager, parent=self)
            self.reload_button = QPushButton("&Reload", self)
            self.reload_button.setAccessibleName("Reload the queue and notes")
            self.reload_button.setAutoDefault(False)
            self.reload_button.clicked.connect(self.reload)
            self.notes.changed.connect(self._note_changed)
            if self.is_manager:
                self._build_manager()
            else:
                self._build_worker()
            self.on_unlocked()
        else:
            self.sentence = QLabel(NOT_YOURS, self)
            self.sentence.setWordWrap(True)
            self.sentence.setAccessibleName("About the Supervision page")
            self.body.addWidget(self.sentence)
            self.body.addStretch(1)

    # -- building -------------------------------------------------------------------------------

    def _top_row(self, intro: str) -> QHBoxLayout:
        text = QLabel(intro, self)
        text.setWordWrap(True)
        text.setProperty("role", "hint")
        text.setAccessibleName("About supervision")
        row = QHBoxLayout()
        row.addWidget(text, 1)
        row.addWidget(self.reload_button)
        return row

    def _build_manager(self) -> None:
        queue_tab = QWidget(self)
        workers_label = QLabel("&Workers in your team:", queue_tab)
        self.workers_view = QListView(queue_tab)
        self.workers_view.setModel(self.workers_model)
        self.workers_view.setAccessibleName("Workers in your team")
        self.workers_view.setAccessibleDescription(
            "Each worker with their open items and the oldest item's age; "
            "arrow keys choose a worker"
        )
        self.workers_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.workers_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.workers_view.setWordWrap(True)
        workers_label.setBuddy(self.workers_view)
        left = QWidget(queue_tab)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(workers_label)
        column.addWidget(self.workers_view, 1)
        right = QSplitter(Qt.Orientation.Vertical, queue_tab)
        right.setChildrenCollapsible(False)
        right.addWidget(self.queue)
        right.addWidget(self.notes)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 1)
        line = self.fontMetrics().height()
        right.setSizes([line * 30, line * 12])
        split = QSplitter(Qt.Orientation.Horizontal, queue_tab)
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 4)
        em = self.fontMetrics().horizontalAdvance("M")
        split.setSizes([em * 16, em * 64])
        layout = QVBoxLayout(queue_tab)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(scrolled(split, "Queue and notes"), 1)

        self.dashboard = DashboardView(self.session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Supervision sections")
        self.tabs.addTab(queue_tab, "&Queue and notes")
        self.tabs.addTab(self.dashboard, "Dash&board")
        self.body.addLayout(
            self._top_row(
                "Every photo your team takes is raised here until a supervision note "
                "records it (policy 5.5.3.2). Choose a worker, tick the items you "
                "discussed, then open a supervision session."
            )
        )
        self.body.addWidget(self.message)
        self.body.addWidget(self.tabs, 1)
        self.workers_view.selectionModel().selectionChanged.connect(self._worker_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.queue.session_requested.connect(self.open_session_dialog)

    def _build_worker(self) -> None:
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.queue)
        split.addWidget(self.notes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        line = self.fontMetrics().height()
        split.setSizes([line * 30, line * 12])
        self.body.addLayout(
            self._top_row(
                "Every photo you take is raised with your line manager until a "
                "supervision note records it (policy 5.5.3.2). Acknowledge each note "
                "with your own sign-in; add an addendum to correct it."
            )
        )
        self.body.addWidget(self.message)
        self.body.addWidget(scrolled(split, "Items and notes"), 1)

    # -- loading --------------------------------------------------------------------------------

    def reload(self) -> VaultOp[Snapshot]:
        """Fetch the team, queue and notes on the worker, then show them."""
        ticket = self._latest.start()
        self.reload_button.setEnabled(False)

        def done(snapshot: Snapshot) -> None:
            if self._latest.current(ticket):
                self.reload_button.setEnabled(True)
                self.show_snapshot(snapshot)
                self.loaded.emit()

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.reload_button.setEnabled(True)
                self.message.show_error(describe(error))
                self.loaded.emit()

        op = operations.supervision.snapshot(parent=self, session=self.session)
        return op.success(done).failure(failed).run()

    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        if not self.is_manager:
            self._show_worker(self.session.user.name)
            return
        chosen = self.selected_worker()
        self.workers_model.set_workers(summarise(snapshot.team, snapshot.items))
        if chosen is None and self.workers_model.rowCount():
            # Start with whoever has the most open items (ties: by name).
            busiest = max(self.workers_model.workers, key=lambda w: w.open_items)
            chosen = busiest.name if busiest.open_items else None
        if chosen is None or not self.select_worker(chosen):
            self._show_worker(None)

    def selected_worker(self) -> str | None:
        if self.workers_view is None:
            return self.session.user.name
        rows = self.workers_view.selectionModel().selectedRows()
        return self.workers_model.workers[rows[0].row()].name if rows else None

    def select_worker(self, name: str) -> bool:
        """Choose a worker in the list (keyboard users and tests); True if they are there."""
        row = self.workers_model.row_of(name)
        if row < 0 or self.workers_view is None:
            return False
        if self.selected_worker() == name:
            self._show_worker(name)  # the same worker again: show their fresh items
        else:
            self.workers_view.setCurrentIndex(self.workers_model.index(row))  # → _worker_changed
        return True

    def _worker_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_worker(self.selected_worker())

    def _show_worker(self, worker: str | None) -> None:
        snapshot = self.snapshot
        if snapshot is None:
            return
        items = snapshot.open_items(worker) if worker else []
        self.queue.set_items(items, worker)
        notes = snapshot.notes_of(worker) if worker else []
        self.notes.set_notes(notes, {i.id: i for i in snapshot.items}, worker)

    def _tab_changed(self, index: int) -> None:
        tabs, dashboard = self.tabs, self.dashboard
        if dashboard is not None and tabs is not None and not self.locked:
            showing = tabs.widget(index) is dashboard
            if showing:
                dashboard.ensure_loaded()

    # -- recording a session --------------------------------------------------------------------

    def open_session_dialog(self) -> SupervisionNoteDialog | None:
        """The note dialog for the chosen worker with the ticked items."""
        worker = self.selected_worker()
        if worker is None or not self.is_manager:
            self.message.show_error("Choose a worker first, then open a supervision session.")
            return None
        dialog = SupervisionNoteDialog(
            self.session, worker, self.queue.model.ticked_items(), parent=self
        )
        dialog.recorded.connect(self._recorded)
        dialog.finished.connect(dialog.deleteLater)
        self.note_dialog = dialog
        dialog.open()
        return dialog

    def _note_changed(self, _note: Note) -> None:
        if not self.locked:  # an answer that arrives after the lock is not shown
            self.reload()

    def _recorded(self, note: Note) -> None:
        if self.locked:
            return
        count = len(note.item_ids)
        covered = "1 item" if count == 1 else f"{count} items"
        self.message.show_info(
            f"Supervision note {note.id} with {note.worker} was saved; it records {covered}. "
            f"It now waits for both acknowledgements."
        )
        self.recorded.emit(note)
        self.reload().finished.connect(lambda: self.notes.select_note(note.id))

    # -- lock and unlock ------------------------------------------------------------------------

    def on_locked(self) -> None:
        """Empty every model and close every dialog; answers still on their way are dropped."""
        self.locked = True
        if self.role not in WORKERS and not self.is_manager:
            return
        self._latest.drop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self.note_dialog = None
        self.notes.dialog = None
        self.snapshot = None
        self.workers_model.clear()
        self.queue.clear()
        self.notes.clear()
        self.message.clear_message()
        if self.dashboard is not None:
            self.dashboard.forget()

    def on_unlocked(self) -> None:
        self.locked = False
        if self.role not in WORKERS and not self.is_manager:
            return
        self.message.clear_message()
        self.reload()
        if self.tabs is not None and self.tabs.currentWidget() is self.dashboard:
            assert self.dashboard is not None
            self.dashboard.ensure_loaded()
