"""The command-line contract of the child's file and consents (issue 3)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import KEY, KEY2, SOCIAL, last_id


def test_the_whole_consent_flow(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """child add → pr add → consent add → wishes → explained → check ALLOWED → withdraw."""
    code, out, _ = cli(
        SOCIAL,
        "child",
        "add",
        "--name",
        "Ash Example",
        "--dob",
        "2013-04-05",
        "--care-status",
        "foster",
        "--key-worker",
        KEY.name,
    )
    assert code == 0
    child = last_id(out)
    code, out, _ = cli(
        SOCIAL, "pr", "add", "--child", child, "--name", "Bo Example", "--relationship", "father"
    )
    person = last_id(out)
    form = tmp_path / "consent.pdf"
    form.write_bytes(b"%PDF-1.4 scanned")
    code, out, _ = cli(
        SOCIAL,
        "consent",
        "add",
        "--child",
        child,
        "--type",
        "one_to_one",
        "--given-by",
        "parent_carer",
        "--person",
        person,
        "--signed",
        "2026-01-10",
        "--form",
        str(form),
    )
    assert code == 0
    consent = last_id(out)
    code, out, _ = cli(KEY, "consent", "check", "--child", child, "--purpose", "life_story")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "REFUSED"
    assert any(line.startswith("R2 (policy 5.5.4.2) NOT MET: ") for line in lines[1:])
    for who in ("child", "worker"):
        assert cli(SOCIAL, "wish", "set", "--child", child, "--who", who, "--wishes", "yes")[0] == 0
    assert (  # R2: the wish of each person with PR, by person
        cli(SOCIAL, "wish", "set", "--child", child, "--who", "parent_carer", "--person", person,
            "--wishes", "yes")[0]
        == 0
    )  # fmt: skip
    assert cli(SOCIAL, "explained", "--child", child, "--to", "child")[0] == 0
    assert (
        cli(
            SOCIAL,
            "explained",
            "--child",
            child,
            "--to",
            "parent_carer",
            "--not-explained-reason",
            "father in hospital",
            "--permitted-by",
            SOCIAL.name,
        )[0]
        == 0
    )
    code, out, _ = cli(KEY, "consent", "check", "--child", child, "--purpose", "life_story")
    assert code == 0 and out.splitlines()[0] == "ALLOWED"
    assert all(" met: " in line for line in out.splitlines()[1:])
    code, out, _ = cli(
        KEY, "consent", "check", "--child", child, "--purpose", "publicity", "--json"
    )
    assert code == 1 and json.loads(out)["verdict"] == "REFUSED"
    assert cli(SOCIAL, "consent", "withdraw", consent, "--reason", "father withdrew")[0] == 0
    code, out, _ = cli(KEY, "consent", "check", "--child", child, "--purpose", "life_story")
    assert code == 1 and "father withdrew" in out
    code, out, _ = cli(SOCIAL, "consent", "list", "--child", child, "--json")
    assert json.loads(out)[0]["withdrawal_reason"] == "father withdrew"
    code, out, _ = cli(SOCIAL, "child", "show", child)
    assert "WITHDRAWN" in out and "Bo Example (father)" in out


def test_child_list_show_and_allocate(cli) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = cli(
        SOCIAL,
        "child",
        "add",
        "--name",
        "Cam Example",
        "--dob",
        "2016-01-01",
        "--care-status",
        "looked_after",
    )
    child = last_id(out)
    code, out, _ = cli(KEY2, "child", "list", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = cli(KEY2, "child", "show", child)
    assert code == 1 and "among the children you may see" in err
    assert cli(SOCIAL, "child", "allocate", child, "--key-worker", KEY2.name)[0] == 0
    code, out, _ = cli(KEY2, "child", "list", "--json")
    assert [c["name"] for c in json.loads(out)] == ["Cam Example"]


def test_bad_input_is_misuse_or_a_clear_refusal(cli) -> None:  # type: ignore[no-untyped-def]
    assert (
        cli(
            SOCIAL, "child", "add", "--name", "X", "--dob", "05/04/2013", "--care-status", "foster"
        )[0]
        == 2
    )
    assert (
        cli(
            SOCIAL,
            "child",
            "add",
            "--name",
            "X",
            "--dob",
            "2013-04-05",
            "--care-status",
            "orphanage",
        )[0]
        == 2
    )
    code, _, err = cli(SOCIAL, "consent", "withdraw", "999", "--reason", "x")
    assert code == 1 and "no consent with id 999" in err
