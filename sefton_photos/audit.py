"""The audit log: append-only, hash-chained, its head sealed outside the database.

Every entry holds the hash of the one before it, and is written in the same
transaction as the change it records.  The head (entry count and last hash) is
also kept in ``audit.head`` under a MAC keyed from the vault key, so rewriting or
truncating the log inside the database is detected even by someone who holds the
database key.  The head is written after the commit: if the process dies between
the two, the head is a strict prefix of the chain, which verification accepts and
the next write reseals; a head *ahead* of the chain, or one whose hash differs
from the chain's at that position, is a tamper.  The head file itself is
:mod:`sefton_photos.vault.head`'s: the vault reseals it without importing this module.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import VaultTampered
from sefton_photos.model import AuditEntry, AuditSeq, AuditVerification
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import AuditRow
from sefton_photos.vault.head import GENESIS, Head
from sefton_photos.vault.keyslots import canonical


def _hash(
    prev: str,
    seq: int,
    at: datetime,
    actor_id: int | None,
    actor_name: str | None,
    action: str,
    subject: str | None,
    child_id: int | None,
    details: str,
) -> str:
    body = canonical(
        [prev, seq, at.isoformat(), actor_id, actor_name, action, subject, child_id, details]
    )
    return hashlib.sha256(body).hexdigest()


def row_hash(row: AuditRow) -> str:
    return _hash(
        row.prev_hash,
        row.seq,
        row.at,
        row.actor_id,
        row.actor_name,
        row.action,
        row.subject,
        row.child_id,
        row.details,
    )


def append(
    db: OrmSession,
    *,
    action: str,
    actor_id: int | None = None,
    actor_name: str | None = None,
    subject: str | None = None,
    child_id: int | None = None,
    details: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditRow:
    """Add the next link of the chain inside the caller's transaction."""
    if db.info.get("reading"):
        raise RuntimeError("an audit entry cannot be written in a read-only unit of work")
    if db.info.get("read_only"):
        raise VaultTampered(
            db.info.get("read_only_reason")
            or "This vault is open for inspection only, because its audit log does not "
            "match its sealed head. Nothing can be changed until it is restored from a backup."
        )
    last = db.execute(
        select(AuditRow.seq, AuditRow.hash).order_by(AuditRow.seq.desc()).limit(1)
    ).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    when = at or utcnow()
    text = json.dumps(details or {}, sort_keys=True, separators=(",", ":"), default=str)
    row = AuditRow(
        seq=seq,
        at=when,
        actor_id=actor_id,
        actor_name=actor_name,
        action=action,
        subject=subject,
        child_id=child_id,
        details=text,
        prev_hash=prev,
        hash=_hash(prev, seq, when, actor_id, actor_name, action, subject, child_id, text),
    )
    db.add(row)
    db.flush()
    db.info["audit_appended"] = True
    return row


def to_entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(
        seq=AuditSeq(row.seq),
        at=row.at,
        actor=row.actor_name,
        action=row.action,
        subject=row.subject,
        details=json.loads(row.details),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


def latest(db: OrmSession, limit: int) -> list[AuditEntry]:
    rows = db.scalars(select(AuditRow).order_by(AuditRow.seq.desc()).limit(limit)).all()
    return [to_entry(r) for r in rows]


def verify(db: OrmSession, head: Head | None) -> AuditVerification:
    """Walk the chain from the first entry; compare with the sealed head if given."""
    prev = GENESIS
    expected_seq = 1
    hashes: dict[int, str] = {}
    for row in db.scalars(select(AuditRow).order_by(AuditRow.seq)).yield_per(2000):
        if row.seq != expected_seq:
            return _broken(expected_seq, f"entry {expected_seq} is missing (next is {row.seq})")
        if row.prev_hash != prev:
            return _broken(row.seq, f"entry {row.seq} does not follow entry {row.seq - 1}")
        if row_hash(row) != row.hash:
            return _broken(row.seq, f"entry {row.seq} was changed after it was written")
        prev = row.hash
        if head is not None and row.seq == head.count:
            hashes[row.seq] = row.hash
        expected_seq += 1
    count = expected_seq - 1
    if head is not None:
        if head.count > count:
            return _broken(
                AuditSeq(count + 1),
                f"the log ends at entry {count} but the sealed head records "
                f"{head.count} entries: entries were removed",
            )
        if head.count > 0 and hashes.get(head.count) != head.last_hash:
            return _broken(
                AuditSeq(head.count),
                f"entry {head.count} differs from the one the sealed head records",
            )
    return AuditVerification(True, count, f"audit chain intact: {count} entries")


def _broken(seq: int, why: str) -> AuditVerification:
    return AuditVerification(
        False, seq - 1 if seq > 0 else 0, f"audit chain broken at entry {seq}: {why}", AuditSeq(seq)
    )
