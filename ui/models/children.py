"""The list of children on the Children page, and how a child is said in words.

:class:`ChildrenListModel` holds the children ``session.children.list()`` returned
on the worker (need-to-know is the core's: only the children this user may see
ever reach it).  Each row gives the name, the date of birth with the age, and the
care status as a badge in WORDS ("Looked after", "Foster", "Not looked after"):
the list's delegate may colour the badge, but the colour only repeats the words.
The page clears the model on lock, so no child's name stays in a widget.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from sefton_photos.model import CareStatus, Child

Index = QModelIndex | QPersistentModelIndex

CARE_WORDS = {
    CareStatus.NOT_LOOKED_AFTER: "Not looked after",
    CareStatus.LOOKED_AFTER: "Looked after",
    CareStatus.FOSTER: "Foster",
    CareStatus.PREVIOUSLY_LOOKED_AFTER: "Previously looked after",
    CareStatus.ADOPTED: "Adopted",
    CareStatus.OTHER: "Other care status",
}
PREVIOUSLY = "previously cared for"


def long_date(day: date) -> str:
    """``6 May 2012``: the day without a leading zero, the month in words."""
    return f"{day.day} {day:%B %Y}"


def short_date(day: date) -> str:
    """``6 May 2012`` with the month abbreviated, for table cells."""
    return f"{day.day} {day:%b %Y}"


def age_on(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today`` (a birthday counts on the day itself)."""
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return max(years, 0)


def age_text(born: date, today: date) -> str:
    years = age_on(born, today)
    return "under 1" if years == 0 else f"{years}"


def previously_cared_for(child: Child) -> bool:
    """Once cared for, not now: R6/R9 still treat the child as cared for."""
    return child.ever_cared_for and not child.care_status.cared_for


def care_badge(child: Child) -> str:
    """The badge text: the care status now, in words."""
    return CARE_WORDS[child.care_status]


def care_words(child: Child) -> str:
    """The care status as a sentence fragment, with "previously cared for" when it applies."""
    words = CARE_WORDS[child.care_status]
    return f"{words}, {PREVIOUSLY}" if previously_cared_for(child) else words


def born_text(child: Child, today: date) -> str:
    """``Age 11 · born 14 March 2015``: the age first, so a narrow list still shows it."""
    return f"Age {age_text(child.date_of_birth, today)} · born {long_date(child.date_of_birth)}"


class ChildrenListModel(QAbstractListModel):
    """One row per child; custom roles give the parts the delegate draws."""

    ChildRole = Qt.ItemDataRole.UserRole
    NameRole = Qt.ItemDataRole.UserRole + 1
    BornRole = Qt.ItemDataRole.UserRole + 2
    BadgeRole = Qt.ItemDataRole.UserRole + 3
    CaredForRole = Qt.ItemDataRole.UserRole + 4
    NoteRole = Qt.ItemDataRole.UserRole + 5

    def __init__(
        self,
        children: Sequence[Child] = (),
        parent: QObject | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._children = list(children)
        self._today = today

    @property
    def today(self) -> date:
        return self._today or date.today()

    def set_children(self, children: Sequence[Child]) -> None:
        self.beginResetModel()
        self._children = list(children)
        self.endResetModel()

    def clear(self) -> None:
        self.set_children(())

    @property
    def listed(self) -> list[Child]:
        """The children shown (``children()`` is QObject's own, so not that name)."""
        return list(self._children)

    def names(self) -> list[str]:
        return [c.name for c in self._children]

    def child_at(self, row: int) -> Child:
        return self._children[row]

    def row_of(self, child_id: int) -> int:
        """The row of ``child_id``, or -1 when it is not listed."""
        for row, child in enumerate(self._children):
            if child.id == child_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._children)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._children):
            return None
        child = self._children[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{child.name}\n{born_text(child, self.today)}\n{care_words(child)}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            age = age_text(child.date_of_birth, self.today)
            born = long_date(child.date_of_birth)
            return f"{child.name}, age {age}, born {born}, {care_words(child)}"
        if role == self.ChildRole:
            return child
        if role == self.NameRole:
            return child.name
        if role == self.BornRole:
            return born_text(child, self.today)
        if role == self.BadgeRole:
            return care_badge(child)
        if role == self.NoteRole:
            return PREVIOUSLY if previously_cared_for(child) else ""
        if role == self.CaredForRole:
            return child.care_status.cared_for or child.ever_cared_for
        return None
