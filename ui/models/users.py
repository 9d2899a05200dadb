"""The users table of the Admin page: name, role (in words), team, line manager.

It holds a plain list of :class:`~sefton_photos.model.User` given to it by the
page after ``session.users.list()`` ran on the worker; it never asks the vault.
"""

from __future__ import annotations

from collections.abc import Sequence

from sefton_photos.model import User
from ui.models.rows import NONE, RowsTable

HEADERS = ("Name", "Role", "Team", "Line manager")
NOBODY = NONE


class UsersTableModel(RowsTable[User]):
    """Read-only rows of users; ``UserRole`` gives the ``User`` itself."""

    headers = HEADERS

    def set_users(self, users: Sequence[User]) -> None:
        self.set_rows(users)

    @property
    def users(self) -> list[User]:
        return self.rows

    def user_at(self, row: int) -> User:
        return self.row_at(row)

    def texts(self, user: User) -> tuple[str, ...]:
        return (user.name, user.role.label, user.team or NOBODY, user.line_manager_name or NOBODY)
