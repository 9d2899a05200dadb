"""The command-line contract: names, exit codes, --json, ids printed last."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sefton_photos.cli.main import main
from tests.helpers import ADMIN, MANAGER, SOCIAL


@pytest.fixture
def as_admin(monkeypatch: pytest.MonkeyPatch, vault_dir: Path) -> Path:
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    monkeypatch.setenv("SEFTON_USER", ADMIN.name)
    monkeypatch.setenv("SEFTON_PASSWORD", ADMIN.password)
    return vault_dir


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_a_vault_and_prints_the_admin_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEFTON_PASSWORD", "first-admin-pass")
    code, out, _ = run(capsys, "init", "--vault", str(tmp_path / "v"), "--admin", "Pat Admin")
    assert code == 0
    assert out.split()[-1] == "1"
    code, _, err = run(capsys, "init", "--vault", str(tmp_path / "v"), "--admin", "Pat Admin")
    assert code == 1 and "already a vault" in err
    code, out, _ = run(
        capsys, "user", "list", "--vault", str(tmp_path / "v"), "--user", "Pat Admin", "--json"
    )
    assert code == 0 and json.loads(out)[0]["role"] == "administrator"


def test_user_add_list_remove(
    as_admin: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEFTON_NEW_PASSWORD", "new-worker-pass")
    code, out, _ = run(
        capsys,
        "user",
        "add",
        "--name",
        "Nia New",
        "--role",
        "key_worker",
        "--line-manager",
        MANAGER.name,
    )
    assert code == 0
    new_id = int(out.split()[-1])
    code, out, _ = run(capsys, "user", "list", "--json")
    users = {u["name"]: u for u in json.loads(out)}
    assert users["Nia New"]["id"] == new_id
    assert users["Nia New"]["line_manager_name"] == MANAGER.name
    code, out, _ = run(capsys, "user", "remove", "--name", "Nia New")
    assert code == 0
    code, out, _ = run(capsys, "user", "list", "--json")
    assert "Nia New" not in {u["name"] for u in json.loads(out)}


def test_refusals_exit_1_with_one_line_and_no_traceback(
    as_admin: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SEFTON_USER", SOCIAL.name)
    monkeypatch.setenv("SEFTON_PASSWORD", SOCIAL.password)
    code, _, err = run(capsys, "audit", "show")
    assert code == 1
    assert err.count("\n") == 1 and "REFUSED" in err and "Traceback" not in err
    monkeypatch.setenv("SEFTON_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "user", "list")
    assert code == 1 and "not correct" in err and "Traceback" not in err


def test_misuse_exits_2(
    as_admin: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(capsys, "user", "add", "--name", "X")[0] == 2
    assert run(capsys, "user", "add", "--name", "X", "--role", "wizard")[0] == 2
    assert run(capsys, "frobnicate")[0] == 2
    monkeypatch.delenv("SEFTON_USER")
    code, _, err = run(capsys, "user", "list")
    assert code == 2 and "--user" in err


def test_audit_verify_and_vault_check(as_admin: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and out.startswith("audit chain intact: ")
    code, out, _ = run(capsys, "vault", "check", "--json")
    assert code == 0 and {f["part"] for f in json.loads(out)} == {
        "key slots",
        "database",
        "objects",
        "unrecorded files",
        "audit log",
    }
    code, out, _ = run(capsys, "audit", "show", "--limit", "3", "--json")
    assert code == 0 and len(json.loads(out)) == 3


def test_audit_verify_names_the_first_broken_entry(
    as_admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.helpers import keys_of, raw_connection

    _, key = keys_of(as_admin)
    conn = raw_connection(as_admin, key)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor_name = 'Someone' WHERE seq = 2")
    conn.commit()
    conn.close()
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1 and "entry 2" in out
    code, out, _ = run(capsys, "vault", "check")
    assert code == 1 and "FAULT  audit log" in out


def test_vault_check_names_a_damaged_database(
    as_admin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = as_admin / "vault.db"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    code, _, err = run(capsys, "vault", "check")
    assert code == 1 and "vault.db" in err and "Traceback" not in err


def test_the_installed_command_runs(as_admin: Path) -> None:
    """The real console script: options after the subcommand, JSON out, exit 0."""
    exe = Path(sys.executable).parent / (
        "sefton-photos.exe" if os.name == "nt" else "sefton-photos"
    )
    done = subprocess.run(
        [str(exe), "user", "list", "--vault", str(as_admin), "--user", ADMIN.name, "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert {u["name"] for u in json.loads(done.stdout)} >= {ADMIN.name, SOCIAL.name}
