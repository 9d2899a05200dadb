"""The vault worker: off the GUI thread, one call at a time, answers on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sefton_photos.errors import InvalidInput
from ui import ops
from ui.ops import VaultOp, describe


def test_work_runs_on_the_worker_and_success_on_the_gui_thread(qtbot: QtBot) -> None:
    """The callable runs off the GUI thread; the success callback gets its result on it."""
    gui = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["work_thread"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["result"] = result
        seen["callback_thread"] = threading.get_ident()

    op = VaultOp(parent=None, op=work).success(done)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert seen["result"] == 42
    assert seen["work_thread"] != gui
    assert seen["callback_thread"] == gui
    assert ops.pending() == 0


def test_failure_callback_receives_the_exception(qtbot: QtBot) -> None:
    """A SeftonError reaches the failure callback and its message is shown as it is."""
    errors: list[BaseException] = []

    def work() -> None:
        raise InvalidInput("A user needs a name.")

    op: VaultOp[None] = VaultOp(parent=None, op=work).failure(errors.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.run()
    assert len(errors) == 1
    assert isinstance(errors[0], InvalidInput)
    assert describe(errors[0]) == "A user needs a name."


def test_unexpected_errors_are_one_line_without_a_traceback() -> None:
    """Anything that is not a SeftonError becomes one readable line, no traceback."""
    text = describe(RuntimeError("Riley Brookfield\nexploded\n  File x.py, line 3"))
    assert "\n" not in text
    assert "Traceback" not in text
    assert "Riley" not in text and "unexpected" not in text  # a fault's text may name a child
    assert "(RuntimeError)" in text and "Nothing more was done" in text
    disk = describe(OSError(28, "No space left on device", "/home/sam/Riley.jpg"))
    assert "No space left on device" in disk and "Riley" not in disk


def test_calls_are_serialised_on_one_worker(qtbot: QtBot) -> None:
    """A second call does not start until the first one has finished."""
    release = threading.Event()
    order: list[str] = []

    def first() -> None:
        order.append("first started")
        release.wait(5)
        order.append("first ended")

    def second() -> None:
        order.append("second started")

    VaultOp(parent=None, op=first).run()
    op2: VaultOp[None] = VaultOp(parent=None, op=second)
    with qtbot.waitSignal(op2.finished, timeout=5000):
        op2.run()
        qtbot.waitUntil(lambda: order == ["first started"], timeout=5000)
        assert ops.pending() == 2
        release.set()
    assert order == ["first started", "first ended", "second started"]


def test_callbacks_are_skipped_once_the_parent_widget_is_gone(qtbot: QtBot) -> None:
    """An answer arriving after its widget was deleted is not delivered to it."""
    widget = QWidget()
    called: list[object] = []
    release = threading.Event()
    op: VaultOp[int] = VaultOp(parent=widget, op=lambda: release.wait(5) and 1).success(
        called.append
    )
    op.run()
    widget.deleteLater()
    qtbot.waitUntil(lambda: not _alive(widget), timeout=5000)
    with qtbot.waitSignal(op.finished, timeout=5000):
        release.set()
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
