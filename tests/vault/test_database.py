"""The SQLCipher database: opened only with the derived raw key; damage is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text

from sefton_photos.errors import VaultTampered, VaultTooNew
from sefton_photos.session import Session
from sefton_photos.vault import database
from tests.helpers import ADMIN


def db_key(vault_dir: Path) -> bytes:
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    try:
        return session.vault.db_key
    finally:
        session.close()


def test_database_is_not_readable_as_plain_sqlite(vault_dir: Path) -> None:
    """Without the key the file is noise: no SQLite header, no readable schema."""
    raw = (vault_dir / "vault.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"CREATE TABLE" not in raw
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"))
    with pytest.raises(sqlcipher3.DatabaseError):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_database_opens_with_its_raw_key_and_integrity_is_clean(vault_dir: Path) -> None:
    """The raw key derived from the vault key opens it; SQLCipher finds every page sound."""
    key = db_key(vault_dir)
    assert database.integrity_problems(vault_dir / "vault.db", key) in ([], ["ok"])


@pytest.mark.parametrize(
    "fraction", [0.0, 0.001, 0.01, 0.1, 0.25, 0.4, 0.5, 0.6, 0.75, 0.9, 0.99, 1.0]
)
def test_a_flipped_byte_in_the_database_is_refused(vault_dir: Path, fraction: float) -> None:
    """Any page changed outside the app fails its HMAC, and unlock says so in words."""
    path = vault_dir / "vault.db"
    data = bytearray(path.read_bytes())
    offset = min(len(data) - 1, int(fraction * len(data)))
    data[offset] ^= 0x20
    path.write_bytes(bytes(data))
    with pytest.raises(VaultTampered, match=r"vault\.db"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def test_a_database_from_a_newer_version_is_refused(vault_dir: Path) -> None:
    """A schema revision this build does not know means a newer app wrote the vault."""
    key = db_key(vault_dir)
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(VaultTooNew, match="newer version"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def folder_state(vault_dir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(vault_dir)): p.read_bytes()
        for p in sorted(vault_dir.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


@pytest.mark.parametrize("how", ["missing", "empty"])
def test_a_missing_or_empty_database_is_named_and_nothing_is_written(
    vault_dir: Path, how: str
) -> None:
    """Issue 10: not blamed on keyslots.json, and no fresh schema written into its place."""
    db = vault_dir / "vault.db"
    if how == "missing":
        db.unlink()
    else:
        db.write_bytes(b"")
    before = folder_state(vault_dir)
    for attempt in (
        lambda: Session.check_folder(vault_dir),
        lambda: Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password),
        lambda: Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password, inspect=True),
    ):
        with pytest.raises(VaultTampered) as refused:
            attempt()
        assert "vault.db" in str(refused.value) and how in str(refused.value)
        assert "keyslots.json" not in str(refused.value)
    assert folder_state(vault_dir) == before
    assert db.exists() == (how == "empty")


def test_the_database_is_created_readable_by_its_owner_only(tmp_path: Path) -> None:
    """vault.db gets mode 0600, like the slot file, the head and the objects."""
    path = tmp_path / "v"
    Session.create_vault(path, admin_name=ADMIN.name, password=ADMIN.password).close()
    for name in ("vault.db", "keyslots.json", "audit.head"):
        assert (path / name).stat().st_mode & 0o777 == 0o600, name


def test_a_database_deleted_while_open_is_not_recreated(vault_dir: Path) -> None:
    """A keyed connection never creates an empty database where vault.db was."""
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    db = vault_dir / "vault.db"
    db.unlink()
    try:
        with pytest.raises(VaultTampered, match=r"vault\.db"), session.vault.unit() as s:
            s.execute(text("SELECT count(*) FROM users")).all()
    finally:
        session.vault.close()
    assert not db.exists()


def test_init_over_a_vault_that_lost_its_slot_file_sets_the_old_files_aside(
    vault_dir: Path,
) -> None:
    """Issue 10: `init` where keyslots.json is gone moves vault.db and audit.head aside
    (a backup of the slot file may still open them); it never deletes them."""
    old_db = (vault_dir / "vault.db").read_bytes()
    old_head = (vault_dir / "audit.head").read_bytes()
    (vault_dir / "keyslots.json").unlink()
    Session.create_vault(vault_dir, admin_name=ADMIN.name, password=ADMIN.password).close()
    [aside] = list(vault_dir.glob("abandoned-*"))
    assert (aside / "vault.db").read_bytes() == old_db
    assert (aside / "audit.head").read_bytes() == old_head
    assert (vault_dir / "vault.db").read_bytes() != old_db
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()
