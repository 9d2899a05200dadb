"""R8 (5.5.4.9): nothing readable on disk: no names, roles, audit text or image bytes."""

from __future__ import annotations

from pathlib import Path

from sefton_photos.session import Session
from sefton_photos.support import blobs
from tests.helpers import ADMIN, EVERYONE, MANAGER

SECRET_IMAGE = b"\xff\xd8\xff\xe0JFIF-child-photo-" * 64


def readable_forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.lower().encode("utf-8")]


def test_no_vault_file_holds_anything_readable(vault_dir: Path) -> None:
    """Every file of the vault, byte for byte, holds no name, role, team or audit text."""
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    with session.vault.unit() as db:
        blobs.store(session.vault, db, SECRET_IMAGE, kind="original")
    session.audit.entries(limit=5)
    session.lock()
    session.unlock_again(password=ADMIN.password)
    session.close()

    needles: list[bytes] = [b"JFIF-child-photo", b"SQLite format 3"]
    for person in EVERYONE:
        needles += readable_forms(person.name)
        needles += readable_forms(person.role.value)
    needles += readable_forms(MANAGER.team or "")
    needles += [b"user.added", b"session.signed_in", b"vault.created", b"line_manager"]

    files = [p for p in vault_dir.rglob("*") if p.is_file()]
    assert len(files) >= 5
    for path in files:
        raw = path.read_bytes()
        for needle in needles:
            assert needle not in raw, f"{needle!r} readable in {path.name}"
