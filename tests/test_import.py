"""Import over the real face photos: right child for every face, bad files rejected,
duplicates not stored twice, sources removed only after verification (R5, R11, R13)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from sefton_photos.errors import NotFound, PolicyRefusal
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import ObjectRow
from sefton_photos.session import Session
from tests.faceworld import manifest
from tests.helpers import ADMIN, KEY2, MANAGER, children, copy_in, run, social


def test_every_face_lands_on_the_right_child(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Enrolled from `_1`, every other photo of each person is suggested as that child;
    group photos list each person and flag the unknown one (R11)."""
    ids = children(face_vault)
    photos = {n: who for n, who in manifest(faces_dir).items() if "_1." not in n}
    card = tmp_path / "card"
    copy_in(sorted(photos), faces_dir, card)
    with social(face_vault) as s:
        report = run(s, list(ids.values()), [card], workers=2)
    assert report.count("imported") == len(photos)
    by_name = {Path(o.source).name: o for o in report.outcomes}
    for name, people in photos.items():
        outcome = by_name[name]
        got = sorted(f.child_id for f in outcome.faces if f.child_id is not None)
        want = sorted(ids[p] for p in people if p != "unknown")
        assert got == want, name
        unknown = [f for f in outcome.faces if f.status == "unknown"]
        assert len(unknown) == people.count("unknown"), name
    assert not any(card.iterdir()), "sources are removed once verified (R5)"


def test_a_face_of_a_child_not_in_the_capture_is_flagged(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """A face matching another child on file is flagged, not attached to this capture."""
    ids = children(face_vault)
    paths = copy_in(["group_c-d.jpg"], faces_dir, tmp_path / "card")
    with social(face_vault) as s:
        report = run(s, [ids["person-c"]], paths)
    statuses = sorted(f.status for f in report.outcomes[0].faces)
    assert statuses == ["other_child", "suggested"]


def test_a_rotated_rescaled_recompressed_copy_still_matches(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    card.mkdir()
    src = Image.open(faces_dir / "person-a_2.jpg").convert("RGB")
    tilted = src.rotate(8, expand=True, fillcolor=(128, 128, 128))
    small = tilted.resize((tilted.width * 7 // 10, tilted.height * 7 // 10))
    small.save(card / "tilted.jpg", quality=55)
    # A phone photo stored on its side, with the EXIF orientation that puts it upright.
    sideways = src.rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6
    sideways.save(card / "sideways.jpg", quality=70, exif=exif.tobytes())
    with social(face_vault) as s:
        report = run(s, [ids["person-a"]], [card], workers=0)
    for outcome in report.outcomes:
        assert [f.child_id for f in outcome.faces] == [ids["person-a"]], outcome.source


def bad_files(card: Path, faces_dir: Path) -> None:
    card.mkdir(exist_ok=True)
    whole = (faces_dir / "person-b_2.jpg").read_bytes()
    (card / "truncated.jpg").write_bytes(whole[: len(whole) // 3])
    (card / "empty.jpg").write_bytes(b"")
    (card / "random.png").write_bytes(bytes(range(256)) * 40)
    (card / "notes.txt").write_text("not a photo")
    bomb = io.BytesIO()
    Image.new("1", (12_000, 9_000)).save(bomb, format="PNG")  # 108 megapixels, tiny file
    (card / "bomb.png").write_bytes(bomb.getvalue())


def test_bad_files_are_rejected_and_the_batch_goes_on(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    bad_files(card, faces_dir)
    copy_in(["person-b_2.jpg"], faces_dir, card)
    with social(face_vault) as s:
        report = run(s, [ids["person-b"]], [card], workers=2)
    status = {Path(o.source).name: (o.status, o.reason or "") for o in report.outcomes}
    assert status["person-b_2.jpg"][0] == "imported"
    for name in ("truncated.jpg", "empty.jpg", "random.png", "notes.txt", "bomb.png"):
        assert status[name][0] == "rejected", name
        assert (card / name).exists(), "a rejected source is never removed"
    assert "empty" in status["empty.jpg"][1]
    assert "megapixels" in status["bomb.png"][1]


def test_duplicates_are_not_stored_twice_and_keep_source_keeps_it(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    first = copy_in(["person-d_2.jpg"], faces_dir, tmp_path / "one")
    again = copy_in(["person-d_2.jpg"], faces_dir, tmp_path / "two")
    with social(face_vault) as s:
        run(s, [ids["person-d"]], first, detect_faces=False)
        report = run(
            s,
            [ids["person-d"]],
            again,
            keep_source=True,
            keep_source_reason="Second copy for the court bundle",
            detect_faces=False,
        )
        with s.vault.unit() as db:
            originals = db.scalars(select(ObjectRow).where(ObjectRow.kind == "original")).all()
    assert report.outcomes[0].status == "duplicate"
    assert again[0].exists()
    assert len([o for o in originals]) == 1 + 0  # the enrolment photos are never stored


def test_a_refused_capture_reads_nothing_and_moves_nothing(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """The decision comes first (REQUIREMENTS, Capture in order): a refusal leaves the card."""
    ids = children(face_vault)
    paths = copy_in(["person-e_2.jpg"], faces_dir, tmp_path / "card")
    with social(face_vault) as s:
        with pytest.raises(PolicyRefusal, match="R4"):
            run(s, [ids["person-e"]], paths, attested=False)
        with pytest.raises(PolicyRefusal, match="R5"):
            run(s, [ids["person-e"]], paths, device="My own phone")
        with pytest.raises(PolicyRefusal, match="R1"):
            run(s, [ids["person-e"]], paths, purpose_note="  ")
        with s.vault.unit() as db:
            assert db.scalars(select(cw.Capture)).all() == []
    assert paths[0].exists()
    with (
        Session.unlock(face_vault, name=KEY2.name, password=KEY2.password) as k2,
        pytest.raises(NotFound),
    ):
        run(k2, [ids["person-e"]], paths)


def test_a_capture_alerts_the_workers_line_manager(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """R10 (5.5.3.2): the capture is on the line manager's queue, with the consent it used."""
    ids = children(face_vault)
    paths = copy_in(["person-f_1.png"], faces_dir, tmp_path / "card")
    with social(face_vault) as s:
        report = run(s, [ids["person-f"]], paths, detect_faces=False)
        with s.vault.unit() as db:
            item = db.scalars(select(cw.SupervisionItem)).one()
            link = db.scalars(select(cw.CaptureChild)).one()
        manager = s.users.list()
    manager_id = next(u.id for u in manager if u.name == MANAGER.name)
    assert item.manager_id == manager_id and item.capture_id == report.capture_id
    assert item.kind == "capture" and link.consent_id is not None


def test_withdrawing_face_consent_deletes_face_data(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """R13: enrolments and kept encodings go, with an audit entry, and matching stops."""
    ids = children(face_vault)
    a = ids["person-a"]
    with social(face_vault) as s:
        run(s, [a], copy_in(["person-a_2.jpg"], faces_dir, tmp_path / "c1"))
        face_consent = next(
            c for c in s.consents.list(child_id=a) if c.kind.value == "face_matching"
        )
        s.consents.withdraw(consent_id=face_consent.id, reason="parent asked")
        with s.vault.unit() as db:
            assert (
                db.scalars(select(cw.FaceEnrolment).where(cw.FaceEnrolment.child_id == a)).all()
                == []
            )
            assert all(f.encoding is None for f in db.scalars(select(cw.Face)))
        report = run(s, [a], copy_in(["person-a_3.jpg"], faces_dir, tmp_path / "c2"))
        assert [f.status for f in report.outcomes[0].faces] == ["unknown"]
        with pytest.raises(PolicyRefusal, match="R13"):
            s.faces.enrol(child_id=a, photo=faces_dir / "person-a_1.jpg")


def test_never_a_match_on_a_photo_taken_before_the_child_was_born(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    card.mkdir()
    exif = Image.Exif()
    exif[0x0132] = "2005:06:01 10:00:00"  # DateTime, before 2010-01-01
    Image.open(faces_dir / "person-c_2.jpg").save(card / "old.jpg", exif=exif.tobytes())
    with social(face_vault) as s:
        report = run(s, [ids["person-c"]], [card])
    assert [f.child_id for f in report.outcomes[0].faces] == [None]


def test_enrolment_needs_one_face(face_vault: Path, faces_dir: Path) -> None:
    ids = children(face_vault)
    with social(face_vault) as s, pytest.raises(Exception, match="exactly one face"):
        s.faces.enrol(child_id=ids["person-a"], photo=faces_dir / "group_a-b.jpg")


def test_confirming_and_correcting_suggestions(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    with social(face_vault) as s:
        report = run(
            s,
            [ids["person-a"], ids["person-b"]],
            copy_in(["group_a-b.jpg"], faces_dir, tmp_path / "card"),
        )
        info = s.photos.info(photo_id=report.outcomes[0].photo_id or 0)
        a_face = next(f for f in info.faces if f.child_id == ids["person-a"])
        b_face = next(f for f in info.faces if f.child_id == ids["person-b"])
        confirmed = s.faces.confirm(face_id=a_face.id, child_id=ids["person-a"])
        assert confirmed.status.value == "confirmed"
        with pytest.raises(Exception, match="already that child"):
            s.faces.confirm(face_id=b_face.id, child_id=ids["person-a"])
        corrected = s.faces.confirm(face_id=b_face.id, child_id=None)
        assert corrected.needs_consent


def test_photo_show_writes_a_clean_png(face_vault: Path, faces_dir: Path, tmp_path: Path) -> None:
    ids = children(face_vault)
    share = tmp_path / "share"
    share.mkdir()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=share)  # R5: a view goes to an approved folder only
    with social(face_vault) as s:
        report = run(
            s,
            [ids["person-e"]],
            copy_in(["person-e_3.png"], faces_dir, tmp_path / "card"),
            detect_faces=False,
        )
        out = s.photos.save_view(photo_id=report.outcomes[0].photo_id or 0, out=share / "view.png")
    img = Image.open(out)
    assert img.format == "PNG" and not img.info.get("exif") and not img.getexif()
    assert date.today()  # the view itself is audited (see tests/test_audit for the log)


def test_thumbnails_come_in_batches_for_one_child_only(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """A grid asks for many thumbnails at once; another child's photo ids are left out."""
    ids = children(face_vault)
    with social(face_vault) as s:
        mine = run(
            s,
            [ids["person-a"]],
            copy_in(["person-a_2.jpg", "person-a_3.jpg"], faces_dir, tmp_path / "a"),
            workers=0,
        )
        other = run(
            s, [ids["person-b"]], copy_in(["person-b_2.jpg"], faces_dir, tmp_path / "b"), workers=0
        )
        wanted = [o.photo_id or 0 for o in mine.outcomes] + [other.outcomes[0].photo_id or 0]
        thumbs = s.photos.thumbnails(child_id=ids["person-a"], photo_ids=wanted)
        assert s.photos.ids(child_id=ids["person-a"]) == sorted(thumbs, reverse=True)
    assert set(thumbs) == {o.photo_id for o in mine.outcomes}
    for data in thumbs.values():
        img = Image.open(io.BytesIO(data))
        assert img.format == "JPEG" and max(img.size) <= 320
