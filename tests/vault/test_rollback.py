"""The vault never destroys evidence (issue 10): no unlock or check deletes an object.

A restored older ``vault.db`` with its ``audit.head`` is detected from the object
files written after it (each carries the audit count already committed when it was
written, under a MAC from the vault key), and the vault opens read-only saying so.
An object with no record, or an unfinished write, is reported and kept.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sefton_photos import audit
from sefton_photos.errors import VaultTampered
from sefton_photos.session import Session
from sefton_photos.support import blobs
from tests.helpers import ADMIN, SOCIAL, children, copy_in, restore, run, snapshot


def object_files(vault: Path) -> set[str]:
    return {p.name for p in (vault / "objects").rglob("*") if p.is_file()}


def test_a_rolled_back_database_opens_read_only_and_keeps_newer_photos(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Photos imported after the copy was taken (sources already removed) survive."""
    snap = tmp_path / "old"
    snapshot(face_vault, snap)
    card = tmp_path / "card"
    sources = copy_in(["person-a_2.jpg", "person-a_3.jpg"], faces_dir, card)
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        report = run(s, [children(face_vault)["person-a"]], sources, detect_faces=False, workers=0)
    assert report.count("imported") == 2
    assert not any(p.exists() for p in sources)  # R5: the vault holds the only copy
    newer = object_files(face_vault)
    restore(snap, face_vault)

    s = Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password)
    try:
        assert s.vault.read_only
        assert "rolled back" in (s.vault.problem or "")
        with pytest.raises(VaultTampered, match="rolled back"), s.vault.unit() as db:
            blobs.store(s.vault, db, b"x", kind="original")
            audit.append(db, action="test.write")
    finally:
        s.close()
    assert object_files(face_vault) == newer
    with Session.unlock(
        face_vault, name=ADMIN.name, password=ADMIN.password, inspect=True
    ) as admin:
        findings = {f.part: f for f in admin.audit.check_vault()}
    assert object_files(face_vault) == newer
    assert not findings["unrecorded files"].ok
    assert "rolled back" in findings["unrecorded files"].detail
    assert "kept" in findings["unrecorded files"].detail


def test_vault_check_on_a_rolled_back_vault_says_so_and_deletes_nothing(
    vault_dir: Path, tmp_path: Path
) -> None:
    """The CLI as the hostile tester ran it: restore, then `vault check`."""
    snap = tmp_path / "old"
    snapshot(vault_dir, snap)
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        for data in (b"one", b"two"):
            with s.vault.unit() as db:
                blobs.store(s.vault, db, data, kind="form")
    before = object_files(vault_dir)
    assert len(before) == 2
    restore(snap, vault_dir)
    env = {"SEFTON_VAULT": str(vault_dir), "SEFTON_USER": ADMIN.name}
    done = subprocess.run(
        [sys.executable, "-m", "sefton_photos.cli.main", "vault", "check"],
        env={**os.environ, **env, "SEFTON_PASSWORD": ADMIN.password},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "rolled back" in done.stdout
    assert "unexpected" not in done.stderr
    assert object_files(vault_dir) == before


def test_an_unrecorded_object_and_a_partial_write_are_reported_and_kept(
    vault_dir: Path,
) -> None:
    """A write cut short before its commit leaves files; they are kept and named."""
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    with pytest.raises(RuntimeError), session.vault.unit() as db:
        oid = blobs.store(session.vault, db, b"PRIVATE" * 100, kind="original")
        raise RuntimeError("power cut before commit")
    orphan = session.vault.objects.path_for(oid)
    partial = orphan.parent / "deadbeef.partial"
    partial.write_bytes(b"half")
    session.close()
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as again:
        assert not again.vault.read_only  # an interrupted write is not a rollback
        findings = {f.part: f for f in again.audit.check_vault()}
    assert orphan.exists()
    assert partial.exists()
    found = findings["unrecorded files"]
    assert oid in found.detail and "deadbeef.partial" in found.detail
    assert "kept" in found.detail
    assert findings["objects"].ok


def test_a_forged_object_claiming_to_be_newer_is_not_taken_as_rollback(
    vault_dir: Path,
) -> None:
    """The claim is MACed under a key from the vault key: a planted file cannot fake it."""
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        with s.vault.unit() as db:
            oid = blobs.store(s.vault, db, b"real", kind="form")
        path = s.vault.objects.path_for(oid)
    data = bytearray(path.read_bytes())
    forged = path.parent / ("f" * 32)
    data[21:29] = (10**9).to_bytes(8, "big")  # a huge "committed count"
    forged.write_bytes(bytes(data))
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as again:
        assert not again.vault.read_only
        findings = {f.part: f for f in again.audit.check_vault()}
    assert forged.exists()
    assert "f" * 32 in findings["unrecorded files"].detail
