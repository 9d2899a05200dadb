"""The object store: AES-256-GCM files, one key each, damage and swaps detected.

Interrupted writes are reported and kept, never swept: tests/vault/test_rollback.py.
"""

from __future__ import annotations

import pytest

from sefton_photos.errors import NotFound, VaultTampered
from sefton_photos.session import Session
from sefton_photos.support import blobs
from sefton_photos.vault.objects import MAGIC

MARKER = b"PRIVATE-PHOTO-BYTES-" * 50


def store(session: Session, data: bytes) -> str:
    with session.vault.unit() as db:
        return blobs.store(session.vault, db, data, kind="original")


def test_an_object_round_trips_and_is_encrypted_on_disk(admin_session: Session) -> None:
    """What is stored comes back byte for byte; the file holds none of it in the clear."""
    oid = store(admin_session, MARKER)
    raw = admin_session.vault.objects.path_for(oid).read_bytes()
    assert raw.startswith(MAGIC)
    assert b"PRIVATE-PHOTO" not in raw
    with admin_session.vault.unit() as db:
        assert blobs.load(admin_session.vault, db, oid) == MARKER


@pytest.mark.parametrize("where", ["header", "nonce", "middle", "tag"])
def test_a_flipped_byte_in_an_object_is_detected(admin_session: Session, where: str) -> None:
    """Every region of the file is authenticated: header (AAD), nonce, body, tag."""
    oid = store(admin_session, MARKER)
    path = admin_session.vault.objects.path_for(oid)
    data = bytearray(path.read_bytes())
    offset = {"header": 6, "nonce": 25, "middle": len(data) // 2, "tag": len(data) - 1}[where]
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with admin_session.vault.unit() as db, pytest.raises(VaultTampered):
        blobs.load(admin_session.vault, db, oid)
    findings = {f.part: f for f in admin_session.audit.check_vault()}
    assert not findings["objects"].ok
    assert oid in findings["objects"].detail


def test_an_object_moved_under_another_id_is_detected(admin_session: Session) -> None:
    """Swapping two photos' files is caught: the id is bound into the ciphertext."""
    a, b = store(admin_session, MARKER), store(admin_session, b"other photo")
    objects = admin_session.vault.objects
    objects.path_for(a).write_bytes(objects.path_for(b).read_bytes())
    with admin_session.vault.unit() as db, pytest.raises(VaultTampered):
        blobs.load(admin_session.vault, db, a)


def test_shredding_the_key_makes_a_lingering_file_unreadable(admin_session: Session) -> None:
    """R13: deleting the key row destroys the object even if a copy of the file survives."""
    oid = store(admin_session, MARKER)
    copy = admin_session.vault.objects.path_for(oid).read_bytes()
    with admin_session.vault.unit() as db:
        blobs.shred(admin_session.vault, db, oid)
    admin_session.vault.objects.path_for(oid).parent.mkdir(parents=True, exist_ok=True)
    admin_session.vault.objects.path_for(oid).write_bytes(copy)
    with admin_session.vault.unit() as db, pytest.raises(NotFound):
        blobs.load(admin_session.vault, db, oid)
