"""A checkable list of children: who is in the photos of a capture (R1, "Capture, in order" 1).

Filled from ``session.children.list()`` (which already holds only the children
this user may see); each row has a check box that the view toggles with Space or
a click.  The model never asks the vault itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QObject

from sefton_photos.model import Child
from ui.models.checklist import CheckList


class ChildChoiceModel(CheckList[Child, int]):
    """Rows of children with a check state; ``UserRole`` gives the ``Child``."""

    ticked_words = ("in the photos", "not in the photos")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def key(self, row: Child) -> int:
        return row.id

    def label(self, row: Child) -> str:
        return row.name

    def set_children(self, children: Sequence[Child], checked: Iterable[int] = ()) -> None:
        """The children this user may see; only ``checked`` are ticked (none by default)."""
        self.set_rows(children, ticked=checked)

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked children, in the order of the list."""
        return tuple(c.id for c in self.checked_rows())

    def set_checked(self, child_id: int, checked: bool = True) -> bool:
        return self.check(child_id, checked)
