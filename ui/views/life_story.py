"""The life story book editor: one child's photos made into a PDF book for the child.

Tick photos in the grid (Space ticks the current one) and they become pages, in
the order ticked; "Move up" / "Move down" (Ctrl+Up / Ctrl+Down in the pages
table) reorder them; each page has a caption (F2 edits it) and the book a title.
The preview shows the current page as it will read: its picture as the book will print
it (the faces its decision blurs, blurred: ``session.lifestory.page_picture``), its caption.
Every page is judged by the core (``session.lifestory.decide``: a consent covering
life story work, R3, R12) and its decision is shown in words, with each reason's
rule and clause (R14).  "Make the book (PDF)" is enabled when every page is
ALLOWED; it runs ``session.lifestory.build`` on the vault worker into the approved
location chosen, and says the file name it wrote (other faces are blurred by the
core, R11).  Grid thumbnails come from the photo grid's lazy loader; on lock everything
shown is forgotten.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.decisions import Decision
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui import operations
from ui.models.life_story import PagesModel, TickablePhotos
from ui.models.photos import PhotoGridModel
from ui.ops import Latest, VaultOp, describe
from ui.widgets.book_views import GRID_SIDE, pages_table, tick_grid
from ui.widgets.location_choice import LocationCombo
from ui.widgets.message import MessageLabel
from ui.widgets.page_preview import PREVIEW_SIDE, PagePreview

if TYPE_CHECKING:
    from sefton_photos.services.exporter import RedactedView


def default_title(name: str) -> str:
    first = name.split()[0] if name.strip() else ""
    return f"{first}'s story" if first else "My story"


class LifeStoryEditor(QWidget):
    """Tick photos, order pages, caption them, title the book, make the PDF."""

    photos_listed = Signal(int)
    decided = Signal()  # the pages' decisions arrived (or the check failed)
    book_made = Signal(object)  # the Path written
    locations_loaded = Signal()

    def __init__(
        self,
        session: Session,
        child_id: int | None = None,
        child_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: int | None = None
        self.child_name = ""
        self.busy = False
        self._listing = Latest()  # which set_child a listing answers
        self._deciding = Latest()  # which set of pages a decision answers
        self.setAccessibleName("Life story book")
        self._ratio = ratio = QGuiApplication.primaryScreen().devicePixelRatio()

        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName("Title of the book")
        self.title_edit.setMaxLength(120)
        self.folder = LocationCombo("Save the book in", self, subfolders=False)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, field in (("&Title:", self.title_edit), ("&Save the book in:", self.folder)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)

        # The photos: the grid's own model (lazy thumbnails), with a tick box each.
        self.photos = PhotoGridModel(self, side=GRID_SIDE)
        self.tickable = TickablePhotos(self.photos, self)
        self.grid = tick_grid(self.tickable, self)
        grid_label = QLabel("&Photos (tick them for the book):", self)
        grid_label.setBuddy(self.grid)

        # The pages, in order.
        self.pages = PagesModel(self)
        self.table = pages_table(self.pages, self)
        pages_label = QLabel("Pa&ges of the book:", self)
        pages_label.setBuddy(self.table)
        self.up_button = self._button("Move &up", "Move the page up (Ctrl+Up)")
        self.down_button = self._button("Move do&wn", "Move the page down (Ctrl+Down)")
        self.remove_button = self._button("&Remove page", "Take the page out of the book")
        for keys, delta in (("Ctrl+Up", -1), ("Ctrl+Down", 1)):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda d=delta: self.move_current(d))

        # The preview of the current page and its decision.
        self.preview = PagePreview(self)
        self._side = round(PREVIEW_SIDE * ratio)
        # Which decision each page's picture was drawn for: a new blur redraws it (R11).
        self._drawn_for: dict[int, tuple[tuple[int, ...], bool]] = {}
        self._drawing: set[int] = set()

        self.pages_message = MessageLabel("Refused pages", self)
        self.message = MessageLabel("Life story message", self)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Making the book")
        self.progress.hide()
        self.make_button = QPushButton("&Make the book (PDF)", self)
        self.make_button.setAccessibleName("Make the book (PDF)")
        self.make_button.setAccessibleDescription(
            "Enabled when every page is ALLOWED; written under a neutral name"
        )
        self.make_button.setAutoDefault(False)

        moves = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            moves.addWidget(button)
        moves.addStretch(1)
        columns = QGridLayout()
        columns.addWidget(grid_label, 0, 0)
        columns.addWidget(self.grid, 1, 0, 2, 1)
        columns.addWidget(pages_label, 0, 1)
        columns.addWidget(self.table, 1, 1)
        columns.addLayout(moves, 2, 1)
        columns.addWidget(self.preview, 0, 2, 3, 1)
        for column, stretch in enumerate((3, 4, 3)):
            columns.setColumnStretch(column, stretch)
        columns.setRowStretch(1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(columns, 1)
        layout.addWidget(self.pages_message)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        self.tickable.page_of = lambda pid: (
            None if (row := self.pages.row_of(pid)) is None else row + 1
        )
        self.tickable.toggled.connect(self._toggled)
        self.pages.pages_changed.connect(self._update)
        self.pages.pages_changed.connect(self.tickable.renumbered)
        self.pages.caption_changed.connect(lambda _row: self._show_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_current())
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.remove_button.clicked.connect(self.remove_current)
        self.folder.folder_changed.connect(lambda _f: self._update())
        self.title_edit.textChanged.connect(lambda _t: self._update())
        self.make_button.clicked.connect(self.make_book)
        self._update()
        if child_id is not None:
            self.set_child(child_id, child_name)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        button.setAutoDefault(False)
        return button

    # -- loading -------------------------------------------------------------------------------

    def set_child(self, child_id: int, name: str = "") -> VaultOp[list[int]]:
        """Start a book for this child: list their photos and the approved locations."""
        self.clear()
        self.child_id, self.child_name = child_id, name
        self.title_edit.setText(default_title(name))
        self.grid.setAccessibleName(f"Photos of {name}" if name else "Photos of the child")
        photos, ticket = self.session.photos, self._listing.ticket()

        def fetch(batch: list[int]) -> dict[int, bytes]:
            return photos.thumbnails(child_id=child_id, photo_ids=batch)

        def listed(ids: list[int]) -> None:
            if self._listing.current(ticket):
                self.photos.set_photos(ids, fetch)
                if ids:
                    self.grid.setCurrentIndex(self.tickable.index(0, 0))
                self.photos_listed.emit(len(ids))

        def failed(error: BaseException) -> None:
            self.message.show_error(describe(error))
            self.photos_listed.emit(0)

        self.load_locations()
        op = operations.photos.ids(parent=self, session=self.session, child_id=child_id)
        return op.success(listed).failure(failed).run()

    def load_locations(self) -> VaultOp[list[tuple[int, str, str]]]:
        def listed(locations: list[tuple[int, str, str]]) -> None:
            self.folder.set_locations(locations)
            self.locations_loaded.emit()

        def failed(error: BaseException) -> None:
            self.folder.set_locations([])
            self.message.show_error(describe(error))
            self.locations_loaded.emit()

        op = operations.exports.locations(parent=self, session=self.session)
        return op.success(listed).failure(failed).run()

    def clear(self) -> None:
        """Forget the child, the photos, the pages and every picture (on lock)."""
        self._listing.drop()
        self._deciding.drop()
        self.child_id, self.child_name = None, ""
        self._drawn_for.clear()
        self._drawing.clear()
        self.photos.clear()
        self.tickable.clear_ticks()
        self.pages.clear()
        self.folder.forget()
        self.message.clear_message()
        self._update()

    def on_locked(self) -> None:
        self.clear()

    def on_unlocked(self) -> None:
        """Pages are not kept over a lock; the person starts the book again."""

    # -- pages ---------------------------------------------------------------------------------

    def tick(self, photo_id: int, ticked: bool = True) -> None:
        """Put a photo in the book or take it out (what Space on the grid does)."""
        self.tickable.set_ticked(photo_id, ticked)

    def _toggled(self, photo_id: int, ticked: bool) -> None:
        if ticked:
            row = self.pages.add(photo_id)
            self.table.selectRow(row)
        else:
            self.pages.remove(photo_id)
        self.decide()

    def move_current(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        new = self.pages.move(row, delta)
        self.table.setCurrentIndex(self.pages.index(new, self.table.currentIndex().column()))
        self.table.selectRow(new)

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self.tick(self.pages.page(row).photo_id, False)

    def decide(self) -> VaultOp[list[tuple[int, Decision]]] | None:
        """Ask the core for every page's decision (on the worker)."""
        ticket = self._deciding.start()
        ids, child_id = self.pages.photo_ids, self.child_id
        if not ids or child_id is None:
            self._update()
            self.decided.emit()
            return None
        self.pages.checking()
        self._update()

        def done(decisions: list[tuple[int, Decision]]) -> None:
            if self._deciding.current(ticket):
                self.pages.set_decisions(decisions)
                self._update()
                self.decided.emit()

        def failed(error: BaseException) -> None:
            if self._deciding.current(ticket):
                self.pages.set_decisions([])
                self.message.show_error(describe(error))
                self.decided.emit()

        op = operations.lifestory.decide(
            parent=self, session=self.session, child_id=child_id, photo_ids=ids
        )
        return op.success(done).failure(failed).run()

    # -- the book ------------------------------------------------------------------------------

    def make_book(self) -> VaultOp[Path] | None:
        folder, child_id = self.folder.folder(), self.child_id
        if self.busy or folder is None or child_id is None or not self.pages.all_allowed():
            return None
        pages, title = self.pages.pages(), self.title_edit.text().strip() or None
        self.busy = True
        self.progress.show()
        self.message.show_info(f"Making the book of {plural(len(pages), 'page')}…")
        self._update()

        def done(path: Path) -> None:
            self.busy = False
            self.progress.hide()
            self.message.show_info(f"The book was made: {Path(path).name}, in {folder}.")
            self._update()
            self.book_made.emit(Path(path))

        def failed(error: BaseException) -> None:
            self.busy = False
            self.progress.hide()
            self.message.show_error(f"The book was not made. {describe(error)}")
            self.decide()

        op = operations.lifestory.build(
            parent=self,
            session=self.session,
            child_id=child_id,
            pages=pages,
            out=folder,
            title=title,
        )
        return op.success(done).failure(failed).run()

    # -- showing -------------------------------------------------------------------------------

    def _update(self) -> None:
        ready = self.pages.all_allowed() and self.folder.folder() is not None
        self.make_button.setEnabled(not self.busy and ready)
        refused = self.pages.refused_rows()
        if refused:
            pages = ", ".join(str(r + 1) for r in refused)
            self.pages_message.show_error(
                f"Page {pages} REFUSED: the book is made only when every page is allowed. "
                "Take the page out, or see its reasons in the preview."
            )
        else:
            self.pages_message.clear_message()
        self._show_current()

    def _show_current(self) -> None:
        row, count = self.table.currentIndex().row(), self.pages.rowCount()
        self.up_button.setEnabled(not self.busy and row > 0)
        self.down_button.setEnabled(not self.busy and 0 <= row < count - 1)
        self.remove_button.setEnabled(not self.busy and row >= 0)
        if not 0 <= row < count:
            self.preview.clear()
            return
        page = self.pages.page(row)
        current = self._drawn_for.get(page.photo_id)
        fresh = page.decision is not None and current == (page.decision.blur, page.decision.allowed)
        if not fresh:
            self._draw(page.photo_id, page.decision)
        self.preview.show_page(
            row + 1,
            count,
            page.verdict,
            page.caption,
            self.pages.pixmap(page.photo_id) if fresh else None,
            page.decision,
        )

    def _draw(self, photo_id: int, decision: Decision | None) -> VaultOp[RedactedView] | None:
        """Fetch the page's picture as the book will print it, once per decision."""
        if decision is None or self.child_id is None or photo_id in self._drawing:
            return None
        key = (decision.blur, decision.allowed)
        if self._drawn_for.get(photo_id) == key and self.pages.pixmap(photo_id) is not None:
            return None
        self._drawing.add(photo_id)
        child_id, listing, side = self.child_id, self._listing.ticket(), self._side

        def drawn(view: object) -> None:
            self._drawing.discard(photo_id)
            if not self._listing.current(listing) or photo_id not in self.pages.photo_ids:
                return
            pixmap = QPixmap()
            pixmap.loadFromData(getattr(view, "jpeg", b""), "JPEG")
            pixmap.setDevicePixelRatio(self._ratio)
            self.pages.set_pixmap(photo_id, pixmap)
            self._drawn_for[photo_id] = key
            self._show_current()

        def failed(error: BaseException) -> None:
            self._drawing.discard(photo_id)
            if self._listing.current(listing):
                self.message.show_error(describe(error))

        op = operations.lifestory.page_picture(
            parent=self, session=self.session, child_id=child_id, photo_id=photo_id, max_side=side
        )
        return op.success(drawn).failure(failed).run()

    def text(self) -> str:
        """What the editor says, in reading order (screen readers and tests)."""
        parts = self.preview.lines() + self.pages.lines()
        parts += [m.text() for m in (self.pages_message, self.message) if m.isVisibleTo(self)]
        return "\n".join(parts)
