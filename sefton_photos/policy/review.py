"""R12 (policy 5.5.1.3): may a photo flagged by a withdrawn consent be cleared?"""

from __future__ import annotations

from datetime import date

from sefton_photos.decisions import Decision, Reason, combine, refuse
from sefton_photos.model import (
    ChildFile,
    ConsentRecord,
    Purpose,
)
from sefton_photos.policy.consent import KIND_FOR_PURPOSE, _describe, _why_not

# -- R12: may a photo flagged by a withdrawal be cleared? ---------------------------------


def may_clear_flag(
    f: ChildFile,
    withdrawn: ConsentRecord | None,
    purpose: Purpose,
    consent: ConsentRecord | None,
    today: date,
) -> Decision:
    """R12 (5.5.1.3): a photo flagged because a consent was withdrawn is cleared only when
    a new, current consent of the same child, recorded after the withdrawal, covers the
    purpose the photo was taken for.  Anything less and it stays flagged."""
    if consent is None or consent.child_id != f.child.id:
        return refuse_r12("The consent named is not on this child's file", "name their consent.")
    if withdrawn is None:
        return refuse_r12(
            f"Consent #{consent.id} is for a child whose withdrawn consent did not flag this photo",
            "name a consent of the child whose consent was withdrawn.",
        )
    if (
        consent.id == withdrawn.id
        or withdrawn.withdrawn_at is None
        or consent.recorded_at <= withdrawn.withdrawn_at
    ):
        return refuse_r12(
            f"Consent #{consent.id} was on file before consent #{withdrawn.id} was withdrawn: "
            "the review needs a new consent, freely given after the withdrawal",
            "record the new written consent first, then review the photo.",
        )
    kind = KIND_FOR_PURPOSE[purpose]
    if consent.kind is not kind:
        return refuse_r12(
            f"Consent #{consent.id} is a {consent.kind.label} consent; the photo was taken "
            f"for {purpose.label}, which needs a {kind.label} consent",
            f"record a {kind.label} consent.",
        )
    fault = _why_not(consent, purpose, today, f)
    if fault is not None:
        return refuse(fault)
    return combine(
        [
            Reason(
                "R12",
                "5.5.1.3",
                f"{_describe(consent)} is new and current, and covers {purpose.label}: "
                f"it replaces consent #{withdrawn.id}, which was withdrawn.",
                met=True,
            )
        ]
    )


def refuse_r12(text: str, remedy: str) -> Decision:
    return refuse(Reason("R12", "5.5.1.3", text, remedy=remedy))
