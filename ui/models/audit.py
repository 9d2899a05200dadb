"""Tables of the Admin page's audit and vault-check sections.

``AuditTableModel`` shows the latest audit entries; ``FindingsTableModel`` shows
what ``check_vault`` found, with OK / FAULT in words (colour is only a helper).
Both hold lists handed to them after the worker asked the session.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from sefton_photos.model import AuditEntry, CheckFinding
from ui.models.rows import RowsTable


class AuditTableModel(RowsTable[AuditEntry]):
    """Newest entries as the core returns them: number, time, who, action, subject."""

    headers = ("No.", "When (UTC)", "Who", "Action", "Subject")

    def texts(self, row: AuditEntry) -> tuple[str, ...]:
        return (
            str(row.seq),
            row.at.strftime("%Y-%m-%d %H:%M:%S"),
            row.actor or "—",
            row.action,
            row.subject or "—",
        )

    def accessible(self, row: AuditEntry, column: int) -> str:
        return self.texts(row)[column]  # the cell as shown, "—" included (as it always read)


class FindingsTableModel(RowsTable[CheckFinding]):
    """One row per part of the vault: what was checked, OK or FAULT, and the detail."""

    headers = ("Part", "Result", "Detail")

    def texts(self, row: CheckFinding) -> tuple[str, ...]:
        return (row.part, "OK" if row.ok else "FAULT", row.detail)

    def accessible(self, row: CheckFinding, column: int) -> str:
        return self.texts(row)[column]

    def colour(self, row: CheckFinding, column: int) -> QColor | None:
        if column != 1:
            return None
        return QColor("#005a30") if row.ok else QColor("#8a1c0a")
