"""A checklist of staff names, e.g. the key workers to allocate to a new file.

The names come from ``session.users.list()`` (run on the worker by the page) and
are filtered by role here; the core checks again that each one has the role
(``children.add`` refuses anyone who is not a key worker).  Ticking is done with
the space bar or a click, like any checkable list item.
"""

from __future__ import annotations

from collections.abc import Iterable

from sefton_photos.model import Role, User
from ui.models.checklist import CheckList


def names_with_role(users: Iterable[User], *roles: Role) -> list[str]:
    return sorted(u.name for u in users if u.role in roles)


class StaffChecklistModel(CheckList[str, str]):
    """Checkable names; :meth:`checked` gives the ticked ones in list order."""

    ticked_words = ("allocated", "not allocated")

    def key(self, row: str) -> str:
        return row

    def label(self, row: str) -> str:
        return row

    @property
    def names(self) -> list[str]:
        return self.rows

    def checked(self) -> list[str]:
        return self.checked_rows()

    def set_checked(self, name: str, ticked: bool = True) -> bool:
        """Tick (or untick) ``name``; False when it is not in the list."""
        return self.check(name, ticked)
