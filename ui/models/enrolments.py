"""A child's references for face matching, in words (R11, R13).

Each row says when the reference photo was taken, when it was enrolled and by whom;
a reference more than a year old (the core's ``Enrolment.stale``) says so in words,
with what to do: children's faces change fast, so the child should be re-enrolled.
Colour only repeats the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sefton_photos.words import plural, short_date

if TYPE_CHECKING:
    from sefton_photos.model import Enrolment

Index = QModelIndex | QPersistentModelIndex
STALE = "over a year old: children's faces change fast — re-enrol"
STALE_COLOUR = QColor("#b1260f")


def enrolment_line(number: int, e: Enrolment) -> str:
    taken = f"photo taken {short_date(e.taken_at)}" if e.taken_at else "date taken not known"
    source = f" ({e.source})" if e.source else ""
    line = f"Reference {number}: {taken}{source}, enrolled {short_date(e.enrolled_at)}"
    line += f" by {e.enrolled_by}" if e.enrolled_by else ""
    return line + (f" — {STALE}" if e.stale else "")


def references_words(name: str, rows: Sequence[Enrolment]) -> str:
    if not rows:
        return f"{name} has no reference yet, so face matching never suggests {name} in a photo."
    stale = sum(1 for e in rows if e.stale)
    text = f"{name} is matched from {plural(len(rows), 'reference')}."
    if stale:
        text += (
            f" {plural(stale, 'reference')} {'is' if stale == 1 else 'are'} over a year old: "
            "children's faces change fast, so re-enrol from a recent photo (tick Replace)."
        )
    return text


class EnrolmentsModel(QAbstractListModel):
    """Rows of references, oldest first as the core lists them; ``UserRole``: the row."""

    StaleRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Enrolment] = []

    def set_rows(self, rows: Sequence[Enrolment]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    @property
    def rows(self) -> list[Enrolment]:
        return list(self._rows)

    def lines(self) -> list[str]:
        return [enrolment_line(i + 1, e) for i, e in enumerate(self._rows)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return enrolment_line(index.row() + 1, row)
        if role == Qt.ItemDataRole.ForegroundRole and row.stale:
            return STALE_COLOUR
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == self.StaleRole:
            return row.stale
        return None
