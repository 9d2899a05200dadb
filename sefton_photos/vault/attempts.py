"""``attempts.json``: slowing password guessing, and remembering failures for the audit.

Before unlock nothing can be written to the encrypted database, so failed sign-ins
are kept here: per slot label a count of consecutive failures and the time of the
last one (pseudonymous, no name), and each failure as a note sealed to the vault's
inbox public key.  The next successful unlock moves those notes into the audit log.
After five wrong passwords in a row a wait is imposed that doubles with each further
failure.  The file is not authenticated: someone who can edit it can already copy
the vault and guess offline; the delay defends the sign-in screen, not the files.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sefton_photos.errors import TooManyAttempts
from sefton_photos.vault import crypto
from sefton_photos.vault.files import atomic_write

FORMAT = "sefton-attempts"
VERSION = 1
FREE_ATTEMPTS = 5
FIRST_DELAY = 30.0
MAX_DELAY = 15 * 60.0
INBOX_LABEL = b"audit-inbox"

Clock = Callable[[], float]


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong passwords."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(MAX_DELAY, FIRST_DELAY * 2.0 ** (failures - FREE_ATTEMPTS)))


@dataclass(slots=True)
class Attempts:
    path: Path
    labels: dict[str, dict[str, float]] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)
    unreadable: bool = False

    @classmethod
    def load(cls, path: Path) -> Attempts:
        try:
            doc = json.loads(path.read_bytes())
            if doc.get("format") != FORMAT:
                raise ValueError
            return cls(
                path,
                {
                    str(k): {"n": float(v["n"]), "last": float(v["last"])}
                    for k, v in doc["labels"].items()
                },
                [str(p) for p in doc["pending"]],
            )
        except FileNotFoundError:
            return cls(path)
        except (ValueError, KeyError, TypeError, AttributeError):
            # Damaged: start counting afresh, and say so in the audit at the next unlock.
            return cls(path, unreadable=True)

    def save(self) -> None:
        doc = {"format": FORMAT, "version": VERSION, "labels": self.labels, "pending": self.pending}
        atomic_write(self.path, json.dumps(doc, sort_keys=True).encode() + b"\n")

    def check(self, label: str, now: float) -> None:
        entry = self.labels.get(label)
        if not entry:
            return
        wait = entry["last"] + delay_after(int(entry["n"])) - now
        if wait > 0:
            seconds = math.ceil(wait)
            raise TooManyAttempts(
                f"Too many wrong passwords in a row. Sign-in is paused: try again in "
                f"{seconds} seconds. Each attempt is recorded in the audit log.",
                wait,
            )

    def record_failure(
        self, label: str, now: float, inbox_public: bytes, note: dict[str, Any]
    ) -> None:
        entry = self.labels.setdefault(label, {"n": 0, "last": now})
        entry["n"] += 1
        entry["last"] = now
        self.pending.append(_seal_note(inbox_public, note))
        self.save()

    def record_refusal(self, inbox_public: bytes, note: dict[str, Any]) -> None:
        """A try refused by the delay: audited, but it does not extend the wait."""
        self.pending.append(_seal_note(inbox_public, note))
        self.save()

    def failures(self, label: str) -> int:
        return int(self.labels.get(label, {}).get("n", 0))

    def drain(self, inbox_private: bytes, success_label: str) -> list[dict[str, Any]]:
        """Open the pending notes for the audit log, and reset the signed-in user's count."""
        notes: list[dict[str, Any]] = []
        for blob in self.pending:
            try:
                raw = crypto.open_sealed(inbox_private, base64.b64decode(blob), INBOX_LABEL)
                notes.append(json.loads(raw))
            except (crypto.DecryptionFailed, ValueError):
                notes.append({"event": "unreadable sign-in failure record"})
        if self.unreadable:
            notes.append({"event": "attempts.json was unreadable and was reset"})
        self.pending = []
        self.labels.pop(success_label, None)
        self.unreadable = False
        return notes


def _seal_note(inbox_public: bytes, note: dict[str, Any]) -> str:
    raw = json.dumps(note, sort_keys=True).encode()
    return base64.b64encode(crypto.seal_to(inbox_public, raw, INBOX_LABEL)).decode()
