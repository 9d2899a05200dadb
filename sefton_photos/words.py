"""Dates and counts in words, the same everywhere (issue 12).

One format for a date in a sentence ("1 December 2026"), one for a table or a tile
("1 Dec 2026"), and real plurals ("1 photo", "2 photos"): never "photo(s)" or an ISO date
in front of a social worker. Month names are English on purpose: the records are the
council's, in English, whatever the machine's locale.
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(day: date) -> str:
    """'1 December 2026': in sentences and headings."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """'1 Dec 2026': in tables, lists and under thumbnails."""
    return f"{day.day} {MONTHS[day.month - 1][:3]} {day.year}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """'1 photo', '2 photos', '0 photos'; ``many`` for irregular nouns ('child', 'children')."""
    word = noun if count == 1 else (many or noun + "s")
    return f"{count:,} {word}"
