"""The machinery shared by make_vectors.py and tests/test_vectors.py.

Fixed randomness (so a writer run twice makes the same bytes), the list of files and
manifest entries being made, and an in-memory audit table to hold a chain vector:
the audit chain lives in vault.db, so its vector is the rows as JSON, loaded here into
a plain SQLite table of the production schema (no cipher, no triggers) for the
production walk (:func:`sefton_photos.audit.verify`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import types
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any
from unittest import mock

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.schema.core import AuditRow
from sefton_photos.support import aeszip
from sefton_photos.vault import crypto

ZIP_TIME = datetime(2026, 1, 5, 12, 0, 0, tzinfo=UTC).timestamp()


def fails(error: str, message: str) -> dict[str, str]:
    return {"error": error, "message": message}


# -- fixed randomness ----------------------------------------------------------------------


class _Stream:
    """SHA-256(seed || counter) blocks, handed out in order."""

    def __init__(self, seed: str) -> None:
        self._seed = seed.encode()
        self._counter = 0
        self._buffer = b""

    def take(self, n: int) -> bytes:
        while len(self._buffer) < n:
            self._buffer += hashlib.sha256(self._seed + self._counter.to_bytes(8, "big")).digest()
            self._counter += 1
        out, self._buffer = self._buffer[:n], self._buffer[n:]
        return out


@contextlib.contextmanager
def fixed_randomness(seed: str) -> Iterator[None]:
    stream = _Stream(seed)
    x25519 = types.SimpleNamespace(
        generate=lambda: X25519PrivateKey.from_private_bytes(stream.take(32)),
        from_private_bytes=X25519PrivateKey.from_private_bytes,
    )
    clock = types.SimpleNamespace(time=lambda: ZIP_TIME, localtime=time.gmtime)
    with (
        mock.patch.object(os, "urandom", stream.take),
        mock.patch.object(crypto, "X25519PrivateKey", x25519),
        mock.patch.object(aeszip, "time", clock),
    ):
        yield


class Out:
    """The files made and the manifest's entries, in order."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.vectors: list[dict[str, Any]] = []

    def add(self, file: str, data: bytes | None, **entry: Any) -> None:
        if data is not None:
            self.files[file] = data
        self.vectors.append({"file": file, **entry})


def flip(data: bytes, offset: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 0x01
    return bytes(out)


FIELDS = ("seq", "actor_id", "actor_name", "action", "subject", "child_id", "details")


def audit_db() -> OrmSession:
    """An in-memory database holding only the audit table (no triggers, no cipher)."""
    engine = create_engine("sqlite://")
    AuditRow.__table__.create(engine)  # type: ignore[attr-defined]
    return OrmSession(engine)


def dump_chain(db: OrmSession) -> list[dict[str, Any]]:
    rows = db.scalars(select(AuditRow).order_by(AuditRow.seq))
    return [
        {
            **{f: getattr(r, f) for f in FIELDS},
            "at": r.at.isoformat(),
            "prev_hash": r.prev_hash,
            "hash": r.hash,
        }
        for r in rows
    ]


def load_chain(db: OrmSession, rows: list[dict[str, Any]]) -> None:
    db.add_all(AuditRow(**{**r, "at": datetime.fromisoformat(r["at"])}) for r in rows)
    db.flush()
