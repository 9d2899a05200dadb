"""One table model over a list of records, the base of every table of the app.

Before this there were a dozen copies of the same ``rowCount`` / ``columnCount`` /
``headerData`` and of the same role switch.  A subclass names its ``headers`` and
says how a record reads (:meth:`RowsTable.texts`); this does the rest: resets, row
counts, headers, ``UserRole`` giving the record itself, and an empty cell ("—")
read out as "none" to screen readers.  A table that reads differently to a screen
reader, shows tooltips, colours a column, or is editable overrides one hook
(:meth:`~RowsTable.accessible`, :meth:`~RowsTable.tooltip`, :meth:`~RowsTable.colour`)
or adds its own roles in ``data`` and falls back on this one.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
NONE = "—"
DISPLAY = Qt.ItemDataRole.DisplayRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


class RowsTable(QAbstractTableModel, Generic[R]):
    headers: Sequence[str] = ()
    tooltips = False  # also show each cell's text as its tooltip
    header_roles: tuple[Qt.ItemDataRole, ...] = (DISPLAY,)  # the roles headerData answers

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

    # -- what a subclass says -----------------------------------------------------------------

    def columns(self) -> Sequence[str]:
        """The headers of the columns shown (all of ``headers`` unless a table hides some)."""
        return self.headers

    def texts(self, row: R) -> tuple[str, ...]:
        raise NotImplementedError

    def accessible(self, row: R, column: int) -> str:
        """What a screen reader says for a cell: its text, "none" for an empty one."""
        text = self.texts(row)[column]
        return "none" if text == NONE else text

    def tooltip(self, row: R, column: int) -> str | None:
        return self.texts(row)[column] if self.tooltips else None

    def colour(self, row: R, column: int) -> QColor | None:
        return None

    # -- Qt -------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def row_for(self, index: Index) -> R | None:
        """The record of a valid cell of this table, or None."""
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < len(self.columns())
        ):
            return None
        return self._rows[index.row()]

    def data(self, index: Index, role: int = DISPLAY) -> object:
        row = self.row_for(index)
        if row is None:
            return None
        if role == DISPLAY:
            return self.texts(row)[index.column()]
        if role == ACCESSIBLE:
            return self.accessible(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, index.column())
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> object:
        columns = self.columns()
        if (
            orientation == Qt.Orientation.Horizontal
            and role in self.header_roles
            and 0 <= section < len(columns)
        ):
            return columns[section]
        return None
