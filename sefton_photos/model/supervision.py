"""Supervision records (R10, policy 5.5.3.2): queue items, notes, actions, addenda."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class QueueItem:
    id: int
    kind: str  # capture | withdrawal | refused_export
    worker: str
    manager: str
    child_id: int | None
    child_name: str | None  # None when the viewer may not see the child
    summary: str
    purpose: str | None
    purpose_note: str | None
    consent: str | None
    photo_ids: tuple[int, ...]
    created_at: datetime
    note_id: int | None

    def age_days(self, today: date | None = None) -> int:
        return ((today or date.today()) - self.created_at.date()).days


@dataclass(frozen=True, slots=True)
class Action:
    text: str
    due_on: date | None


@dataclass(frozen=True, slots=True)
class Addendum:
    author: str
    text: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    manager: str
    worker: str
    session_date: date
    text: str
    item_ids: tuple[int, ...]
    actions: tuple[Action, ...]
    addenda: tuple[Addendum, ...]
    created_at: datetime
    manager_ack_at: datetime | None
    worker_ack_at: datetime | None

    @property
    def sealed(self) -> bool:
        """Acknowledged by both: never edited again, only added to."""
        return self.manager_ack_at is not None and self.worker_ack_at is not None
