"""Staff, roles and the audit's own records: the vault's people and its log."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import NewType

UserId = NewType("UserId", int)
AuditSeq = NewType("AuditSeq", int)


class Role(enum.StrEnum):
    """The five roles of REQUIREMENTS.md, "Who uses it"."""

    SOCIAL_WORKER = "social_worker"
    KEY_WORKER = "key_worker"
    LINE_MANAGER = "line_manager"
    COMMUNICATIONS_OFFICER = "communications_officer"
    ADMINISTRATOR = "administrator"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, text: str) -> Role:
        from sefton_photos.errors import InvalidInput

        try:
            return cls(text.strip().lower().replace(" ", "_").replace("-", "_"))
        except ValueError:
            choices = ", ".join(r.value for r in cls)
            raise InvalidInput(f"Unknown role {text!r}: choose one of {choices}.") from None


@dataclass(frozen=True, slots=True)
class User:
    """A member of staff who can sign in to the vault."""

    id: UserId
    name: str
    role: Role
    team: str | None
    line_manager_id: UserId | None
    line_manager_name: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One link of the hash-chained audit log."""

    seq: AuditSeq
    at: datetime
    actor: str | None
    action: str
    subject: str | None
    details: dict[str, object]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """One line of ``vault check``: what was checked and whether it is sound."""

    part: str
    ok: bool
    detail: str


@dataclass(frozen=True, slots=True)
class AuditVerification:
    """Result of walking the audit chain and comparing it with the sealed head."""

    ok: bool
    entries: int
    message: str
    first_broken: AuditSeq | None = None
