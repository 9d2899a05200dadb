"""Operation objects: vault work runs on one worker thread, answers come back on the GUI thread.

Modelled on Anki's ``CollectionOp``::

    VaultOp(parent=self, op=lambda: session.users.add(...)) \\
        .success(self._added).failure(self._show_error).run()

A widget does not build one itself: :mod:`ui.operations` names each call by area
(``operations.users.add(parent=self, session=..., ...)``) and returns the op.

Why this shape:

* Unlocking runs Argon2id and a user removal rekeys the database; neither may
  freeze the window, so every call into the vault runs off the GUI thread.
* There is exactly ONE worker (a ``QThreadPool`` with ``maxThreadCount`` 1), so
  calls into the vault are serialised in the order they were started: a lock is
  never overtaken by the unlock typed after it.  The core opens a fresh
  sqlcipher3 connection per unit of work on the calling thread, so the worker
  may change over time as long as only one runs at once.
* The worker never touches a widget.  It emits a queued signal on a ``QObject``
  that lives on the GUI thread; the success or failure callback runs there.  If
  the parent widget has been deleted meanwhile, the callbacks are skipped.
* A failure callback receives the exception.  :func:`describe` turns it into one
  line a person can read: a ``SeftonError``'s own message, otherwise a short
  "unexpected error" line, never a traceback (that goes to the log only).
* A screen that asks again before the last answer came (another child chosen, a
  lock) shows only the latest answer: :class:`Latest` says which answers are stale.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from sefton_photos.errors import SeftonError

T = TypeVar("T")
log = logging.getLogger(__name__)

_pool: QThreadPool | None = None
_running: set[VaultOp[Any]] = set()


def worker_pool() -> QThreadPool:
    """The single worker every vault call goes through (created on first use)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setObjectName("sefton-vault-worker")
        _pool.setMaxThreadCount(1)
    return _pool


def pending() -> int:
    """How many operations have been started and not yet delivered their answer."""
    return len(_running)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Block until the worker is idle (used at shutdown and by tests); True if it is."""
    return worker_pool().waitForDone(timeout_ms)


def describe(error: BaseException) -> str:
    """One line for a person: the core's own message, or a plain line for a fault.

    A fault's own text is never shown: it can quote a child's name or a note (R14, and
    the CLI's rule too). A disk problem says what the disk said, without the path.
    """
    if isinstance(error, SeftonError):
        return str(error)
    name = type(error).__name__
    if isinstance(error, OSError) and error.strerror:
        return (
            f"The computer could not read or write a file ({error.strerror}). Nothing more "
            "was done; check the disk or network folder, then try again."
        )
    log.error("fault shown to the user as %s", name, exc_info=error)
    return (
        f"Sefton Photos hit a fault it has no words for yet ({name}). Nothing more was "
        "done and nothing was lost; please tell your ICT team the word in brackets."
    )


class Latest:
    """Latest answer wins: tells an answer still wanted from one made stale since.

    A screen keeps one and takes a ticket when it asks the worker for something::

        ticket = self._latest.start()          # older answers are stale from now on
        ...
        def done(result):
            if self._latest.current(ticket):   # nothing newer asked, nothing dropped
                self.show(result)

    :meth:`drop` (on clear or lock) makes every answer on the way stale; :meth:`ticket`
    joins the current ask without overtaking it (a second call for the same screen).
    """

    def __init__(self) -> None:
        self._count = 0

    def start(self) -> int:
        """A new ask: every answer for an older ticket is dropped from now on."""
        self._count += 1
        return self._count

    def ticket(self) -> int:
        """The current ticket, without making answers on the way stale."""
        return self._count

    def drop(self) -> None:
        """No answer on the way is wanted any more (the screen was cleared)."""
        self._count += 1

    def current(self, ticket: int) -> bool:
        """True if nothing was asked or dropped since ``ticket`` was taken."""
        return ticket == self._count


class _Hub(QObject):
    """Lives on the GUI thread; workers emit to it and it hands each outcome to its op.

    A job holds only an int key and its callable, never the op or a widget, and drops
    the callable before emitting: so nothing a widget hangs on is ever released (and
    perhaps destroyed) on the worker thread.
    """

    outcome = Signal(int, bool, object)

    def __init__(self) -> None:
        super().__init__(None)
        self.ops: dict[int, VaultOp[Any]] = {}
        self.outcome.connect(self.dispatch, Qt.ConnectionType.QueuedConnection)

    @Slot(int, bool, object)
    def dispatch(self, key: int, ok: bool, value: object) -> None:
        op = self.ops.pop(key, None)
        if op is not None:
            op._deliver(ok, value)


_hub: _Hub | None = None
_keys = itertools.count(1)


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:  # first use is always on the GUI thread (VaultOp.run)
        _hub = _Hub()
    return _hub


class _Job(QRunnable):
    """What the worker thread runs: the callable, then one queued signal with the outcome."""

    def __init__(self, hub: _Hub, key: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._hub = hub
        self._key = key
        self._fn: Callable[[], Any] | None = fn

    def run(self) -> None:
        fn, self._fn = self._fn, None
        assert fn is not None
        try:
            value: object = fn()
            ok = True
        except BaseException as exc:  # every outcome must reach the GUI thread
            value, ok = exc, False
        del fn
        self._hub.outcome.emit(self._key, ok, value)
        del value


class VaultOp(QObject, Generic[T]):
    """One call into the vault, run on the worker; callbacks run on the GUI thread.

    ``succeeded``/``failed`` carry the result or exception; ``finished`` is emitted
    last, after the callbacks, whatever the outcome (tests wait on it).
    """

    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, *, parent: QObject | None, op: Callable[[], T]) -> None:
        # No Qt parent: the worker may still emit on this object after the widget is gone.
        super().__init__(None)
        self._parent = parent
        self._fn = op
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._started = False

    def success(self, callback: Callable[[T], None]) -> VaultOp[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> VaultOp[T]:
        self._on_failure = callback
        return self

    def run(self) -> VaultOp[T]:
        """Queue the work on the single worker; returns self (for ``finished``)."""
        if self._started:
            raise RuntimeError("an operation runs once")
        self._started = True
        _running.add(self)
        hub = _the_hub()
        key = next(_keys)
        hub.ops[key] = self
        worker_pool().start(_Job(hub, key, self._fn))
        return self

    def _parent_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _deliver(self, ok: bool, value: object) -> None:
        try:
            if ok:
                self.succeeded.emit(value)
                if self._on_success is not None and self._parent_alive():
                    self._on_success(value)  # type: ignore[arg-type]
            else:
                assert isinstance(value, BaseException)
                if not isinstance(value, SeftonError):
                    log.error("vault operation failed", exc_info=value)
                self.failed.emit(value)
                if self._on_failure is not None and self._parent_alive():
                    self._on_failure(value)
                elif self._on_failure is None:
                    log.warning("unhandled failure: %s", describe(value))
        finally:
            _running.discard(self)
            self.finished.emit()
