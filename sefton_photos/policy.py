"""The rules of REQUIREMENTS.md as code: every decision is data.

A :class:`Decision` says whether something is allowed and, always, why: each
:class:`Reason` carries the rule id (R1-R14, or ``ROLES`` for the role table of
REQUIREMENTS.md) and the policy clause.  Callers never decide on their own; they
ask a function here and show ``decision.explain()`` as it is.  Deny by default:
a function that finds no rule allowing an action refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sefton_photos.model import Role


@dataclass(frozen=True, slots=True)
class Reason:
    """One rule's finding: the rule id, the clause it rests on, and plain words."""

    rule: str
    clause: str
    text: str

    def explain(self) -> str:
        where = f"policy {self.clause}" if self.clause[:1].isdigit() else self.clause
        return f"{self.text} ({self.rule}, {where})"


@dataclass(frozen=True, slots=True)
class Decision:
    """Allowed or refused, with every reason that led there."""

    allowed: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)

    @property
    def verdict(self) -> str:
        return "ALLOWED" if self.allowed else "REFUSED"

    def explain(self) -> str:
        lines = [r.explain() for r in self.reasons] or ["No rule allows this."]
        return f"{self.verdict}: " + " ".join(lines)

    def as_dict(self) -> dict[str, object]:
        return {
            "allowed": self.allowed,
            "verdict": self.verdict,
            "reasons": [{"rule": r.rule, "clause": r.clause, "text": r.text} for r in self.reasons],
        }


def allow(*reasons: Reason) -> Decision:
    return Decision(True, tuple(reasons))


def refuse(*reasons: Reason) -> Decision:
    return Decision(False, tuple(reasons))


# -- Roles (REQUIREMENTS.md, "Who uses it") ---------------------------------------

_ROLES_CLAUSE = "requirements, Who uses it"


def may_manage_users(actor: Role) -> Decision:
    """Only an administrator (ICT / information governance) manages users and roles."""
    if actor is Role.ADMINISTRATOR:
        return allow(Reason("ROLES", _ROLES_CLAUSE, "Administrators manage users and roles."))
    return refuse(
        Reason("ROLES", _ROLES_CLAUSE, "Only an administrator can add, change or remove users.")
    )


def may_read_audit(actor: Role) -> Decision:
    """The audit log is the administrator's (information governance)."""
    if actor is Role.ADMINISTRATOR:
        return allow(Reason("ROLES", _ROLES_CLAUSE, "Administrators keep the audit log."))
    return refuse(Reason("ROLES", _ROLES_CLAUSE, "Only an administrator can read the audit log."))


def may_check_vault(actor: Role) -> Decision:
    """Checking the vault reads every object's integrity, not its content: administrators."""
    if actor is Role.ADMINISTRATOR:
        return allow(Reason("ROLES", _ROLES_CLAUSE, "Administrators check the vault."))
    return refuse(Reason("ROLES", _ROLES_CLAUSE, "Only an administrator can check the vault."))


def may_be_line_manager(role: Role) -> Decision:
    """R10 (5.5.3.2): the person alerted to captures must be a line manager."""
    if role is Role.LINE_MANAGER:
        return allow(Reason("R10", "5.5.3.2", "Line managers receive supervision alerts."))
    return refuse(
        Reason("R10", "5.5.3.2", "A user's line manager must have the line manager role.")
    )


def needs_line_manager(role: Role) -> bool:
    """R10 (5.5.3.2): staff who photograph children must have someone to alert."""
    return role in (Role.SOCIAL_WORKER, Role.KEY_WORKER)
