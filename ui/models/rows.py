"""One read-only table model over a list of records, shared by the app's tables.

A subclass names its ``headers`` and says how a record reads (:meth:`RowsTable.texts`);
this does the rest: resets, row counts, headers, ``UserRole`` giving the record
itself, and an empty cell ("—") read out as "none" to screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
NONE = "—"


class RowsTable(QAbstractTableModel, Generic[R]):
    headers: tuple[str, ...] = ()
    tooltips = False  # also show each cell's text as its tooltip

    def __init__(self, rows: Sequence[R] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows = list(rows)

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    @property
    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def texts(self, row: R) -> tuple[str, ...]:
        raise NotImplementedError

    def colour(self, row: R, column: int) -> QColor | None:
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole or (
            self.tooltips and role == Qt.ItemDataRole.ToolTipRole
        ):
            return self.texts(row)[index.column()]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.texts(row)[index.column()]
            return "none" if text == NONE else text
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None
