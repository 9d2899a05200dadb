"""``vault check``: prove every part of the vault is what the app wrote.

The slot file's MAC, SQLCipher's page HMACs and SQLite's structure, every
object's decryption and hash (and no stray files), and the audit chain against
its sealed head.  Each part gives one finding; nothing is repaired here, and
nothing is deleted: files with no record are named and kept (issue 10).
"""

from __future__ import annotations

from sqlalchemy import select

from sefton_photos import audit
from sefton_photos.errors import SeftonError
from sefton_photos.model import CheckFinding
from sefton_photos.schema.core import ObjectRow
from sefton_photos.support.blobs import as_stored
from sefton_photos.vault import database
from sefton_photos.vault.keyslots import KeySlots
from sefton_photos.vault.vault import DB, SLOTS, Vault
from sefton_photos.words import plural


def run(vault: Vault) -> list[CheckFinding]:
    return [_slots(vault), _database(vault), _objects(vault), _unrecorded(vault), _audit(vault)]


def _slots(vault: Vault) -> CheckFinding:
    try:
        slots = KeySlots.load(vault.path / SLOTS)
        slots.verify_mac(vault.vault_key)
    except SeftonError as exc:
        return CheckFinding("key slots", False, str(exc))
    return CheckFinding("key slots", True, f"{len(slots.slots)} slots, MAC valid")


def _database(vault: Vault) -> CheckFinding:
    problems = [p for p in database.integrity_problems(vault.path / DB, vault.db_key) if p != "ok"]
    if problems:
        return CheckFinding("database", False, "; ".join(problems[:5]))
    return CheckFinding("database", True, "cipher_integrity_check and integrity_check clean")


def _objects(vault: Vault) -> CheckFinding:
    faults: list[str] = []
    with vault.unit() as db:
        rows = db.scalars(select(ObjectRow)).all()
    known = set()
    for row in rows:
        known.add(row.id)
        try:
            vault.objects.get(as_stored(row))
        except SeftonError as exc:
            faults.append(str(exc))
    if faults:
        more = f" (and {len(faults) - 3} more)" if len(faults) > 3 else ""
        return CheckFinding("objects", False, " ".join(faults[:3]) + more)
    return CheckFinding("objects", True, f"{len(rows)} objects decrypt and match their hashes")


def _unrecorded(vault: Vault) -> CheckFinding:
    """Files the database does not know: evidence of a rollback, or a write cut short."""
    try:
        survey = vault.survey()
    except SeftonError as exc:
        return CheckFinding("unrecorded files", False, str(exc))
    if not survey.unrecorded and not survey.partial:
        return CheckFinding("unrecorded files", True, "every object file has its record")
    names = [*survey.unrecorded, *survey.partial]
    more = f" (and {len(names) - 5} more)" if len(names) > 5 else ""
    listed = ", ".join(names[:5]) + more
    kept = (
        f"{plural(len(survey.unrecorded), 'object file')} and "
        f"{plural(len(survey.partial), 'unfinished write')} have no record in the database: "
        f"{listed}. They are kept, still encrypted; nothing was deleted."
    )
    if survey.newer:
        return CheckFinding("unrecorded files", False, f"{survey.rollback_message()} {kept}")
    return CheckFinding(
        "unrecorded files",
        True,
        f"{kept} A write interrupted before its commit leaves such files; they are "
        "reported for information governance to review.",
    )


def _audit(vault: Vault) -> CheckFinding:
    try:
        head = vault.read_head()
        with vault.unit() as db:
            result = audit.verify(db, head)
    except SeftonError as exc:
        return CheckFinding("audit log", False, str(exc))
    return CheckFinding("audit log", result.ok, result.message)
