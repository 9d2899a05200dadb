"""The encrypted object store: one file per image, thumbnail or scanned form.

A file is ``magic || version || object id || nonce || AES-256-GCM ciphertext`` with
the header as associated data, so a file moved under another id, truncated or
changed by one byte fails to decrypt.  Each object has its own random data key,
kept only in the database: erasing the row crypto-shreds the object even if the
file lingers (R13).  Files are written under a temporary name, fsynced and renamed
before the database row that refers to them commits (DESIGN-NOTES.md, write order).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sefton_photos.errors import NotFound, VaultTampered, VaultTooNew
from sefton_photos.vault import crypto
from sefton_photos.vault.files import TEMP_SUFFIX, atomic_write

MAGIC = b"SFOB"
VERSION = 1
_HEADER = len(MAGIC) + 1 + 16


@dataclass(frozen=True, slots=True)
class StoredObject:
    """What the database keeps about an object: its id, its data key and its hash."""

    id: str
    data_key: bytes
    sha256: str
    size: int


class ObjectStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, object_id: str) -> Path:
        return self.root / object_id[:2] / object_id

    def put(self, plaintext: bytes) -> StoredObject:
        """Encrypt ``plaintext`` under a fresh key into a new object file (durably)."""
        oid = uuid.uuid4()
        key = crypto.random_key()
        header = MAGIC + bytes([VERSION]) + oid.bytes
        path = self.path_for(oid.hex)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, header + crypto.seal(key, plaintext, aad=header))
        return StoredObject(oid.hex, key, crypto.sha256_hex(plaintext), len(plaintext))

    def get(self, obj: StoredObject) -> bytes:
        """Decrypt an object and prove it is the one the database recorded."""
        path = self.path_for(obj.id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"Object {obj.id} is missing from the vault's object store.") from None
        if len(raw) < _HEADER or raw[: len(MAGIC)] != MAGIC:
            raise VaultTampered(f"Object {obj.id} is damaged or is not a Sefton Photos object.")
        if raw[len(MAGIC)] > VERSION:
            raise VaultTooNew(f"Object {obj.id} was written by a newer Sefton Photos.")
        header = raw[:_HEADER]
        if header[len(MAGIC) + 1 :] != uuid.UUID(hex=obj.id).bytes:
            raise VaultTampered(f"Object {obj.id} holds another object's data.")
        try:
            data = crypto.unseal(obj.data_key, raw[_HEADER:], aad=header)
        except crypto.DecryptionFailed:
            raise VaultTampered(
                f"Object {obj.id} was changed outside Sefton Photos and cannot be trusted."
            ) from None
        if crypto.sha256_hex(data) != obj.sha256:
            raise VaultTampered(f"Object {obj.id} does not match its recorded hash.")
        return data

    def delete(self, object_id: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path_for(object_id))

    def ids(self) -> Iterator[str]:
        """Every object id present on disk (temporary files excluded)."""
        if not self.root.exists():
            return
        for sub in self.root.iterdir():
            if sub.is_dir():
                for f in sub.iterdir():
                    if not f.name.endswith(TEMP_SUFFIX):
                        yield f.name

    def sweep(self, referenced: set[str]) -> list[str]:
        """Remove leftovers of an interrupted write: temp files and unreferenced objects."""
        removed: list[str] = []
        if not self.root.exists():
            return removed
        for sub in self.root.iterdir():
            if not sub.is_dir():
                continue
            for f in sub.iterdir():
                if f.name.endswith(TEMP_SUFFIX) or f.name not in referenced:
                    with contextlib.suppress(OSError):
                        f.unlink()
                        removed.append(f.name)
        return removed
