"""R3 and R12 (policy 5.5.4.3, 5.5.1.3): does a written consent on file hold for a purpose?

Which consent a purpose needs, whether it is current (not withdrawn, not expired, signed),
who may give it (a young person only at an age and understanding that make sense), and
the separate publicity consent of every person with parental responsibility (R7).
"""

from __future__ import annotations

from datetime import date

from sefton_photos.decisions import Reason
from sefton_photos.model import (
    ChildFile,
    ConsentKind,
    ConsentRecord,
    GivenBy,
    Purpose,
    ResponsiblePerson,
)
from sefton_photos.words import short_date

# -- R1, R2, R3, R12: may this child be photographed for this purpose? -------------------

ONE_TO_ONE_PURPOSES = (Purpose.LIFE_STORY, Purpose.ACTIVITY_RECORD, Purpose.CHILD_REQUEST)
KIND_FOR_PURPOSE = {
    **{p: ConsentKind.ONE_TO_ONE for p in ONE_TO_ONE_PURPOSES},
    Purpose.GROUP_ACTIVITY: ConsentKind.GROUP,
    Purpose.PUBLICITY: ConsentKind.PUBLICITY,
}


def _describe(c: ConsentRecord) -> str:
    who = c.giver_name or c.given_by.label
    return f"consent #{c.id} ({c.kind.label}, from {who}, signed {short_date(c.signed_on)})"


def _why_not(c: ConsentRecord, purpose: Purpose, today: date, f: ChildFile) -> Reason | None:
    """R12 and R3 faults of one consent for one purpose, or None if it holds."""
    status = c.status(today)
    if status == "withdrawn" and c.withdrawn_at is not None:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} was withdrawn on {short_date(c.withdrawn_at)}"
            + (f" by {c.withdrawn_by}" if c.withdrawn_by else "")
            + (f": {c.withdrawal_reason}" if c.withdrawal_reason else ""),
            remedy="record a new written consent, if it is freely given.",
        )
    if status == "corrected":
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} was replaced by its correction, consent #{c.corrected_by}",
        )
    if status == "expired" and c.expires_on is not None:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} expired on {short_date(c.expires_on)}",
            remedy="record a renewed written consent.",
        )
    if status == "not yet valid":
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} is dated in the future",
            remedy="correct the signed date.",
        )
    if purpose not in c.purposes:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} does not cover {purpose.label}",
            remedy="record a consent whose scope includes this purpose.",
        )
    if c.given_by is GivenBy.PARENT_CARER and not c.giver_may_consent:
        return Reason(
            "R3",
            "5.5.4.3",
            f"{_describe(c)} was given by someone without parental responsibility on file",
            remedy="record the person's parental responsibility, or consent from "
            "someone who has it.",
        )
    if c.given_by is GivenBy.SOCIAL_WORKER and not c.giver_may_consent:
        return Reason(
            "R3",
            "5.5.4.3",
            f"{_describe(c)} was given by someone who is not the child's social worker",
            remedy="record consent from the child's social worker or a parent/carer.",
        )
    if (fault := young_person_fault(c, f)) is not None:
        return fault
    if c.kind is ConsentKind.GROUP and (
        c.carers_notified_on is None or c.carers_notified_on > today
    ):
        return Reason(
            "R3",
            "5.5.4.3",
            f"{_describe(c)}: carers and social workers have not "
            "been notified of the group activity",
            remedy="record when carers and social workers were notified.",
        )
    return None


def age_on(born: date, day: date) -> int:
    """Whole years of age on ``day``: a birthday counts on the day itself."""
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def young_person_fault(c: ConsentRecord, f: ChildFile) -> Reason | None:
    """R3 (5.5.4.3): the young person's own consent needs the minimum age (an
    administrator's setting) on the day they signed, and their understanding assessed."""
    if c.given_by is not GivenBy.YOUNG_PERSON:
        return None
    age = age_on(f.child.date_of_birth, c.signed_on)
    if age < f.young_person_min_age:
        return Reason(
            "R3",
            "5.5.4.3",
            f"{_describe(c)} is the young person's own, but they were aged {age} when it "
            f"was signed; their own consent needs them to be at least "
            f"{f.young_person_min_age}",
            remedy="record consent from the child's social worker or a parent/carer.",
        )
    if not (c.understanding_assessment or "").strip():
        return Reason(
            "R3",
            "5.5.4.3",
            f"{_describe(c)} is the young person's own, but no "
            "assessment of their age and understanding is recorded",
            remedy="record the assessment of their age and understanding.",
        )
    return None


def _prefer(valid: list[ConsentRecord]) -> ConsentRecord:
    """The consent a decision relies on: a parent/carer's or social worker's if there is
    one (so the parent/carer's wishes are asked too), else the young person's own."""
    others = [c for c in valid if c.given_by is not GivenBy.YOUNG_PERSON]
    return max(others or valid, key=lambda c: (c.signed_on, c.id))


def relied_on(f: ChildFile, purpose: Purpose, today: date) -> ConsentRecord | None:
    """The consent a capture for this purpose rests on, if one is valid (R3, R12)."""
    kind = KIND_FOR_PURPOSE[purpose]
    valid = [c for c in f.consents if c.kind is kind and _why_not(c, purpose, today, f) is None]
    return _prefer(valid) if valid else None


def _r3_consent(f: ChildFile, purpose: Purpose, today: date) -> tuple[list[Reason], bool]:
    """Reasons under R3/R12 (and R6/R7 for publicity); and whether the young person's
    own consent is what the decision relies on (R2 then needs no parent/carer wish)."""
    kind = KIND_FOR_PURPOSE[purpose]
    candidates = [c for c in f.consents if c.kind is kind]
    faults = [(c, _why_not(c, purpose, today, f)) for c in candidates]
    valid = [c for c, fault in faults if fault is None]
    if purpose is Purpose.PUBLICITY:
        return _publicity(f, valid, [r for _, r in faults if r]), False
    if valid:
        chosen = _prefer(valid)
        return [
            Reason("R3", "5.5.4.3", f"Written consent is on file: {_describe(chosen)}.", met=True)
        ], chosen.given_by is GivenBy.YOUNG_PERSON
    what = (
        "a written one-to-one consent from the child's social worker or a parent/carer "
        "(or the young person's own, with their understanding assessed)"
        if kind is ConsentKind.ONE_TO_ONE
        else "a written group activity consent"
    )
    reasons = [r for _, r in faults if r]
    reasons.append(
        Reason(
            "R3",
            "5.5.4.3",
            f"There is no valid {kind.label} consent on the child's file for this purpose",
            remedy=f"record {what}.",
        )
    )
    return reasons, False


def _publicity(f: ChildFile, valid: list[ConsentRecord], faults: list[Reason]) -> list[Reason]:
    reasons: list[Reason] = []
    if f.child.care_status.cared_for or f.child.ever_cared_for:
        reasons.append(
            Reason(
                "R6",
                "5.5.4.7",
                "Photos of a cared-for or previously cared-for "
                "child are never displayed where the public has access, so they "
                "are not taken for publicity",
            )
        )
    people = [p for p in f.people if p.current]
    if not people:
        reasons.append(
            Reason(
                "R7",
                "5.5.4.8",
                "No one with parental responsibility is "
                "recorded, so publicity consent cannot be complete",
                remedy="record everyone with parental responsibility.",
            )
        )
    for person in people:
        if any(c.person_id == person.id for c in valid):
            reasons.append(
                Reason("R7", "5.5.4.8", f"{person.name} gave separate publicity consent.", met=True)
            )
        else:
            reasons.append(_no_publicity_consent(f, person))
    if not all(r.met for r in reasons):
        reasons = [r for r in faults if r not in reasons] + reasons
    return reasons


def _no_publicity_consent(f: ChildFile, person: ResponsiblePerson) -> Reason:
    """Why this person's publicity consent is missing: withdrawn (R12) is not "never given"."""
    theirs = [c for c in f.consents if c.kind is ConsentKind.PUBLICITY and c.person_id == person.id]
    latest = max(theirs, key=lambda c: (c.signed_on, c.id)) if theirs else None
    who = f"{person.name} ({person.relationship})"
    if latest is not None and latest.withdrawn_at is not None:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{who} withdrew their publicity consent on {short_date(latest.withdrawn_at)}",
            remedy="record a new signed publicity consent form, if it is freely given.",
        )
    return Reason(
        "R7",
        "5.5.4.8",
        f"{who} has not given a separate publicity consent",
        remedy="record their signed publicity consent form.",
    )
