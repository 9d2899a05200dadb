"""The dashboard's numbers in words, as table models (the same numbers the charts draw).

A chart is for the eye; these tables are for everyone else (screen readers, people
who cannot tell the bar colours apart, anyone who wants the exact figure).  Each
builder turns a :class:`~sefton_photos.services.dashboard.Dashboard` (fetched by the page on
the vault worker) into rows of words; the model never asks the vault.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QObject, Qt

from sefton_photos.services.dashboard import Dashboard, week_of
from ui.models.queue import long_date
from ui.models.rows import Index, RowsTable

BUCKETS = ("under 1 week", "1-2 weeks", "2-4 weeks", "over 4 weeks")


def short_date(day: date) -> str:
    return f"{day.day} {day:%b}"


def weeks_between(since: date, until: date) -> list[date]:
    """The Mondays of every week that overlaps the period, oldest first."""
    weeks, week = [], week_of(since)
    while week <= until:
        weeks.append(week)
        week += timedelta(weeks=1)
    return weeks


@dataclass(frozen=True, slots=True)
class Series:
    """What one chart draws: category labels and, per named set, one value per category."""

    categories: tuple[str, ...]
    sets: tuple[tuple[str, tuple[int, ...]], ...]

    def values_of(self, name: str) -> tuple[int, ...]:
        return dict(self.sets)[name]


def captures_series(board: Dashboard) -> Series:
    """Captures per week (categories) per worker (sets), every week of the period."""
    weeks = weeks_between(board.since, board.until)
    workers = sorted(board.captures_per_week)
    return Series(
        tuple(short_date(w) for w in weeks),
        tuple(
            (name, tuple(board.captures_per_week[name].get(w, 0) for w in weeks))
            for name in workers
        ),
    )


def captures_rows(board: Dashboard) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the captures table: one row per week that had captures (the
    chart's other weeks are all 0), one column per worker, and the week's total."""
    series = captures_series(board)
    weeks = weeks_between(board.since, board.until)
    workers = [name for name, _values in series.sets]
    rows: list[list[str]] = []
    for i, week in enumerate(weeks):
        counts = [values[i] for _name, values in series.sets]
        if any(counts):
            rows.append([f"Week of {long_date(week)}", *map(str, counts), str(sum(counts))])
    return ["Week", *workers, "Total"], rows


def age_series(board: Dashboard) -> Series:
    buckets = board.age_buckets()
    return Series(BUCKETS, (("Open items", tuple(buckets[b] for b in BUCKETS)),))


def age_rows(board: Dashboard) -> tuple[list[str], list[list[str]]]:
    buckets = board.age_buckets()
    return ["Age of the open item", "Open items"], [[b, str(buckets[b])] for b in BUCKETS]


def expiring_rows(board: Dashboard, today: date) -> tuple[list[str], list[list[str]]]:
    rows = []
    for e in board.expiring:
        days = (e.expires_on - today).days
        when = "today" if days == 0 else "in 1 day" if days == 1 else f"in {days} days"
        rows.append(
            [
                e.child_name,
                f"{e.kind} (consent {e.consent_id})",
                f"{long_date(e.expires_on)}, {when}",
            ]
        )
    return ["Child", "Consent", "Expires on"], rows


def flagged_rows(board: Dashboard) -> tuple[list[str], list[list[str]]]:
    rows = [
        [f.child_name, f"Photo {f.photo_id}", f.reason, long_date(f.flagged_at.date())]
        for f in board.flagged
    ]
    return ["Child", "Photo", "Reason", "Flagged since"], rows


def by_child_rows(board: Dashboard) -> tuple[list[str], list[list[str]]]:
    rows = [[child, purpose, str(n)] for child, purpose, n in board.captures_by_child_purpose]
    return ["Child", "Purpose", "Captures"], rows


class TextTableModel(RowsTable[list[str]]):
    """Read-only rows of words under headers given with them; every cell is also its
    accessible text, as it stands."""

    def __init__(
        self,
        headers: Sequence[str] = (),
        rows: Sequence[Sequence[str]] = (),
        parent: QObject | None = None,
    ) -> None:
        super().__init__([list(r) for r in rows], parent)
        self.headers = list(headers)

    def set_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    @property
    def rows(self) -> list[list[str]]:
        return [list(r) for r in self._rows]

    def texts(self, row: list[str]) -> tuple[str, ...]:
        return tuple(row)

    def accessible(self, row: list[str], column: int) -> str:
        return row[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_for(index)
        if row is None or index.column() >= len(row):  # a short row: its cells are empty
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return super().data(index, role)
        return None
