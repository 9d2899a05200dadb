"""Key slots: names never in the clear, passwords checked, damage always detected."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed, VaultTampered, VaultTooNew
from sefton_photos.session import Session
from sefton_photos.vault import crypto
from sefton_photos.vault.keyslots import KeySlots, canonical
from tests.helpers import ADMIN, EVERYONE, SOCIAL


def test_slot_file_holds_no_names_roles_or_teams(vault_dir: Path) -> None:
    """The slot file finds a slot by a keyed hash, never by the name itself."""
    raw = (vault_dir / "keyslots.json").read_text().casefold()
    for person in EVERYONE:
        assert person.name.casefold() not in raw
        assert person.role.value not in raw
    assert "bootle" not in raw


def test_slots_keep_argon2id_parameters_at_or_above_the_floor(vault_dir: Path) -> None:
    """Issue 2: Argon2id with at least 64 MiB and 3 passes, kept in each slot."""
    doc = json.loads((vault_dir / "keyslots.json").read_text())
    assert len(doc["slots"]) == len(EVERYONE)
    for slot in doc["slots"]:
        assert slot["kdf"]["alg"] == "argon2id"
        assert slot["kdf"]["m"] >= 64 * 1024
        assert slot["kdf"]["t"] >= 3


def test_wrong_password_is_refused_with_a_message(vault_dir: Path) -> None:
    """A wrong password and an unknown user get the same plain message."""
    with pytest.raises(AuthenticationFailed, match="User name or password is not correct"):
        Session.unlock(vault_dir, name=ADMIN.name, password="not-the-password")
    with pytest.raises(AuthenticationFailed, match="User name or password is not correct"):
        Session.unlock(vault_dir, name="Nobody Here", password=ADMIN.password)


def test_names_are_matched_case_and_space_insensitively(vault_dir: Path) -> None:
    """People type their names in many ways; the slot label normalises them."""
    session = Session.unlock(vault_dir, name="  sam social ", password=SOCIAL.password)
    try:
        assert session.user.name == SOCIAL.name
    finally:
        session.close()


@pytest.mark.parametrize("fraction", [i / 97 for i in range(97)])
def test_any_flipped_byte_in_the_slot_file_is_detected(vault_dir: Path, fraction: float) -> None:
    """Flipping one byte anywhere in keyslots.json is refused as damage, never accepted."""
    path = vault_dir / "keyslots.json"
    data = bytearray(path.read_bytes())
    offset = int(fraction * (len(data) - 1))
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(VaultTampered, match=r"keyslots\.json"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def test_an_edit_that_keeps_the_checksum_is_caught_by_the_mac(vault_dir: Path) -> None:
    """Someone who recomputes the checksum still cannot forge the vault-keyed MAC."""
    path = vault_dir / "keyslots.json"
    doc = json.loads(path.read_bytes())
    doc["lookup_salt"], doc["slots"] = doc["lookup_salt"], doc["slots"][::-1]
    doc["inbox_public"] = doc["inbox_public"][:-4] + "AAA="
    body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
    doc["checksum"] = crypto.sha256_hex(canonical(body))
    path.write_bytes(canonical(doc) + b"\n")
    with pytest.raises(VaultTampered, match="changed outside"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def test_a_newer_slot_format_is_refused_clearly(vault_dir: Path) -> None:
    """A vault written by a newer Sefton Photos is refused, not misread."""
    path = vault_dir / "keyslots.json"
    doc = json.loads(path.read_bytes())
    doc["version"] = 99
    body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
    doc["checksum"] = crypto.sha256_hex(canonical(body))
    path.write_bytes(canonical(doc) + b"\n")
    with pytest.raises(VaultTooNew, match="newer Sefton Photos"):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def test_swapping_in_another_public_key_is_caught(vault_dir: Path, tmp_path: Path) -> None:
    """A slot copied from another vault does not match the database's record of the user."""
    other = tmp_path / "other"
    Session.create_vault(other, admin_name=ADMIN.name, password=ADMIN.password).close()
    (vault_dir / "keyslots.json").write_bytes((other / "keyslots.json").read_bytes())
    with pytest.raises(VaultTampered):
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def test_change_password_rewraps_only_that_users_slot(vault_dir: Path) -> None:
    """A new password opens the vault, the old one does not, and other slots are untouched."""
    before = {s.label: s for s in KeySlots.load(vault_dir / "keyslots.json").slots}
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    session.users.change_password(current=SOCIAL.password, new="a-brand-new-passphrase")
    session.close()
    after = {s.label: s for s in KeySlots.load(vault_dir / "keyslots.json").slots}
    changed = [label for label in before if before[label] != after[label]]
    assert len(changed) == 1
    assert after[changed[0]].public == before[changed[0]].public
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    Session.unlock(vault_dir, name=SOCIAL.name, password="a-brand-new-passphrase").close()
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password).close()


def test_change_password_needs_the_current_one(vault_dir: Path) -> None:
    """Someone at an unlocked screen cannot change the password without knowing it."""
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    try:
        with pytest.raises(AuthenticationFailed):
            session.users.change_password(current="wrong-password-0", new="a-brand-new-passphrase")
    finally:
        session.close()
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password).close()


def rewrite_first_slot(path: Path, change: dict[str, object]) -> None:
    """Edit a slot as an attacker would: the checksum recomputed, the file canonical."""
    doc = json.loads(path.read_bytes())
    for key, value in change.items():
        if key == "salt":
            doc["slots"][0]["kdf"]["salt"] = value
        else:
            doc["slots"][0]["kdf"][key] = value
    body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
    doc["checksum"] = crypto.sha256_hex(canonical(body))
    path.write_bytes(canonical(doc) + b"\n")


@pytest.mark.parametrize(
    "change",
    [
        {"t": 2**31},  # would hang sign-in for ever
        {"p": 0},  # Argon2 refuses: an unexpected error
        {"m": 2**40},  # a terabyte of memory
        {"p": 2**24},
        {"t": "3"},
        {"m": True},
        {"salt": ""},
    ],
    ids=["t=2^31", "p=0", "m=2^40", "p=2^24", "t-string", "m-bool", "no-salt"],
)
def test_argon2_parameters_out_of_range_are_a_damaged_slot_file_before_any_work(
    vault_dir: Path, change: dict[str, object]
) -> None:
    """Issue 10: a slot's cost is bounded before it is used (the MAC comes after Argon2)."""
    rewrite_first_slot(vault_dir / "keyslots.json", change)
    env = {
        **os.environ,
        "SEFTON_VAULT": str(vault_dir),
        "SEFTON_USER": ADMIN.name,
        "SEFTON_PASSWORD": ADMIN.password,
    }
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "sefton_photos.cli.main", "vault", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    assert "unexpected" not in done.stderr
    assert "keyslots.json" in done.stderr and "damaged" in done.stderr, done.stderr
    with pytest.raises(VaultTampered, match="outside the range"):
        KeySlots.load(vault_dir / "keyslots.json")


def test_the_argon2_bounds_admit_the_default_and_refuse_below_the_floor() -> None:
    assert crypto.Argon2Params.from_dict(crypto.MINIMUM_ARGON2.as_dict()) == crypto.MINIMUM_ARGON2
    with pytest.raises(ValueError, match="outside the range"):
        crypto.Argon2Params.from_dict({"m": 64 * 1024, "t": 2, "p": 4})
