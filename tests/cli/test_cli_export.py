"""The command-line contract of export, locations, approval, SAR, retention, erase (issue 6)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import Run
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, SOCIAL, children


def test_export_flow(
    face_cli: Run,
    face_vault: Path,
    faces_dir: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    run = face_cli

    share = tmp_path / "share"
    share.mkdir()
    code, out, _ = run(ADMIN, "location", "add", str(share))
    assert code == 0 and out.split()[-1].isdigit()
    assert run(SOCIAL, "location", "add", str(share))[0] == 1  # administrators only
    child = children(face_vault)["person-c"]
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-c_2.jpg", card / "x.jpg")
    code, out, _ = run(
        KEY,
        "import",
        "--child",
        str(child),
        "--purpose",
        "life_story",
        "--note",
        "Book",
        "--device",
        DEVICE,
        "--attest",
        "--json",
        str(card),
    )
    photo = json.loads(out)[0]["photo_id"]
    code, out, _ = run(
        KEY,
        "export",
        "--photo",
        str(photo),
        "--destination",
        "case_record",
        "--out",
        str(share),
        "--json",
    )
    [row] = json.loads(out)
    assert code == 0 and row["status"] == "exported" and Path(row["file"]).exists()
    code, out, _ = run(
        KEY, "export", "--photo", str(photo), "--destination", "social_network", "--out", str(share)
    )
    assert code == 1 and "REFUSED  photo" in out and "R9 (policy 5.5.4.10)" in out
    code, out, _ = run(
        KEY, "export", "--photo", str(photo), "--destination", "case_record", "--out", str(tmp_path)
    )
    assert code == 1 and "not an approved export location" in out
    code, out, _ = run(ADMIN, "retention", "due", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = run(ADMIN, "erase", "--child", str(child), "--confirm")
    assert code == 1 and "not due" in err
    code, out, _ = run(
        ADMIN,
        "sar",
        "--child",
        str(child),
        "--out",
        str(share / "p.zip"),
        "--reference",
        "SAR-2026-003",
        "--json",
    )
    assert code == 0 and json.loads(out)["passphrase"]
