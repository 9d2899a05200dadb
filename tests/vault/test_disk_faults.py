"""A full disk or a read-only folder gives a clear message and loses nothing (issue 7).

The tests run as whoever runs them (root on CI, where permissions do not stop writes),
so the failure is injected where the operating system reports it: ``fsync`` answering
ENOSPC, ``open`` answering EROFS.  Everything else is the real vault.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from sefton_photos.errors import VaultError
from sefton_photos.model import Destination, Purpose
from sefton_photos.session import Session
from sefton_photos.vault import files
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, SOCIAL, children


def test_a_full_disk_during_import_keeps_every_source(
    face_vault: Path, faces_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = tmp_path / "card"
    card.mkdir()
    for name in ("person-a_2.jpg", "person-a_3.jpg"):
        shutil.copy(faces_dir / name, card / name)
    real_fsync = files.os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        monkeypatch.setattr(files.os, "fsync", full)
        report = s.imports.run(
            child_ids=(children(face_vault)["person-a"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="disk full",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
        monkeypatch.setattr(files.os, "fsync", real_fsync)
    assert [o.status for o in report.outcomes] == ["rejected", "rejected"]
    assert all("disk is full" in (o.reason or "") for o in report.outcomes)
    assert sorted(p.name for p in card.iterdir()) == ["person-a_2.jpg", "person-a_3.jpg"]
    with Session.unlock(
        face_vault, name=ADMIN.name, password=ADMIN.password, inspect=True
    ) as admin:
        assert all(f.ok for f in admin.audit.check_vault())


def test_a_read_only_export_folder_is_refused_in_words(
    face_vault: Path, faces_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-b_2.jpg", card / "b.jpg")
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=share)
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        report = s.imports.run(
            child_ids=(children(face_vault)["person-b"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="x",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
        photo = report.outcomes[0].photo_id
        assert photo is not None
        real_open = files.os.open

        def read_only(path: object, *args: object, **kwargs: object) -> int:
            if str(path).startswith(str(share)):
                raise OSError(errno.EROFS, "Read-only file system")
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(files.os, "open", read_only)
        [outcome] = s.exports.run(photo_ids=[photo], destination=Destination.CASE_RECORD, out=share)
        monkeypatch.setattr(files.os, "open", real_open)
    assert outcome.status == "refused"
    assert "read-only" in outcome.decision.explain() and "R14" in outcome.decision.explain()
    assert list(share.iterdir()) == []


def test_the_message_names_the_problem() -> None:
    """The three ways a write fails each get their own sentence."""
    target = Path("/council/share/photo.jpg")
    assert "full" in str(files.explain(OSError(errno.ENOSPC, "x"), target))
    assert "read-only" in str(files.explain(OSError(errno.EROFS, "x"), target))
    other = files.explain(OSError(errno.EIO, "Input/output error"), target)
    assert isinstance(other, VaultError) and "Input/output error" in str(other)


def test_an_unwritable_objects_folder_refuses_the_import_in_words(
    face_vault: Path, faces_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 10: objects/ read-only (EACCES on making a subfolder) is no 'unexpected
    error': each file is refused saying so, every source stays, nothing is stored."""
    card = tmp_path / "card"
    card.mkdir()
    for name in ("person-a_2.jpg", "person-a_3.jpg"):
        shutil.copy(faces_dir / name, card / name)
    objects = face_vault / "objects"
    before = sorted(p.name for p in objects.rglob("*"))
    real_mkdir = os.mkdir

    def denied(path: object, *args: object, **kwargs: object) -> None:
        if str(path).startswith(str(objects)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        real_mkdir(path, *args, **kwargs)  # type: ignore[arg-type]

    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        photos_before = len(s.photos.list(child_id=children(face_vault)["person-a"]))
        monkeypatch.setattr(os, "mkdir", denied)
        report = s.imports.run(
            child_ids=(children(face_vault)["person-a"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="objects read-only",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
        monkeypatch.setattr(os, "mkdir", real_mkdir)
        assert len(s.photos.list(child_id=children(face_vault)["person-a"])) == photos_before
    assert [o.status for o in report.outcomes] == ["rejected", "rejected"]
    assert all("read-only" in (o.reason or "") for o in report.outcomes)
    assert all("source file was kept" in (o.reason or "") for o in report.outcomes)
    assert sorted(p.name for p in card.iterdir()) == ["person-a_2.jpg", "person-a_3.jpg"]
    assert sorted(p.name for p in objects.rglob("*")) == before
    with Session.unlock(
        face_vault, name=ADMIN.name, password=ADMIN.password, inspect=True
    ) as admin:
        assert all(f.ok for f in admin.audit.check_vault())


def test_an_unreadable_objects_folder_at_unlock_is_a_message(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Listing objects/ failing (EACCES) names the folder instead of crashing the unlock."""
    objects = vault_dir / "objects"
    objects.mkdir(exist_ok=True)
    real_listdir = os.listdir

    def denied(path: object = ".") -> list[str]:
        if str(path).startswith(str(objects)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_listdir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "listdir", denied)
    with pytest.raises(VaultError, match="object folder"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
