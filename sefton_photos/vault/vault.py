"""An unlocked vault folder: keys in memory, the database engine, objects, the lock.

This is the only place that turns a name and password into open files.  It knows
nothing of roles or policy: :mod:`sefton_photos.session` builds on it.

Key rotation (a user removed) is made crash-safe by writing the next slot file
and audit head beside the current ones (``*.next``) before ``PRAGMA rekey``; on
open, whichever set of keys actually opens the database wins and the other set
is removed (:mod:`sefton_photos.vault.rotation` names each crash point).

Opening never deletes an object file (issue 10).  Files the database has no
record of are reported; if any of them proves the database is older than the
objects (rolled back), the vault opens read-only and ``problem`` says so.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import exc as sa_exc
from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import (
    AuthenticationFailed,
    TooManyAttempts,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultTampered,
)
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import Meta, ObjectRow, UserRow
from sefton_photos.vault import crypto, database, head, layout, migrate, rotation
from sefton_photos.vault.attempts import Attempts
from sefton_photos.vault.keyslots import KeySlots, Opened, inbox_keys, normalise_name
from sefton_photos.vault.layout import ATTEMPTS, BACKUPS, DB, HEAD, LOCK, NEXT, OBJECTS, SLOTS
from sefton_photos.vault.lock import VaultLock
from sefton_photos.vault.objects import MARK_PURPOSE, ObjectStore, Stamp, Survey

__all__ = ["ATTEMPTS", "BACKUPS", "DB", "HEAD", "LOCK", "NEXT", "OBJECTS", "SLOTS", "Vault"]
FORMAT_VERSION = 1

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Keys:
    vault_key: bytes
    db_key: bytes


class Vault:
    """An open vault.  ``unit()`` is the one way to read or write the database."""

    def __init__(self, path: Path, lock: VaultLock, slots: KeySlots, opened: Opened) -> None:
        self.path = path
        self._lock = lock
        self.slots = slots
        self.user_public = opened.public
        self.user_label = opened.label
        self._user_private: bytes | None = opened.private
        self._keys: Keys | None = Keys(opened.vault_key, crypto.derive(opened.vault_key, "db"))
        self._open_engines()
        self._committed = 0  # audit entries known committed: stamped into new objects
        self.objects = ObjectStore(path / OBJECTS, self._stamp)
        self._head_lock = threading.Lock()
        self.read_only = False
        self.problem: str | None = None  # why the vault is read-only, in words
        self.head_problem: str | None = None
        self.head_behind = False
        self.on_rotation_step: rotation.Hook | None = None  # tests cut here
        self.settled: str | None = None  # a rotation finished at this unlock, for the audit

    # -- creation and opening -------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        admin_name: str,
        password: str,
        first_entries: Callable[[OrmSession, UserRow], object],
        params: crypto.Argon2Params = crypto.MINIMUM_ARGON2,
    ) -> tuple[Vault, int]:
        """A new vault whose first user is an administrator; returns it and their user id.

        ``first_entries`` writes the first audit entries (the session's), in the same
        transaction as the administrator, before the slot file makes the folder a vault.
        """
        path = Path(path)
        if (path / SLOTS).exists():
            raise VaultExists(f"There is already a vault at {path}.")
        path.mkdir(parents=True, exist_ok=True)
        lock = VaultLock(path / LOCK)
        lock.acquire()
        try:
            layout.set_aside(path)  # an earlier init cut short, or a vault that lost its slots
            database.create(path / DB)
            vault_key = crypto.random_key()
            slots = KeySlots.new(vault_key)
            private, public = slots.add(
                name=admin_name, password=password, vault_key=vault_key, params=params
            )
            opened = Opened(vault_key, private, public, slots.label_for(admin_name))
            vault = cls(path, lock, slots, opened)
            migrate.upgrade(vault.engine, path / DB, path / BACKUPS)
            with vault.unit() as db:
                now = utcnow()
                db.add_all(
                    [
                        Meta(key="format_version", value=str(FORMAT_VERSION)),
                        Meta(key="created_at", value=now.isoformat()),
                    ]
                )
                admin = UserRow(
                    name=admin_name.strip(),
                    name_key=normalise_name(admin_name),
                    role="administrator",
                    team=None,
                    line_manager_id=None,
                    public_key=public,
                    created_at=now,
                )
                db.add(admin)
                db.flush()
                first_entries(db, admin)
                admin_id = admin.id
            # The slot file last: a folder without keyslots.json is not yet a vault.
            slots.save(path / SLOTS, vault_key)
            return vault, admin_id
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def check_folder(path: Path) -> None:
        """Raise unless ``path`` looks like a vault this build can read (nothing written)."""
        if not (path / SLOTS).exists():
            if not path.exists() or not any(path.iterdir()):
                raise VaultMissing(
                    f"There is no vault at {path}. Create one with "
                    "'sefton-photos init' or start with --demo."
                )
            raise VaultTampered(
                f"The folder {path} is not a complete Sefton Photos vault: "
                "its key slot file is missing."
            )
        KeySlots.load(path / SLOTS)
        why = database.missing(path / DB)
        if why is not None:  # said before any password is tried; nothing is written
            raise VaultTampered(
                f"The vault database (vault.db) is {why} in {path}: the key slots are "
                "there but the records of children, consents and photos are not. Nothing "
                "was written; restore vault.db (with audit.head) from a backup."
            )

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        name: str,
        password: str,
        clock: Clock = time.time,
        inspect: bool = False,
    ) -> Vault:
        """Unlock with a name and password, or raise a SeftonError that says why not.

        ``inspect`` opens for the administrator's checks even when the audit log no
        longer matches its sealed head: the vault is then read-only (nothing is
        appended, so the evidence is not sealed over) and ``head_problem`` says why.
        """
        path = Path(path)
        cls.check_folder(path)
        lock = VaultLock(path / LOCK)
        lock.acquire()
        try:
            slots, opened, settled = cls._unlock_slots(path, name, password, clock)
            vault = cls(path, lock, slots, opened)
            vault.settled = settled
            vault._after_unlock(name, inspect=inspect)
            return vault
        except BaseException:
            lock.release()
            raise

    @staticmethod
    def _unlock_slots(
        path: Path, name: str, password: str, clock: Clock
    ) -> tuple[KeySlots, Opened, str | None]:
        slots = KeySlots.load(path / SLOTS)
        attempts = Attempts.load(path / ATTEMPTS)
        label = slots.label_for(name)
        now = clock()
        note = {"at": datetime.fromtimestamp(now, UTC).isoformat(), "name": name}
        try:
            attempts.check(label, now)
        except TooManyAttempts:
            attempts.record_refusal(
                slots.inbox_public, {**note, "event": "sign-in refused: paused"}
            )
            raise
        try:
            opened = slots.open(name, password)
        except AuthenticationFailed:
            attempts.record_failure(
                label,
                now,
                slots.inbox_public,
                {**note, "event": "sign-in failed: wrong name or password"},
            )
            raise
        return rotation.settle(path, slots, opened, name, password)

    def _after_unlock(self, name: str, *, inspect: bool) -> None:
        keys = self._require_keys()
        database.probe(self.path / DB, keys.db_key)
        problems = [
            p for p in database.integrity_problems(self.path / DB, keys.db_key) if p != "ok"
        ]
        if problems:
            raise database.tampered(Exception("; ".join(problems[:3])))
        migrate.upgrade(self.engine, self.path / DB, self.path / BACKUPS)
        sealed = head.read_head(self.path / HEAD, keys.vault_key)
        with self.unit() as db:
            user = db.scalar(select(UserRow).where(UserRow.public_key == self.user_public))
            if user is not None and user.removed_at is not None:
                raise AuthenticationFailed("This account has been removed from the vault.")
            if user is None or user.name_key != normalise_name(name):
                raise VaultTampered(
                    "The key slot used to sign in does not belong to an active "
                    "user of this vault: keyslots.json was changed outside "
                    "Sefton Photos."
                )
            try:
                head.check_prefix(db, sealed)
            except VaultTampered as exc:
                if not inspect:
                    raise
                self.head_problem = str(exc)
                self._make_read_only(str(exc))
            self._committed = head.tip(db)[0]
        survey = self.survey()
        if survey.newer and not self.read_only:
            self._make_read_only(survey.rollback_message())

    def survey(self) -> Survey:
        """Object files and unfinished writes with no record in the database (kept)."""
        with self.unit(reading=True) as db:
            recorded = set(db.scalars(select(ObjectRow.id)))
            committed = head.tip(db)[0]
        return self.objects.survey(recorded, committed=committed, mark_key=self._stamp().mark_key)

    def _make_read_only(self, why: str) -> None:
        self.read_only = True
        self.problem = why
        self.objects.read_only_reason = why

    def _stamp(self) -> Stamp:
        return Stamp(self._committed, crypto.derive(self._require_keys().vault_key, MARK_PURPOSE))

    def drain_attempts(self) -> list[dict[str, Any]]:
        """Failed sign-ins recorded before this unlock, for the audit log."""
        keys = self._require_keys()
        attempts = Attempts.load(self.path / ATTEMPTS)
        notes = attempts.drain(inbox_keys(keys.vault_key)[0], self.user_label)
        attempts.save()
        return notes

    # -- units of work --------------------------------------------------------------------

    def _open_engines(self) -> None:
        keys = self._require_keys()
        self.engine = database.make_engine(self.path / DB, keys.db_key)
        self.reader = database.make_engine(self.path / DB, keys.db_key, immediate=False)

    @contextlib.contextmanager
    def unit(self, *, reading: bool = False) -> Iterator[OrmSession]:
        """One transaction; the audit head is resealed after it commits if it appended.

        ``reading=True`` is for pure reads (thumbnails): it does not wait for a writer.
        """
        keys = self._require_keys()
        tip: tuple[int, str] | None = None
        try:
            engine = self.reader if reading else self.engine
            with OrmSession(engine, expire_on_commit=False) as db, db.begin():
                db.info["read_only"] = self.read_only
                db.info["read_only_reason"] = self.problem
                db.info["reading"] = reading
                yield db
                if db.info.get("audit_appended"):
                    tip = head.tip(db)
        except (sa_exc.DatabaseError, database.DatabaseError) as exc:
            raise database.explain_error(exc) from None
        if tip is not None:
            self._committed = tip[0]
            try:
                self._write_head(keys.vault_key, *tip)
            except VaultError:
                # The change is committed; a head left one step behind is a prefix of the
                # chain, which verification accepts, and the next write reseals it.
                self.head_behind = True
            else:
                self.head_behind = False

    def _write_head(self, vault_key: bytes, count: int, last_hash: str) -> None:
        with self._head_lock:
            head.write_head(self.path / HEAD, vault_key, count, last_hash)

    def read_head(self) -> head.Head:
        return head.read_head(self.path / HEAD, self._require_keys().vault_key)

    # -- keys -------------------------------------------------------------------------------

    @property
    def vault_key(self) -> bytes:
        return self._require_keys().vault_key

    @property
    def db_key(self) -> bytes:
        return self._require_keys().db_key

    def save_slots(self) -> None:
        self.slots.save(self.path / SLOTS, self.vault_key)

    def rotate(self, *, trusted_publics: set[bytes]) -> None:
        """A new vault key for the slots that remain; the database is rekeyed to it."""
        old = self._require_keys()
        new_key = crypto.random_key()
        new_slots = KeySlots(
            lookup_salt=self.slots.lookup_salt,
            inbox_public=self.slots.inbox_public,
            slots=list(self.slots.slots),
        )
        new_slots.reseal_all(new_vault_key=new_key, trusted_publics=trusted_publics)
        with self.unit() as db:
            count, last = head.tip(db)
        new_slots.save(self.path / (SLOTS + NEXT), new_key)
        self._reached(rotation.Step.NEXT_SLOTS_WRITTEN)
        head.write_head(self.path / (HEAD + NEXT), new_key, count, last)
        self._reached(rotation.Step.NEXT_HEAD_WRITTEN)
        self.engine.dispose()
        self.reader.dispose()
        database.rekey(self.path / DB, old.db_key, crypto.derive(new_key, "db"))
        self._reached(rotation.Step.REKEYED)
        os.replace(self.path / (HEAD + NEXT), self.path / HEAD)
        self._reached(rotation.Step.HEAD_PROMOTED)
        os.replace(self.path / (SLOTS + NEXT), self.path / SLOTS)
        self._reached(rotation.Step.SLOTS_PROMOTED)
        self.slots = new_slots
        self._keys = Keys(new_key, crypto.derive(new_key, "db"))
        self._open_engines()

    def _reached(self, step: rotation.Step) -> None:
        if self.on_rotation_step is not None:
            self.on_rotation_step(step)

    # -- locking and closing ------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        """The folder lock is held (the vault may still be locked by idle time-out)."""
        return self._lock.held

    @property
    def unlocked(self) -> bool:
        return self._keys is not None

    def forget_keys(self) -> None:
        """Drop every key from memory (auto-lock); the folder lock stays held."""
        self._keys = None
        self._user_private = None
        self.engine.dispose()
        self.reader.dispose()

    def reopen(self, name: str, password: str, clock: Clock = time.time) -> None:
        """Unlock again after :meth:`forget_keys`, with the same checks as a first unlock."""
        slots, opened, self.settled = self._unlock_slots(self.path, name, password, clock)
        if opened.public != self.user_public:
            raise AuthenticationFailed("Only the user who locked this window can unlock it.")
        self.slots = slots
        self.user_label = opened.label
        self._keys = Keys(opened.vault_key, crypto.derive(opened.vault_key, "db"))
        self._user_private = opened.private
        self._open_engines()

    def close(self) -> None:
        if self._keys is not None:
            self.forget_keys()
        self._lock.release()

    def _require_keys(self) -> Keys:
        if self._keys is None:
            raise VaultLocked("Sefton Photos is locked. Enter your password to continue.")
        return self._keys
