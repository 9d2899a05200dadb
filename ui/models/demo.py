"""The demo credentials shown on the unlock screen, as a table model.

The demo vault's passwords are published on purpose (see :mod:`sefton_photos.demo`):
a newcomer picks a row to sign in as that fictional person.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from sefton_photos.demo import DemoUser
from ui.models.rows import RowsTable

HEADERS = ("Name", "Role", "Password")


class DemoUsersModel(RowsTable[DemoUser]):
    """One row per demo user: name, role in words, password."""

    headers = HEADERS

    def __init__(self, users: Sequence[DemoUser], parent: QObject | None = None) -> None:
        super().__init__(users, parent)

    def user_at(self, row: int) -> DemoUser:
        return self.row_at(row)

    def texts(self, row: DemoUser) -> tuple[str, ...]:
        return (row.name, row.role.label, row.password)

    def accessible(self, row: DemoUser, column: int) -> str:
        """The whole row, whichever cell of it."""
        return f"{row.name}, {row.role.label}, password {row.password}"

    def tooltip(self, row: DemoUser, column: int) -> str | None:
        return self.accessible(row, column)
