"""The child's file: open it, find it, allocate staff, keep the people with PR.

Need-to-know is enforced on every call (:meth:`ServiceContext.guard`): a child the
user may not see is reported exactly like a child that does not exist, and the
attempt is audited.
Available on a session as ``session.children``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import CareStatus, Child, ChildFile, ResponsiblePerson, Role
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import UserRow
from sefton_photos.services.users import active_by_name, check_name
from sefton_photos.support import childfile
from sefton_photos.support.context import Service


class ChildrenService(Service):
    """The child's file; need-to-know itself is :meth:`ServiceContext.guard`."""

    # -- queries -------------------------------------------------------------------------------

    def list(self, *, search: str | None = None) -> list[Child]:
        """The children this user may see, by name; ``search`` matches any part of it."""
        with self.vault.unit() as db:
            ids = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            rows = db.scalars(
                select(cw.Child)
                .where(cw.Child.id.in_(ids), cw.Child.erased_at.is_(None))
                .order_by(cw.Child.name)
            ).all()
            children = [childfile.to_child(db, r) for r in rows]
        if search and search.strip():
            needle = search.strip().casefold()
            children = [c for c in children if needle in c.name.casefold()]
        return children

    def file(self, *, child_id: int) -> ChildFile:
        """The whole file of one child; every view is audited."""
        self.ctx.guard_view(child_id, "child.view")
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            assert row is not None
            result = childfile.load_file(db, row)
            self.ctx.audit(
                db,
                action="child.viewed",
                child_id=child_id,
                subject=f"child {child_id}",
            )
        return result

    def get(self, *, child_id: int) -> Child:
        return self.file(child_id=child_id).child

    # -- changes -------------------------------------------------------------------------------

    def add(
        self,
        *,
        name: str,
        date_of_birth: date,
        care_status: CareStatus,
        social_worker: str | None = None,
        key_workers: Sequence[str] = (),
    ) -> Child:
        """Open a file.  A social worker opening it becomes the allocated social worker."""
        self.ctx.require(access.may_add_child(self.actor), "child.add")
        name = check_name(name)
        if date_of_birth > date.today():
            raise InvalidInput("The date of birth is in the future.")
        with self.vault.unit() as db:
            if social_worker is None and self.actor.role is Role.SOCIAL_WORKER:
                worker = db.get(UserRow, self.actor.id)
            elif social_worker is None:
                raise InvalidInput("Name the child's allocated social worker.")
            else:
                worker = self._staff(db, social_worker, Role.SOCIAL_WORKER)
            assert worker is not None
            keys = [self._staff(db, k, Role.KEY_WORKER) for k in key_workers]
            now = utcnow()
            row = cw.Child(
                name=name,
                date_of_birth=date_of_birth,
                care_status=care_status.value,
                created_by=self.actor.id,
                created_at=now,
            )
            db.add(row)
            db.flush()
            db.add(
                cw.CareStatusChange(
                    child_id=row.id,
                    status=care_status.value,
                    changed_by=self.actor.id,
                    changed_at=now,
                )
            )
            db.add(
                cw.Allocation(child_id=row.id, user_id=worker.id, kind="social_worker", since=now)
            )
            for k in keys:
                db.add(cw.Allocation(child_id=row.id, user_id=k.id, kind="key_worker", since=now))
            db.flush()
            self.ctx.audit(
                db,
                action="child.added",
                child_id=row.id,
                subject=f"child {row.id}",
                details={
                    "care_status": care_status.value,
                    "social_worker": worker.name,
                    "key_workers": [k.name for k in keys],
                },
            )
            return childfile.to_child(db, row)

    def _staff(self, db: OrmSession, name: str, role: Role) -> UserRow:
        row = active_by_name(db, name)
        if row is None:
            raise NotFound(f"There is no user called {name}.")
        if row.role != role.value:
            raise InvalidInput(f"{row.name} is not a {role.label.lower()}.")
        return row

    def allocate(
        self,
        *,
        child_id: int,
        key_worker: str | None = None,
        social_worker: str | None = None,
        remove_key_worker: str | None = None,
    ) -> Child:
        """Allocate a key worker (or a new social worker); allocations are history, kept."""
        self.ctx.guard_edit(child_id, "child.allocate")
        with self.vault.unit() as db:
            now = utcnow()
            current = childfile.current_allocations(db, child_id)
            changes: dict[str, str] = {}
            if key_worker:
                k = self._staff(db, key_worker, Role.KEY_WORKER)
                if not any(a.user_id == k.id and a.kind == "key_worker" for a in current):
                    db.add(
                        cw.Allocation(child_id=child_id, user_id=k.id, kind="key_worker", since=now)
                    )
                changes["key_worker_added"] = k.name
            if remove_key_worker:
                k = self._staff(db, remove_key_worker, Role.KEY_WORKER)
                for a in current:
                    if a.user_id == k.id and a.kind == "key_worker":
                        a.until = now
                changes["key_worker_removed"] = k.name
            if social_worker:
                s = self._staff(db, social_worker, Role.SOCIAL_WORKER)
                for a in current:
                    if a.kind == "social_worker":
                        a.until = now
                db.add(
                    cw.Allocation(child_id=child_id, user_id=s.id, kind="social_worker", since=now)
                )
                changes["social_worker"] = s.name
            if not changes:
                raise InvalidInput("Name a key worker or social worker to allocate.")
            db.flush()
            self.ctx.audit(
                db,
                action="child.allocated",
                child_id=child_id,
                subject=f"child {child_id}",
                details=changes,
            )
            row = db.get(cw.Child, child_id)
            assert row is not None
            return childfile.to_child(db, row)

    def set_care_status(self, *, child_id: int, care_status: CareStatus) -> Child:
        """A change of care status is kept as history: once cared for stays known (R6, R9)."""
        self.ctx.guard_edit(child_id, "child.care_status")
        with self.vault.unit() as db:
            row = db.get(cw.Child, child_id)
            assert row is not None
            before = row.care_status
            row.care_status = care_status.value
            db.add(
                cw.CareStatusChange(
                    child_id=child_id,
                    status=care_status.value,
                    changed_by=self.actor.id,
                    changed_at=utcnow(),
                )
            )
            db.flush()
            self.ctx.audit(
                db,
                action="child.care_status_changed",
                child_id=child_id,
                subject=f"child {child_id}",
                details={"from": before, "to": care_status.value},
            )
            return childfile.to_child(db, row)

    def add_person(self, *, child_id: int, name: str, relationship: str) -> ResponsiblePerson:
        """Record someone with parental responsibility (R3, R7)."""
        self.ctx.guard_edit(child_id, "person.add")
        name = check_name(name)
        if not relationship.strip():
            raise InvalidInput("Say how the person is related to the child (e.g. mother).")
        with self.vault.unit() as db:
            row = cw.ResponsiblePerson(
                child_id=child_id, name=name, relationship=relationship.strip(), added_at=utcnow()
            )
            db.add(row)
            db.flush()
            self.ctx.audit(
                db,
                action="person.added",
                child_id=child_id,
                subject=f"person {row.id}",
                details={"relationship": row.relationship},
            )
            return childfile.to_person(row)
