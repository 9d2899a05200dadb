"""Approved export locations (R5; policy 5.5.4.5, 5.5.4.6): no root, system, temporary
or home folder, no sync folder, and an administrator can remove one (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from sefton_photos.cli.main import main
from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import Destination
from sefton_photos.schema import casework as cw
from sefton_photos.services.locations import judge, sync_folder
from tests.helpers import ADMIN, SOCIAL, as_, export, import_photo


@pytest.mark.parametrize(
    "folder",
    [
        "/",
        "/tmp",
        "/var",
        "/etc",
        "/etc/cron.d",
        "/usr/share/photos",
        "/home",
        "/home/sam",
        "/Users/sam",
        str(Path.home()),
        "C:/",
        "C:/Windows",
        "C:/Windows/Temp/x",
        "C:/Program Files/Sefton",
        "C:/Users/sam",
    ],
)
def test_r5_root_system_temporary_and_home_folders_are_never_approved(folder: str) -> None:
    decision = judge(Path(folder))
    assert not decision.allowed
    assert all(r.rule == "R5" for r in decision.blocking)
    assert "council folder" in decision.explain() and "5.5.4.5" in decision.explain()


def test_r5_nextcloud_and_personal_onedrive_are_sync_folders_a_business_onedrive_is_not(
    tmp_path: Path,
) -> None:
    assert sync_folder(Path("/home/sam/Nextcloud/Photos")) == "Nextcloud"
    assert sync_folder(Path("C:/Users/sam/OneDrive - Personal/Pictures")) is not None
    assert sync_folder(Path("/Users/sam/OneDrive-Personal/Pictures")) is not None
    assert sync_folder(Path("C:/Users/sam/OneDrive (2)/Pictures")) is not None
    assert sync_folder(Path("C:/Users/sam/OneDrive - Sefton Council/Cases")) is None
    mac = "/Users/sam/Library/CloudStorage"
    assert sync_folder(Path(f"{mac}/OneDrive-SeftonCouncil/Cases")) is None
    assert sync_folder(Path(f"{mac}/OneDrive-Personal/Cases")) is not None
    assert sync_folder(Path(f"{mac}/GoogleDrive-sam@gmail.com/x")) == "CloudStorage"
    synced = tmp_path / "council" / "cases"
    synced.mkdir(parents=True)
    (tmp_path / "council" / ".sync_3f2a9c.db").write_bytes(b"")  # a Nextcloud client journal
    assert sync_folder(synced) == "council"
    assert not judge(synced).allowed


def test_r5_an_administrator_cannot_approve_tmp_or_root(vault_dir: Path) -> None:
    with as_(vault_dir, ADMIN) as admin:
        for folder in ("/", "/tmp"):
            with pytest.raises(PolicyRefusal, match="R5"):
                admin.locations.add(path=Path(folder))
        assert admin.locations.list() == []


def test_r5_a_removed_location_takes_no_more_exports_and_past_exports_keep_their_record(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    [done] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert done.status == "exported"
    with as_(vault, ADMIN) as admin:
        [(location_id, _label, path)] = admin.locations.list()
    with as_(vault, SOCIAL) as s, pytest.raises(PolicyRefusal, match="Only an administrator"):
        s.locations.remove(location_id=location_id)  # administrators only
    with as_(vault, ADMIN) as admin:
        admin.locations.remove(location_id=location_id)
        assert admin.locations.list() == []
        [entry] = [e for e in admin.audit.entries(limit=500) if e.action == "location.removed"]
        assert entry.details["path"] == path
        with admin.vault.unit() as db:
            rows = db.scalars(select(cw.Export).where(cw.Export.location_id == location_id)).all()
        assert [r.allowed for r in rows] == [True]
    [refused] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert refused.status == "refused" and "not an approved export location" in (
        refused.decision.explain()
    )


def test_location_remove_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    vault_dir: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    monkeypatch.setenv("SEFTON_USER", ADMIN.name)
    monkeypatch.setenv("SEFTON_PASSWORD", ADMIN.password)
    share = tmp_path / "share"
    share.mkdir()
    assert main(["location", "add", str(share)]) == 0
    location_id = capsys.readouterr().out.split()[-1]
    assert main(["location", "remove", location_id]) == 0
    out = capsys.readouterr().out
    assert f"{share.resolve()} is no longer an approved export location" in out
    assert main(["location", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["location", "remove", location_id]) == 1
    assert f"no approved location {location_id}" in capsys.readouterr().err


def test_r14_a_symlink_loop_on_the_command_line_is_said_in_words(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    vault_dir: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("SEFTON_VAULT", str(vault_dir))
    monkeypatch.setenv("SEFTON_USER", ADMIN.name)
    monkeypatch.setenv("SEFTON_PASSWORD", ADMIN.password)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    for argv in (
        ["location", "add", str(loop)],
        ["export", "--photo", "1", "--destination", "case_record", "--out", str(loop)],
    ):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "loops back on itself" in err and "nexpected" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["loop", "vault"]
