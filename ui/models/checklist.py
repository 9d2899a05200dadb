"""One checkable list model, the base of the app's tick lists (children of a capture, staff).

The two lists were the same model twice: a row per record with a check box the view
toggles with Space or a click, the ticks kept by key (so they survive a reordered
list), and each row read out to a screen reader with whether it is ticked, in the
list's own words ("in the photos", "allocated").  A subclass says how a record is
keyed and named (:meth:`CheckList.key`, :meth:`CheckList.label`) and its two words.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
K = TypeVar("K", bound=Hashable)
CHECK = Qt.ItemDataRole.CheckStateRole


class CheckList(QAbstractListModel, Generic[R, K]):
    """Rows with a check state; ``UserRole`` gives the record itself."""

    checked_changed = Signal()
    ticked_words = ("ticked", "not ticked")  # what a screen reader adds after the label

    def __init__(self, rows: Sequence[R] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)
        self._ticked: set[K] = set()

    def key(self, row: R) -> K:
        raise NotImplementedError

    def label(self, row: R) -> str:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[R], ticked: Iterable[K] | None = None) -> None:
        """New rows, ticked as given (by key); with ``ticked`` None the ticks of rows
        still listed are kept."""
        self.beginResetModel()
        self._rows = list(rows)
        known = {self.key(r) for r in self._rows}
        self._ticked = (self._ticked if ticked is None else set(ticked)) & known
        self.endResetModel()
        self.checked_changed.emit()

    def clear(self) -> None:
        self.set_rows(())

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def checked_rows(self) -> list[R]:
        """The ticked rows, in the order of the list."""
        return [r for r in self._rows if self.key(r) in self._ticked]

    def is_checked(self, row: R) -> bool:
        return self.key(row) in self._ticked

    def check(self, key: K, ticked: bool = True) -> bool:
        """Tick (or untick) the row of ``key``; False when no row has it."""
        for n, row in enumerate(self._rows):
            if self.key(row) == key:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                return self.setData(self.index(n), state, CHECK)
        return False

    # -- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        ticked = self.is_checked(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.label(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{self.label(row)}, {self.ticked_words[0 if ticked else 1]}"
        if role == CHECK:
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != CHECK or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        key = self.key(self._rows[index.row()])
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))  # type: ignore[call-overload]
        if state == Qt.CheckState.Checked:
            self._ticked.add(key)
        else:
            self._ticked.discard(key)
        self.dataChanged.emit(index, index, [CHECK, Qt.ItemDataRole.AccessibleTextRole])
        self.checked_changed.emit()
        return True
