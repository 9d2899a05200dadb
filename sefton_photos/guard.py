"""Enforcing a decision: a refusal is audited in its own transaction, then raised.

Every service calls :func:`require` (through its
:class:`~sefton_photos.support.context.ServiceContext`) with a decision from
:mod:`sefton_photos.policy` or :mod:`sefton_photos.access`, so no refusal is ever silent
(R14, policy 13.1); nothing else raises ``PolicyRefusal``.
"""

from __future__ import annotations

from sqlalchemy.orm import Session as OrmSession

from sefton_photos import audit
from sefton_photos.decisions import Decision
from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import User
from sefton_photos.vault.vault import Vault


def refuse_and_audit(
    db: OrmSession, actor: User, decision: Decision, action: str, subject: str | None
) -> PolicyRefusal:
    audit.append(
        db,
        action="access.refused",
        actor_id=actor.id,
        actor_name=actor.name,
        subject=subject,
        details={"attempted": action, **decision.audit_dict()},
    )
    return PolicyRefusal(decision)


def require(
    vault: Vault, actor: User, decision: Decision, action: str, subject: str | None = None
) -> None:
    """Raise (after auditing it, in its own transaction) when a decision refuses."""
    if decision.allowed:
        return
    with vault.unit() as db:
        error = refuse_and_audit(db, actor, decision, action, subject)
    raise error
