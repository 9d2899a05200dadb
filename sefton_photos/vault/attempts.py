"""``attempts.json``: slowing password guessing, and remembering failures for the audit.

Before unlock nothing can be written to the encrypted database, so failed sign-ins
are kept here: per slot label a count of consecutive failures and the time of the
last one (pseudonymous, no name), and each failure as a note sealed to the vault's
inbox public key.  The next successful unlock moves those notes into the audit log.
After five wrong passwords in a row a wait is imposed that doubles with each further
failure.  The file is not authenticated: someone who can edit it can already copy
the vault and guess offline; the delay defends the sign-in screen, not the files.

Values read back are bounded (issue 10): a count is clamped to ``MAX_COUNT`` and a
wait never exceeds the delay its count earns (at most 15 minutes), whatever time
the file claims.  A file that cannot be read, or holds values that are not finite
numbers, is damaged: corrupting it must not skip a pause, so sign-in is paused
once for the longest wait (from when the damage was first seen, kept in the file)
and the damage goes into the audit log at the next unlock.
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
MAX_COUNT = 10_000  # far past the longest delay; keeps every value a small integer
INBOX_LABEL = b"audit-inbox"

Clock = Callable[[], float]


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong passwords."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    doublings = min(failures - FREE_ATTEMPTS, 32)  # 30 s * 2**32 is far past the cap
    return float(min(MAX_DELAY, FIRST_DELAY * 2.0**doublings))


def _number(value: Any) -> float:
    """A finite number from the file, or ValueError (NaN, infinity, text, true)."""
    if type(value) not in (int, float) or not math.isfinite(value):
        raise ValueError("not a finite number")
    return float(value)


@dataclass(slots=True)
class Attempts:
    path: Path
    labels: dict[str, dict[str, float]] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)
    unreadable: bool = False
    damaged_at: float | None = None  # when damage was first seen: the pause runs from it

    @classmethod
    def load(cls, path: Path) -> Attempts:
        try:
            doc = json.loads(path.read_bytes())
            if doc.get("format") != FORMAT:
                raise ValueError
            damaged_at = doc.get("damaged_at")
            return cls(
                path,
                {
                    str(k): {
                        "n": min(max(_number(v["n"]), 0.0), MAX_COUNT),
                        "last": _number(v["last"]),
                    }
                    for k, v in doc["labels"].items()
                },
                [str(p) for p in doc["pending"]],
                unreadable=doc.get("unreadable") is True,
                damaged_at=None if damaged_at is None else _number(damaged_at),
            )
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            # Damaged: the counts are lost, so check() pauses everyone once (see above).
            return cls(path, unreadable=True)

    def save(self) -> None:
        doc: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "labels": self.labels,
            "pending": self.pending,
        }
        if self.unreadable:
            doc["unreadable"] = True
        if self.damaged_at is not None:
            doc["damaged_at"] = self.damaged_at
        atomic_write(self.path, json.dumps(doc, sort_keys=True).encode() + b"\n")

    def check(self, label: str, now: float) -> None:
        if self.unreadable and self.damaged_at is None:
            self.damaged_at = now  # first seen now: persisted so a new edit cannot reset it
            self.save()
        if self.damaged_at is not None:
            wait = min(max(self.damaged_at + MAX_DELAY - now, 0.0), MAX_DELAY)
            if wait > 0:
                raise TooManyAttempts(
                    "The sign-in record (attempts.json) is damaged or was changed outside "
                    "Sefton Photos, so as a precaution sign-in is paused: try again in "
                    f"{math.ceil(wait)} seconds (at most 15 minutes). The damage is "
                    "recorded in the audit log.",
                    wait,
                )
        entry = self.labels.get(label)
        if not entry:
            return
        delay = delay_after(int(entry["n"]))
        if entry["last"] > now:
            # A time in the future (a clock set back, or an edit) counts from now: the
            # wait is at most the delay itself, 15 minutes, never centuries.
            entry["last"] = now
            self.save()
        wait = min(max(entry["last"] + delay - now, 0.0), delay)
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
        entry["n"] = min(entry["n"] + 1, MAX_COUNT)
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
            notes.append(
                {
                    "event": "attempts.json was damaged or unreadable; sign-in was paused and "
                    "the record reset"
                }
            )
        self.pending = []
        self.labels.pop(success_label, None)
        self.unreadable = False
        self.damaged_at = None
        return notes


def _seal_note(inbox_public: bytes, note: dict[str, Any]) -> str:
    raw = json.dumps(note, sort_keys=True).encode()
    return base64.b64encode(crypto.seal_to(inbox_public, raw, INBOX_LABEL)).decode()
