"""The encrypted object store: one file per image, thumbnail or scanned form.

A file is ``magic || version || object id || nonce || AES-256-GCM ciphertext`` with
the header as associated data, so a file moved under another id, truncated or
changed by one byte fails to decrypt.  Each object has its own random data key,
kept only in the database: erasing the row crypto-shreds the object even if the
file lingers (R13).  Files are written under a temporary name, fsynced and renamed
before the database row that refers to them commits (DESIGN-NOTES.md, write order).

Version 2 adds, in the header, the audit count the database had already committed
when the file was written, with a MAC under a key from the vault key.  An object
file that no row refers to but that vouches for more committed changes than the
database has is proof the database was restored from an older copy (rolled
back): it is evidence, never tidied away.  Nothing here deletes a file on open or
check; :meth:`ObjectStore.survey` only reports (issue 10).
"""

from __future__ import annotations

import contextlib
import hmac
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sefton_photos.errors import NotFound, VaultError, VaultTampered, VaultTooNew
from sefton_photos.vault import crypto
from sefton_photos.vault.files import TEMP_SUFFIX, atomic_write, explain
from sefton_photos.words import plural

MAGIC = b"SFOB"
VERSION = 2
_HEADER_V1 = len(MAGIC) + 1 + 16
_BASE, _TAG = 8, 16
_HEADER = {1: _HEADER_V1, 2: _HEADER_V1 + _BASE + _TAG}
MARK_PURPOSE = "object-mark"


@dataclass(frozen=True, slots=True)
class Stamp:
    """What a new object records: the audit count already committed, and the MAC key."""

    committed: int
    mark_key: bytes


@dataclass(frozen=True, slots=True)
class Survey:
    """Files on disk with no record in the database (reported, never deleted).

    ``newer`` are unrecorded objects whose MACed stamp says the database had already
    committed more audit entries than it has now: the database was rolled back.
    """

    unrecorded: tuple[str, ...]
    partial: tuple[str, ...]
    newer: tuple[str, ...]
    newest: int

    def rollback_message(self) -> str:
        """Why a vault whose objects are newer than its database opens read-only."""
        return (
            f"The vault database (vault.db) is older than {plural(len(self.newer), 'object file')} "
            f"in objects/ (for example {self.newer[0]}): they were written after changes "
            "this database does not have, so vault.db and audit.head were restored from an "
            "older copy (rolled back). The vault is open read-only and nothing has been "
            "deleted; restore the newest vault.db and audit.head, or ask information "
            "governance (R14, policy 13.1: nothing is silently dropped)."
        )


def _mark(mark_key: bytes, body: bytes) -> bytes:
    return hmac.new(mark_key, body, "sha256").digest()[:_TAG]


@dataclass(frozen=True, slots=True)
class StoredObject:
    """What the database keeps about an object: its id, its data key and its hash."""

    id: str
    data_key: bytes
    sha256: str
    size: int


class ObjectStore:
    def __init__(self, root: Path, stamp: Callable[[], Stamp]) -> None:
        self.root = root
        self._stamp = stamp
        self.read_only_reason: str | None = None

    def path_for(self, object_id: str) -> Path:
        return self.root / object_id[:2] / object_id

    def put(self, plaintext: bytes) -> StoredObject:
        """Encrypt ``plaintext`` under a fresh key into a new object file (durably)."""
        if self.read_only_reason is not None:
            raise VaultTampered(self.read_only_reason)
        oid = uuid.uuid4()
        key = crypto.random_key()
        stamp = self._stamp()
        body = MAGIC + bytes([VERSION]) + oid.bytes + stamp.committed.to_bytes(_BASE, "big")
        header = body + _mark(stamp.mark_key, body)
        path = self.path_for(oid.hex)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # an unwritable objects/ folder: words, nothing changed
            raise explain(exc, path) from None
        atomic_write(path, header + crypto.seal(key, plaintext, aad=header))
        return StoredObject(oid.hex, key, crypto.sha256_hex(plaintext), len(plaintext))

    def get(self, obj: StoredObject) -> bytes:
        """Decrypt an object and prove it is the one the database recorded."""
        path = self.path_for(obj.id)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"Object {obj.id} is missing from the vault's object store.") from None
        if len(raw) < _HEADER_V1 or raw[: len(MAGIC)] != MAGIC or raw[len(MAGIC)] == 0:
            raise VaultTampered(f"Object {obj.id} is damaged or is not a Sefton Photos object.")
        if raw[len(MAGIC)] > VERSION:
            raise VaultTooNew(f"Object {obj.id} was written by a newer Sefton Photos.")
        size = _HEADER[raw[len(MAGIC)]]
        header = raw[:size]
        if header[len(MAGIC) + 1 : _HEADER_V1] != uuid.UUID(hex=obj.id).bytes:
            raise VaultTampered(f"Object {obj.id} holds another object's data.")
        try:
            data = crypto.unseal(obj.data_key, raw[size:], aad=header)
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

    def survey(self, recorded: set[str], *, committed: int, mark_key: bytes) -> Survey:
        """What is on disk that the database has no record of; nothing is removed."""
        unrecorded: list[str] = []
        partial: list[str] = []
        newer: list[str] = []
        newest = 0
        try:
            subs = sorted(self.root.iterdir()) if self.root.exists() else []
            for sub in subs:
                if not sub.is_dir():
                    continue
                for f in sorted(sub.iterdir()):
                    if f.name.endswith(TEMP_SUFFIX):
                        partial.append(f.name)
                    elif f.name not in recorded:
                        unrecorded.append(f.name)
                        base = _vouched(f, mark_key)
                        newest = max(newest, base or 0)
                        if base is not None and base > committed:
                            newer.append(f.name)
        except OSError as exc:
            raise VaultError(
                f"The vault's object folder ({self.root}) cannot be read "
                f"({exc.strerror or exc}). Nothing was changed; check its permissions."
            ) from None
        return Survey(tuple(unrecorded), tuple(partial), tuple(newer), newest)


def _vouched(path: Path, mark_key: bytes) -> int | None:
    """The committed audit count a version-2 object file vouches for, if its MAC holds."""
    with path.open("rb") as f:
        header = f.read(_HEADER[2])
    if len(header) < _HEADER[2] or header[: len(MAGIC)] != MAGIC or header[len(MAGIC)] != 2:
        return None
    body, tag = header[:-_TAG], header[-_TAG:]
    if not hmac.compare_digest(_mark(mark_key, body), tag):
        return None
    return int.from_bytes(body[_HEADER_V1:], "big")
