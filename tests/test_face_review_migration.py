"""Revision 0005 (issue 11, R11, R13): faces say why no one was suggested, references
say when and from what, and "not this child" becomes its own status (rejected).

An existing vault is upgraded after a backup, in one transaction: a face a person had
marked "not this child" (stored as unknown, with a reviewer) becomes rejected, so it
counts as reviewed; a face nobody ruled on stays unknown.
"""

from __future__ import annotations

from pathlib import Path

from sefton_photos.session import Session
from tests.helpers import ADMIN, head_revision, keys_of, raw_connection
from tests.migration_support import downgraded_with_a_photo


def test_0005_upgrades_a_0004_vault_and_keeps_each_persons_ruling(vault_dir: Path) -> None:
    backups = downgraded_with_a_photo(
        vault_dir,
        "0004",
        "INSERT INTO faces (id, photo_id, top, right, bottom, left, status,"
        " confirmed_by) VALUES (1, 1, 0, 5, 5, 0, 'unknown', 1),"
        " (2, 1, 0, 9, 9, 6, 'unknown', NULL)",
    )
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()
    [backup] = set((vault_dir / "backups").iterdir()) - backups
    assert backup.name.startswith("vault-0004-")  # the upgrade ran after a backup
    _, db_key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, db_key)
    try:
        rows = conn.execute("SELECT id, status, unmatched_reason FROM faces ORDER BY id").fetchall()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(face_enrolments)").fetchall()}
        [(version,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    assert rows == [(1, "rejected", None), (2, "unknown", None)]
    assert {"taken_at", "source"} <= columns
    assert version == head_revision()
