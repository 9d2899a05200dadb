"""Fixtures of the UI tests: offscreen Qt, real vaults, no blocking message boxes.

Every test runs against a real vault copied from the suite's template (see
``tests/conftest.py``); nothing of the session or the vault is mocked.  Message
boxes are replaced by recorders, because a real one would block in ``exec()``.
Sessions are closed only after the vault worker is idle, so no vault call of a
test is still running when its session closes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from sefton_photos.session import Session
from tests.helpers import SOCIAL, Person
from tests.ui.photo_support import GROUP, children, copy_in, import_now, keeping, signed_in
from ui import ops

# Before any QApplication exists (pytest-qt creates it lazily, in the qapp fixture).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class MessageBoxes:
    """What the code under test asked of QMessageBox, and the answer to ``question``."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.No
    calls: list[tuple[str, str, str]] = field(default_factory=list)

    def kinds(self) -> list[str]:
        return [kind for kind, _title, _text in self.calls]


@pytest.fixture(autouse=True)
def _window_state_in_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Window geometry goes to a file of the test's own, never the user's data folder."""
    path = tmp_path / "ui-state.ini"
    monkeypatch.setenv("SEFTON_UI_STATE", str(path))
    return path


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Record every static QMessageBox call instead of showing it."""
    boxes = MessageBoxes()

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def record(_parent: object, title: str, text: str, *_a: object, **_k: object) -> object:
            boxes.calls.append((kind, title, text))
            if kind == "question":
                return boxes.answer
            return QMessageBox.StandardButton.Ok

        return record  # type: ignore[return-value]

    for kind in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return boxes


def drain(app: QApplication) -> None:
    """Let the worker finish and deliver every answer still queued for the GUI thread."""
    assert ops.wait_idle(30_000), "the vault worker did not finish"
    app.processEvents()


@pytest.fixture
def admin_session(admin_session: Session, qapp: QApplication) -> Iterator[Session]:
    """The suite's admin session, closed only once the worker is idle."""
    yield admin_session
    drain(qapp)


@pytest.fixture
def open_session(vault_dir: Path, qapp: QApplication) -> Iterator[Callable[[Person], Session]]:
    """Sign a person in to the test vault (one session at a time: the vault is locked)."""
    opened: list[Session] = []

    def sign_in(person: Person) -> Session:
        session = Session.unlock(vault_dir, name=person.name, password=person.password)
        opened.append(session)
        return session

    yield sign_in
    drain(qapp)
    for session in opened:
        session.close()


@pytest.fixture(autouse=True)
def _worker_idle_after_test(qapp: QApplication) -> Iterator[None]:
    yield
    drain(qapp)


@pytest.fixture
def social(face_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(face_vault, qapp) as session:
        yield session


@pytest.fixture
def kept(qapp: QApplication) -> Iterator[list[object]]:
    """Widgets to keep alive until no thread still refers to them (see ``keeping``)."""
    with keeping(qapp) as objects:
        yield objects


@pytest.fixture(scope="module")
def group_template(
    face_template: Path, faces_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The face vault with GROUP imported for children A and B (faces found), once."""
    import json
    import shutil

    root = tmp_path_factory.mktemp("group")
    vault = root / "vault"
    shutil.copytree(face_template, vault)
    shutil.copy(face_template.parent / "children.json", root / "children.json")
    ids = children(vault)
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        paths = copy_in([GROUP], faces_dir, root / "card")
        report = import_now(s, [ids["person-a"], ids["person-b"]], paths, detect_faces=True)
    (root / "photo.json").write_text(json.dumps(report.outcomes[0].photo_id))
    return vault


@pytest.fixture
def group_vault(group_template: Path, tmp_path: Path) -> Path:
    """A copy of ``group_template`` of the test's own (``group_photo_id`` gives the photo)."""
    import shutil

    vault = tmp_path / "vault"
    shutil.copytree(group_template, vault)
    for name in ("children.json", "photo.json"):
        shutil.copy(group_template.parent / name, tmp_path / name)
    return vault


@pytest.fixture
def group_social(group_vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(group_vault, qapp) as session:
        yield session
