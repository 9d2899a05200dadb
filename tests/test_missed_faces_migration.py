"""Revision 0006 (R11): faces a person outlined, and the whole-photo check.

An existing vault is upgraded after a backup, in one transaction: its faces are
the detector's (``outlined_by`` null) and none of its photos has been checked whole
for missed faces, so each waits for that check before the public sees it.
"""

from __future__ import annotations

from pathlib import Path

from sefton_photos.session import Session
from tests.helpers import ADMIN, head_revision, keys_of, raw_connection
from tests.migration_support import downgraded_with_a_photo


def test_0006_upgrades_a_0005_vault_with_every_photo_waiting_for_a_check(
    vault_dir: Path,
) -> None:
    backups = downgraded_with_a_photo(
        vault_dir,
        "0005",
        "INSERT INTO faces (id, photo_id, top, right, bottom, left, status)"
        " VALUES (1, 1, 0, 5, 5, 0, 'unknown')",
    )
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()
    [backup] = set((vault_dir / "backups").iterdir()) - backups
    assert backup.name.startswith("vault-0005-")  # the upgrade ran after a backup
    _, db_key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, db_key)
    try:
        face = conn.execute("SELECT status, outlined_by FROM faces").fetchall()
        photo = conn.execute("SELECT faces_checked_at, faces_checked_by FROM photos").fetchall()
        keys = {(r[3], r[2]) for r in conn.execute("PRAGMA foreign_key_list(photos)").fetchall()}
        face_keys = {(r[3], r[2]) for r in conn.execute("PRAGMA foreign_key_list(faces)")}
        [(version,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    assert face == [("unknown", None)]
    assert photo == [(None, None)]  # never checked whole: the public waits for it
    assert ("faces_checked_by", "users") in keys and ("outlined_by", "users") in face_keys
    assert version == head_revision() == "0006"
