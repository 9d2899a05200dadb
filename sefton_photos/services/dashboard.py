"""What a line manager needs to see at a glance (R10, R12): the team's numbers.

Open items per worker and their age, captures per week per worker and per child and
purpose over a period, consents expiring in the next 30 days across the team's
children, and photos flagged by a withdrawn consent waiting for review.  A manager
sees their team; a worker sees their own; anyone else sees nothing.
Available on a session as ``session.dashboard``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select

from sefton_photos.model import ConsentKind, Purpose, Role
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import UserRow
from sefton_photos.support import childfile
from sefton_photos.support.context import Service

EXPIRY_WINDOW = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Expiring:
    child_id: int
    child_name: str
    consent_id: int
    kind: str
    expires_on: date


@dataclass(frozen=True, slots=True)
class Flagged:
    photo_id: int
    child_id: int
    child_name: str
    reason: str
    flagged_at: datetime


@dataclass(slots=True)
class Dashboard:
    since: date
    until: date
    open_item_ages: dict[str, list[int]] = field(default_factory=dict)  # worker -> ages (days)
    captures_per_week: dict[str, dict[date, int]] = field(default_factory=dict)  # worker -> week
    captures_by_child_purpose: list[tuple[str, str, int]] = field(default_factory=list)
    expiring: list[Expiring] = field(default_factory=list)
    flagged: list[Flagged] = field(default_factory=list)

    def age_buckets(self) -> dict[str, int]:
        """Open items by age, for the chart: under a week, 1-2 weeks, 2-4 weeks, older."""
        buckets = {"under 1 week": 0, "1-2 weeks": 0, "2-4 weeks": 0, "over 4 weeks": 0}
        for ages in self.open_item_ages.values():
            for age in ages:
                key = (
                    "under 1 week"
                    if age < 7
                    else "1-2 weeks"
                    if age < 14
                    else "2-4 weeks"
                    if age < 28
                    else "over 4 weeks"
                )
                buckets[key] += 1
        return buckets


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class DashboardService(Service):
    def build(
        self, *, since: date | None = None, until: date | None = None, today: date | None = None
    ) -> Dashboard:
        today = today or date.today()
        until = until or today
        since = since or until - timedelta(weeks=12)
        board = Dashboard(since=since, until=until)
        if self.actor.role not in (Role.LINE_MANAGER, Role.SOCIAL_WORKER, Role.KEY_WORKER):
            return board
        with self.vault.unit() as db:
            if self.actor.role is Role.LINE_MANAGER:
                team = {
                    u.id: u.name
                    for u in db.scalars(
                        select(UserRow).where(UserRow.line_manager_id == self.actor.id)
                    )
                }
            else:
                team = {self.actor.id: self.actor.name}
            visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            names = {
                c.id: c.name
                for c in db.scalars(
                    select(cw.Child).where(cw.Child.id.in_(visible), cw.Child.erased_at.is_(None))
                )
            }
            for item in db.scalars(
                select(cw.SupervisionItem).where(
                    cw.SupervisionItem.worker_id.in_(team), cw.SupervisionItem.note_id.is_(None)
                )
            ):
                board.open_item_ages.setdefault(team[item.worker_id], []).append(
                    (today - item.created_at.date()).days
                )
            per_week: dict[str, Counter[date]] = defaultdict(Counter)
            by_child: Counter[tuple[str, str]] = Counter()
            captures = db.scalars(select(cw.Capture).where(cw.Capture.worker_id.in_(team)))
            for capture in captures:
                day = capture.logged_at.date()
                if not since <= day <= until:
                    continue
                per_week[team[capture.worker_id]][week_of(day)] += 1
                for link in db.scalars(
                    select(cw.CaptureChild).where(cw.CaptureChild.capture_id == capture.id)
                ):
                    if link.child_id in names:
                        by_child[(names[link.child_id], Purpose(capture.purpose).label)] += 1
            board.captures_per_week = {w: dict(sorted(c.items())) for w, c in per_week.items()}
            board.captures_by_child_purpose = sorted(
                ((child, purpose, n) for (child, purpose), n in by_child.items())
            )
            for consent in db.scalars(
                select(cw.Consent).where(
                    cw.Consent.child_id.in_(names),
                    cw.Consent.withdrawn_at.is_(None),
                    cw.Consent.expires_on.is_not(None),
                )
            ):
                assert consent.expires_on is not None
                if today <= consent.expires_on <= today + EXPIRY_WINDOW:
                    board.expiring.append(
                        Expiring(
                            consent.child_id,
                            names[consent.child_id],
                            consent.id,
                            ConsentKind(consent.kind).label,
                            consent.expires_on,
                        )
                    )
            board.expiring.sort(key=lambda e: e.expires_on)
            flagged = db.execute(
                select(cw.Photo, cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                .where(
                    cw.Photo.flagged_at.is_not(None),
                    cw.Photo.erased_at.is_(None),
                    cw.CaptureChild.child_id.in_(names),
                )
            ).all()
            seen: set[int] = set()
            for photo, child_id in flagged:
                if photo.id in seen or photo.flagged_at is None:
                    continue
                seen.add(photo.id)
                board.flagged.append(
                    Flagged(
                        photo.id,
                        child_id,
                        names[child_id],
                        photo.flag_reason or "flagged",
                        photo.flagged_at,
                    )
                )
            self.ctx.audit(
                db,
                action="dashboard.viewed",
                details={"since": since.isoformat(), "until": until.isoformat()},
            )
        return board
