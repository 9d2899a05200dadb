"""A vault taken back to an older schema revision with a photo in it, for the tests of
each revision's upgrade (the upgrade then runs at the next unlock, after a backup)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from sefton_photos.session import Session
from sefton_photos.vault import migrate
from tests.helpers import ADMIN


def downgraded_with_a_photo(vault_dir: Path, revision: str, *faces_sql: str) -> set[Path]:
    """Take the vault back to ``revision``, add photo 1 (an empty object, faces looked for)
    and run ``faces_sql``; returns the backups there were before the next unlock."""
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        cfg = migrate._config()
        with s.vault.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, revision)
            conn.execute(
                text(
                    "INSERT INTO objects (id, data_key, sha256, size, kind, created_at) VALUES"
                    " ('obj', zeroblob(32), :sha, 0, 'original', '2026-01-01 00:00:00')"
                ),
                {"sha": "0" * 64},
            )
            conn.execute(
                text(
                    "INSERT INTO photos (id, original_object_id, content_sha256, media_type,"
                    " width, height, imported_by, imported_at, faces_detected) VALUES (1, 'obj',"
                    " :sha, 'image/jpeg', 10, 10, 1, '2026-01-01 00:00:00', 1)"
                ),
                {"sha": "1" * 64},
            )
            for sql in faces_sql:
                conn.execute(text(sql))
    backups = vault_dir / "backups"
    return set(backups.iterdir()) if backups.exists() else set()
