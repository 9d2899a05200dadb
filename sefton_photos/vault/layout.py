"""The files of a vault folder: their names in one place (docs/ARCHITECTURE.md), and
setting aside what an earlier, unfinished vault left behind (never deleting it)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

DB, SLOTS, HEAD, ATTEMPTS, LOCK = "vault.db", "keyslots.json", "audit.head", "attempts.json", "lock"
OBJECTS, BACKUPS, NEXT = "objects", "backups", ".next"


def set_aside(path: Path) -> Path | None:
    """Move a database and head that have no slot file into ``abandoned-<time>/``.

    Never deleted (issue 10): they may be a vault whose keyslots.json was lost and
    that a backup of it can still open.  Objects stay where they are and
    ``vault check`` reports them as unrecorded.
    """
    found = [n for n in (DB, DB + "-journal", HEAD) if (path / n).exists()]
    if not found:
        return None
    aside = path / f"abandoned-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S%fZ')}"
    aside.mkdir()
    for name in found:
        os.replace(path / name, aside / name)
    return aside
