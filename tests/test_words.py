"""Dates and counts in words: one format everywhere, real plurals (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from sefton_photos.words import long_date, plural, short_date


@pytest.mark.parametrize(
    ("day", "long", "short"),
    [
        (date(2026, 12, 1), "1 December 2026", "1 Dec 2026"),
        (date(2027, 1, 31), "31 January 2027", "31 Jan 2027"),
        (date(2024, 2, 29), "29 February 2024", "29 Feb 2024"),
        (date(2026, 9, 9), "9 September 2026", "9 Sep 2026"),
    ],
)
def test_dates(day: date, long: str, short: str) -> None:
    assert long_date(day) == long
    assert short_date(day) == short


def test_plurals() -> None:
    assert plural(1, "photo") == "1 photo"
    assert plural(2, "photo") == "2 photos"
    assert plural(0, "photo") == "0 photos"
    assert plural(1, "child", "children") == "1 child"
    assert plural(3, "child", "children") == "3 children"
    assert plural(12_000, "photo") == "12,000 photos"
