"""No window offers two controls on the same Alt key (issue 12: Alt+I opened Wishes, not Import).

Walks every page of the main window for every role, every tab of every tab widget on it
(with a child's file open), and the dialogs, collecting the mnemonic of each control a
keyboard user can reach at that moment: buttons, labels with a buddy, tabs, group boxes
and the menu bar. Two of them on one letter is a clash: Qt then cycles between them, and
Alt+letter does not do what the label says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import ADMIN, KEY, MANAGER, SOCIAL, ready_child
from tests.ui.conftest import drain
from tests.ui.helpers import clashes
from ui import ops
from ui.main_window import MainWindow
from ui.views.children import ChildrenPage


def _tab_states(root: QWidget) -> Iterator[str]:
    """Visit every combination of visible tabs below root (depth first); yield a path."""
    tabs = [t for t in root.findChildren(QTabWidget) if t.isVisibleTo(root)]
    outer = [t for t in tabs if not any(o is not t and o.isAncestorOf(t) for o in tabs)]
    if not outer:
        yield ""
        return
    widget = outer[0]
    for i in range(widget.count()):
        if not widget.isTabVisible(i):
            continue
        widget.setCurrentIndex(i)
        QApplication.processEvents()
        for rest in _tab_states(widget.widget(i)):
            yield f"{widget.tabText(i)}/{rest}"


def _walk(qtbot: QtBot, window: MainWindow, child_id: int) -> list[str]:
    problems = []
    for key in list(window.page_for_key):
        window.show_page(key)
        qtbot.waitUntil(lambda: ops.pending() == 0, timeout=10_000)
        page = window.current_page()
        if isinstance(page, ChildrenPage) and page.select_name("Robin Tessellate"):
            with qtbot.waitSignal(page.file_view.file_loaded, timeout=10_000):
                page.open_child(child_id)
        for state in _tab_states(page):
            problems += [f"{key}/{state}: {c}" for c in clashes(window)]
    return problems


def test_no_page_of_any_role_has_two_controls_on_one_alt_key(
    qtbot: QtBot, vault_dir: Path, qapp: QApplication
) -> None:
    problems: list[str] = []
    child_id = 0
    for person in (SOCIAL, KEY, MANAGER, ADMIN):
        session = Session.unlock(vault_dir, name=person.name, password=person.password)
        try:
            if person is SOCIAL:
                child_id = ready_child(session)[0]
            window = MainWindow(session, idle_interval_ms=600_000)
            qtbot.addWidget(window)
            window.resize(1280, 800)
            window.show()
            problems += [f"{person.role}: {p}" for p in _walk(qtbot, window, child_id)]
            window.close()
            drain(qapp)
        finally:
            session.close()
    assert problems == [], "\n".join(problems)


def test_the_check_finds_a_clash_when_there_is_one(qtbot: QtBot) -> None:
    """The detector itself can fail: two buttons on Alt+I are reported."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QPushButton("&Import", root))
    layout.addWidget(QPushButton("W&ishes", root))
    layout.addWidget(QPushButton("&&Not a mnemonic", root))
    root.show()
    assert clashes(root) == ["Alt+I: button '&Import', button 'W&ishes'"]
