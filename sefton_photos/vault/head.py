"""The sealed audit head: ``audit.head``, the entry count and last hash under a MAC.

Bytes on disk beside ``vault.db``, so it lives with the vault: the vault reseals it
after every unit of work that appended, checks it at unlock and rewrites it during a
key rotation, without importing :mod:`sefton_photos.audit` (which builds on the
vault, not the other way round).  The chain itself, its hashing and its
verification, are :mod:`sefton_photos.audit`'s.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import VaultTampered, VaultTooNew
from sefton_photos.schema.core import AuditRow
from sefton_photos.vault import crypto
from sefton_photos.vault.files import atomic_write
from sefton_photos.vault.keyslots import canonical

GENESIS = "0" * 64
HEAD_FORMAT = "sefton-audit-head"
HEAD_VERSION = 1


def tip(db: OrmSession) -> tuple[int, str]:
    count = db.scalar(select(func.count()).select_from(AuditRow)) or 0
    last = db.scalar(select(AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1))
    return count, last or GENESIS


# -- the sealed head ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Head:
    count: int
    last_hash: str


def head_key(vault_key: bytes) -> bytes:
    return crypto.derive(vault_key, "audit")


def write_head(path: Path, vault_key: bytes, count: int, last_hash: str) -> None:
    body = {"format": HEAD_FORMAT, "version": HEAD_VERSION, "count": count, "last_hash": last_hash}
    tag = crypto.mac(head_key(vault_key), canonical(body))
    atomic_write(path, canonical({**body, "mac": tag}) + b"\n")


def read_head(path: Path, vault_key: bytes) -> Head:
    """The sealed head, or VaultTampered if it is missing, malformed or its MAC fails."""
    bad = (
        "The audit head (audit.head) is missing or was changed outside Sefton Photos: "
        "the audit log can no longer be proven complete."
    )
    try:
        doc = json.loads(path.read_bytes())
        if doc["format"] != HEAD_FORMAT:
            raise ValueError
        if int(doc["version"]) > HEAD_VERSION:
            raise VaultTooNew("The audit head was written by a newer Sefton Photos.")
        tag = doc.pop("mac")
        if not crypto.mac_ok(head_key(vault_key), canonical(doc), str(tag)):
            raise ValueError
        return Head(int(doc["count"]), str(doc["last_hash"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise VaultTampered(bad) from None


def check_prefix(db: OrmSession, head: Head) -> None:
    """The sealed head must be a prefix of the chain (a crash may leave it behind)."""
    count, _ = tip(db)
    if head.count > count:
        raise VaultTampered(
            f"The audit log has {count} entries but its sealed head "
            f"records {head.count}: entries were removed."
        )
    if head.count:
        at_head = db.scalar(select(AuditRow.hash).where(AuditRow.seq == head.count))
        if at_head != head.last_hash:
            raise VaultTampered(
                f"Audit entry {head.count} differs from the one its sealed "
                "head records: the audit log was rewritten."
            )
