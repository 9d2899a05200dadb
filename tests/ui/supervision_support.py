"""What the Supervision UI tests share: captures made through the core, sessions, a team vault.

Captures are made exactly as a worker makes them (``session.imports.run`` from a
pretend camera card of the face fixtures, without face detection, so it is quick).
:func:`team_vault` builds, once per test run, a copy of the face vault where Kim Key
has two captures and Sam Social one, and hands each test its own copy of it.
Sessions are opened one at a time (the vault admits one) and closed only once the
vault worker is idle.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QWidget,
)

from sefton_photos.model import Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import KEY, SOCIAL, Person, children
from tests.ui.conftest import drain

KEY_SHOTS = (("person-a", "person-a_2.jpg"), ("person-b", "person-b_2.jpg"))
SOCIAL_SHOTS = (("person-c", "person-c_2.jpg"),)
_templates: dict[Path, Path] = {}
W = TypeVar("W", bound=QWidget)


def unlock(vault: Path, person: Person) -> Session:
    return Session.unlock(vault, name=person.name, password=person.password)


def capture(
    vault: Path,
    faces_dir: Path,
    card_root: Path,
    person: Person,
    shots: Iterable[tuple[str, str]],
    purpose: Purpose = Purpose.ACTIVITY_RECORD,
) -> list[int]:
    """One capture per (fixture person, photo), all in one sign-in; returns the capture ids."""
    ids = children(vault)
    made = []
    with unlock(vault, person) as s:
        for who, photo in shots:
            card = card_root / f"card-{person.name.split()[0]}-{photo}"
            card.mkdir(parents=True)
            shutil.copy(faces_dir / photo, card / photo)
            report = s.imports.run(
                child_ids=(ids[who],),
                purpose=purpose,
                purpose_note=f"Football with {who}",
                device=DEVICE,
                attested=True,
                paths=[card],
                detect_faces=False,
                workers=0,
            )
            assert report.capture_id is not None
            made.append(report.capture_id)
    return made


def team_vault(
    face_template: Path, faces_dir: Path, factory: pytest.TempPathFactory, tmp_path: Path
) -> Path:
    """A fresh copy of a face vault with Kim Key's two captures and Sam Social's one."""
    template = _templates.get(face_template)
    if template is None:
        base = factory.mktemp("team")
        template = base / "vault"
        shutil.copytree(face_template, template)
        shutil.copy(face_template.parent / "children.json", base / "children.json")
        capture(template, faces_dir, base / "cards", KEY, KEY_SHOTS)
        capture(template, faces_dir, base / "cards", SOCIAL, SOCIAL_SHOTS)
        _templates[face_template] = template
    path = tmp_path / "vault"
    shutil.copytree(template, path)
    shutil.copy(template.parent / "children.json", tmp_path / "children.json")
    return path


class Sessions:
    """Sign people in one after the other, and keep the top-level widgets made for them.

    :meth:`close` waits for the vault worker, deletes those widgets on the GUI thread,
    then closes the sessions.  Deleting them here matters: a finished ``VaultOp`` job is
    released on the worker thread, and were it holding the last reference to a widget
    without a Qt parent (a page made by a test), Qt would destroy that widget on the
    worker thread and crash.
    """

    def __init__(self) -> None:
        self.open: list[Session] = []
        self.widgets: list[QWidget] = []

    def sign_in(self, vault: Path, person: Person) -> Session:
        self.close()
        session = unlock(vault, person)
        self.open.append(session)
        return session

    def keep(self, widget: W) -> W:
        self.widgets.append(widget)
        return widget

    def close(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            drain(app)
        while self.widgets:
            widget = self.widgets.pop()
            if shiboken6.isValid(widget):
                widget.close()
                shiboken6.delete(widget)
        while self.open:
            self.open.pop().close()


@contextmanager
def sessions() -> Iterator[Sessions]:
    keeper = Sessions()
    try:
        yield keeper
    finally:
        keeper.close()


# -- accessibility ------------------------------------------------------------------------------

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
)


def _inside_a_composite(widget: QWidget) -> bool:
    owner = widget.parentWidget()
    while owner is not None:
        if isinstance(owner, (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)):
            return True
        owner = owner.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Controls without an accessible name (Qt's own sub-widgets excepted)."""
    missing = []
    for kind in CONTROLS:
        for widget in root.findChildren(kind):
            if _inside_a_composite(widget) or widget.objectName().startswith("qt_"):
                continue
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def mnemonics(root: QWidget) -> list[str]:
    """The Alt+letter keys of every visible button, buddied label and tab under ``root``."""
    keys = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and (key := mnemonic(button.text())):
            keys.append(key)
    for label in root.findChildren(QLabel):
        key = mnemonic(label.text()) if label.buddy() is not None else None
        if key and label.isVisibleTo(root):
            keys.append(key)
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            keys += [k for i in range(tabs.count()) if (k := mnemonic(tabs.tabText(i)))]
    return keys
