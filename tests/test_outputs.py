"""Nothing decrypted goes anywhere the policy forbids (R5, R8; policy 5.5.4.5, 5.5.4.6,
5.5.4.9): every writer of decrypted content goes through one approved-location check,
never overwrites a file, and audits the full destination path (issue 10)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput, PolicyRefusal
from sefton_photos.model import Destination
from tests.helpers import ADMIN, MANAGER, SOCIAL, as_, export, import_photo

TODAY = date.today()


def _audit(vault: Path, action: str) -> list[dict]:  # type: ignore[type-arg]
    with as_(vault, ADMIN) as admin:
        return [e.details for e in admin.audit.entries(limit=10_000) if e.action == action]


def test_r5_photo_show_to_an_unapproved_folder_is_refused_and_nothing_written(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, ids = world["vault"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    usb = tmp_path / "usb-stick"
    usb.mkdir()
    with as_(vault, SOCIAL) as s, pytest.raises(PolicyRefusal, match=r"5\.5\.4\.5") as refused:
        s.photos.save_view(photo_id=photo, out=usb / "view.png")
    assert "R5" in str(refused.value) and "not an approved export location" in str(refused.value)
    assert list(usb.iterdir()) == []


def test_r5_photo_show_into_the_vault_folder_is_refused(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, ids = world["vault"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    with as_(vault, ADMIN) as admin:
        admin.locations.add(path=tmp_path, label="everything")  # wide, but it holds the vault
    with as_(vault, SOCIAL) as s, pytest.raises(PolicyRefusal, match="inside the vault"):
        s.photos.save_view(photo_id=photo, out=vault / "objects" / "view.png")
    assert not (vault / "objects" / "view.png").exists()


def test_r5_photo_show_never_overwrites_and_audits_the_full_path(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    existing = share / "notes.txt"
    existing.write_bytes(b"someone's work")
    with as_(vault, SOCIAL) as s:
        with pytest.raises(PolicyRefusal, match=r"already exists.*5\.5\.4\.9"):
            s.photos.save_view(photo_id=photo, out=existing)
        out = s.photos.save_view(photo_id=photo, out=share / "view.png")
    assert existing.read_bytes() == b"someone's work"
    refusals = [d for d in _audit(vault, "access.refused") if d["attempted"] == "photo.written_out"]
    assert len(refusals) == 1, "the refused overwrite is audited"
    assert out == (share / "view.png").resolve() and out.stat().st_size > 1000
    assert [d["path"] for d in _audit(vault, "photo.written_out")] == [str(out)]
    assert not list(share.glob("*.partial"))


def test_r5_export_never_overwrites_a_file_already_under_its_name(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    [first] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert first.status == "exported" and first.file
    written = _audit(vault, "export.written")
    assert [d["path"] for d in written] == [str(Path(first.file).resolve())]
    # A file left by someone else under the name the next export would take.
    number = int(Path(first.file).name.split("-")[1]) + 1
    squatter = share / f"sefton-{number:06d}-001.jpg"
    squatter.write_bytes(b"not ours")
    [second] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert squatter.read_bytes() == b"not ours"
    assert second.status == "refused" and "already exists" in second.decision.explain()


def test_r5_supervision_record_and_subject_access_go_to_approved_folders_only(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    dropbox = tmp_path / "Dropbox"
    dropbox.mkdir()
    with as_(vault, MANAGER) as m:
        with pytest.raises(PolicyRefusal, match="R5"):
            m.supervision.export(
                worker=SOCIAL.name, since=TODAY, until=TODAY, out=dropbox / "record.pdf"
            )
        pdf = m.supervision.export(
            worker=SOCIAL.name, since=TODAY, until=TODAY, out=share / "record.pdf"
        )
        with pytest.raises(PolicyRefusal, match="already exists"):
            m.supervision.export(worker=SOCIAL.name, since=TODAY, until=TODAY, out=pdf)
    assert list(dropbox.iterdir()) == []
    assert [d["path"] for d in _audit(vault, "supervision.exported")] == [str(pdf)]
    with as_(vault, ADMIN) as admin:
        with pytest.raises(PolicyRefusal, match="R5"):
            admin.records.subject_access(
                child_id=ids["person-c"], out=tmp_path / "p.zip", reference="SAR-2026-001"
            )
        path, _ = admin.records.subject_access(
            child_id=ids["person-c"], out=share / "p.zip", reference="SAR-2026-001"
        )
    assert not (tmp_path / "p.zip").exists() and path.exists()
    assert [d["path"] for d in _audit(vault, "sar.exported")] == [str(path)]


def test_r5_a_symlink_loop_as_out_is_a_clear_refusal_and_nothing_is_written(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    loop = share / "loop"
    os.symlink(loop, loop)
    with as_(vault, SOCIAL) as s:
        with pytest.raises(InvalidInput, match="loop"):
            s.photos.save_view(photo_id=photo, out=loop / "view.png")
        with pytest.raises(InvalidInput, match="loop"):
            s.exports.run(photo_ids=[photo], destination=Destination.CASE_RECORD, out=loop)
    assert sorted(p.name for p in share.iterdir()) == ["loop"]


def test_r8_a_partial_another_writer_still_holds_is_not_swept_a_dead_ones_is(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    import fcntl

    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    busy = share / "sefton-partial-0123456789abcdef.partial"
    busy.write_bytes(b"another worker's export, half written")
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with as_(vault, SOCIAL) as s:
            s.photos.save_view(photo_id=photo, out=share / "one.png")
        assert busy.exists()
    finally:
        os.close(fd)
    with as_(vault, SOCIAL) as s:
        s.photos.save_view(photo_id=photo, out=share / "two.png")
    assert not busy.exists()
    [swept] = _audit(vault, "output.partials_removed")
    assert swept["files"] == [busy.name] and swept["folder"] == str(share.resolve())
