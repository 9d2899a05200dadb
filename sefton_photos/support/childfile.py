"""Reading a child's file out of the database as facts the policy can judge.

The policy never sees ORM rows: this module turns them into the dataclasses of
:mod:`sefton_photos.model` (a :class:`ChildFile` snapshot) and works out who stands
where to a child (:class:`ChildAccess`) for the need-to-know rules.
"""

from __future__ import annotations

import json

from sqlalchemy import or_, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.access import ChildAccess
from sefton_photos.model import (
    CareStatus,
    Child,
    ChildFile,
    ChildId,
    ConsentId,
    ConsentKind,
    ConsentRecord,
    Destination,
    ExplanationRecord,
    GivenBy,
    PersonId,
    Purpose,
    ResponsiblePerson,
    Role,
    Whose,
    WishNotNeeded,
    WishRecord,
)
from sefton_photos.model.settings import YOUNG_PERSON_MIN_AGE
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import UserRow
from sefton_photos.support import settings


def _name(db: OrmSession, user_id: int | None) -> str | None:
    """A staff member's name; every name read once per unit of work, in one query (a file
    names the same few people many times: wishes, consents, explanations)."""
    if user_id is None:
        return None
    names: dict[int, str] | None = db.info.get("user_names")
    if names is None:
        names = {uid: name for uid, name in db.execute(select(UserRow.id, UserRow.name))}
        db.info["user_names"] = names
    if user_id not in names:  # added in this unit of work, after the names were read
        row = db.get(UserRow, user_id)
        return row.name if row else None
    return names[user_id]


def current_allocations(db: OrmSession, child_id: int) -> list[cw.Allocation]:
    return list(
        db.scalars(
            select(cw.Allocation).where(
                cw.Allocation.child_id == child_id, cw.Allocation.until.is_(None)
            )
        )
    )


def access_for(db: OrmSession, child_id: int) -> ChildAccess:
    allocations = current_allocations(db, child_id)
    social = next((a.user_id for a in allocations if a.kind == "social_worker"), None)
    keys = frozenset(a.user_id for a in allocations if a.kind == "key_worker")
    staff = [db.get(UserRow, a.user_id) for a in allocations]
    managers = frozenset(u.line_manager_id for u in staff if u and u.line_manager_id)
    return ChildAccess(social_worker_id=social, key_worker_ids=keys, manager_ids=managers)


def visible_child_ids(db: OrmSession, actor_id: int, role: Role) -> set[int]:
    """Children the actor may see: allocated to them, or (managers) to their team."""
    if role is Role.ADMINISTRATOR:
        return set()
    team = select(UserRow.id).where(UserRow.line_manager_id == actor_id)
    query = select(cw.Allocation.child_id).where(cw.Allocation.until.is_(None))
    if role is Role.LINE_MANAGER:
        query = query.where(or_(cw.Allocation.user_id == actor_id, cw.Allocation.user_id.in_(team)))
    else:
        query = query.where(cw.Allocation.user_id == actor_id)
    return set(db.scalars(query))


def to_child(db: OrmSession, row: cw.Child) -> Child:
    allocations = current_allocations(db, row.id)
    social = next((a.user_id for a in allocations if a.kind == "social_worker"), None)
    keys = tuple(
        sorted(n for a in allocations if a.kind == "key_worker" if (n := _name(db, a.user_id)))
    )
    history = db.scalars(
        select(cw.CareStatusChange.status).where(cw.CareStatusChange.child_id == row.id)
    ).all()
    ever = any(CareStatus(s).cared_for for s in [*history, row.care_status])
    return Child(
        id=ChildId(row.id),
        name=row.name,
        date_of_birth=row.date_of_birth,
        care_status=CareStatus(row.care_status),
        ever_cared_for=ever,
        social_worker=_name(db, social),
        key_workers=keys,
    )


def to_person(row: cw.ResponsiblePerson) -> ResponsiblePerson:
    return ResponsiblePerson(
        id=PersonId(row.id),
        child_id=ChildId(row.child_id),
        name=row.name,
        relationship=row.relationship,
        current=row.ended_at is None,
    )


def was_social_worker(db: OrmSession, child_id: int, user_id: int) -> bool:
    return (
        db.scalar(
            select(cw.Allocation.id)
            .where(
                cw.Allocation.child_id == child_id,
                cw.Allocation.user_id == user_id,
                cw.Allocation.kind == "social_worker",
            )
            .limit(1)
        )
        is not None
    )


def to_consent(db: OrmSession, row: cw.Consent) -> ConsentRecord:
    given_by = GivenBy(row.given_by)
    person = db.get(cw.ResponsiblePerson, row.person_id) if row.person_id else None
    if given_by is GivenBy.PARENT_CARER:
        giver = person.name if person else None
        may = person is not None and person.child_id == row.child_id and person.ended_at is None
    elif given_by is GivenBy.SOCIAL_WORKER:
        giver = _name(db, row.giver_user_id)
        may = row.giver_user_id is not None and was_social_worker(
            db, row.child_id, row.giver_user_id
        )
    else:
        giver, may = "the young person", True
    later = db.scalar(select(cw.Consent.id).where(cw.Consent.corrects_id == row.id).limit(1))
    return ConsentRecord(
        id=ConsentId(row.id),
        child_id=ChildId(row.child_id),
        kind=ConsentKind(row.kind),
        given_by=given_by,
        person_id=PersonId(row.person_id) if row.person_id else None,
        giver_name=giver,
        giver_may_consent=may,
        understanding_assessment=row.understanding_assessment,
        purposes=tuple(Purpose(p) for p in json.loads(row.purposes)),
        destinations=tuple(Destination(d) for d in json.loads(row.destinations)),
        signed_on=row.signed_on,
        expires_on=row.expires_on,
        carers_notified_on=row.carers_notified_on,
        has_form=row.form_object_id is not None,
        recorded_by=_name(db, row.recorded_by) or "?",
        recorded_at=row.recorded_at,
        withdrawn_at=row.withdrawn_at,
        withdrawn_by=_name(db, row.withdrawn_by),
        withdrawal_reason=row.withdrawal_reason,
        corrects_id=ConsentId(row.corrects_id) if row.corrects_id else None,
        corrected_by=ConsentId(later) if later else None,
    )


def wish_key(r: cw.Wish) -> tuple[str, object]:
    """Whose wish a row is: the latest row per key is the one in force (R2)."""
    if r.whose == Whose.CHILD.value:
        return ("child", None)
    if r.person_id is not None:
        return ("pr", r.person_id)
    if r.carer_name:
        return ("carer", r.carer_name.casefold())
    if r.worker_id is not None:
        return ("worker", r.worker_id)
    # Before 0002 one slot held every parent/carer's (or worker's) wish: each such row
    # may be a different person's, so none replaces another.
    return ("unattributed " + r.whose, r.id)


def _latest_wishes(db: OrmSession, child_id: int) -> tuple[WishRecord, ...]:
    rows = db.scalars(
        select(cw.Wish)
        .where(cw.Wish.child_id == child_id)
        .order_by(cw.Wish.recorded_at, cw.Wish.id)
    ).all()
    latest = {wish_key(r): r for r in rows}
    out = []
    for r in latest.values():
        person = db.get(cw.ResponsiblePerson, r.person_id) if r.person_id else None
        name = person.name if person else (r.carer_name or _name(db, r.worker_id))
        out.append(
            WishRecord(
                whose=Whose(r.whose),
                wishes_photos=r.wishes_photos,
                person_name=name,
                notes=r.notes,
                recorded_by=_name(db, r.recorded_by) or "?",
                recorded_at=r.recorded_at,
                person_id=PersonId(r.person_id) if r.person_id else None,
                carer=bool(r.carer_name),
            )
        )
    return tuple(sorted(out, key=lambda w: list(Whose).index(w.whose)))


def _latest_waivers(db: OrmSession, child_id: int) -> tuple[WishNotNeeded, ...]:
    rows = db.scalars(
        select(cw.WishNotNeeded)
        .where(cw.WishNotNeeded.child_id == child_id)
        .order_by(cw.WishNotNeeded.recorded_at, cw.WishNotNeeded.id)
    ).all()
    out = []
    latest = {(r.person_id, (r.carer_name or "").casefold()): r for r in rows}
    for r in latest.values():
        person = db.get(cw.ResponsiblePerson, r.person_id) if r.person_id else None
        out.append(
            WishNotNeeded(
                person_id=PersonId(r.person_id) if r.person_id else None,
                person_name=person.name if person else (r.carer_name or "?"),
                reason=r.reason,
                recorded_by=_name(db, r.recorded_by) or "?",
                recorded_at=r.recorded_at,
                carer=r.carer_name is not None,
            )
        )
    return tuple(out)


def _latest_explanations(db: OrmSession, child_id: int) -> tuple[ExplanationRecord, ...]:
    rows = db.scalars(
        select(cw.Explanation)
        .where(cw.Explanation.child_id == child_id)
        .order_by(cw.Explanation.recorded_at, cw.Explanation.id)
    ).all()
    latest = {r.to_whom: r for r in rows}
    out = []
    for r in latest.values():
        permitter = db.get(UserRow, r.permitted_by) if r.permitted_by else None
        out.append(
            ExplanationRecord(
                to_whom=Whose(r.to_whom),
                explained=r.explained,
                explained_on=r.explained_on,
                not_explained_reason=r.not_explained_reason,
                permitted_by=permitter.name if permitter else None,
                permitted_by_is_social_worker=permitter is not None
                and permitter.role in (Role.SOCIAL_WORKER.value, Role.LINE_MANAGER.value),
                recorded_by=_name(db, r.recorded_by) or "?",
                recorded_at=r.recorded_at,
            )
        )
    return tuple(sorted(out, key=lambda e: list(Whose).index(e.to_whom)))


def load_file(db: OrmSession, row: cw.Child) -> ChildFile:
    people = db.scalars(
        select(cw.ResponsiblePerson)
        .where(cw.ResponsiblePerson.child_id == row.id)
        .order_by(cw.ResponsiblePerson.id)
    ).all()
    consents = db.scalars(
        select(cw.Consent).where(cw.Consent.child_id == row.id).order_by(cw.Consent.id)
    ).all()
    return ChildFile(
        child=to_child(db, row),
        people=tuple(to_person(p) for p in people),
        consents=tuple(to_consent(db, c) for c in consents),
        wishes=_latest_wishes(db, row.id),
        explanations=_latest_explanations(db, row.id),
        waivers=_latest_waivers(db, row.id),
        young_person_min_age=settings.read(db, YOUNG_PERSON_MIN_AGE),
    )
