"""Combo boxes whose items stand for members of the core's enums.

The core's choices (``Purpose``, ``CareStatus``, ``ConsentKind``…) are ``StrEnum``s,
and Qt keeps an item's data of a ``str`` subclass as a plain string.  These two
helpers put a member in and get the member (not its string) back out.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=enum.Enum)


def fill(combo: QComboBox, items: Iterable[tuple[str, enum.Enum]]) -> None:
    """Add ``(words, member)`` items; the member's value is kept as the item's data."""
    for words, member in items:
        combo.addItem(words, member.value)


def chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The member of ``kind`` chosen in ``combo``, or None when nothing is chosen."""
    data = combo.currentData()
    return None if data is None else kind(data)


def choose(combo: QComboBox, member: enum.Enum) -> bool:
    """Make ``member`` the current item; False when it is not offered."""
    index = combo.findData(member.value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0
