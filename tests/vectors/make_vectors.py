"""Make the known-answer vectors of docs/FORMATS.md, deterministically.

Run ``uv run python -m tests.vectors.make_vectors`` from the repository root.  It
rewrites every file under tests/vectors/ (keyslots/, objects/, audit/, package/) and
``vectors.json``, the manifest that says for each file what it is read with (name and
password, data key, vault key, passphrase) and the expected result or the expected
failure: the exception and its user-facing message, written here by hand, never
copied from the reader.  tests/test_vectors.py reads every file with the production
reader, and rebuilds them all to prove that the writers still write these bytes.

The good files come from the production writers (``KeySlots.save``,
``ObjectStore.put``, ``audit.append`` and ``vault.head.write_head``, ``aeszip.write``); the
tampered ones are those bytes with one thing changed.  Randomness is fixed: while one
group of vectors is made, ``os.urandom`` (salts, nonces, data keys, object ids), X25519
key generation and the ZIP's clock are replaced by a SHA-256 counter stream seeded
with the group's name.  The Argon2id cost is the floor the reader accepts (64 MiB, 3
passes, 4 lanes): a slot records its parameters, but the reader refuses any below the
floor, so cheaper ones could not make a readable vector (about half a second a run).
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sefton_photos import audit
from sefton_photos.support import aeszip
from sefton_photos.vault import crypto
from sefton_photos.vault import head as sealed
from sefton_photos.vault.keyslots import KeySlots, canonical
from sefton_photos.vault.objects import MAGIC, MARK_PURPOSE, ObjectStore, Stamp
from tests.vectors.kit import Out, audit_db, dump_chain, fails, fixed_randomness, flip

HERE = Path(__file__).resolve().parent
MANIFEST = "vectors.json"

VAULT_KEY = hashlib.sha256(b"sefton vectors: the vault key").digest()
WRONG_KEY = hashlib.sha256(b"sefton vectors: another vault's key").digest()
NAME, PASSWORD = "Ada Admin", "vector-password-1"
PHOTO = b"PRIVATE-PHOTO-BYTES " * 8
PASSPHRASE = "0a1b2c-3d4e5f-6a7b8c-9d0e1f-2a3b4c"
AT = datetime(2026, 1, 5, 9, 0, 0, tzinfo=UTC)

# -- the expected failures, in the words a person sees -----------------------------------

WRONG_PASSWORD = "User name or password is not correct."
SLOTS_DAMAGED = (
    "The key slot file (keyslots.json) is damaged or was changed outside "
    "Sefton Photos. Restore the vault from a backup."
)
SLOTS_TOO_NEW = (
    "This vault's key slots are format 2; this Sefton Photos reads format 1 and older. "
    "Install the newer Sefton Photos to open it."
)
SLOTS_WEAK = (
    "The key slot file (keyslots.json) is damaged: a slot's password hash setting is not "
    "one Sefton Photos writes (Argon2id memory (KiB) 1024 is outside the range Sefton "
    "Photos accepts (65536 to 1048576)). Nobody can sign in with it; restore "
    "keyslots.json from a backup."
)
SLOTS_EDITED = (
    "The key slot file (keyslots.json) was changed outside Sefton Photos. "
    "Restore the vault from a backup."
)
HEAD_BAD = (
    "The audit head (audit.head) is missing or was changed outside Sefton Photos: "
    "the audit log can no longer be proven complete."
)
HEAD_TOO_NEW = "The audit head was written by a newer Sefton Photos."
REMOVED = "The audit log has 2 entries but its sealed head records 3: entries were removed."
REWRITTEN = (
    "Audit entry 3 differs from the one its sealed head records: the audit log was rewritten."
)


def _object_changed(oid: str) -> str:
    return f"Object {oid} was changed outside Sefton Photos and cannot be trusted."


# -- key slots -----------------------------------------------------------------------------


def _reslot(doc: dict[str, Any], *, mac: bool = True) -> bytes:
    """A slot file with a fresh checksum and, if ``mac``, a MAC under the vault key."""
    body = {k: v for k, v in doc.items() if k not in ("checksum", "mac")}
    tag = crypto.mac(crypto.derive(VAULT_KEY, "keyslots-mac"), canonical(body))
    checksum = crypto.sha256_hex(canonical(body))
    return canonical({**body, "checksum": checksum, "mac": tag if mac else doc["mac"]}) + b"\n"


def _keyslots(out: Out) -> None:
    with fixed_randomness("keyslots"), tempfile.TemporaryDirectory() as tmp:
        slots = KeySlots.new(VAULT_KEY)
        _private, public = slots.add(name=NAME, password=PASSWORD, vault_key=VAULT_KEY)
        path = Path(tmp) / "keyslots.json"
        slots.save(path, VAULT_KEY)
        good = path.read_bytes()
    right = {"name": NAME, "password": PASSWORD}
    ok = {"vault_key": VAULT_KEY.hex(), "public": public.hex(), "label": slots.label_for(NAME)}
    kind = "keyslots"
    out.add("keyslots/good.json", good, format=kind, read=right, expect=ok)
    out.add(
        "keyslots/good.json",
        None,
        format=kind,
        read={"name": NAME, "password": "not-the-password"},
        expect=fails("AuthenticationFailed", WRONG_PASSWORD),
    )
    out.add(
        "keyslots/good.json",
        None,
        format=kind,
        read={"name": "Nobody Known", "password": PASSWORD},
        expect=fails("AuthenticationFailed", WRONG_PASSWORD),
    )
    damaged = fails("VaultTampered", SLOTS_DAMAGED)
    at = good.index(b'"check":"') + 12
    out.add("keyslots/flipped-byte.json", flip(good, at), format=kind, read=right, expect=damaged)
    out.add(
        "keyslots/truncated.json", good[: len(good) // 2], format=kind, read=right, expect=damaged
    )
    doc = json.loads(good)
    out.add(
        "keyslots/version-2.json",
        _reslot({**doc, "version": 2}),
        format=kind,
        read=right,
        expect=fails("VaultTooNew", SLOTS_TOO_NEW),
    )
    weak = copy.deepcopy(doc)
    weak["slots"][0]["kdf"]["m"] = 1024
    out.add(
        "keyslots/weak-kdf.json",
        _reslot(weak),
        format=kind,
        read=right,
        expect=fails("VaultTampered", SLOTS_WEAK),
    )
    swapped = {**doc, "inbox_public": base64.b64encode(bytes(range(32))).decode()}
    out.add(
        "keyslots/edited-inbox.json",
        _reslot(swapped, mac=False),
        format=kind,
        read=right,
        expect=fails("VaultTampered", SLOTS_EDITED),
    )


# -- object files --------------------------------------------------------------------------


def _objects(out: Out) -> None:
    mark_key = crypto.derive(VAULT_KEY, MARK_PURPOSE)
    with fixed_randomness("objects"), tempfile.TemporaryDirectory() as tmp:
        store = ObjectStore(Path(tmp), lambda: Stamp(7, mark_key))
        obj = store.put(PHOTO)
        v2 = store.path_for(obj.id).read_bytes()
        other = store.put(b"another object")
        # Version 1, as objects were written before version 2; the reader still reads it.
        oid1 = uuid.uuid4().hex
        key1 = crypto.random_key()
        header = MAGIC + b"\x01" + bytes.fromhex(oid1)
        v1 = header + crypto.seal(key1, PHOTO, aad=header)

    def read(oid: str, key: bytes, data: bytes = PHOTO) -> dict[str, Any]:
        return {"id": oid, "data_key": key.hex(), "sha256": crypto.sha256_hex(data)}

    kind = "object"
    ok = {"plaintext": PHOTO.hex()}
    changed = fails("VaultTampered", _object_changed(obj.id))
    r2 = read(obj.id, obj.data_key)
    out.add("objects/v2.bin", v2, format=kind, read=r2, expect=ok, vouches_for=7)
    out.add("objects/v1.bin", v1, format=kind, read=read(oid1, key1), expect=ok, vouches_for=None)
    out.add(
        "objects/v2-flipped-ciphertext.bin",
        flip(v2, 45 + 12 + 3),
        format=kind,
        read=r2,
        expect=changed,
        vouches_for=7,
    )
    out.add(
        "objects/v2-flipped-count.bin",
        flip(v2, 28),  # the last byte of the count: 7 becomes 6, the mark no longer holds
        format=kind,
        read=r2,
        expect=changed,
        vouches_for=None,
    )
    out.add(
        "objects/v2-truncated.bin", v2[:-5], format=kind, read=r2, expect=changed, vouches_for=7
    )
    not_ours = fails(
        "VaultTampered", f"Object {obj.id} is damaged or is not a Sefton Photos object."
    )
    out.add(
        "objects/v2-short.bin", v2[:12], format=kind, read=r2, expect=not_ours, vouches_for=None
    )
    v0 = v2[:4] + b"\x00" + v2[5:]
    out.add("objects/v0.bin", v0, format=kind, read=r2, expect=not_ours, vouches_for=None)
    v3 = v2[:4] + b"\x03" + v2[5:]
    too_new = fails("VaultTooNew", f"Object {obj.id} was written by a newer Sefton Photos.")
    out.add("objects/v3.bin", v3, format=kind, read=r2, expect=too_new, vouches_for=None)
    wrong = read(obj.id, WRONG_KEY)
    out.add("objects/v2.bin", None, format=kind, read=wrong, expect=changed, vouches_for=7)
    moved = read(other.id, other.data_key, b"another object")
    elsewhere = fails("VaultTampered", f"Object {other.id} holds another object's data.")
    out.add("objects/v2.bin", None, format=kind, read=moved, expect=elsewhere, vouches_for=7)
    unlike = {**r2, "sha256": crypto.sha256_hex(b"what the database recorded")}
    mismatch = fails("VaultTampered", f"Object {obj.id} does not match its recorded hash.")
    out.add("objects/v2.bin", None, format=kind, read=unlike, expect=mismatch, vouches_for=7)


# -- the audit chain and its head ----------------------------------------------------------

ENTRIES: list[dict[str, Any]] = [
    {
        "action": "vault.created",
        "actor_id": 1,
        "actor_name": NAME,
        "details": {"format_version": 1},
    },
    {
        "action": "user.added",
        "actor_id": 1,
        "actor_name": NAME,
        "subject": "Sam Social",
        "details": {"role": "social_worker"},
    },
    {"action": "child.added", "actor_id": 2, "actor_name": "Sam Social", "child_id": 1},
]


def _chain_bytes(rows: list[dict[str, Any]]) -> bytes:
    return json.dumps(rows, indent=1, sort_keys=True).encode() + b"\n"


def _head_v2() -> bytes:
    body = {"format": sealed.HEAD_FORMAT, "version": 2, "count": 3, "last_hash": "0" * 64}
    tag = crypto.mac(sealed.head_key(VAULT_KEY), canonical(body))
    return canonical({**body, "mac": tag}) + b"\n"


def _audit(out: Out) -> None:
    with audit_db() as db, tempfile.TemporaryDirectory() as tmp:
        for n, entry in enumerate(ENTRIES):
            audit.append(db, at=AT.replace(minute=n), **entry)
        rows = dump_chain(db)
        head, behind = Path(tmp) / "good.head", Path(tmp) / "behind.head"
        sealed.write_head(head, VAULT_KEY, 3, rows[2]["hash"])
        sealed.write_head(behind, VAULT_KEY, 2, rows[1]["hash"])
        good, back = head.read_bytes(), behind.read_bytes()
    kind = "audit-head"
    tampered = fails("VaultTampered", HEAD_BAD)
    full = {"count": 3, "last_hash": rows[2]["hash"]}
    out.add("audit/good.head", good, format=kind, key="vault", expect=full)
    step_behind = {"count": 2, "last_hash": rows[1]["hash"]}
    out.add("audit/behind.head", back, format=kind, key="vault", expect=step_behind)
    out.add("audit/good.head", None, format=kind, key="wrong", expect=tampered)
    at = good.index(b'"count":') + 8  # "3" becomes "2": the MAC no longer holds
    out.add(
        "audit/head-flipped-byte.head", flip(good, at), format=kind, key="vault", expect=tampered
    )
    out.add("audit/head-truncated.head", good[:40], format=kind, key="vault", expect=tampered)
    out.add(
        "audit/head-version-2.head",
        _head_v2(),
        format=kind,
        key="vault",
        expect=fails("VaultTooNew", HEAD_TOO_NEW),
    )

    def intact(n: int) -> dict[str, Any]:
        return {"ok": True, "entries": n, "message": f"audit chain intact: {n} entries"}

    def broken(entries: int, message: str) -> dict[str, Any]:
        return {"ok": False, "entries": entries, "message": f"audit chain broken at {message}"}

    kind = "audit-chain"
    out.add(
        "audit/chain.json",
        _chain_bytes(rows),
        format=kind,
        head="audit/good.head",
        verify=intact(3),
        check_prefix=None,
    )
    out.add(  # a crash between commit and head: the head one step behind is accepted
        "audit/chain.json",
        None,
        format=kind,
        head="audit/behind.head",
        verify=intact(3),
        check_prefix=None,
    )
    out.add(
        "audit/chain-removed.json",
        _chain_bytes([rows[0], rows[2]]),
        format=kind,
        head="audit/good.head",
        verify=broken(1, "entry 2: entry 2 is missing (next is 3)"),
        check_prefix=fails("VaultTampered", REMOVED),
    )
    reordered = [rows[0], {**rows[2], "seq": 2}, {**rows[1], "seq": 3}]
    out.add(
        "audit/chain-reordered.json",
        _chain_bytes(reordered),
        format=kind,
        head="audit/good.head",
        verify=broken(1, "entry 2: entry 2 does not follow entry 1"),
        check_prefix=fails("VaultTampered", REWRITTEN),
    )
    out.add(
        "audit/chain-truncated.json",
        _chain_bytes(rows[:2]),
        format=kind,
        head="audit/good.head",
        verify=broken(
            2,
            "entry 3: the log ends at entry 2 but the sealed head records 3 entries: "
            "entries were removed",
        ),
        check_prefix=fails("VaultTampered", REMOVED),
    )
    edited = [rows[0], {**rows[1], "details": '{"role":"administrator"}'}, rows[2]]
    out.add(  # the head vouches for the count and the last hash; only a walk sees this
        "audit/chain-edited.json",
        _chain_bytes(edited),
        format=kind,
        head="audit/good.head",
        verify=broken(1, "entry 2: entry 2 was changed after it was written"),
        check_prefix=None,
    )


# -- the subject access package ------------------------------------------------------------

PACKAGE = [
    ("record.json", json.dumps({"request_reference": "SAR-2026-014"}, indent=2).encode()),
    ("redactions.txt", b"No redactions."),
    ("photos/photo-1.jpg", PHOTO),
]


def _package(out: Out) -> None:
    with fixed_randomness("package"):
        good = aeszip.write(PACKAGE, PASSPHRASE)
    kind = "package"
    ok = {"entries": {name: data.hex() for name, data in PACKAGE}}
    out.add("package/good.zip", good, format=kind, passphrase=PASSPHRASE, expect=ok)
    out.add(
        "package/good.zip",
        None,
        format=kind,
        passphrase="0a1b2c-3d4e5f-6a7b8c-9d0e1f-2a3b4d",
        expect=fails("RuntimeError", "Bad password for file 'record.json'"),
    )
    first = 30 + len("record.json") + 11 + 16 + 2  # local header, name, extra, salt, check
    out.add(
        "package/flipped-byte.zip",
        flip(good, first + 3),
        format=kind,
        passphrase=PASSPHRASE,
        expect=fails("BadZipFile", "Bad HMAC check for file 'record.json'"),
    )
    out.add(
        "package/truncated.zip",
        good[:-10],
        format=kind,
        passphrase=PASSPHRASE,
        expect=fails("BadZipFile", "File is not a zip file"),
    )


def build() -> Out:
    out = Out()
    _keyslots(out)
    _objects(out)
    _audit(out)
    _package(out)
    return out


def manifest(out: Out) -> bytes:
    doc = {
        "about": "Known-answer vectors of docs/FORMATS.md; made by tests/vectors/make_vectors.py",
        "vault_key": VAULT_KEY.hex(),
        "wrong_key": WRONG_KEY.hex(),
        "vectors": out.vectors,
    }
    return json.dumps(doc, indent=1, sort_keys=True).encode() + b"\n"


def main() -> None:
    out = build()
    for name, data in out.files.items():
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / name).write_bytes(data)
    (HERE / MANIFEST).write_bytes(manifest(out))
    print(f"{len(out.files)} files, {len(out.vectors)} vectors in {HERE}")


if __name__ == "__main__":
    main()
