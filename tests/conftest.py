"""Fixtures shared by the whole suite: real vaults on disk and the face photos.

Creating a vault runs Argon2id (64 MiB, 3 passes) once per user, so one template
vault is made per test session and copied for each test that needs a vault.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sefton_photos.session import Session
from tests.helpers import ADMIN, COMMS, STAFF, as_, children

REPO = Path(__file__).resolve().parent.parent


COUNTS: list[str] = []  # figures the hardening tests report at the end of the run


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if COUNTS:
        terminalreporter.section("hardening counts")
        for line in COUNTS:
            terminalreporter.write_line(line)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--soak", action="store_true", help="run the kill tests 1,000 times instead of 50"
    )


# Fixtures that run the real face detector, or hand a test the face photos that every
# test taking them runs it over: face_template enrols a child per fixture person
# (face_vault copies it), and each test that takes faces_dir detects on its photos.
DETECTING_FIXTURES = frozenset({"face_template", "faces_dir"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Kill tests start and kill dozens of processes: on a loaded machine they need more
    than the suite's 300 s, and a soak of 1,000 kills takes as long as it takes.

    A test whose fixtures (directly or through others) include a detecting fixture is
    marked ``integration``; the few that run the detector without one are marked where
    they are written (the demo vault, the blur-strength check, YuNet on blank images).
    ``pytest -m "not integration"`` is then the fast loop: no model is loaded.
    """
    for item in items:
        if item.get_closest_marker("kills"):
            item.add_marker(pytest.mark.timeout(0 if config.getoption("--soak") else 1800))
        if DETECTING_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


FACES = REPO / "tests" / "fixtures" / "faces"


@pytest.fixture(scope="session")
def faces_dir() -> Path:
    """The face photos in tests/fixtures/faces (who is in each: manifest.json; origin: SOURCE.md).

    They are part of the project, so a clone anywhere runs every face test; a missing
    manifest is a broken checkout, not a reason to skip.
    """
    manifest = FACES / "manifest.json"
    assert manifest.exists(), f"face fixtures missing at {FACES}: the checkout is incomplete"
    return FACES


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "vault"
    session = Session.create_vault(path, admin_name=ADMIN.name, password=ADMIN.password)
    for person in STAFF:
        session.users.add(
            name=person.name,
            role=person.role,
            password=person.password,
            team=person.team,
            line_manager=person.line_manager,
        )
    session.close()
    return path


@pytest.fixture
def vault_dir(vault_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template vault: admin, a line manager and two workers."""
    path = tmp_path / "vault"
    shutil.copytree(vault_template, path)
    return path


@pytest.fixture(scope="session")
def face_template(
    vault_template: Path, faces_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    from tests import faceworld

    path = tmp_path_factory.mktemp("faces") / "vault"
    faceworld.build(vault_template, path, faces_dir)
    return path


@pytest.fixture
def face_vault(face_template: Path, tmp_path: Path) -> Path:
    """A vault with a registered device and one enrolled child per fixture person."""
    path = tmp_path / "vault"
    shutil.copytree(face_template, path)
    shutil.copy(face_template.parent / "children.json", tmp_path / "children.json")
    return path


@pytest.fixture
def admin_session(vault_dir: Path) -> Iterator[Session]:
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    yield session
    session.close()


@pytest.fixture
def world(face_vault: Path, tmp_path: Path) -> dict[str, object]:
    """An approved council folder, a communications officer, and the children's ids."""
    share = tmp_path / "council-share"
    share.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=share, label="Case records")
        admin.users.add(
            name=COMMS.name, role=COMMS.role, password=COMMS.password, team="Communications"
        )
    return {"vault": face_vault, "share": share, "ids": children(face_vault)}
