"""The on-disk formats of docs/FORMATS.md, pinned by known-answer vectors.

Each vector in tests/vectors/vectors.json is a file, what it is read with, and the
expected result or the expected failure (the domain exception and the message a
person sees).  Every file is read here by the production reader; the package, which
Sefton Photos only writes, is read by an independent AE-2 reader (pyzipper, as 7-Zip
reads it).  The last test rebuilds every vector with the production writers under
the same fixed randomness and asks for the same bytes: a format change fails here
until FORMATS.md, the reader's refusals and the vectors are changed with it.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import pyzipper

from sefton_photos import audit, errors
from sefton_photos.vault import crypto
from sefton_photos.vault import head as sealed
from sefton_photos.vault.keyslots import KeySlots
from sefton_photos.vault.objects import MARK_PURPOSE, ObjectStore, Stamp, StoredObject
from tests.vectors import kit, make_vectors

HERE = make_vectors.HERE
DOC = json.loads((HERE / make_vectors.MANIFEST).read_text())
KEYS = {"vault": bytes.fromhex(DOC["vault_key"]), "wrong": bytes.fromhex(DOC["wrong_key"])}
ERRORS: dict[str, type[Exception]] = {
    "AuthenticationFailed": errors.AuthenticationFailed,
    "VaultTampered": errors.VaultTampered,
    "VaultTooNew": errors.VaultTooNew,
    "RuntimeError": RuntimeError,
    "BadZipFile": pyzipper.BadZipFile,
}


def vectors(kind: str) -> list[Any]:
    found = [v for v in DOC["vectors"] if v["format"] == kind]
    assert found, f"no {kind} vectors in the manifest"
    return [pytest.param(v, id=f"{v['file']}:{i}") for i, v in enumerate(found)]


def expect(outcome: dict[str, str] | None, run: Any) -> Any:
    """Run ``run``; it must raise the expected error with its exact message, or return."""
    if outcome is None or "error" not in outcome:
        return run()
    with pytest.raises(ERRORS[outcome["error"]]) as caught:
        run()
    assert type(caught.value) is ERRORS[outcome["error"]]
    assert str(caught.value) == outcome["message"]
    return None


@pytest.mark.parametrize("vector", vectors("keyslots"))
def test_key_slot_vectors(vector: dict[str, Any]) -> None:
    """keyslots.json: parsed, then opened with a name and password (Argon2id at the floor)."""
    read = vector["read"]

    def run() -> Any:
        slots = KeySlots.load(HERE / vector["file"])
        return slots, slots.open(read["name"], read["password"])

    got = expect(vector["expect"], run)
    if got is not None:
        slots, opened = got
        assert opened.vault_key.hex() == vector["expect"]["vault_key"]
        assert opened.public.hex() == vector["expect"]["public"]
        assert opened.label == vector["expect"]["label"] == slots.label_for(read["name"])
        assert crypto.public_from_private(opened.private) == opened.public


@pytest.mark.parametrize("vector", vectors("object"))
def test_object_vectors(vector: dict[str, Any], tmp_path: Path) -> None:
    """An object file read as the database's row says; and what its stamp vouches for."""
    read = vector["read"]
    store = ObjectStore(tmp_path, lambda: Stamp(0, b""))
    path = store.path_for(read["id"])
    path.parent.mkdir()
    shutil.copy(HERE / vector["file"], path)
    size = len(bytes.fromhex(vector["expect"].get("plaintext", "")))
    row = StoredObject(read["id"], bytes.fromhex(read["data_key"]), read["sha256"], size)
    data = expect(vector["expect"], lambda: store.get(row))
    if data is not None:
        assert data.hex() == vector["expect"]["plaintext"]
    mark_key = crypto.derive(KEYS["vault"], MARK_PURPOSE)
    survey = store.survey(set(), committed=6, mark_key=mark_key)
    assert survey.unrecorded == (read["id"],)
    assert survey.newest == (vector["vouches_for"] or 0)
    assert survey.newer == ((read["id"],) if vector["vouches_for"] else ())


@pytest.mark.parametrize("vector", vectors("audit-head"))
def test_audit_head_vectors(vector: dict[str, Any]) -> None:
    """audit.head: its MAC checked under the vault key's audit sub-key."""
    head = expect(
        vector["expect"], lambda: sealed.read_head(HERE / vector["file"], KEYS[vector["key"]])
    )
    if head is not None:
        assert head == sealed.Head(vector["expect"]["count"], vector["expect"]["last_hash"])


@pytest.mark.parametrize("vector", vectors("audit-chain"))
def test_audit_chain_vectors(vector: dict[str, Any]) -> None:
    """The chain walked entry by entry and held against its sealed head, as at open and in
    `vault check`: removed, reordered and edited entries each say which and how."""
    head = sealed.read_head(HERE / vector["head"], KEYS["vault"])
    with kit.audit_db() as db:
        kit.load_chain(db, json.loads((HERE / vector["file"]).read_text()))
        result = audit.verify(db, head)
        assert (result.ok, result.entries, result.message) == (
            vector["verify"]["ok"],
            vector["verify"]["entries"],
            vector["verify"]["message"],
        )
        if vector["check_prefix"] is None:
            sealed.check_prefix(db, head)
        else:
            expect(vector["check_prefix"], lambda: sealed.check_prefix(db, head))


@pytest.mark.parametrize("vector", vectors("package"))
def test_package_vectors(vector: dict[str, Any]) -> None:
    """The subject access package: an AES-256 ZIP (AE-2) any AE-2 reader opens."""

    def run() -> dict[str, str]:
        with pyzipper.AESZipFile(io.BytesIO((HERE / vector["file"]).read_bytes())) as z:
            z.setpassword(vector["passphrase"].encode())
            return {name: z.read(name).hex() for name in z.namelist()}

    entries = expect(vector["expect"], run)
    if entries is not None:
        assert entries == vector["expect"]["entries"]


def test_every_vector_file_is_in_the_manifest_and_used() -> None:
    on_disk = {
        p.relative_to(HERE).as_posix()
        for p in HERE.rglob("*")
        if p.is_file()
        and p.suffix != ".py"
        and p.name != make_vectors.MANIFEST
        and "__pycache__" not in p.parts
    }
    named = {v["file"] for v in DOC["vectors"]} | {v["head"] for v in DOC["vectors"] if "head" in v}
    assert on_disk == named


def test_the_writers_still_write_these_bytes() -> None:
    """Rebuilt with the production writers and the same fixed randomness, every file and
    the manifest come out byte for byte as committed.  If this fails, the format changed
    (or only the order of random draws did): update docs/FORMATS.md, keep a reader for
    the old files, and rerun ``uv run python -m tests.vectors.make_vectors``."""
    out = make_vectors.build()
    for name, data in out.files.items():
        assert (HERE / name).read_bytes() == data, f"{name} is no longer what the writer makes"
    assert (HERE / make_vectors.MANIFEST).read_bytes() == make_vectors.manifest(out)
