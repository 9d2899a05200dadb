"""R14 (policy 13.1): hostile arguments get a clear message, never "unexpected error".

Each case is tried against a real vault; the vault's files must be byte for byte
unchanged afterwards, and stderr must hold no traceback and no personal data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sefton_photos.cli.main import main
from tests.helpers import KEY, SOCIAL

BAD = "Nia \udcff\udcfe"  # bytes 0xff 0xfe from a non-UTF-8 argv, surrogate-escaped by Python
TOO_BIG = "99999999999999999999"
JUST_OVER = str(2**63)  # one more than SQLite's largest integer

# (argv, words the message must hold)
CASES: list[tuple[list[str], str]] = [
    (["photo", "show", TOO_BIG, "--out", "x.jpg"], "whole number from 1 to"),
    (["photo", "show", JUST_OVER, "--out", "x.jpg"], "whole number from 1 to"),
    (["photo", "show", "0", "--out", "x.jpg"], "whole number from 1 to"),
    (["photo", "show", "-3", "--out", "x.jpg"], "whole number from 1 to"),
    (["photo", "show", "٣", "--out", "x.jpg"], "whole number from 1 to"),
    (["child", "show", TOO_BIG], "whole number from 1 to"),
    (["photo", "list", "--child", JUST_OVER], "whole number from 1 to"),
    (["consent", "withdraw", TOO_BIG, "--reason", "x"], "whole number from 1 to"),
    (["supervision", "ack", TOO_BIG], "whole number from 1 to"),
    (["audit", "show", "--limit", TOO_BIG], "whole number from 1 to"),
    (
        [
            "import",
            "--child",
            "1,1",
            "--purpose",
            "life_story",
            "--note",
            "n",
            "--device",
            "d",
            "--attest",
            "card",
        ],
        "more than once",
    ),
    (
        [
            "import",
            "--child",
            f"1,{TOO_BIG}",
            "--purpose",
            "life_story",
            "--note",
            "n",
            "--device",
            "d",
            "--attest",
            "card",
        ],
        "whole number from 1 to",
    ),
    (
        [
            "import",
            "--child",
            "1",
            "--purpose",
            "life_story",
            "--note",
            "n",
            "--device",
            "d",
            "--attest",
            "--workers",
            TOO_BIG,
            "card",
        ],
        "from 1 to",
    ),
    (["export", "--photo", "2,2", "--destination", "case_record", "--out", "o"], "more than once"),
    (["export", "--photo", TOO_BIG, "--destination", "case_record", "--out", "o"], "from 1 to"),
    (["supervision", "note", "--worker", "x", "--items", "4,4", "--text", "t"], "more than once"),
    (
        ["child", "add", "--name", BAD, "--dob", "2015-01-01", "--care-status", "looked_after"],
        "--name is not valid text",
    ),
    (
        [
            "import",
            "--child",
            "1",
            "--purpose",
            "life_story",
            "--note",
            BAD,
            "--device",
            "d",
            "--attest",
            "card",
        ],
        "--note is not valid text",
    ),
    (["consent", "withdraw", "1", "--reason", BAD], "--reason is not valid text"),
    (
        ["supervision", "note", "--worker", "x", "--items", "1", "--text", BAD],
        "--text is not valid text",
    ),
    (
        ["wish", "set", "--child", "1", "--who", "child", "--wishes", "no", "--notes", BAD],
        "--notes is not valid text",
    ),
]


def fingerprint(vault: Path) -> dict[str, str]:
    return {
        str(p.relative_to(vault)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.rglob("*"))
        if p.is_file() and p.name != "lock"
    }


@pytest.mark.parametrize(("argv", "words"), CASES, ids=[" ".join(c[0][:3]) for c in CASES])
def test_hostile_arguments_get_a_clear_message_and_change_nothing(
    argv: list[str],
    words: str,
    vault_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    monkeypatch.setenv("SEFTON_USER", SOCIAL.name if "child" in argv[:1] else KEY.name)
    monkeypatch.setenv("SEFTON_PASSWORD", SOCIAL.password if "child" in argv[:1] else KEY.password)
    before = fingerprint(vault_dir)
    code = main(argv)
    _, err = capsys.readouterr()
    assert code == 2, err
    assert words in err
    assert "unexpected error" not in err and "Traceback" not in err
    assert "Nia" not in err  # no personal data echoed back
    assert "\udcff" not in err
    assert fingerprint(vault_dir) == before
