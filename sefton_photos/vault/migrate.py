"""Schema upgrades on open: refuse newer vaults, back up, then one transaction.

The schema version is Alembic's revision in the database.  A revision this build
does not know means the vault was written by a newer Sefton Photos, and it is
refused before anything is changed.  Before an upgrade of an existing vault the
(still encrypted) database file is copied to ``backups/``; the upgrade and the
version bump then commit together or not at all.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from sefton_photos.errors import VaultTooNew


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", "sefton_photos.schema:migrations")
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path, backups: Path) -> str | None:
    """Bring the schema to head.  Returns the backup's path name, if one was made."""
    script = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise VaultTooNew(
            f"This vault's database is at schema {current}, which this Sefton Photos does "
            "not know: it was written by a newer version. Install that version to open it."
        )
    head = script.get_current_head()
    if current == head:
        return None
    backup_name = None
    if current is not None:
        backups.mkdir(exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = backups / f"vault-{current}-{stamp}.db"
        shutil.copy2(db_path, backup)
        backup_name = backup.name
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup_name
