"""Revision 0003 (issue 10, R11): photos record whether their faces were looked for.

An existing vault is upgraded after a backup, in one transaction: photos with face rows
were detected; photos without are marked not yet detected, so they are looked at again
before any export beyond the case record.
"""

from __future__ import annotations

from pathlib import Path

from sefton_photos.session import Session
from tests.helpers import ADMIN, keys_of, raw_connection


def test_0003_upgrades_a_0001_vault_and_marks_only_photos_with_faces_as_detected(
    vault_dir: Path,
) -> None:
    _, db_key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, db_key)
    for pid in (1, 2):
        conn.execute(
            "INSERT INTO photos (id, original_object_id, content_sha256, media_type, width, "
            "height, imported_by, imported_at, faces_detected) "
            "VALUES (?, 'obj', ?, 'image/jpeg', 10, 10, 1, '2026-01-01 00:00:00', 0)",
            (pid, f"{pid:064d}"),
        )
    conn.execute(
        "INSERT INTO faces (photo_id, top, right, bottom, left, status) "
        "VALUES (1, 0, 5, 5, 0, 'unknown')"
    )
    # Back to the schema as revision 0001 left it.
    conn.execute("ALTER TABLE photos DROP COLUMN faces_detected")
    conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.commit()
    conn.close()
    assert not (vault_dir / "backups").exists()
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()
    [backup] = list((vault_dir / "backups").iterdir())
    assert backup.name.startswith("vault-0001-")
    conn = raw_connection(vault_dir, db_key)
    try:
        rows = conn.execute("SELECT id, faces_detected FROM photos ORDER BY id").fetchall()
        [(version,)] = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()
    assert rows == [(1, 1), (2, 0)]
    assert version == "0003"
