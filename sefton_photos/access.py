"""Who may see and do what: the role table and need-to-know of REQUIREMENTS.md.

Like :mod:`sefton_photos.policy`, every function returns a Decision with its reasons;
these rules are about people's roles and allocations rather than about photographs,
so they carry the rule id ``ACCESS`` (or the R-rule they serve, such as R10).
"""

from __future__ import annotations

from dataclasses import dataclass

from sefton_photos.decisions import Decision, Reason, allow, refuse
from sefton_photos.model import Role, User

ROLES = "requirements, Who uses it"
NEED_TO_KNOW = "requirements, Who uses it: need-to-know"

# -- roles ----------------------------------------------------------------------------------


def _admin_only(
    actor: Role, what: str, done: str, rule: str = "ACCESS", clause: str = ROLES
) -> Decision:
    if actor is Role.ADMINISTRATOR:
        return allow(Reason(rule, clause, f"Administrators {done}.", met=True))
    return refuse(Reason(rule, clause, f"Only an administrator can {what}."))


def may_manage_users(actor: Role) -> Decision:
    """Only an administrator (ICT / information governance) manages users."""
    return _admin_only(actor, "add, change or remove users", "manage users and roles")


def may_manage_devices(actor: Role) -> Decision:
    """R5 (5.5.4.5): only an administrator registers or retires council devices."""
    return _admin_only(
        actor,
        "register or retire council devices",
        "keep the register of council devices",
        "R5",
        "5.5.4.5",
    )


def may_manage_locations(actor: Role) -> Decision:
    """R5 (5.5.4.6): only an administrator approves or removes export locations."""
    return _admin_only(
        actor,
        "approve or remove export locations",
        "approve council export locations",
        "R5",
        "5.5.4.6",
    )


def may_change_settings(actor: Role) -> Decision:
    return _admin_only(actor, "change the vault's settings", "keep the vault's settings")


def may_govern_records(actor: Role, what: str) -> Decision:
    """R13 (UK GDPR): retention review and erasure are information governance's."""
    if actor is Role.ADMINISTRATOR:
        return allow(
            Reason("R13", "UK GDPR art. 15, 17", f"Information governance may {what}.", met=True)
        )
    return refuse(
        Reason(
            "R13",
            "UK GDPR art. 15, 17",
            f"Only an administrator (information governance) can {what}",
        )
    )


def may_approve_publicity(actor: Role) -> Decision:
    """R7 (5.5.4.8, 5.2): publicity use is approved by a communications officer."""
    if actor is Role.COMMUNICATIONS_OFFICER:
        return allow(
            Reason("R7", "5.5.4.8", "Communications officers approve publicity use.", met=True)
        )
    return refuse(Reason("R7", "5.5.4.8", "Only a communications officer approves publicity use"))


# -- supervision (R10, 5.5.3.2) -------------------------------------------------------------


def may_record_supervision(actor: User, worker_manager_id: int | None, worker: str) -> Decision:
    """Only the worker's own line manager records their supervision notes."""
    if actor.role is not Role.LINE_MANAGER:
        return refuse(Reason("R10", "5.5.3.2", "Only a line manager records supervision notes"))
    if worker_manager_id != actor.id:
        return refuse(
            Reason(
                "R10",
                "5.5.3.2",
                f"{worker} is not in your team: only their own line manager records their "
                "supervision",
            )
        )
    return allow(Reason("R10", "5.5.3.2", "You are the worker's line manager.", met=True))


def may_edit_supervision_note(actor: User, manager_id: int) -> Decision:
    if actor.id == manager_id:
        return allow(Reason("R10", "5.5.3.2", "You wrote this note.", met=True))
    return refuse(Reason("R10", "5.5.3.2", "Only the line manager who wrote the note edits it"))


def may_export_supervision(actor: User, worker_id: int, manager_id: int | None) -> Decision:
    if actor.id in (worker_id, manager_id):
        return allow(Reason("R10", "5.5.3.2", "You are party to this supervision.", met=True))
    return refuse(
        Reason(
            "R10",
            "5.5.3.2",
            "A supervision record is exported by the worker or their line manager only",
        )
    )


def may_read_audit(actor: Role) -> Decision:
    return _admin_only(actor, "read the audit log", "keep the audit log")


def may_check_vault(actor: Role) -> Decision:
    return _admin_only(actor, "check the vault", "check the vault")


def may_be_line_manager(role: Role) -> Decision:
    """R10 (5.5.3.2): the person alerted to captures must be a line manager."""
    if role is Role.LINE_MANAGER:
        return allow(Reason("R10", "5.5.3.2", "Line managers receive supervision alerts.", True))
    return refuse(
        Reason("R10", "5.5.3.2", "A user's line manager must have the line manager role.")
    )


def needs_line_manager(role: Role) -> bool:
    """R10 (5.5.3.2): staff who photograph children must have someone to alert."""
    return role in (Role.SOCIAL_WORKER, Role.KEY_WORKER)


# -- need-to-know access to a child's file ------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChildAccess:
    """Who stands where to one child: allocated staff and their line managers."""

    social_worker_id: int | None
    key_worker_ids: frozenset[int]
    manager_ids: frozenset[int]


def may_add_child(actor: User) -> Decision:
    if actor.role in (Role.SOCIAL_WORKER, Role.LINE_MANAGER):
        return allow(Reason("ACCESS", ROLES, "Social workers and line managers open files.", True))
    return refuse(
        Reason("ACCESS", ROLES, "Only a social worker or a line manager can open a child's file.")
    )


def may_view_child(actor: User, access: ChildAccess) -> Decision:
    """Need-to-know: allocated workers, and the line managers of allocated workers."""
    if actor.role is Role.ADMINISTRATOR:
        return refuse(Reason("ACCESS", NEED_TO_KNOW, "Administrators do not see children's files."))
    if actor.id == access.social_worker_id or actor.id in access.key_worker_ids:
        return allow(Reason("ACCESS", NEED_TO_KNOW, "You are allocated to this child.", True))
    if actor.role is Role.LINE_MANAGER and actor.id in access.manager_ids:
        return allow(
            Reason("ACCESS", NEED_TO_KNOW, "The child is allocated to a member of your team.", True)
        )
    return refuse(
        Reason(
            "ACCESS",
            NEED_TO_KNOW,
            "You are not allocated to this child.",
            remedy="ask the child's social worker to allocate you.",
        )
    )


def may_edit_child_file(actor: User, access: ChildAccess) -> Decision:
    """The allocated social worker and their line manager keep the file; key workers read."""
    seen = may_view_child(actor, access)
    if not seen.allowed:
        return seen
    if actor.id == access.social_worker_id or actor.role is Role.LINE_MANAGER:
        return allow(Reason("ACCESS", ROLES, "The child's social worker keeps the file.", True))
    return refuse(
        Reason(
            "ACCESS",
            ROLES,
            "Only the child's social worker or their line manager changes the file.",
            remedy="ask the child's social worker.",
        )
    )


def may_record_withdrawal(actor: User, access: ChildAccess) -> Decision:
    """R12 (5.5.1.3): anyone allocated may record a withdrawal; it takes effect at once."""
    seen = may_view_child(actor, access)
    if not seen.allowed:
        return seen
    return allow(Reason("R12", "5.5.1.3", "Consent can be withdrawn at any time.", True))


def may_record_own_wish(actor: User, access: ChildAccess) -> Decision:
    """R2 (5.5.4.2): a worker allocated to the child records their own wish as worker."""
    seen = may_view_child(actor, access)
    if not seen.allowed:
        return seen
    if actor.id == access.social_worker_id or actor.id in access.key_worker_ids:
        return allow(Reason("R2", "5.5.4.2", "You are the child's worker.", True))
    return refuse(
        Reason(
            "R2",
            "5.5.4.2",
            "A wish as the worker is the own wish of a social worker or key worker "
            "allocated to the child",
        )
    )


def may_capture(actor: User, access: ChildAccess) -> Decision:
    """Captures are logged by the child's allocated social worker or key workers."""
    seen = may_view_child(actor, access)
    if not seen.allowed:
        return seen
    if actor.id == access.social_worker_id or actor.id in access.key_worker_ids:
        return allow(Reason("ACCESS", ROLES, "You are allocated to this child.", True))
    return refuse(
        Reason(
            "ACCESS", ROLES, "Only the child's allocated social worker or key workers log captures."
        )
    )
