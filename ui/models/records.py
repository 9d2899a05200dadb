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
from typing import TypeVar

from PySide6.QtCore import QObject

from sefton_photos.services.records import RetentionDue
from ui.models.rows import RowsTable

R = TypeVar("R")
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


class _Table(RowsTable[R]):
    """A records table: each cell reads out (and tips) its column header with its text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def accessible(self, row: R, column: int) -> str:
        return f"{self.headers[column]}: {self.texts(row)[column]}"

    def tooltip(self, row: R, column: int) -> str | None:
        return self.accessible(row, column)

    def lines(self) -> list[str]:
        return [", ".join(self.texts(r)) for r in self._rows]


class RetentionModel(_Table[RetentionDue]):
    """Records whose retention period has ended, earliest first."""

    headers = DUE_HEADERS

    def set_due(self, due: Sequence[RetentionDue]) -> None:
        self.set_rows(due)

    def due_at(self, row: int) -> RetentionDue:
        return self.row_at(row)

    @property
    def child_ids(self) -> list[int]:
        return [row.child_id for row in self._rows]

    def texts(self, row: RetentionDue) -> tuple[str, ...]:
        return (row.child_name, day_words(row.retain_until), basis_words(row.basis))


class LocationsModel(_Table[tuple[int, str, str]]):
    """Approved export locations: (id, label, folder) as the core lists them."""

    headers = LOCATION_HEADERS

    def set_locations(self, locations: Sequence[tuple[int, str, str]]) -> None:
        self.set_rows(locations)

    def location_at(self, row: int) -> tuple[int, str, str]:
        return self.row_at(row)

    @property
    def paths(self) -> list[str]:
        return [row[2] for row in self._rows]

    def texts(self, row: tuple[int, str, str]) -> tuple[str, ...]:
        return (str(row[1]), str(row[2]))
