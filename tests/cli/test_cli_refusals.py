"""R14 (policy 13.1) and R10 (5.5.3.2): what the CLI says when nothing happened.

An import in which every file was rejected is a failure (exit 1), logs no capture
and puts nothing on the line manager's queue; the words never claim otherwise.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import pytest

from sefton_photos.cli.main import build_parser, main
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, MANAGER, Person, children


def run(
    mp: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], who: Person, *argv: str
) -> tuple[int, str, str]:
    mp.setenv("SEFTON_USER", who.name)
    mp.setenv("SEFTON_PASSWORD", who.password)
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def actions(vault: Path) -> list[str]:
    with Session.unlock(vault, name=ADMIN.name, password=ADMIN.password) as s:
        return [e.action for e in s.audit.entries(limit=500)]


def queue(vault: Path) -> int:
    with Session.unlock(vault, name=MANAGER.name, password=MANAGER.password) as s:
        return len(s.supervision.queue())


@pytest.mark.parametrize("as_json", [False, True])
def test_r10_import_with_every_file_rejected_exits_1_logs_no_capture_alerts_no_one(
    as_json: bool,
    face_vault: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("SEFTON_VAULT", str(face_vault))
    card = tmp_path / "card"
    card.mkdir()
    (card / "a.jpg").write_bytes(b"\xff\xd8\xff not a photo")
    (card / "b.txt").write_text("notes")
    queued = queue(face_vault)
    argv = [
        "import",
        "--child",
        str(children(face_vault)["person-a"]),
        "--purpose",
        "life_story",
        "--note",
        "Book",
        "--device",
        DEVICE,
        "--attest",
        str(card),
    ]
    code, out, err = run(monkeypatch, capsys, KEY, *argv, *(["--json"] if as_json else []))
    assert code == 1
    assert "Capture None" not in out + err
    assert "has been alerted" not in out + err
    if as_json:
        assert [r["status"] for r in json.loads(out)] == ["rejected", "rejected"]
    else:
        assert "Nothing was imported" in err and "R14" in err
    assert "capture.logged" not in actions(face_vault)
    assert queue(face_vault) == queued
    assert (card / "a.jpg").exists()


def test_r1_import_usage_lists_the_purpose_note_as_required() -> None:
    """R1 (5.5.4.1): the purpose in the worker's own words is required, and --help says so."""
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    usage = " ".join(sub.choices["import"].format_usage().split())
    assert "--note NOTE" in usage and "[--note NOTE]" not in usage


def test_r10_a_supervision_record_lays_out_a_long_item_note_across_pages(
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """R10 (5.5.3.2), R14 (13.1): a purpose note of any length goes into the PDF, split
    across lines and pages; no error names the child."""
    from pypdf import PdfReader

    monkeypatch.setenv("SEFTON_VAULT", str(face_vault))
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-a_2.jpg", card / "a.jpg")
    long_note = " ".join(f"word{i}" for i in range(900)) + " THE-END"  # about 7,000 characters
    words = "x" * 3000  # one unbreakable word, too
    code, _, err = run(
        monkeypatch,
        capsys,
        KEY,
        "import",
        "--child",
        str(children(face_vault)["person-a"]),
        "--purpose",
        "life_story",
        "--note",
        f"{long_note} {words}",
        "--device",
        DEVICE,
        "--attest",
        "--no-faces",
        str(card),
    )
    assert code == 0, err
    share = tmp_path / "share"
    share.mkdir()
    assert run(monkeypatch, capsys, ADMIN, "location", "add", str(share))[0] == 0  # R5
    out = share / "record.pdf"
    code, _, err = run(
        monkeypatch,
        capsys,
        MANAGER,
        "supervision",
        "export",
        "--worker",
        KEY.name,
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
        "--out",
        str(out),
    )
    assert code == 0, err
    assert "unexpected error" not in err and "Child A" not in err
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert len(PdfReader(out).pages) >= 2
    assert "word0" in text and "THE-END" in text


def test_r14_an_internal_fault_prints_no_personal_data(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Whatever slips past every check, stderr never quotes it: it may hold a child's name."""
    from sefton_photos.cli import child as child_cmds

    def fault(args: argparse.Namespace) -> int:
        raise RuntimeError("layout failed for Paragraph 'Child: Rae Recent, born 2016'")

    monkeypatch.setattr(child_cmds, "cmd_list", fault)
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    code, _, err = run(monkeypatch, capsys, KEY, "child", "list")
    assert code == 1
    assert "Rae Recent" not in err and "Traceback" not in err
    assert "RuntimeError" in err and "report it to ICT" in err


def test_r10_an_import_cancelled_before_any_photo_logs_no_capture_and_alerts_no_one(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    import threading

    from sefton_photos.model import Purpose

    card = tmp_path / "card"
    card.mkdir()
    for name in ("person-a_2.jpg", "person-a_3.jpg"):
        shutil.copy(faces_dir / name, card / name)
    queued = queue(face_vault)
    cancel = threading.Event()
    cancel.set()  # Cancel pressed before the first file was reached
    with Session.unlock(face_vault, name=KEY.name, password=KEY.password) as s:
        report = s.imports.run(
            child_ids=(children(face_vault)["person-a"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Book",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            cancel=cancel,
            workers=0,
        )
    assert report.cancelled and report.capture_id is None
    assert {o.status for o in report.outcomes} == {"cancelled"}
    assert "capture.logged" not in actions(face_vault)
    assert queue(face_vault) == queued
    assert sorted(p.name for p in card.iterdir()) == ["person-a_2.jpg", "person-a_3.jpg"]


def test_r14_the_same_child_twice_is_one_child_of_the_capture(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Any caller of the core (not only the CLI, which refuses ``--child 1,1``)."""
    from sefton_photos.model import Purpose

    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-a_2.jpg", card / "a.jpg")
    child = children(face_vault)["person-a"]
    with Session.unlock(face_vault, name=KEY.name, password=KEY.password) as s:
        report = s.imports.run(
            child_ids=(child, child),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Book",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
    assert report.capture_id is not None and report.count("imported") == 1
    assert actions(face_vault).count("capture.logged") == 1
