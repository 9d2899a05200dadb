"""One keyed SQLCipher connection per thread, kept for the session (issue 12: latency).

Opening a SQLCipher connection costs a key setup and an empty page cache, so every
page of a query is decrypted and authenticated again: with a fresh connection per
unit of work a consent check took 32 ms, most of it there.  This pool keeps one
connection per thread and hands it back to the same thread only, so a sqlcipher3
connection never leaves the thread that opened it.

- A unit of work nested inside another on the same thread and engine gets a
  connection of its own, closed when it is returned (never two users at once).
- ``dispose`` (lock, sign-out, key rotation) closes every idle connection at once and
  marks busy ones to close themselves when their unit of work ends, so no connection
  holding the key outlives the keys.
- A connection whose thread has ended is closed at the next checkout.
- A connection whose file is no longer the one at the vault's path (deleted, or
  replaced by hand: an older copy put back) is dropped at checkout and a new one is
  opened on the path, exactly as a fresh connection per unit of work would; so a write
  never goes to a file that is no longer the vault, and a swap is seen at once.

Closing an idle connection from the disposing thread is the one cross-thread call;
the connections are opened with ``check_same_thread=False`` for that alone.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy.pool import ConnectionPoolEntry, Pool

Identity = Callable[[], tuple[int, int] | None]


def file_identity(path: os.PathLike[str] | str) -> Identity:
    """(device, inode) of the file now at ``path``, or None when there is none."""

    def identity() -> tuple[int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    return identity


class _Slot:
    __slots__ = ("busy", "generation", "identity", "record", "thread")

    def __init__(
        self, record: ConnectionPoolEntry, generation: int, identity: tuple[int, int] | None
    ) -> None:
        self.record = record
        self.identity = identity
        self.thread = threading.current_thread()
        self.generation = generation
        self.busy = False


class PerThreadPool(Pool):
    """Each thread keeps its own connection between units of work."""

    def __init__(self, creator: Any, *, identity: Identity | None = None, **kw: Any) -> None:
        super().__init__(creator, **kw)
        self._identity: Identity = identity or (lambda: None)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._slots: set[_Slot] = set()
        self._generation = 0
        self._spare: set[int] = set()  # ids of records lent to a nested unit of work

    def recreate(self) -> PerThreadPool:
        return self.__class__(
            self._creator,
            identity=self._identity,
            recycle=self._recycle,
            echo=self.echo,
            pre_ping=self._pre_ping,
            logging_name=self._orig_logging_name,
            reset_on_return=self._reset_on_return,
            _dispatch=self.dispatch,
            dialect=self._dialect,
        )

    def status(self) -> str:
        return f"PerThreadPool: {len(self._slots)} thread connections"

    def dispose(self) -> None:
        with self._lock:
            self._generation += 1
            idle = [s for s in self._slots if not s.busy]
            self._slots -= set(idle)
        for slot in idle:
            _close(slot.record)

    def _do_get(self) -> ConnectionPoolEntry:
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is not None and slot.generation != self._generation:
            slot = None  # disposed: the keys it was opened with may be gone
        if slot is not None and not slot.busy and slot.identity != self._identity():
            self._drop(slot)  # the file at the path is not the one this connection has
            slot = None
        if slot is not None and slot.busy:
            record = self._create_connection()  # nested: a connection of its own
            with self._lock:
                self._spare.add(id(record))
            return record
        if slot is None:
            self._reap()
            seen = self._identity()
            slot = _Slot(self._create_connection(), self._generation, seen)
            self._local.slot = slot
            with self._lock:
                self._slots.add(slot)
        slot.busy = True
        return slot.record

    def _do_return_conn(self, record: ConnectionPoolEntry) -> None:
        with self._lock:
            if id(record) in self._spare:
                self._spare.discard(id(record))
                spare = True
            else:
                spare = False
        if spare:
            _close(record)
            return
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is None or slot.record is not record:
            _close(record)
            return
        slot.busy = False
        if slot.generation != self._generation:
            with self._lock:
                self._slots.discard(slot)
            self._local.slot = None
            _close(record)

    def _drop(self, slot: _Slot) -> None:
        with self._lock:
            self._slots.discard(slot)
        self._local.slot = None
        _close(slot.record)

    def _reap(self) -> None:
        with self._lock:
            dead = [s for s in self._slots if not s.thread.is_alive()]
            self._slots -= set(dead)
        for slot in dead:
            _close(slot.record)


def _close(record: ConnectionPoolEntry) -> None:
    # Closing must never raise into a sign-out or a lock; a connection that will not
    # close is already unusable.
    with contextlib.suppress(Exception):
        record.close()
