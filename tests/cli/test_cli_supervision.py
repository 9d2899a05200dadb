"""The command-line contract of supervision (issue 5) and of import (issue 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.cli.conftest import Run
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, MANAGER, children


@pytest.fixture
def cli(face_cli: Run) -> Run:
    """The command line on the face vault (the fixture people enrolled)."""
    return face_cli


def test_import_then_the_supervision_flow(
    cli,
    face_vault: Path,
    faces_dir: Path,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    child = str(children(face_vault)["person-a"])
    card = tmp_path / "card"
    card.mkdir()
    for name in ("person-a_2.jpg", "group_a-b-unknown.jpg"):
        shutil.copy(faces_dir / name, card / name)
    (card / "broken.jpg").write_bytes(b"\xff\xd8\xff broken")
    code, out, _ = cli(
        KEY,
        "import",
        "--child",
        child,
        "--purpose",
        "activity_record",
        "--note",
        "Trip",
        "--device",
        DEVICE,
        "--attest",
        "--json",
        str(card),
    )
    assert code == 0
    rows = {Path(r["source"]).name: r for r in json.loads(out)}
    assert rows["broken.jpg"]["status"] == "rejected" and rows["broken.jpg"]["reason"]
    group = rows["group_a-b-unknown.jpg"]
    assert group["status"] == "imported" and len(group["faces"]) == 3
    assert sum(f["child_id"] == int(child) for f in group["faces"]) == 1
    assert set(group["faces"][0]) >= {"box", "child_id", "distance"}
    code, _, err = cli(
        KEY,
        "import",
        "--child",
        child,
        "--purpose",
        "activity_record",
        "--note",
        "Trip",
        "--device",
        DEVICE,
        str(card),
    )
    assert code == 1 and "R4" in err  # no --attest

    code, out, _ = cli(MANAGER, "supervision", "queue", "--json")
    items = json.loads(out)
    assert code == 0 and [i["worker"] for i in items] == [KEY.name]
    code, out, _ = cli(
        MANAGER,
        "supervision",
        "note",
        "--worker",
        KEY.name,
        "--items",
        str(items[0]["id"]),
        "--text",
        "Talked it through",
        "--action",
        "Print for the carer",
        "--due",
        "2030-01-31",
    )
    assert code == 0
    note = out.split()[-1]
    assert cli(MANAGER, "supervision", "ack", note)[0] == 0
    code, out, _ = cli(KEY, "supervision", "ack", note)
    assert code == 0 and "can no longer be changed" in out
    assert json.loads(cli(MANAGER, "supervision", "queue", "--json")[1]) == []
    (tmp_path / "records").mkdir()
    assert cli(ADMIN, "location", "add", str(tmp_path / "records"))[0] == 0
    pdf = tmp_path / "records" / "record.pdf"
    code, _, _ = cli(
        MANAGER,
        "supervision",
        "export",
        "--worker",
        KEY.name,
        "--from",
        "2020-01-01",
        "--to",
        "2099-01-01",
        "--out",
        str(pdf),
    )
    assert code == 0 and "Talked it through" in PdfReader(pdf).pages[0].extract_text()
    code, out, _ = cli(KEY, "photo", "list", "--child", child, "--json")
    assert code == 0 and len(json.loads(out)) == 2
