"""Encrypted objects as the rest of the core sees them: store bytes, get bytes back.

The object file is written (durably) before the row that holds its data key is
flushed; the caller's transaction then commits both or, on failure, the orphan
file is swept at the next open.  Reading always proves the bytes match the hash
recorded when they were stored.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import NotFound
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import ObjectRow
from sefton_photos.vault.objects import StoredObject
from sefton_photos.vault.vault import Vault

KINDS = ("original", "thumbnail", "form", "export")


def store(vault: Vault, db: OrmSession, data: bytes, *, kind: str) -> str:
    """Encrypt ``data`` into a new object and record it; returns the object id."""
    if kind not in KINDS:
        raise ValueError(f"unknown object kind {kind}")
    obj = vault.objects.put(data)
    db.add(
        ObjectRow(
            id=obj.id,
            data_key=obj.data_key,
            sha256=obj.sha256,
            size=obj.size,
            kind=kind,
            created_at=utcnow(),
        )
    )
    db.flush()
    return obj.id


def load(vault: Vault, db: OrmSession, object_id: str) -> bytes:
    row = db.get(ObjectRow, object_id)
    if row is None:
        raise NotFound(f"There is no object {object_id} in this vault.")
    return vault.objects.get(as_stored(row))


def shred(vault: Vault, db: OrmSession, object_id: str) -> None:
    """Crypto-shred: the key row goes (so the file is noise), then the file itself."""
    row = db.get(ObjectRow, object_id)
    if row is not None:
        db.delete(row)
        db.flush()
    vault.objects.delete(object_id)


def as_stored(row: ObjectRow) -> StoredObject:
    return StoredObject(row.id, row.data_key, row.sha256, row.size)
