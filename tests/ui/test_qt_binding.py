"""The one guard against PySide6 6.12.0's emit bug: the pin in pyproject.toml.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without owning a
reference to it.  On Python 3.12+ ``True`` is immortal and nothing happens; on
Python 3.11 (which this project runs on) every ``.emit()`` from Python lowers
``True``'s reference count by one until CPython aborts with "bool_dealloc:
deallocating True or False" (seen in the UI tests after a few thousand emits; it
would end a long working day in the app the same way).

Two guards used to exist: the dependency pin ``PySide6>=6.7,!=6.12.0`` and a
run-time work-around, ``ui/qtcompat.py``, which gave the reference back after
every emit routed through it.  The pin is the one that protects: uv resolves the
lock (and so every development install and the installer's build) without
6.12.0, and it covers every emit in the process (a library's too), not only the
ones written as ``emit(signal, …)``.  The work-around had measured
the bug at import and found none on the locked binding, so it did nothing.  It was
removed; signals are emitted with plain ``signal.emit(…)``.

This test is what makes the pin's reason checkable: should a re-lock ever bring in
a binding with this bug (6.12.0 or a later one), it fails here, not at random in
the middle of a long test run.
"""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal(object)


def test_the_locked_binding_is_not_the_one_the_pin_excludes() -> None:
    assert PySide6.__version__ != "6.12.0"


def test_emitting_many_signals_keeps_true_alive() -> None:
    """5000 plain emits leave ``True``'s reference count where it was."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(5000):
        probe.ping.emit(None)
    assert abs(sys.getrefcount(True) - before) < 50
