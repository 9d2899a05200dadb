"""The demo vault: fictional staff (and, as features land, fictional children).

``sefton-photos --demo`` creates it in the user's data folder on first run and
reopens it afterwards, so a newcomer sees every screen populated.  Its passwords
are published on the unlock screen on purpose: nothing real may ever go in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sefton_photos.model import Role
from sefton_photos.session import Session
from sefton_photos.vault.vault import SLOTS


@dataclass(frozen=True, slots=True)
class DemoUser:
    name: str
    role: Role
    password: str
    team: str | None = None
    line_manager: str | None = None


ADMIN = DemoUser("Alex Admin", Role.ADMINISTRATOR, "demo-admin-pass")
STAFF = (
    DemoUser("Morgan Manager", Role.LINE_MANAGER, "demo-manager-pass", team="Bootle North"),
    DemoUser("Sam Social", Role.SOCIAL_WORKER, "demo-social-pass", line_manager="Morgan Manager"),
    DemoUser(
        "Kit Keyworker", Role.KEY_WORKER, "demo-keyworker-pass", line_manager="Morgan Manager"
    ),
    DemoUser("Chris Comms", Role.COMMUNICATIONS_OFFICER, "demo-comms-pass", team="Communications"),
    DemoUser("Lee Manager", Role.LINE_MANAGER, "demo-manager2-pass", team="Crosby South"),
    DemoUser("Jo Social", Role.SOCIAL_WORKER, "demo-social2-pass", line_manager="Lee Manager"),
)
USERS = (ADMIN, *STAFF)


def ensure_demo_vault(path: Path) -> Path:
    """Create the demo vault at ``path`` unless it is there already."""
    if (path / SLOTS).exists():
        return path
    session = Session.create_vault(path, admin_name=ADMIN.name, password=ADMIN.password)
    try:
        for user in STAFF:
            session.add_user(
                name=user.name,
                role=user.role,
                password=user.password,
                team=user.team,
                line_manager=user.line_manager,
            )
    finally:
        session.close()
    return path
