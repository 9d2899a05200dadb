"""Where each person left their windows: size, position and splitters (issue 12).

Windows open at a sensible size, centred on the screen they appear on, the first time;
after that each person's main window comes back where they left it, with the same splitter
positions. The state lives in a small INI file beside the vaults (``$SEFTON_UI_STATE``
overrides it). It holds only geometry: the section of a person is a hash of the vault's
folder and their user id, so the file names nobody (R8, policy 5.5.4.9).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

from sefton_photos import paths

STATE_FILE = "ui-state.ini"
SCREEN_SHARE = 0.9  # a first window takes at most 90 % of the screen, either way


def settings_store() -> QSettings:
    """The per-machine store of window state (never inside a vault)."""
    path = os.environ.get("SEFTON_UI_STATE") or str(paths.data_dir() / STATE_FILE)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return QSettings(path, QSettings.Format.IniFormat)


def person_key(vault: Path, user_id: int) -> str:
    """A section name for one person in one vault that does not name them."""
    digest = hashlib.sha256(f"{Path(vault).resolve()}\0{user_id}".encode())
    return "p" + digest.hexdigest()[:16]


def place_default(window: QWidget, preferred: QSize) -> None:
    """Resize to ``preferred`` (bounded by the screen) and centre on the available area."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(preferred)
        return
    area = screen.availableGeometry()
    size = preferred.boundedTo(
        QSize(int(area.width() * SCREEN_SHARE), int(area.height() * SCREEN_SHARE))
    ).expandedTo(window.minimumSizeHint())  # what the layout will insist on anyway
    window.resize(size)
    frame = QRect(0, 0, size.width(), size.height())
    frame.moveCenter(area.center())
    window.move(frame.topLeft())


def _path(widget: QWidget, root: QWidget) -> str:
    """A name for a widget that stays the same from one run to the next."""
    parts = []
    node: QWidget | None = widget
    while node is not None and node is not root:
        parent = node.parentWidget()
        kin = [] if parent is None else parent.findChildren(type(node))
        siblings = [w for w in kin if w.parentWidget() is parent]
        index = siblings.index(node) if node in siblings else 0
        parts.append(node.objectName() or f"{type(node).__name__}{index}")
        node = parent
    return "/".join(reversed(parts))


class WindowMemory:
    """Saves and restores one window's geometry and splitters under one person's key."""

    def __init__(self, settings: QSettings, key: str, window: QWidget, name: str) -> None:
        self.settings = settings
        self.prefix = f"{key}/{name}"
        self.window = window

    def restore(self, *, default: QSize) -> bool:
        """Put the window back where it was; True if it was remembered, else the default."""
        saved = self.settings.value(f"{self.prefix}/geometry")
        restored = isinstance(saved, QByteArray) and self.window.restoreGeometry(saved)
        if restored and self._on_a_screen():
            self._restore_splitters()
            return True
        place_default(self.window, default)
        return False

    def save(self) -> None:
        self.settings.setValue(f"{self.prefix}/geometry", self.window.saveGeometry())
        for splitter in self.window.findChildren(QSplitter):
            key = f"{self.prefix}/splitters/{_path(splitter, self.window)}"
            self.settings.setValue(key, splitter.saveState())
        self.settings.sync()

    def _restore_splitters(self) -> None:
        for splitter in self.window.findChildren(QSplitter):
            state = self.settings.value(f"{self.prefix}/splitters/{_path(splitter, self.window)}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)

    def _on_a_screen(self) -> bool:
        """A window saved on a monitor that is gone must not open off-screen."""
        frame = self.window.frameGeometry()
        return any(s.availableGeometry().intersects(frame) for s in QGuiApplication.screens())
