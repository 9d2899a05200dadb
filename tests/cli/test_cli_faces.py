"""The command line of issue 11: review a photo's faces, undo, enrol from a vault photo,
list the references (R11, policy 5.5.1, 5.5.2; R13, UK GDPR)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import Run
from tests.faceworld import DEVICE
from tests.helpers import KEY, SOCIAL, children


def test_face_review_from_the_command_line(
    face_cli: Run,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    run = face_cli

    ids = children(face_vault)
    a = str(ids["person-a"])
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "group_a-b-unknown.jpg", card / "x.jpg")
    code, out, err = run(
        KEY,
        *("import", "--child", a, "--purpose", "life_story", "--note", "Book"),
        *("--device", DEVICE, "--attest", "--json", str(card)),
    )
    assert code == 0, err
    photo = str(json.loads(out)[0]["photo_id"])

    code, out, _ = run(KEY, "face", "list", photo, "--json")
    faces = json.loads(out)
    assert code == 0 and len(faces) == 3 and not any(f["reviewed"] for f in faces)
    [unknown] = [f for f in faces if f["status"] == "unknown"]
    assert unknown["unmatched_reason"].startswith("too far from every enrolled child")
    [mine] = [f for f in faces if f["status"] == "suggested"]
    code, out, _ = run(KEY, "face", "list", photo)
    assert out.count("waiting for review") == 3 and "no suggestion: too far" in out
    code, out, _ = run(KEY, "photo", "list", "--child", a)
    assert code == 0 and "3 faces (3 waiting for review)" in out

    code, out, _ = run(KEY, "face", "reject", str(unknown["id"]))
    assert code == 0 and "Not this child" in out and "reviewed" in out
    code, out, _ = run(KEY, "face", "undo", str(unknown["id"]), "--json")
    assert code == 0 and json.loads(out)["status"] == "unknown"
    assert not json.loads(out)["reviewed"]
    code, _, err = run(KEY, "face", "undo", str(unknown["id"]))
    assert code != 0 and "Nobody has reviewed" in err

    code, out, err = run(
        SOCIAL, "face", "enrol", "--child", a, "--photo-id", photo, "--face-id", str(mine["id"])
    )
    assert code == 0, err
    code, out, _ = run(SOCIAL, "face", "references", a, "--json")
    refs = json.loads(out)
    assert code == 0 and refs[-1]["source"] == f"photo {photo}" and refs[-1]["stale"] is False
    code, _, err = run(SOCIAL, "face", "enrol", "--child", a, "--photo-id", photo)
    assert code != 0 and "shows 3 faces" in err
    code, _, err = run(SOCIAL, "face", "enrol", "--child", a, "--face-id", "1")
    assert code == 2  # neither a file nor --photo-id: the command line itself is wrong
