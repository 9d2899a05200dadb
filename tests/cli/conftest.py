"""Fixtures of the command-line tests: the ``sefton-photos`` command run in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.cli.main import main
from tests.helpers import Person


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, vault_dir: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))

    def run(person: Person, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SEFTON_USER", person.name)
        monkeypatch.setenv("SEFTON_PASSWORD", person.password)
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run
