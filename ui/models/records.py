"""Tables of the records screens: records due for erasure, and approved export locations.

:class:`RetentionModel` holds ``session.records.due()``: the child, the day the
retention period ended (the month in words) and its basis in words ("75th
birthday, looked after", R13).  :class:`LocationsModel` holds
``session.locations.list()``: label and folder.  Both are given their rows by
the view after the call ran on the vault worker; neither asks the vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.records import RetentionDue

Index = QModelIndex | QPersistentModelIndex
DUE_HEADERS = ("Child", "Kept until", "Why until then")
LOCATION_HEADERS = ("Label", "Folder")


def day_words(day: date) -> str:
    """ "1 February 2015" (no leading zero, the month in words)."""
    return f"{day.day} {day.strftime('%B %Y')}"


def basis_words(basis: str) -> str:
    """The core's basis ("75th birthday (looked after)") as a sentence fragment."""
    text = basis.replace("(looked after)", "(looked after at some time)")
    text = text.replace("(default)", "(not looked after)")
    return text[:1].upper() + text[1:]


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[object] = []

    def _texts(self, row: object) -> tuple[str, ...]:
        raise NotImplementedError

    def _set(self, rows: Sequence[object]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self._set(())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(row)[index.column()]
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{self.HEADERS[index.column()]}: {self._texts(row)[index.column()]}"
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def lines(self) -> list[str]:
        return [", ".join(self._texts(r)) for r in self._rows]


class RetentionModel(_Table):
    """Records whose retention period has ended, earliest first."""

    HEADERS = DUE_HEADERS

    def set_due(self, due: Sequence[RetentionDue]) -> None:
        self._set(due)

    def due_at(self, row: int) -> RetentionDue:
        item = self._rows[row]
        assert isinstance(item, RetentionDue)
        return item

    @property
    def child_ids(self) -> list[int]:
        return [self.due_at(n).child_id for n in range(len(self._rows))]

    def _texts(self, row: object) -> tuple[str, ...]:
        assert isinstance(row, RetentionDue)
        return (row.child_name, day_words(row.retain_until), basis_words(row.basis))


class LocationsModel(_Table):
    """Approved export locations: (id, label, folder) as the core lists them."""

    HEADERS = LOCATION_HEADERS

    def set_locations(self, locations: Sequence[tuple[int, str, str]]) -> None:
        self._set(locations)

    def location_at(self, row: int) -> tuple[int, str, str]:
        item = self._rows[row]
        assert isinstance(item, tuple)
        return item

    @property
    def paths(self) -> list[str]:
        return [self.location_at(n)[2] for n in range(len(self._rows))]

    def _texts(self, row: object) -> tuple[str, ...]:
        assert isinstance(row, tuple)
        return (str(row[1]), str(row[2]))
