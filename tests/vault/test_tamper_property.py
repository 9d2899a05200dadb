"""Property: a byte flipped anywhere in an object, the slot file or the database is caught."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sefton_photos.errors import NotFound, VaultTampered
from sefton_photos.session import Session
from sefton_photos.support import blobs
from sefton_photos.vault.keyslots import KeySlots
from tests.conftest import COUNTS
from tests.helpers import ADMIN

FLIPS: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_flips() -> Iterator[None]:
    yield
    COUNTS.append(
        "tamper flips detected: " + ", ".join(f"{n} in {part}" for part, n in FLIPS.items())
    )


def slow(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )


@pytest.fixture
def stored(admin_session: Session) -> tuple[Session, str, bytes]:
    with admin_session.vault.unit() as db:
        oid = blobs.store(admin_session.vault, db, b"photo bytes " * 300, kind="original")
    return admin_session, oid, admin_session.vault.objects.path_for(oid).read_bytes()


@slow(200)
@given(where=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_flip_in_an_object_is_detected(
    stored: tuple[Session, str, bytes], where: float, bit: int
) -> None:
    session, oid, original = stored
    FLIPS["objects"] += 1
    data = bytearray(original)
    data[int(where * len(data))] ^= 1 << bit
    path = session.vault.objects.path_for(oid)
    path.write_bytes(bytes(data))
    try:
        with session.vault.unit() as db, pytest.raises((VaultTampered, NotFound)):
            blobs.load(session.vault, db, oid)
    finally:
        path.write_bytes(original)


@slow(300)
@given(where=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_flip_in_the_slot_file_is_detected(vault_dir: Path, where: float, bit: int) -> None:
    """Most flips fail the checksum before any password work; a flip inside the MAC
    itself is caught once the vault key is known, at unlock."""
    FLIPS["the slot file"] += 1
    path = vault_dir / "keyslots.json"
    original = path.read_bytes()
    data = bytearray(original)
    data[int(where * len(data))] ^= 1 << bit
    path.write_bytes(bytes(data))
    try:
        try:
            KeySlots.load(path)
        except VaultTampered:
            return
        with pytest.raises(VaultTampered):
            Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    finally:
        path.write_bytes(original)


@slow(25)
@given(where=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_any_flip_in_the_database_is_refused_at_unlock(
    vault_template: Path,
    tmp_path_factory,  # type: ignore[no-untyped-def]
    where: float,
    bit: int,
) -> None:
    FLIPS["the database"] += 1
    vault = tmp_path_factory.mktemp("flip") / "vault"
    shutil.copytree(vault_template, vault)
    path = vault / "vault.db"
    data = bytearray(path.read_bytes())
    data[int(where * len(data))] ^= 1 << bit
    path.write_bytes(bytes(data))
    with pytest.raises(VaultTampered):
        Session.unlock(vault, name=ADMIN.name, password=ADMIN.password)
