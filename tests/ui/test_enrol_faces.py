"""Enrolling a child for face matching from their file: one of their photos and the face
in it, or a file; the core checks the face-matching consent first and its refusal is
shown in its words; the references say when taken and when enrolled, and a stale one
says to re-enrol (R11, R13)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.errors import SeftonError
from sefton_photos.model import Enrolment
from sefton_photos.session import Session
from tests.faceworld import make_ready_child
from tests.helpers import SOCIAL
from tests.ui.helpers import clashes, unnamed
from tests.ui.photo_support import children, copy_in, import_now, keeping, signed_in
from ui.dialogs.enrol_faces import EnrolDialog
from ui.models.enrolments import STALE, EnrolmentsModel, references_words
from ui.views.child_file import ChildFileView

GROUP = "group_a-b-unknown.jpg"


@pytest.fixture(scope="module")
def enrol_template(
    face_template: Path, faces_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The face vault, GROUP imported for children A and B, and a child without
    face-matching consent ("Child Noface"), once."""
    root = tmp_path_factory.mktemp("enrol")
    vault = root / "vault"
    shutil.copytree(face_template, vault)
    ids = children(face_template)
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        paths = copy_in([GROUP], faces_dir, root / "card")
        import_now(s, [ids["person-a"], ids["person-b"]], paths, detect_faces=True)
        ids["noface"] = make_ready_child(s, "Child Noface", face_consent=False)
    (root / "children.json").write_text(json.dumps(ids))
    return vault


@pytest.fixture
def vault(enrol_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "vault"
    shutil.copytree(enrol_template, path)
    shutil.copy(enrol_template.parent / "children.json", tmp_path / "children.json")
    return path


@pytest.fixture
def social(vault: Path, qapp: QApplication) -> Iterator[Session]:
    with signed_in(vault, qapp) as session:
        yield session


@pytest.fixture
def kept(qapp: QApplication) -> Iterator[list[object]]:
    with keeping(qapp) as objects:
        yield objects


def _reference(stale: bool, taken: datetime | None) -> Enrolment:
    return Enrolment(
        id=1,
        enrolled_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC),
        taken_at=taken,
        source="photo 12",
        enrolled_by="Sam Social",
        stale=stale,
    )


def test_the_references_say_when_taken_and_enrolled_and_stale_in_words() -> None:
    model = EnrolmentsModel()
    model.set_rows(
        [
            _reference(True, datetime(2024, 6, 1, tzinfo=UTC)),
            _reference(False, None),
        ]
    )
    assert model.lines() == [
        "Reference 1: photo taken 1 Jun 2024 (photo 12), enrolled 5 Jan 2026 by Sam Social"
        f" — {STALE}",
        "Reference 2: date taken not known (photo 12), enrolled 5 Jan 2026 by Sam Social",
    ]
    assert STALE == "over a year old: children's faces change fast — re-enrol"
    assert model.index(0, 0).data(EnrolmentsModel.StaleRole) is True
    assert model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole) == model.lines()[1]
    assert references_words("Child A", model.rows).startswith(
        "Child A is matched from 2 references. 1 reference is over a year old"
    )
    assert references_words("Child A", []).startswith("Child A has no reference yet")


def _open(qtbot: QtBot, kept: list[object], session: Session, child_id: int) -> EnrolDialog:
    view = ChildFileView(session)
    qtbot.addWidget(view)
    kept.append(view)
    view.resize(1100, 700)
    view.show()
    with qtbot.waitSignal(view.file_loaded, timeout=10_000):
        view.load(child_id)
    assert view.enrol_button.isEnabled()
    assert view.enrol_button.accessibleName() == "Enrol for face matching"
    with qtbot.waitSignal(view.enrol_button.clicked, timeout=5000):
        qtbot.mouseClick(view.enrol_button, Qt.MouseButton.LeftButton)
    dialog = view.findChild(EnrolDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.refs_summary.text() != "", timeout=10_000)
    return dialog


def test_enrol_from_one_of_the_childs_photos_choosing_the_face(
    qtbot: QtBot, kept: list[object], social: Session, vault: Path
) -> None:
    child = children(vault)["person-a"]
    dialog = _open(qtbot, kept, social, child)
    assert dialog.windowTitle() == "Enrol Child A for face matching"
    assert clashes(dialog) == []
    assert unnamed(dialog) == [], "every control is named"
    before = social.faces.references(child_id=child)
    assert dialog.refs_model.rowCount() == len(before) >= 1
    assert dialog.refs_summary.text().startswith(f"Child A is matched from {len(before)} ")
    qtbot.waitUntil(lambda: dialog.grid.photos.rowCount() == 1, timeout=10_000)

    with qtbot.waitSignal(dialog.photo_shown, timeout=10_000) as shown:
        dialog.grid.setCurrentIndex(dialog.grid.photos.index(0, 0))
    info = shown.args[0]
    assert info is not None and len(info.faces) == 3
    assert dialog.faces_model.rowCount() == 3 and len(dialog.canvas.drawings()) == 3
    assert dialog.choice.text() == "This photo shows 3 faces: choose Child A's."
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        dialog.enrol()  # no face chosen: the core says what is missing, in its words
    assert refused.args == [f"Photo {info.id} shows 3 faces: choose the child's face."]
    assert dialog.message.text() == refused.args[0]
    row = next(i for i, f in enumerate(info.faces) if f.child_id == child)
    dialog.faces_view.setCurrentIndex(dialog.faces_model.index(row, 0))
    assert dialog.face_id == info.faces[row].id
    assert dialog.canvas.chosen == dialog.face_id
    assert dialog.choice.text() == f"Chosen: face {row + 1} of the photo shown."

    with qtbot.waitSignal(dialog.refreshed, timeout=30_000) as refreshed:
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert refreshed.args == [len(before) + 1]
    assert dialog.message.kind == "info" and dialog.message.text().startswith("Enrolled:")
    after = social.faces.references(child_id=child)
    assert len(after) == len(before) + 1
    assert "enrolled" in dialog.refs_model.lines()[-1]
    dialog.reject()
    assert dialog.refs_model.rowCount() == 0 and dialog.canvas.image is None


def test_without_face_matching_consent_the_core_refuses_first(
    qtbot: QtBot, kept: list[object], social: Session, vault: Path, faces_dir: Path
) -> None:
    """R13: no consent, no enrolment; the refusal is the core's, word for word."""
    child = children(vault)["noface"]
    dialog = _open(qtbot, kept, social, child)
    assert dialog.refs_model.rowCount() == 0
    assert dialog.refs_summary.text().startswith("Child Noface has no reference yet")
    photo = faces_dir / "person-a_2.jpg"
    dialog.use_file(photo)
    assert dialog.choice.text().startswith("Chosen: the file person-a_2.jpg")
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as refused:
        dialog.enrol()
    with pytest.raises(SeftonError) as core:
        social.faces.enrol(child_id=child, photo=photo)
    assert refused.args == [str(core.value)]
    assert dialog.message.kind == "error" and dialog.message.text() == str(core.value)
    assert social.faces.references(child_id=child) == []
