"""Revision 0003 (issue 10, R11): photos record whether their faces were looked for.

An existing vault is upgraded after a backup, in one transaction: photos with face rows
were detected; photos without are marked not yet detected, so they are looked at again
before any export beyond the case record.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from sefton_photos.session import Session
from sefton_photos.vault import migrate
from tests.helpers import ADMIN, head_revision, keys_of, raw_connection


def test_0003_upgrades_a_0002_vault_and_marks_only_photos_with_faces_as_detected(
    vault_dir: Path,
) -> None:
    """The vault is taken back to 0002 by its own Alembic downgrade (as a vault before
    this revision was), two photos are written the way 0002 wrote them, one with a face."""
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        cfg = migrate._config()
        with s.vault.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0002")
            conn.execute(  # the photos' original (its file is never read here)
                text(
                    "INSERT INTO objects (id, data_key, sha256, size, kind, created_at) VALUES"
                    " ('obj', zeroblob(32), :sha, 0, 'original', '2026-01-01 00:00:00')"
                ),
                {"sha": "0" * 64},
            )
            for pid in (1, 2):
                conn.execute(
                    text(
                        "INSERT INTO photos (id, original_object_id, content_sha256, media_type,"
                        " width, height, imported_by, imported_at) VALUES (:id, 'obj', :sha,"
                        " 'image/jpeg', 10, 10, 1, '2026-01-01 00:00:00')"
                    ),
                    {"id": pid, "sha": f"{pid:064d}"},
                )
            conn.execute(
                text(
                    "INSERT INTO faces (photo_id, top, right, bottom, left, status) "
                    "VALUES (1, 0, 5, 5, 0, 'unknown')"
                )
            )
    backups = set((vault_dir / "backups").iterdir()) if (vault_dir / "backups").exists() else set()
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()
    [backup] = set((vault_dir / "backups").iterdir()) - backups
    assert backup.name.startswith("vault-0002-")  # the upgrade ran after a backup
    _, db_key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, db_key)
    try:
        rows = conn.execute("SELECT id, faces_detected FROM photos ORDER BY id").fetchall()
        [(version,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    assert rows == [(1, 1), (2, 0)]
    assert version == head_revision()
