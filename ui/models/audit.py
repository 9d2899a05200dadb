"""Tables of the Admin page's audit and vault-check sections.

``AuditTableModel`` shows the latest audit entries; ``FindingsTableModel`` shows
what ``check_vault`` found, with OK / FAULT in words (colour is only a helper).
Both hold lists handed to them after the worker asked the session.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sefton_photos.model import AuditEntry, CheckFinding
from ui.models.rows import RowsTable

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")


class _ListTable(RowsTable[R]):
    """Rows as in :class:`RowsTable`, each cell's text computed per column."""

    def text(self, row: R, column: int) -> str:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(row, index.column())
        if role == Qt.ItemDataRole.UserRole:
            return row
        return self.styled(row, index.column(), role)

    def styled(self, row: R, column: int, role: int) -> object:
        return None


class AuditTableModel(_ListTable[AuditEntry]):
    """Newest entries as the core returns them: number, time, who, action, subject."""

    headers = ("No.", "When (UTC)", "Who", "Action", "Subject")

    def text(self, row: AuditEntry, column: int) -> str:
        if column == 0:
            return str(row.seq)
        if column == 1:
            return row.at.strftime("%Y-%m-%d %H:%M:%S")
        if column == 2:
            return row.actor or "—"
        if column == 3:
            return row.action
        return row.subject or "—"


class FindingsTableModel(_ListTable[CheckFinding]):
    """One row per part of the vault: what was checked, OK or FAULT, and the detail."""

    headers = ("Part", "Result", "Detail")

    def text(self, row: CheckFinding, column: int) -> str:
        if column == 0:
            return row.part
        if column == 1:
            return "OK" if row.ok else "FAULT"
        return row.detail

    def styled(self, row: CheckFinding, column: int, role: int) -> object:
        if column == 1 and role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#005a30") if row.ok else QColor("#8a1c0a")
        return None
