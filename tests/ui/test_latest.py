"""Latest answer wins: an answer for an older ask is dropped, whenever it arrives."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from ui.ops import Latest, VaultOp


class Screen:
    """A screen in miniature: asks, and shows only the answer to its latest ask."""

    def __init__(self) -> None:
        self.latest = Latest()
        self.shown: list[str] = []

    def ask(self) -> Callable[[str], None]:
        ticket = self.latest.start()

        def answer(value: str) -> None:
            if self.latest.current(ticket):
                self.shown.append(value)

        return answer


def test_an_older_answer_arriving_after_a_newer_one_is_dropped() -> None:
    screen = Screen()
    older, newer = screen.ask(), screen.ask()
    newer("Riley's file")
    older("Sam's file")  # late: Sam was chosen first, Riley since
    assert screen.shown == ["Riley's file"]


def test_an_older_answer_arriving_first_is_dropped_too() -> None:
    screen = Screen()
    older, newer = screen.ask(), screen.ask()
    older("Sam's file")
    newer("Riley's file")
    assert screen.shown == ["Riley's file"]


def test_drop_makes_every_answer_on_the_way_stale() -> None:
    screen = Screen()
    answer = screen.ask()
    screen.latest.drop()  # the vault was locked meanwhile
    answer("Riley's file")
    assert screen.shown == []
    screen.ask()("after unlock")
    assert screen.shown == ["after unlock"]


def test_a_ticket_joins_the_current_ask_without_overtaking_it() -> None:
    latest = Latest()
    asked = latest.start()
    joined = latest.ticket()
    assert latest.current(asked) and latest.current(joined)
    latest.start()
    assert not latest.current(asked) and not latest.current(joined)


def test_on_the_worker_only_the_latest_of_two_asks_is_shown(qtbot: QtBot) -> None:
    """Two real operations: the first is still running when the second is asked for."""
    screen = Screen()
    release = threading.Event()

    def slow() -> str:
        release.wait(5)
        return "first"

    VaultOp(parent=None, op=slow).success(screen.ask()).run()
    second: VaultOp[str] = VaultOp(parent=None, op=lambda: "second").success(screen.ask())
    with qtbot.waitSignal(second.finished, timeout=5000):
        second.run()
        release.set()
    assert screen.shown == ["second"]
