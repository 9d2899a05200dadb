"""What comes off a card (R5, policy 5.5.4.5): the camera is the registered one (serial,
make and model from EXIF, compared when both are known), keeping the originals is
recorded with its reason, and hidden files are reported, never silently left (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, children, jpeg, run, social


def test_r5_a_photo_from_another_camera_serial_is_refused_with_both_named(
    face_vault: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    other = jpeg(card / "IMG_0001.JPG", serial="SN-9999", shade=1)
    same = jpeg(card / "IMG_0002.JPG", serial="SN-0007", shade=2)
    unknown = jpeg(card / "IMG_0003.JPG", shade=3)  # no serial in EXIF: nothing to compare
    with social(face_vault) as s:
        report = run(s, [ids["person-a"]], [card], detect_faces=False, workers=0)
    by = {Path(o.source).name: o for o in report.outcomes}
    refused = by[other.name]
    assert refused.status == "rejected" and refused.reason
    for words in ("SN-9999", "SN-0007", DEVICE, "R5", "5.5.4.5"):
        assert words in refused.reason
    assert other.exists(), "a refused photo stays on the card"
    assert by[same.name].status == "imported" and not same.exists()
    assert by[unknown.name].status == "imported"


def test_r5_a_photo_from_another_make_and_model_is_refused_with_both_named(
    face_vault: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        phone = admin.devices.add(name="Council phone 2", make="Apple", model="iPhone 12")
    assert (phone.make, phone.model) == ("Apple", "iPhone 12")
    card = tmp_path / "card"
    theirs = jpeg(card / "a.jpg", make="samsung", model="SM-G991B", shade=4)
    ours = jpeg(card / "b.jpg", make="Apple ", model="iPhone 12", shade=5)
    with social(face_vault) as s:
        report = run(
            s, [ids["person-a"]], [card], device="Council phone 2", detect_faces=False, workers=0
        )
    by = {Path(o.source).name: o for o in report.outcomes}
    assert by[theirs.name].status == "rejected"
    reason = by[theirs.name].reason or ""
    assert "samsung SM-G991B" in reason and "Apple iPhone 12" in reason and "R5" in reason
    assert by[ours.name].status == "imported"


def test_r5_keeping_the_originals_needs_a_reason_and_it_is_audited(
    face_vault: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    kept = jpeg(card / "IMG_0001.JPG", shade=6)
    with social(face_vault) as s:
        with pytest.raises(InvalidInput, match="reason"):
            run(s, [ids["person-a"]], [card], keep_source=True, detect_faces=False)
        report = run(
            s,
            [ids["person-a"]],
            [card],
            keep_source=True,
            keep_source_reason="Card goes to the police as evidence",
            detect_faces=False,
        )
    assert report.count("imported") == 1 and kept.exists()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        [done] = [e for e in admin.audit.entries(limit=200) if e.action == "import.finished"]
    assert done.details["kept_sources"] is True
    assert done.details["keep_source_reason"] == "Card goes to the police as evidence"


def test_r5_hidden_files_on_a_card_are_reported_one_by_one(
    face_vault: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    photo = jpeg(card / "DCIM" / "IMG_0001.JPG", shade=7)
    ds_store = card / ".DS_Store"
    ds_store.write_bytes(b"\0\0\0\1Bud1")
    apple_double = jpeg(card / "DCIM" / "._IMG_0001.JPG", shade=8)
    hidden_dir = jpeg(card / ".Trashes" / "501" / "IMG_0000.JPG", shade=10)
    with social(face_vault) as s:
        report = run(s, [ids["person-a"]], [card], detect_faces=False, workers=0)
    by = {Path(o.source): o for o in report.outcomes}
    assert by[photo].status == "imported"
    for left in (ds_store, apple_double, hidden_dir):
        assert by[left].status == "skipped_hidden", left
        assert "hidden" in (by[left].reason or "") and "R5" in (by[left].reason or "")
        assert left.exists()
    assert report.count("skipped_hidden") == 3
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        [done] = [e for e in admin.audit.entries(limit=200) if e.action == "import.finished"]
    assert done.details["skipped_hidden"] == 3


def test_device_make_model_and_keep_source_reason_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    face_vault: Path,
    tmp_path: Path,
) -> None:
    from sefton_photos.cli.main import main
    from tests.helpers import SOCIAL

    def cli(who: object, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("SEFTON_USER", who.name)  # type: ignore[attr-defined]
        monkeypatch.setenv("SEFTON_PASSWORD", who.password)  # type: ignore[attr-defined]
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    monkeypatch.setenv("SEFTON_VAULT", str(face_vault))
    code, _, _ = cli(
        ADMIN, "device", "add", "--name", "Tab 3", "--make", "Apple", "--model", "iPad"
    )
    assert code == 0
    code, out, _ = cli(ADMIN, "device", "list", "--json")
    assert {"name": "Tab 3", "make": "Apple", "model": "iPad"}.items() <= next(
        d for d in __import__("json").loads(out) if d["name"] == "Tab 3"
    ).items()
    card = tmp_path / "card"
    jpeg(card / "IMG_0001.JPG", make="Apple", model="iPad")
    (card / ".DS_Store").write_bytes(b"x")
    child = str(children(face_vault)["person-a"])
    base = ["import", "--child", child, "--purpose", "life_story", "--note", "Book"]
    base += ["--device", "Tab 3", "--attest", "--no-faces"]
    code, _, err = cli(SOCIAL, *base, "--keep-source", str(card))
    assert code == 1 and "reason" in err
    code, out, _ = cli(
        SOCIAL, *base, "--keep-source", "--keep-source-reason", "Court bundle copy", str(card)
    )
    assert code == 0 and "SKIPPED_HIDDEN" in out and ".DS_Store" in out
    assert "1 hidden file left where they are" in out
