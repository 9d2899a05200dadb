"""The Children page: the children this user may see, and the chosen child's file.

On the left, a searchable list (``session.children.list``: need-to-know is the
core's, so a worker sees only the children allocated to them) with each child's
date of birth, age and care status in words, and "Open a new file…".  On the
right, the file of the child opened with Enter or a click
(:class:`~ui.views.child_file.ChildFileView`), including the consent check.
Every call runs on the vault worker.  On lock every model is emptied and any
answer still on its way is dropped; on unlock the list is loaded again.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Child, ChildFile, Role, User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.add_child import AddChildDialog
from ui.models.children import ChildrenListModel
from ui.ops import Latest, VaultOp, describe
from ui.views.child_file import ChildFileView
from ui.views.page import Page
from ui.widgets.child_item import ChildItemDelegate
from ui.widgets.message import MessageLabel

SEARCH_DELAY_MS = 300
OPENERS = (Role.SOCIAL_WORKER, Role.LINE_MANAGER)


class ChildrenPage(Page):
    """List and search on the left, the open child's file on the right."""

    children_loaded = Signal()  # the list was (re)loaded, or failed to load
    staff_loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("children", "Children", parent)
        self.session = session
        self.locked = False
        self.staff: list[User] = []
        self.add_dialog: AddChildDialog | None = None
        self._latest = Latest()
        self._open_after_load: int | None = None

        left = QWidget(self)
        search_label = QLabel("Fin&d a child:", left)
        self.search_edit = QLineEdit(left)
        self.search_edit.setAccessibleName("Find a child")
        self.search_edit.setAccessibleDescription("Type part of a name; the list follows")
        self.search_edit.setPlaceholderText("Part of a name")
        self.search_edit.setClearButtonEnabled(True)
        for clear in self.search_edit.findChildren(QToolButton):
            clear.setAccessibleName("Clear the search")
        search_label.setBuddy(self.search_edit)
        list_label = QLabel("Chi&ldren you may see:", left)
        self.model = ChildrenListModel(parent=self)
        self.list_view = QListView(left)
        self.list_view.setModel(self.model)
        self.list_view.setItemDelegate(ChildItemDelegate(self.list_view))
        self.list_view.setAccessibleName("Children you may see")
        self.list_view.setAccessibleDescription(
            "Arrow keys choose a child; Enter opens their file (each opening is audited)"
        )
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.setUniformItemSizes(False)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 16)
        list_label.setBuddy(self.list_view)
        self.empty_label = QLabel(left)
        self.empty_label.setWordWrap(True)
        self.empty_label.setProperty("role", "hint")
        self.empty_label.setAccessibleName("About the list")
        self.empty_label.hide()
        self.new_button = QPushButton("Open a &new file…", left)
        self.new_button.setAccessibleName("Open a new file")
        self.new_button.setAccessibleDescription("Open a file for a child new to the service")
        self.new_button.setAutoDefault(False)
        self.new_button.setEnabled(session.user.role in OPENERS)
        if not self.new_button.isEnabled():
            self.new_button.setToolTip("Files are opened by social workers and line managers.")
        self.message = MessageLabel("Children message", left)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(search_label)
        column.addWidget(self.search_edit)
        column.addWidget(list_label)
        column.addWidget(self.list_view, 1)
        column.addWidget(self.empty_label)
        column.addWidget(self.message)
        column.addWidget(self.new_button)

        self.file_view = ChildFileView(session, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.file_view)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        em = self.fontMetrics().horizontalAdvance("M")
        self.splitter.setSizes([em * 20, em * 60])
        self._list_wanted = 0  # the width of the widest row (see _fit_list)
        self._splitter_dragged = False
        self.splitter.splitterMoved.connect(self._dragged)
        self.body.addWidget(self.splitter, 1)

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_edit.returnPressed.connect(self.refresh)
        self.list_view.activated.connect(self._activated)
        self.list_view.clicked.connect(self._activated)
        self.new_button.clicked.connect(self.open_add_child)
        self.on_unlocked()

    # -- lock and unlock ------------------------------------------------------------------------

    def on_locked(self) -> None:
        """Empty every model and drop answers still on their way (no name stays shown)."""
        self.locked = True
        self._latest.drop()
        self.search_timer.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self.add_dialog = None
        self.model.clear()
        self.staff = []
        self.file_view.staff = []
        self.file_view.clear()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.empty_label.hide()
        self.message.clear_message()

    def on_unlocked(self) -> None:
        self.locked = False
        self.refresh()
        self.load_staff()

    # -- the list ------------------------------------------------------------------------------

    def _fit_list(self) -> None:
        """Give the list the width of its rows' words, beside the scroll bar, where the
        window has room for it and the file (issue 12: "born 30 Januar…" in a 1100-pixel
        window).  Only the splitter moves: a smaller window (960 x 540 at 200 %) still
        fits, the rows then elided.  Once the worker drags the splitter, it stays."""
        view = self.list_view
        rows = (view.sizeHintForIndex(self.model.index(r)) for r in range(self.model.rowCount()))
        widest = max((size.width() for size in rows), default=0)
        scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self._list_wanted = widest + scroll_bar + 2 * view.frameWidth()
        self._widen_list()

    def _widen_list(self) -> None:
        sizes = self.splitter.sizes()
        if self._splitter_dragged or len(sizes) != 2 or not self.splitter.isVisible():
            return
        left = self.splitter.widget(0)
        extra = left.width() - self.list_view.width() if left is not None else 0
        total = sum(sizes)
        room = total - self.file_view.minimumSizeHint().width()
        wanted = min(self._list_wanted + extra, room)
        if sizes[0] < wanted:
            self.splitter.setSizes([wanted, total - wanted])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._widen_list()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._widen_list()

    def _dragged(self, _pos: int, _index: int) -> None:
        self._splitter_dragged = True

    def refresh(self) -> VaultOp[list[Child]] | None:
        """Reload the list (with the search text) on the worker."""
        if self.locked:
            return None
        self.search_timer.stop()
        search = self.search_edit.text().strip() or None
        ticket = self._latest.ticket()

        def loaded(found: list[Child]) -> None:
            if not self._latest.current(ticket):
                return
            self.model.set_children(found)
            self._fit_list()
            self._say_empty(search)
            self._reopen_selection()
            self.children_loaded.emit()

        def failed(error: BaseException) -> None:
            if not self._latest.current(ticket):
                return
            self.model.clear()
            self.message.show_error(describe(error))
            self.children_loaded.emit()

        op = operations.children.find(parent=self, session=self.session, search=search)
        return op.success(loaded).failure(failed).run()

    def _say_empty(self, search: str | None) -> None:
        if self.model.rowCount():
            self.empty_label.hide()
            return
        self.empty_label.setText(
            f"No child you may see has {search!r} in their name."
            if search
            else "No children are allocated to you. A child's social worker allocates "
            "key workers; a line manager sees the children of their team."
        )
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.empty_label.show()

    def _reopen_selection(self) -> None:
        """Keep the open child selected in the new list (or open a file just created)."""
        wanted = self._open_after_load
        self._open_after_load = None
        if wanted is None and self.file_view.file is not None:
            current = self.model.row_of(self.file_view.file.child.id)
            if current >= 0:
                self.list_view.setCurrentIndex(self.model.index(current))
            return
        if wanted is not None and (row := self.model.row_of(wanted)) >= 0:
            self.list_view.setCurrentIndex(self.model.index(row))
            self.open_child(wanted)

    def load_staff(self) -> VaultOp[list[User]] | None:
        """Staff names for the dialogs (key workers to allocate, who permitted)."""
        if self.locked:
            return None
        ticket = self._latest.ticket()

        def loaded(users: list[User]) -> None:
            if self._latest.current(ticket):
                self.staff = users
                self.file_view.staff = users
                self.staff_loaded.emit()

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.message.show_error(describe(error))
                self.staff_loaded.emit()

        op = operations.users.listing(parent=self, session=self.session)
        return op.success(loaded).failure(failed).run()

    def select_name(self, name: str) -> bool:
        """Select (not open) the row of ``name``; True if listed."""
        for row, child in enumerate(self.model.listed):
            if child.name == name:
                self.list_view.setCurrentIndex(self.model.index(row))
                return True
        return False

    # -- opening a file ------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_child(self.model.child_at(index.row()).id)

    def open_child(self, child_id: int) -> VaultOp[ChildFile] | None:
        """Open a child's file on the right (not again if it is open or opening)."""
        if self.locked or self.file_view.loading == child_id:
            return None
        if self.file_view.file is not None and self.file_view.file.child.id == child_id:
            return None
        return self.file_view.load(child_id)

    def open_add_child(self) -> AddChildDialog:
        dialog = AddChildDialog(self.session, self.staff, self)
        dialog.saved.connect(self._child_added)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _child_added(self, child: object) -> None:
        if self.locked or not isinstance(child, Child):
            return
        self.message.show_info(f"A file was opened for {child.name}.")
        self._open_after_load = child.id
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.refresh()
