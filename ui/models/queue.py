"""The supervision queue as item models: workers with their open items, and one worker's items.

R10 (policy 5.5.3.2): every capture alerts the worker's line manager and stays on
the queue until a supervision note records it.  These models only hold what the
page was given after ``session.supervision.queue(...)`` ran on the vault worker;
they never ask the vault.  Every cell is in words (kind, age, consent), so a
screen reader and a colour-blind reader get what everyone else gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from sefton_photos.model import QueueItem
from ui.models.rows import RowsTable

Index = QModelIndex | QPersistentModelIndex
Today = Callable[[], date]
NOBODY = "—"
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole

KIND_WORDS = {
    "capture": "Capture",
    "withdrawal": "Consent withdrawn",
    "refused_export": "Export refused",
}

TICK, DATE, AGE, KIND, CHILD, PURPOSE, CONSENT, SUMMARY = range(8)
HEADERS = (
    "Include",
    "Date",
    "Age",
    "Kind",
    "Child",
    "Purpose",
    "Consent relied on",
    "Summary",
)


def kind_words(kind: str) -> str:
    """ "capture" → "Capture", "withdrawal" → "Consent withdrawn", …"""
    return KIND_WORDS.get(kind, kind.replace("_", " ").capitalize())


def age_words(days: int) -> str:
    """3 → "3 days", 1 → "1 day", 0 → "under 1 day" (never a bare number)."""
    if days <= 0:
        return "under 1 day"
    return "1 day" if days == 1 else f"{days} days"


def long_date(day: date) -> str:
    """ "24 November 2026"."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """ "24 Nov 2026" (a screen reader is given :func:`long_date`)."""
    return f"{day.day} {day:%b %Y}"


def purpose_words(item: QueueItem) -> str:
    if not item.purpose:
        return NOBODY
    text = item.purpose[:1].upper() + item.purpose[1:]
    return f"{text}: {item.purpose_note}" if item.purpose_note else text


@dataclass(frozen=True, slots=True)
class WorkerSummary:
    """One row of the workers list: who, how many open items, the oldest's age in days."""

    name: str
    open_items: int
    oldest_days: int | None

    def words(self) -> str:
        if not self.open_items:
            return f"{self.name} — no open items"
        count = "1 open item" if self.open_items == 1 else f"{self.open_items} open items"
        return f"{self.name} — {count}, oldest {age_words(self.oldest_days or 0)}"


def summarise(
    team: Iterable[str], items: Iterable[QueueItem], today: date | None = None
) -> list[WorkerSummary]:
    """Every team member (and anyone else with an open item), by name, with their numbers."""
    ages: dict[str, list[int]] = {name: [] for name in team}
    for item in items:
        if item.note_id is None:
            ages.setdefault(item.worker, []).append(item.age_days(today))
    return [
        WorkerSummary(name, len(found), max(found) if found else None)
        for name, found in sorted(ages.items())
    ]


class WorkersListModel(QAbstractListModel):
    """The manager's team; ``UserRole`` gives the worker's name, ``SummaryRole`` the summary."""

    SummaryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self, workers: Sequence[WorkerSummary] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workers = list(workers)

    def set_workers(self, workers: Sequence[WorkerSummary]) -> None:
        self.beginResetModel()
        self._workers = list(workers)
        self.endResetModel()

    def clear(self) -> None:
        self.set_workers(())

    @property
    def workers(self) -> list[WorkerSummary]:
        return list(self._workers)

    def row_of(self, name: str) -> int:
        for row, worker in enumerate(self._workers):
            if worker.name == name:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._workers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._workers):
            return None
        worker = self._workers[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return worker.words()
        if role == Qt.ItemDataRole.UserRole:
            return worker.name
        if role == self.SummaryRole:
            return worker
        return None


class QueueModel(RowsTable[QueueItem]):
    """Open items of one worker.  With ``checkable`` the first column ticks items for a note;
    without it (a worker's own read-only view) that column is left out."""

    headers = HEADERS
    header_roles = (Qt.ItemDataRole.DisplayRole, ACCESSIBLE)

    def __init__(
        self,
        items: Sequence[QueueItem] = (),
        *,
        checkable: bool = True,
        today: Today = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(items, parent)
        self.checkable = checkable
        self.today = today
        self._columns = list(range(len(HEADERS))) if checkable else list(range(DATE, SUMMARY + 1))
        self._ticked: set[int] = set()

    # -- contents -------------------------------------------------------------------------------

    def set_items(self, items: Sequence[QueueItem]) -> None:
        """New rows; ticks are kept for items still there."""
        self.beginResetModel()
        self._rows = list(items)
        self._ticked &= {item.id for item in self._rows}
        self.endResetModel()

    def set_rows(self, rows: Sequence[QueueItem]) -> None:
        self.set_items(rows)

    @property
    def items(self) -> list[QueueItem]:
        return self.rows

    def item_at(self, row: int) -> QueueItem:
        return self.row_at(row)

    def row_of(self, item_id: int) -> int:
        return next((r for r, i in enumerate(self._rows) if i.id == item_id), -1)

    def column_of(self, column: int) -> int:
        """Where one of the fixed columns (``DATE``, ``SUMMARY``…) is shown; -1 if not shown."""
        return self._columns.index(column) if column in self._columns else -1

    # -- ticks ----------------------------------------------------------------------------------

    def ticked_items(self) -> list[QueueItem]:
        return [item for item in self._rows if item.id in self._ticked]

    def ticked_ids(self) -> list[int]:
        return [item.id for item in self.ticked_items()]

    def set_ticked(self, row: int, ticked: bool) -> bool:
        if not self.checkable or not 0 <= row < len(self._rows):
            return False
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return self.setData(self.index(row, 0), state, Qt.ItemDataRole.CheckStateRole)

    def tick_all(self, ticked: bool) -> None:
        for row in range(len(self._rows)):
            self.set_ticked(row, ticked)

    # -- Qt -------------------------------------------------------------------------------------

    def columns(self) -> list[str]:
        return [HEADERS[column] for column in self._columns]

    def _text(self, item: QueueItem, column: int) -> str:
        if column == TICK:
            return "ticked" if item.id in self._ticked else "not ticked"
        if column == DATE:
            return short_date(item.created_at.date())
        if column == AGE:
            return age_words(item.age_days(self.today()))
        if column == KIND:
            return kind_words(item.kind)
        if column == CHILD:
            return item.child_name or NOBODY
        if column == PURPOSE:
            return purpose_words(item)
        if column == CONSENT:
            return item.consent or NOBODY
        return item.summary

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        item = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == TICK:
            return Qt.CheckState.Checked if item.id in self._ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return None if column == TICK else self._text(item, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == DATE:
                return long_date(item.created_at.date())
            text = self._text(item, column)
            if text == NOBODY:
                return "not shown to you" if column == CHILD else "none"
            return text
        if role == Qt.ItemDataRole.ToolTipRole and column in (SUMMARY, CONSENT, PURPOSE):
            return self._text(item, column)
        if role == Qt.ItemDataRole.UserRole:
            return item
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not self.checkable
            or role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or self._columns[index.column()] != TICK
            or not 0 <= index.row() < len(self._rows)
        ):
            return False
        ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        item_id = self._rows[index.row()].id
        if ticked:
            self._ticked.add(item_id)
        else:
            self._ticked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole, ACCESSIBLE])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.checkable and self._columns[index.column()] == TICK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
