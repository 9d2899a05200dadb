"""Tables of one child's file: people with PR, consents, wishes and explanations.

Each model holds records of a :class:`~sefton_photos.model.ChildFile` that the
page loaded on the worker, and says everything in words: a consent's status is
``ConsentRecord.status(today)`` ("active", "withdrawn", "expired", "corrected",
"not yet valid"), a wish is "yes" or "NO", an explanation says when or why not.
Colour, where a model offers one, repeats the words and is never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QColor

from sefton_photos.model import (
    ChildFile,
    ConsentRecord,
    ExplanationRecord,
    GivenBy,
    ResponsiblePerson,
    Whose,
    WishLine,
    wish_lines,
)
from ui.models.children import short_date
from ui.models.rows import NONE, RowsTable

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")

GOOD = QColor("#005a30")  # dark green on white: 7.9:1
BAD = QColor("#8a1c0a")  # dark red on white: 8.6:1


def on_day(moment: datetime | date | None) -> str:
    if moment is None:
        return NONE
    return short_date(moment.date() if isinstance(moment, datetime) else moment)


def giver_words(consent: ConsentRecord) -> str:
    """From whom: "Mel Tessellate (parent/carer)", "the young person", …"""
    if consent.given_by is GivenBy.YOUNG_PERSON:
        return "The young person (own consent)"
    if consent.giver_name:
        return f"{consent.giver_name} ({consent.given_by.label})"
    label = consent.given_by.label
    return label[:1].upper() + label[1:]


def consent_title(consent: ConsentRecord) -> str:
    """One line naming a consent, as the policy's reasons do ("consent #3 …")."""
    return (
        f"consent #{consent.id}: {consent.kind.label}, from {giver_words(consent)}, "
        f"signed {on_day(consent.signed_on)}"
    )


def consent_heading(consent: ConsentRecord) -> str:
    """:func:`consent_title` starting with a capital ("Consent #3 …"), names untouched."""
    return "C" + consent_title(consent)[1:]


class RecordsTable(RowsTable[R]):
    """Read-only rows of records; ``UserRole`` gives the record itself."""

    tooltips = True


class PeopleTableModel(RecordsTable[ResponsiblePerson]):
    """People with parental responsibility (R3, R7): name, relationship, current or ended."""

    headers = ("Name", "Relationship", "Parental responsibility")

    def texts(self, row: ResponsiblePerson) -> tuple[str, ...]:
        return (row.name, row.relationship, "current" if row.current else "ended")

    def current(self) -> list[ResponsiblePerson]:
        return [p for p in self._rows if p.current]


class ConsentsTableModel(RecordsTable[ConsentRecord]):
    """Consents on the file with their status in words (R3, R12)."""

    headers = ("No.", "Type", "From whom", "Signed", "Expires", "Status", "Form on file")
    STATUS = 5

    def __init__(
        self,
        rows: Sequence[ConsentRecord] = (),
        parent: QObject | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(rows, parent)
        self._today = today

    def status(self, row: ConsentRecord) -> str:
        return row.status(self._today or date.today())

    def texts(self, row: ConsentRecord) -> tuple[str, ...]:
        expires = on_day(row.expires_on) if row.expires_on else "no expiry date"
        return (
            f"#{row.id}",
            row.kind.label,
            giver_words(row),
            on_day(row.signed_on),
            expires,
            self.status(row),
            "yes" if row.has_form else "no",
        )

    def colour(self, row: ConsentRecord, column: int) -> QColor | None:
        if column != self.STATUS:
            return None
        return GOOD if self.status(row) == "active" else BAD

    def row_of(self, consent_id: int) -> int:
        return next((i for i, c in enumerate(self._rows) if c.id == consent_id), -1)


class WishesTableModel(RecordsTable[WishLine]):
    """R2 (5.5.4.2): each person's wish (the child, each person with PR, carers, workers),
    as the core lists it (``wish_lines``): a "no" never hides behind someone's "yes"."""

    headers = ("Whose wish", "Wishes photos to be taken", "Notes", "Recorded")

    def set_file(self, child_file: ChildFile) -> None:
        self.set_rows(wish_lines(child_file))

    def texts(self, row: WishLine) -> tuple[str, ...]:
        answer = row.answer
        if row.wishes_photos is False:
            answer = "NO: does not wish photos" + answer.removeprefix("NO")
        recorded = f"{on_day(row.recorded_at)} by {row.recorded_by}" if row.recorded_by else NONE
        return (row.who, answer, row.notes or NONE, recorded)

    def colour(self, row: WishLine, column: int) -> QColor | None:
        if column != 1:
            return None
        return BAD if row.wishes_photos is False or row.answer == "not recorded yet" else GOOD


class ExplanationsTableModel(RecordsTable[ExplanationRecord]):
    """R2 (5.5.4.2): the purpose explained to the child and to the parent/carer, or why not."""

    headers = ("Explained to", "Explained", "Recorded")

    def texts(self, row: ExplanationRecord) -> tuple[str, ...]:
        to_whom = "The child" if row.to_whom is Whose.CHILD else "The parent/carer"
        if row.explained:
            when = f"yes, on {on_day(row.explained_on)}" if row.explained_on else "yes"
        else:
            permit = row.permitted_by or "nobody"
            when = (
                f"not explained: {row.not_explained_reason or 'no reason recorded'}; "
                f"permitted by {permit}"
            )
        return (to_whom, when, f"{on_day(row.recorded_at)} by {row.recorded_by}")
