"""Names and passwords of the test vault's staff, shared by every test module."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import sqlcipher3

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
# Same team, but allocated to nobody: need-to-know keeps them out of other files.
KEY2 = Person("Kai Keyes", "keyworker-password-2", Role.KEY_WORKER, line_manager=MANAGER.name)
# Another team altogether.
MANAGER2 = Person("Lee Leader", "manager-password-2", Role.LINE_MANAGER, team="Crosby South")
SOCIAL2 = Person("Jo Other", "social-password-2", Role.SOCIAL_WORKER, line_manager=MANAGER2.name)
STAFF = (MANAGER, SOCIAL, KEY, KEY2, MANAGER2, SOCIAL2)
EVERYONE = (ADMIN, *STAFF)


def raw_connection(vault_dir: Path, key: bytes) -> sqlcipher3.Connection:
    """A direct SQLCipher connection, as an attacker holding the database key would have."""
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def keys_of(vault_dir: Path, person: Person = ADMIN) -> tuple[bytes, bytes]:
    """(vault key, database key), read by signing in and out again."""
    from sefton_photos.session import Session

    session = Session.unlock(vault_dir, name=person.name, password=person.password)
    try:
        return session.vault.vault_key, session.vault.db_key
    finally:
        session.close()


def head_revision() -> str:
    """The newest schema revision this build knows (Alembic's single head)."""
    from alembic.script import ScriptDirectory

    from sefton_photos.vault import migrate

    head = ScriptDirectory.from_config(migrate._config()).get_current_head()
    assert head is not None
    return head
