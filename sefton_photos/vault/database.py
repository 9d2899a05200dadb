"""The SQLCipher database: an SQLAlchemy engine over ``vault.db`` with a raw key.

The key is a 256-bit sub-key of the vault key, given as ``PRAGMA key = "x'..'"``
before any other statement, so SQLCipher never runs its own passphrase KDF.
A sqlcipher3 connection must stay on the thread that opened it; ``PerThreadPool``
(vault/pool.py) keeps one connection per thread, used by that thread alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from sefton_photos.errors import VaultError, VaultTampered
from sefton_photos.vault.pool import PerThreadPool, file_identity

DatabaseError = sqlcipher3.DatabaseError

_TAMPERED = (
    "The vault database (vault.db) is damaged or was changed outside Sefton Photos: "
    "{detail}. Restore the vault from a backup."
)


def _connector(path: Path, key: bytes) -> Callable[[], Any]:
    pragma = f"PRAGMA key = \"x'{key.hex()}'\""

    def connect() -> Any:
        # mode=rw: a connection never creates vault.db; only Vault.create makes it (0600).
        uri = path.resolve().as_uri() + "?mode=rw"
        # check_same_thread=False only so that a lock can close idle connections of other
        # threads; PerThreadPool hands a connection to the thread that opened it alone.
        conn = sqlcipher3.connect(uri, uri=True, check_same_thread=False, timeout=10)
        conn.execute(pragma)  # first, before anything else touches the file
        conn.execute("PRAGMA cipher_log_level = NONE")  # errors reach the user as messages
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
        return conn

    return connect


def make_engine(path: Path, key: bytes, *, immediate: bool = True) -> Engine:
    """An engine whose every connection is keyed; each thread keeps its own.

    Writers begin IMMEDIATE (one writer at a time, no lock upgrades that deadlock);
    the reader engine begins DEFERRED so thumbnails load while an import writes.
    """
    pool = PerThreadPool(_connector(path, key), identity=file_identity(path))
    engine = create_engine("sqlite://", pool=pool, future=True)

    @event.listens_for(engine, "connect")
    def _no_pysqlite_transactions(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself so a unit of work is exactly one transaction.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def create(path: Path) -> None:
    """An empty vault.db, readable by its owner only (SQLite gives journals its mode)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def missing(path: Path) -> str | None:
    """Why ``path`` cannot be the vault's database before a key is tried, if it cannot."""
    if not path.exists():
        return "missing"
    if path.is_file() and path.stat().st_size == 0:
        return "empty"
    return None


def probe(path: Path, key: bytes) -> None:
    """Open the database and read its first page; raise VaultTampered if that fails."""
    try:
        conn = _connector(path, key)()
    except DatabaseError as exc:
        raise VaultTampered(_TAMPERED.format(detail=str(exc))) from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        raise VaultTampered(_TAMPERED.format(detail=str(exc))) from None
    finally:
        conn.close()


def integrity_problems(path: Path, key: bytes) -> list[str]:
    """SQLCipher's page HMAC check plus SQLite's own structural check."""
    conn = _connector(path, key)()
    try:
        try:
            problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        except DatabaseError as exc:
            return [str(exc)]
        problems += [r for r in rows if r != "ok"]
        return problems
    finally:
        conn.close()


def rekey(path: Path, old_key: bytes, new_key: bytes) -> None:
    conn = _connector(path, old_key)()
    try:
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    finally:
        conn.close()


def tampered(exc: Exception) -> VaultTampered:
    return VaultTampered(_TAMPERED.format(detail=str(exc)))


def explain_error(exc: Exception) -> VaultError:
    """A database failure in words: damage, a full disk, a read-only folder."""
    orig = getattr(exc, "orig", None)
    text = str(orig) if orig is not None else str(exc)
    if "unable to open" in text:
        return tampered(Exception(f"{text} (is vault.db missing?)"))
    if "not a database" in text or "malformed" in text or "hmac" in text.lower():
        return tampered(Exception(text))
    if "full" in text:
        return VaultError(
            "The disk holding the vault is full. Nothing was changed; free some "
            "space and try again."
        )
    if "readonly" in text or "read-only" in text:
        return VaultError("The vault folder is read-only. Nothing was changed.")
    return VaultError(f"The vault database refused the change: {text}. Nothing was changed.")
