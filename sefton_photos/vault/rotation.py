"""Key rotation's crash points, named, and how an open settles a rotation cut short.

Rotating the vault key (a user removed) writes ``keyslots.json.next`` and
``audit.head.next`` beside the current files, rekeys ``vault.db``, then moves the
head and the slot file into place.  Each :class:`Step` below is a point the
process can die just after; :meth:`Vault.rotate` announces each one to an optional
hook so the tests cut at exactly that point (tests/vault/test_rotation.py).  On
the next open, whichever key set actually opens the database wins (:func:`settle`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from sefton_photos.errors import VaultTampered
from sefton_photos.vault import crypto, database
from sefton_photos.vault.keyslots import KeySlots, Opened
from sefton_photos.vault.layout import DB, HEAD, NEXT, SLOTS


class Step(Enum):
    """The points of a rotation, in order; a crash just after any of them is survived."""

    NEXT_SLOTS_WRITTEN = "keyslots.json.next written (new vault key sealed to each slot)"
    NEXT_HEAD_WRITTEN = "audit.head.next written (sealed under the new key)"
    REKEYED = "vault.db rekeyed to the new key"
    HEAD_PROMOTED = "audit.head replaced by audit.head.next"
    SLOTS_PROMOTED = "keyslots.json replaced by keyslots.json.next"


Hook = Callable[[Step], None]


FINISHED = "completing an interrupted key rotation (the database had the new key)"


def settle(
    path: Path, slots: KeySlots, opened: Opened, name: str, password: str
) -> tuple[KeySlots, Opened, str | None]:
    """Finish or undo a key rotation that was interrupted (see the module docstring).

    The third value is :data:`FINISHED` when the new keys were promoted here, for the
    audit log once the vault is open; an undone rotation is redone by the session.
    """
    nxt = path / (SLOTS + NEXT)
    head_next = path / (HEAD + NEXT)
    if not nxt.exists():
        return slots, opened, None
    try:
        database.probe(path / DB, crypto.derive(opened.vault_key, "db"))
        current = True
    except VaultTampered:
        current = False
    if current:  # the rekey never happened: the old keys stand
        nxt.unlink()
        with contextlib.suppress(FileNotFoundError):
            head_next.unlink()
        return slots, opened, None
    new_slots = KeySlots.load(nxt)
    new_opened = new_slots.open(name, password)  # a removed user has no slot here
    database.probe(path / DB, crypto.derive(new_opened.vault_key, "db"))
    if head_next.exists():
        os.replace(head_next, path / HEAD)
    os.replace(nxt, path / SLOTS)
    return new_slots, new_opened, FINISHED
