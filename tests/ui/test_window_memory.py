"""Windows open centred at a sensible size and come back as each person left them (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import KEY, SOCIAL, Person
from ui.main_window import MainWindow
from ui.views.children import ChildrenPage

Opener = Callable[[Person], Session]


def _window(qtbot: QtBot, session: Session, store: Path) -> MainWindow:
    window = MainWindow(
        session,
        idle_interval_ms=600_000,
        settings=QSettings(str(store), QSettings.Format.IniFormat),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_first_window_is_centred_and_fits_the_screen(
    qtbot: QtBot, open_session: Opener, tmp_path: Path
) -> None:
    window = _window(qtbot, open_session(SOCIAL), tmp_path / "state.ini")
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = window.geometry()
    assert frame.width() <= screen.width() and frame.height() <= screen.height()
    assert frame.width() >= min(1000, int(screen.width() * 0.9))
    assert abs(frame.center().x() - screen.center().x()) <= 2
    assert abs(frame.center().y() - screen.center().y()) <= 40  # title bar and frame


def test_size_position_and_splitter_come_back_for_the_same_person_only(
    qtbot: QtBot, open_session: Opener, tmp_path: Path
) -> None:
    store = tmp_path / "state.ini"
    social = open_session(SOCIAL)
    window = _window(qtbot, social, store)
    window.setGeometry(10, 50, 770, 430)
    page = window.page_for_key["children"]
    assert isinstance(page, ChildrenPage)
    page.splitter.setSizes([150, 700])
    remembered = page.splitter.sizes()
    window.close()

    again = _window(qtbot, social, store)
    assert (again.geometry().width(), again.geometry().height()) == (770, 430)
    assert (again.geometry().x(), again.geometry().y()) == (10, 50)
    page_again = again.page_for_key["children"]
    assert isinstance(page_again, ChildrenPage)
    assert page_again.splitter.sizes() == remembered
    again.close()
    social.close()

    other = _window(qtbot, open_session(KEY), store)
    assert (other.geometry().width(), other.geometry().height()) != (770, 430)


def test_the_state_file_names_nobody(qtbot: QtBot, open_session: Opener, tmp_path: Path) -> None:
    """Only geometry, under a hash: no name, role or team in the clear (R8, 5.5.4.9)."""
    store = tmp_path / "state.ini"
    _window(qtbot, open_session(SOCIAL), store).close()
    text = store.read_bytes()
    assert b"geometry" in text
    for word in (SOCIAL.name, *SOCIAL.name.split(), "social_worker"):
        assert word.encode() not in text
