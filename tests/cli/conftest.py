"""Fixtures of the command-line tests: the ``sefton-photos`` command run in-process.

``cli`` runs it against the plain test vault, ``face_cli`` against the face vault (the
fixture people enrolled); each returns (exit code, stdout, stderr), and argparse's own
refusals (exit 2) are returned as codes too.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sefton_photos.cli.main import main
from tests.helpers import Person

Run = Callable[..., tuple[int, str, str]]


def runner(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], vault: Path) -> Run:
    monkeypatch.setenv("SEFTON_VAULT", str(vault))

    def run(person: Person, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SEFTON_USER", person.name)
        monkeypatch.setenv("SEFTON_PASSWORD", person.password)
        try:
            code = main(list(argv))
        except SystemExit as exit_:  # argparse's own refusals
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, vault_dir: Path, capsys: pytest.CaptureFixture[str]
) -> Run:
    return runner(monkeypatch, capsys, vault_dir)


@pytest.fixture
def face_cli(
    monkeypatch: pytest.MonkeyPatch, face_vault: Path, capsys: pytest.CaptureFixture[str]
) -> Run:
    return runner(monkeypatch, capsys, face_vault)
