"""Work-around for a reference-count bug of the Qt binding: use :func:`emit` to emit.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True`` without owning a
reference to it.  On Python 3.12+ ``True`` is immortal and nothing happens; on
Python 3.11 (which this project supports) every ``.emit()`` from Python lowers
``True``'s reference count by one until CPython aborts with "bool_dealloc:
deallocating True or False" (seen in the UI tests after a few thousand emits,
and it would end a long working day in the app the same way).

:func:`emit` gives the missing reference back.  Whether the binding has the bug
is measured once at import, so a fixed PySide6 (or Python 3.12+) turns the
work-around off by itself; a wrongly detected bug would only keep a few extra
references to ``True``, which is harmless.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_true() -> bool:
    if sys.version_info >= (3, 12):
        return False
    probe = _Probe()
    drops = 0
    for _ in range(5):
        before = sys.getrefcount(True)
        probe.ping.emit()
        drops += before - sys.getrefcount(True)
    if drops > 0:
        for _ in range(drops):  # repair what the probe itself took
            _incref(True)
    return drops >= 3


EMIT_DROPS_TRUE = _emit_drops_true()


def emit(signal: SignalInstance, *args: object) -> None:
    """``signal.emit(*args)``, without the binding's stray decref of ``True``."""
    result: object = signal.emit(*args)  # type: ignore[func-returns-value]  # it returns a bool
    if EMIT_DROPS_TRUE and result is True:
        _incref(result)
