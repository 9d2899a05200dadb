"""Names and passwords of the test vault's staff, shared by every test module."""

from __future__ import annotations

from dataclasses import dataclass

from sefton_photos.model import Role


@dataclass(frozen=True)
class Person:
    name: str
    password: str
    role: Role
    team: str | None = None
    line_manager: str | None = None


ADMIN = Person("Ada Admin", "admin-password-1", Role.ADMINISTRATOR)
MANAGER = Person("Mo Manager", "manager-password-1", Role.LINE_MANAGER, team="Bootle North")
SOCIAL = Person("Sam Social", "social-password-1", Role.SOCIAL_WORKER, line_manager=MANAGER.name)
KEY = Person("Kim Key", "keyworker-password-1", Role.KEY_WORKER, line_manager=MANAGER.name)
STAFF = (MANAGER, SOCIAL, KEY)
EVERYONE = (ADMIN, *STAFF)
