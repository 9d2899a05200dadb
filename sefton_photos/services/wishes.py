"""R2 (policy 5.5.4.2) on the child's file: each person's wish, and the explanations.

Every person's wish is recorded on its own and none replaces another's: the child;
each person with parental responsibility (by person id); each carer without PR (by
name); each worker allocated to the child (their own wish, recorded by themselves, so
a key worker may record theirs though they keep no other part of the file).  A
person with PR who is not asked has a social worker's reason recorded instead, which
covers a missing wish only, never a recorded "no"; a carer who no longer cares for
the child is recorded so by the social worker, and their earlier wishes stop counting.
Explanations record when the
purpose was explained (never a date still to come), or why not and who permitted it.
These are methods of ``session.consents`` (:class:`ConsentsService` mixes them in).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Role, Whose
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.services.users import active_by_name, check_name
from sefton_photos.support import childfile
from sefton_photos.support.context import ServiceContext
from sefton_photos.words import short_date

CLAUSE = "(R2, policy 5.5.4.2)"


class WishesMixin:
    """Needs ``ctx`` and ``_audit`` from the service."""

    ctx: ServiceContext

    def _audit(
        self,
        db: OrmSession,
        action: str,
        child_id: int,
        subject: str,
        details: dict[str, object] | None = None,
    ) -> None:
        raise NotImplementedError

    def _current_person(
        self, db: OrmSession, child_id: int, person_id: int
    ) -> cw.ResponsiblePerson:
        person = db.get(cw.ResponsiblePerson, person_id)
        if person is None or person.child_id != child_id:
            raise NotFound(f"There is no person {person_id} on this child's file.")
        if person.ended_at is not None:
            raise InvalidInput(
                f"{person.name}'s parental responsibility has ended: their wish no longer "
                f"counts {CLAUSE}. Record them as a carer if they still care for the child."
            )
        return person

    def set_wish(
        self,
        *,
        child_id: int,
        whose: Whose,
        wishes_photos: bool,
        notes: str | None = None,
        person_id: int | None = None,
        carer: str | None = None,
    ) -> None:
        """Record one person's wish; the latest of each person is the one in force."""
        carer_name = (carer or "").strip() or None
        if whose is Whose.WORKER:
            if person_id is not None or carer_name:
                raise InvalidInput(
                    f"A wish as the worker is your own: it names no parent or carer {CLAUSE}."
                )
            self.ctx.guard(child_id, access.may_record_own_wish, "wish.set")
        else:
            self.ctx.guard_edit(child_id, "wish.set")
        if whose is Whose.CHILD and (person_id is not None or carer_name):
            raise InvalidInput(f"The child's own wish names no parent or carer {CLAUSE}.")
        if whose is Whose.PARENT_CARER:
            if person_id is not None and carer_name:
                raise InvalidInput(
                    "A parent/carer wish is either a person with parental responsibility "
                    f"on the file or a carer named, not both {CLAUSE}."
                )
            if person_id is None and not carer_name:
                raise InvalidInput(
                    "Say whose wish this is: a person with parental responsibility on the "
                    f"file (--person) or a carer by name (--carer) {CLAUSE}."
                )
            if carer_name:
                carer_name = check_name(carer_name)
        with self.ctx.vault.unit() as db:
            if person_id is not None:
                self._current_person(db, child_id, person_id)
            row = cw.Wish(
                child_id=child_id,
                whose=whose.value,
                person_id=person_id,
                carer_name=carer_name,
                worker_id=self.ctx.actor.id if whose is Whose.WORKER else None,
                wishes_photos=wishes_photos,
                notes=(notes or "").strip() or None,
                recorded_by=self.ctx.actor.id,
                recorded_at=utcnow(),
            )
            db.add(row)
            db.flush()
            kind, _ = childfile.wish_key(row)
            self._audit(
                db,
                "wish.recorded",
                child_id,
                f"child {child_id}",
                {
                    "whose": whose.value,
                    "of": kind,
                    "person": person_id,
                    "wishes_photos": wishes_photos,
                },
            )

    def record_wish_not_needed(self, *, child_id: int, person_id: int, reason: str) -> None:
        """The social worker records why a person with PR is not asked for their wish."""
        self.ctx.guard_edit(child_id, "wish.not_needed")
        why = reason.strip()
        if not why:
            raise InvalidInput(
                f"Say why this person's wish is not needed {CLAUSE}, e.g. a court order."
            )
        with self.ctx.vault.unit() as db:
            person = self._current_person(db, child_id, person_id)
            latest = db.scalar(
                select(cw.Wish)
                .where(cw.Wish.child_id == child_id, cw.Wish.person_id == person_id)
                .order_by(cw.Wish.recorded_at.desc(), cw.Wish.id.desc())
                .limit(1)
            )
            if latest is not None and not latest.wishes_photos:
                raise InvalidInput(
                    f"{person.name} does not wish the child to be photographed: a reason "
                    f"cannot set a recorded wish aside; only their own later wish can {CLAUSE}."
                )
            db.add(
                cw.WishNotNeeded(
                    child_id=child_id,
                    person_id=person_id,
                    reason=why,
                    recorded_by=self.ctx.actor.id,
                    recorded_at=utcnow(),
                )
            )
            self._audit(db, "wish.not_needed", child_id, f"person {person_id}")

    def record_carer_ended(self, *, child_id: int, carer: str, reason: str) -> None:
        """The social worker records that a carer no longer cares for the child: the
        carer's wishes recorded before it stop counting; a later wish of theirs counts."""
        self.ctx.guard_edit(child_id, "wish.carer_ended")
        why = reason.strip()
        if not why:
            raise InvalidInput(f"Say why they are no longer the child's carer {CLAUSE}.")
        with self.ctx.vault.unit() as db:
            names = db.scalars(
                select(cw.Wish.carer_name).where(
                    cw.Wish.child_id == child_id, cw.Wish.carer_name.is_not(None)
                )
            ).all()
            name = next((n for n in names if n and n.casefold() == carer.strip().casefold()), None)
            if name is None:
                raise InvalidInput(
                    f"There is no wish of a carer called {carer.strip()!r} on this file {CLAUSE}."
                )
            db.add(
                cw.WishNotNeeded(
                    child_id=child_id,
                    carer_name=name,
                    reason=why,
                    recorded_by=self.ctx.actor.id,
                    recorded_at=utcnow(),
                )
            )
            self._audit(db, "wish.carer_ended", child_id, f"child {child_id}")

    def record_explanation(
        self,
        *,
        child_id: int,
        to_whom: Whose,
        explained_on: date | None = None,
        not_explained_reason: str | None = None,
        permitted_by: str | None = None,
    ) -> None:
        """R2: the purpose was explained (today unless dated), or why not and who permitted."""
        if to_whom is Whose.WORKER:
            raise InvalidInput("The purpose is explained to the child or the parent/carer.")
        self.ctx.guard_edit(child_id, "explanation.record")
        if explained_on is not None and explained_on > date.today():
            raise InvalidInput(
                f"The explanation is dated in the future ({short_date(explained_on)}): record it "
                f"once the purpose has been explained {CLAUSE}."
            )
        reason = (not_explained_reason or "").strip()
        with self.ctx.vault.unit() as db:
            permitter = None
            if reason:
                permitter = active_by_name(db, permitted_by) if permitted_by else None
                if permitter is None or permitter.role not in (
                    Role.SOCIAL_WORKER.value,
                    Role.LINE_MANAGER.value,
                ):
                    raise InvalidInput(
                        "Not explaining needs a social worker's permission "
                        "(R2, policy 5.5.4.2): name them with --permitted-by."
                    )
            db.add(
                cw.Explanation(
                    child_id=child_id,
                    to_whom=to_whom.value,
                    explained=not reason,
                    explained_on=None if reason else (explained_on or date.today()),
                    not_explained_reason=reason or None,
                    permitted_by=permitter.id if permitter else None,
                    recorded_by=self.ctx.actor.id,
                    recorded_at=utcnow(),
                )
            )
            self._audit(
                db,
                "explanation.recorded",
                child_id,
                f"child {child_id}",
                {"to": to_whom.value, "explained": not reason},
            )
