"""The life story editor's models: photos ticked for the book, and the book's pages.

:class:`TickablePhotos` sits over the photo grid's model
(:class:`~ui.models.photos.PhotoGridModel`, which loads thumbnails lazily) and adds
a tick box to each photo: ticked photos are in the book.  :class:`PagesModel` is
the book itself, in order: one row per page with its thumbnail, its caption
(editable) and the core's decision for it (``session.lifestory.decide``), said in
words: ALLOWED, or REFUSED with each reason's rule and clause (R3, R12, R14).
Neither model asks the vault; the editor fills them with what the worker brought.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon, QPixmap

from sefton_photos.decisions import Decision
from ui.models.photos import PhotoGridModel
from ui.models.reasons import MET_COLOUR, NOT_MET_COLOUR
from ui.models.rows import RowsTable

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Page", "Caption", "Decision")
CAPTION_COLUMN = 1
CHECKING = "Checking…"


class TickablePhotos(QIdentityProxyModel):
    """The grid's photos with a tick box each; ``toggled`` says which photo changed."""

    toggled = Signal(int, bool)  # photo id, ticked

    def __init__(self, source: PhotoGridModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self.photos = source
        self._ticked: set[int] = set()
        self.page_of: Callable[[int], int | None] = lambda _pid: None

    def set_ticked(self, photo_id: int, ticked: bool) -> None:
        """Tick or untick (and say so) unless it is so already."""
        if ticked == (photo_id in self._ticked):
            return
        (self._ticked.add if ticked else self._ticked.discard)(photo_id)
        row = self.photos.row_of(photo_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.toggled.emit(photo_id, ticked)

    def renumbered(self) -> None:
        """The book's pages moved: every photo's "Page N" label may have changed."""
        if self.rowCount():
            first, last = self.index(0, 0), self.index(self.rowCount() - 1, 0)
            self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])

    def clear_ticks(self) -> None:
        for photo_id in list(self._ticked):
            self.set_ticked(photo_id, False)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        photo_id = self.photos.photo_id(index.row()) if index.row() < self.rowCount() else None
        if photo_id is None:
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = photo_id in self._ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            page = self.page_of(photo_id)
            return f"Page {page}" if page else f"Photo {index.row() + 1}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            page = self.page_of(photo_id)
            where = f"in the book, page {page}" if page else "not in the book"
            return f"Photo {index.row() + 1} of {self.rowCount()}, {where}. Space ticks it"
        return super().data(index, role)

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        self.set_ticked(self.photos.photo_id(index.row()), state == Qt.CheckState.Checked.value)
        return True


@dataclass
class Page:
    photo_id: int
    caption: str = ""
    decision: Decision | None = None
    checking: bool = True

    @property
    def verdict(self) -> str:
        if self.decision is None:
            return CHECKING if self.checking else "Not checked"
        return self.decision.verdict

    def reason_lines(self) -> list[str]:
        if self.decision is None:
            return []
        shown = self.decision.reasons if self.decision.allowed else self.decision.blocking
        return [r.line() for r in shown]


class PagesModel(RowsTable[Page]):
    """The book's pages in order: Page (thumbnail), Caption (editable), Decision."""

    PhotoIdRole = Qt.ItemDataRole.UserRole
    DecisionRole = Qt.ItemDataRole.UserRole + 1
    pages_changed = Signal()  # a page was added, removed or moved
    caption_changed = Signal(int)  # row
    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._pixmaps: dict[int, QPixmap] = {}
        self._icons: dict[int, QIcon] = {}  # scaled by the view to its icon size

    # -- contents ------------------------------------------------------------------------------

    @property
    def photo_ids(self) -> list[int]:
        return [p.photo_id for p in self._rows]

    def page(self, row: int) -> Page:
        return self._rows[row]

    def row_of(self, photo_id: int) -> int | None:
        return next((n for n, p in enumerate(self._rows) if p.photo_id == photo_id), None)

    def pages(self) -> list[tuple[int, str]]:
        """What ``session.lifestory.build`` takes: (photo id, caption) in order."""
        return [(p.photo_id, p.caption) for p in self._rows]

    def add(self, photo_id: int, caption: str = "") -> int:
        row = self.row_of(photo_id)
        if row is not None:
            return row
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Page(photo_id, caption))
        self.endInsertRows()
        self.pages_changed.emit()
        return row

    def remove(self, photo_id: int) -> None:
        row = self.row_of(photo_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._pixmaps.pop(photo_id, None)
        self._icons.pop(photo_id, None)
        self.endRemoveRows()
        self.pages_changed.emit()

    def move(self, row: int, delta: int) -> int:
        """Move a page up (-1) or down (+1); returns its new row (unchanged at an end)."""
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        destination = target + 1 if delta > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.pages_changed.emit()
        return target

    def set_caption(self, row: int, caption: str) -> None:
        self.setData(self.index(row, CAPTION_COLUMN), caption)

    def checking(self) -> None:
        for p in self._rows:
            p.checking, p.decision = True, None
        self._changed_all()

    def set_decisions(self, decisions: Sequence[tuple[int, Decision]]) -> None:
        found = dict(decisions)
        for p in self._rows:
            p.checking = False
            p.decision = found.get(p.photo_id, p.decision)
        self._changed_all()

    def set_pixmap(self, photo_id: int, pixmap: QPixmap) -> None:
        self._pixmaps[photo_id] = pixmap
        self._icons[photo_id] = QIcon(pixmap)
        row = self.row_of(photo_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])

    def pixmap(self, photo_id: int) -> QPixmap | None:
        return self._pixmaps.get(photo_id)

    def clear(self) -> None:
        self.beginResetModel()
        self._rows.clear()
        self._pixmaps.clear()
        self._icons.clear()
        self.endResetModel()
        self.pages_changed.emit()

    # -- questions -----------------------------------------------------------------------------

    def all_allowed(self) -> bool:
        return bool(self._rows) and all(
            p.decision is not None and p.decision.allowed for p in self._rows
        )

    def refused_rows(self) -> list[int]:
        return [
            n for n, p in enumerate(self._rows) if p.decision is not None and not p.decision.allowed
        ]

    def lines(self) -> list[str]:
        out = []
        for n, p in enumerate(self._rows, 1):
            caption = f"“{p.caption}”" if p.caption else "no caption"
            out.append(f"Page {n}, {caption}: {p.verdict}")
            out += [f"  {line}" for line in p.reason_lines()]
        return out

    # -- the model -----------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CAPTION_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, column, n = self._rows[index.row()], index.column(), index.row() + 1
        decision = p.verdict
        if p.decision is not None and not p.decision.allowed and p.decision.blocking:
            first = p.decision.blocking[0]
            decision = f"REFUSED: {first.rule} ({first.where}) {first.words}"
        texts = (f"Page {n}", p.caption, decision)
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[column]
        if role == Qt.ItemDataRole.EditRole and column == CAPTION_COLUMN:
            return p.caption
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            if column == CAPTION_COLUMN:
                return f"Caption of page {n}: {p.caption or 'none yet'}. F2 edits it"
            return f"{HEADERS[column]}: {texts[column]}"
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return self._icons.get(p.photo_id)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and p.decision is not None:
            return MET_COLOUR if p.decision.allowed else NOT_MET_COLOUR
        if role == self.PhotoIdRole:
            return p.photo_id
        if role == self.DecisionRole:
            return p.decision
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != CAPTION_COLUMN
            or role
            not in (
                Qt.ItemDataRole.EditRole,
                Qt.ItemDataRole.DisplayRole,
            )
        ):
            return False
        self._rows[index.row()].caption = " ".join(str(value or "").split())
        self.dataChanged.emit(index, index)
        self.caption_changed.emit(index.row())
        return True

    def _changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))
