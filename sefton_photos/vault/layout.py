"""The names of the files in a vault folder, in one place (see docs/ARCHITECTURE.md)."""

from __future__ import annotations

DB, SLOTS, HEAD, ATTEMPTS, LOCK = "vault.db", "keyslots.json", "audit.head", "attempts.json", "lock"
OBJECTS, BACKUPS, NEXT = "objects", "backups", ".next"
