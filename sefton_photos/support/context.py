"""One explicit context for every service: the vault, the actor, and the one way to
audit, to guard a child's file and to refuse.

The session builds a :class:`ServiceContext` once, when it signs in, and hands the
same one to every service.  Services used to take ``ChildrenService`` only to read
its ``vault`` and ``actor`` and borrow its private guard, and passed the actor by
hand to almost every audit entry; here the actor is named once.  Every refusal goes
through :meth:`ServiceContext.require` (:func:`sefton_photos.guard.require`), so no
refusal is ever silent (R14, policy 13.1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, audit, guard
from sefton_photos.decisions import Decision
from sefton_photos.errors import NotFound
from sefton_photos.model import User
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import AuditRow
from sefton_photos.support import childfile
from sefton_photos.vault.vault import Vault

Rule = Callable[[User, access.ChildAccess], Decision]


@dataclass(frozen=True, slots=True)
class ServiceContext:
    """Who acts, on which vault; built once per session and shared by its services."""

    vault: Vault
    actor: User

    def audit(
        self,
        db: OrmSession,
        *,
        action: str,
        subject: str | None = None,
        child_id: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditRow:
        """An audit entry by this actor, inside the caller's transaction."""
        return audit.append(
            db,
            action=action,
            actor_id=self.actor.id,
            actor_name=self.actor.name,
            subject=subject,
            child_id=child_id,
            details=details,
        )

    def require(self, decision: Decision, action: str, subject: str | None = None) -> None:
        """Refuse (audited, in its own transaction) unless the decision allows."""
        guard.require(self.vault, self.actor, decision, action, subject)

    def guard(self, child_id: int, rule: Rule, action: str) -> None:
        """Need-to-know on one child's file: NotFound if the actor may not see the child
        (or it does not exist: the two look the same), PolicyRefusal if they see it but
        ``rule`` refuses; both audited."""
        with self.vault.unit(reading=True) as db:
            row = db.get(cw.Child, child_id)
            known = row is not None and row.erased_at is None
            facts = childfile.access_for(db, child_id) if known else None
        seen = facts is not None and access.may_view_child(self.actor, facts).allowed
        decision = rule(self.actor, facts) if facts is not None else None
        if decision is not None and decision.allowed:
            return
        if seen and decision is not None:
            self.require(decision, action, f"child {child_id}")
        with self.vault.unit() as db:
            self.audit(
                db,
                action="access.refused",
                subject=f"child {child_id}",
                child_id=child_id if known else None,
                details={"attempted": action, "reason": "not visible or unknown"},
            )
        raise NotFound(f"There is no child with id {child_id} among the children you may see.")

    def guard_view(self, child_id: int, action: str) -> None:
        self.guard(child_id, access.may_view_child, action)

    def guard_edit(self, child_id: int, action: str) -> None:
        self.guard(child_id, access.may_edit_child_file, action)

    def guard_withdraw(self, child_id: int, action: str) -> None:
        self.guard(child_id, access.may_record_withdrawal, action)


class Service:
    """The base of every service: its context, and the vault and actor it names."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def vault(self) -> Vault:
        return self.ctx.vault

    @property
    def actor(self) -> User:
        return self.ctx.actor
