"""The rules of REQUIREMENTS.md as code, and nothing else.

Every function takes facts (dataclasses from :mod:`sefton_photos.model`) and returns a
:class:`~sefton_photos.decisions.Decision` holding every reason, met or not, with its
rule id and policy clause.  Callers never decide on their own: they ask here and show
the decision as it is.  Deny by default: where no rule allows an action, it is refused.

Rules here now: R1, R2, R3, R12, and the parts of R6/R7 that bear on a capture for
publicity.  Later rules (R4-R11) join this module.  Who may see or change what (roles
and need-to-know) is in :mod:`sefton_photos.access`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sefton_photos.decisions import Decision, Reason, combine, refuse
from sefton_photos.model import (
    CaptureContext,
    ChildFile,
    ConsentKind,
    ConsentRecord,
    Destination,
    ExportFacts,
    FaceStatus,
    GivenBy,
    Purpose,
    ResponsiblePerson,
    Whose,
    WishRecord,
)

# -- R1, R2, R3, R12: may this child be photographed for this purpose? -------------------

ONE_TO_ONE_PURPOSES = (Purpose.LIFE_STORY, Purpose.ACTIVITY_RECORD, Purpose.CHILD_REQUEST)
KIND_FOR_PURPOSE = {
    **{p: ConsentKind.ONE_TO_ONE for p in ONE_TO_ONE_PURPOSES},
    Purpose.GROUP_ACTIVITY: ConsentKind.GROUP,
    Purpose.PUBLICITY: ConsentKind.PUBLICITY,
}


def _describe(c: ConsentRecord) -> str:
    who = c.giver_name or c.given_by.label
    return f"consent #{c.id} ({c.kind.label}, from {who}, signed {c.signed_on:%d %b %Y})"


def _why_not(c: ConsentRecord, purpose: Purpose, today: date, f: ChildFile) -> Reason | None:
    """R12 and R3 faults of one consent for one purpose, or None if it holds."""
    status = c.status(today)
    if status == "withdrawn" and c.withdrawn_at is not None:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{_describe(c)} was withdrawn on {c.withdrawn_at:%d %b %Y}"
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
            f"{_describe(c)} expired on {c.expires_on:%d %b %Y}",
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


def _recorded(w: WishRecord) -> str:
    return f"recorded {w.recorded_at:%d %b %Y} by {w.recorded_by}"


def _wish_reason(w: WishRecord, who: str) -> Reason:
    if w.wishes_photos:
        return Reason("R2", "5.5.4.2", f"{who} is content for photos to be taken.", met=True)
    notes = f": {w.notes}" if w.notes else ""
    whom = "to be" if w.whose is Whose.CHILD else "the child to be"
    return Reason(
        "R2",
        "5.5.4.2",
        f"{who} does not wish {whom} photographed ({_recorded(w)}{notes})",
        remedy="only their own later wish lifts it.",
    )


def _no_publicity_consent(f: ChildFile, person: ResponsiblePerson) -> Reason:
    """Why this person's publicity consent is missing: withdrawn (R12) is not "never given"."""
    theirs = [c for c in f.consents if c.kind is ConsentKind.PUBLICITY and c.person_id == person.id]
    latest = max(theirs, key=lambda c: (c.signed_on, c.id)) if theirs else None
    who = f"{person.name} ({person.relationship})"
    if latest is not None and latest.withdrawn_at is not None:
        return Reason(
            "R12",
            "5.5.1.3",
            f"{who} withdrew their publicity consent on {latest.withdrawn_at:%d %b %Y}",
            remedy="record a new signed publicity consent form, if it is freely given.",
        )
    return Reason(
        "R7",
        "5.5.4.8",
        f"{who} has not given a separate publicity consent",
        remedy="record their signed publicity consent form.",
    )


def _r2_wishes(f: ChildFile, young_persons_own: bool) -> list[Reason]:
    """R2 (5.5.4.2): every person's wish counts on its own; any current "no" refuses.

    The child; each current person with PR (their wish, or a social worker's reason
    why it is not needed); each carer named; each worker allocated to the child.  A
    wish of someone whose PR ended, or of a worker no longer allocated, no longer
    counts.  Unattributed wishes (before schema 0002) speak for no one, except that an
    old "no" stands until every current person with PR has been asked again after it.
    With the young person's own consent (R3), their parents' wishes are not asked for,
    but a "no" any of them recorded still refuses.
    """
    reasons: list[Reason] = []
    child = next((w for w in f.wishes if w.whose is Whose.CHILD), None)
    if child is None:
        reasons.append(
            Reason(
                "R2",
                "5.5.4.2",
                "The child's wishes about being photographed are not recorded",
                remedy="record the child's wishes.",
            )
        )
    else:
        reasons.append(_wish_reason(child, "The child"))
    people = [p for p in f.people if p.current]
    by_person = {w.person_id: w for w in f.wishes if w.person_id is not None}
    waived = {v.person_id: v for v in f.waivers if not v.carer}
    for p in people:
        who = f"{p.name} ({p.relationship})"
        wish, waiver = by_person.get(p.id), waived.get(p.id)
        if wish is not None:
            reasons.append(_wish_reason(wish, who))
        elif waiver is not None:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"{who}'s wish is not needed: {waiver.reason} (recorded "
                    f"{waiver.recorded_at:%d %b %Y} by {waiver.recorded_by}).",
                    met=True,
                )
            )
        elif not young_persons_own:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"{who} has no wish recorded about the child being photographed",
                    remedy=f"record {p.name}'s wish, or the social worker records why it "
                    "is not needed.",
                )
            )
    carers = [w for w in f.wishes if w.carer and f.carer_ended(w) is None]
    reasons += [_wish_reason(w, f"{w.person_name} (carer)") for w in carers]
    if not people and not carers and not young_persons_own:
        reasons.append(
            Reason(
                "R2",
                "5.5.4.2",
                "No parent/carer's wishes are recorded, and no one with parental "
                "responsibility is on the file",
                remedy="record everyone with parental responsibility and their wishes, "
                "or the carer's wish.",
            )
        )
    old = [w for w in f.wishes if w.whose is Whose.PARENT_CARER and w.unattributed]
    for w in old:
        asked_again = people and all(
            (x := by_person.get(p.id)) is not None and x.recorded_at > w.recorded_at for p in people
        )
        if not w.wishes_photos and not asked_again:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    "A parent/carer did not wish the child to be photographed "
                    f"({_recorded(w)}, before wishes were kept per person, so it "
                    "cannot be told whose it was)",
                    remedy="record the wish of every person with parental "
                    "responsibility (and any carer) afresh.",
                )
            )
    reasons += _r2_workers(f)
    return reasons


def _r2_workers(f: ChildFile) -> list[Reason]:
    allocated = {f.child.social_worker, *f.child.key_workers} - {None}
    named = [w for w in f.wishes if w.whose is Whose.WORKER and w.person_name]
    current = [w for w in named if w.person_name in allocated]
    old = [
        w
        for w in f.wishes
        if w.whose is Whose.WORKER
        and w.unattributed
        and not any(x.recorded_at > w.recorded_at for x in named)
    ]
    counted = [(w, f"{w.person_name} (worker)") for w in current] + [(w, "The worker") for w in old]
    if not counted:
        return [
            Reason(
                "R2",
                "5.5.4.2",
                "The worker's wishes about the child being photographed are not recorded",
                remedy="the child's social worker or key worker records their own wish.",
            )
        ]
    return [_wish_reason(w, who) for w, who in counted]


def _r2_explained(f: ChildFile, today: date) -> list[Reason]:
    latest = {e.to_whom: e for e in f.explanations}
    reasons = []
    for to_whom, label in ((Whose.CHILD, "the child"), (Whose.PARENT_CARER, "the parent/carer")):
        e = latest.get(to_whom)
        if e is None:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"It is not recorded that the purpose was explained to {label}",
                    remedy=f"record when the purpose "
                    f"was explained to {label}, or why not and which social "
                    "worker permitted that.",
                )
            )
        elif e.explained and e.explained_on is not None and e.explained_on > today:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"The explanation to {label} is dated in the future "
                    f"({e.explained_on:%d %b %Y}): the purpose is explained before photos",
                    remedy=f"record when the purpose was explained to {label}.",
                )
            )
        elif e.explained:
            when = f" on {e.explained_on:%d %b %Y}" if e.explained_on else ""
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"The purpose was explained to {label}{when} by {e.recorded_by}.",
                    met=True,
                )
            )
        elif (e.not_explained_reason or "").strip() and e.permitted_by_is_social_worker:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"The purpose was not explained to {label} "
                    f"({e.not_explained_reason}); {e.permitted_by} permitted "
                    "this.",
                    met=True,
                )
            )
        else:
            reasons.append(
                Reason(
                    "R2",
                    "5.5.4.2",
                    f"The purpose was not explained to {label} "
                    "and no reason with a social worker's permission is recorded",
                    remedy="record the reason and the permitting social worker.",
                )
            )
    return reasons


def consent_check(f: ChildFile, purpose: Purpose, today: date) -> Decision:
    """The key worker's check before a session (R3): may this child be photographed now?"""
    r1 = Reason(
        "R1", "5.5.4.1", f"{purpose.label.capitalize()} is a child-centred purpose.", met=True
    )
    consent, young_persons_own = _r3_consent(f, purpose, today)
    return combine([r1, *_r2_wishes(f, young_persons_own), *_r2_explained(f, today), *consent])


def can_capture(
    files: Sequence[ChildFile], purpose: Purpose | None, context: CaptureContext, today: date
) -> Decision:
    """R1-R5, R10, R12 for a capture; a group is judged child by child."""
    reasons: list[Reason] = []
    note = context.purpose_note.strip()
    if purpose is None:
        reasons.append(
            Reason(
                "R1",
                "5.5.4.1",
                "A capture needs a child-centred purpose from the list",
                remedy="pick the purpose.",
            )
        )
    if not note:
        reasons.append(
            Reason(
                "R1",
                "5.5.4.1",
                "A capture needs the purpose in your own words",
                remedy="describe the purpose.",
            )
        )
    if not files:
        reasons.append(Reason("R1", "5.5.4.1", "A capture needs at least one child."))
    if purpose is not None and note and files:
        reasons.append(Reason("R1", "5.5.4.1", f"Purpose: {purpose.label}: {note}", met=True))
    if purpose is not None:
        for f in files:
            tag = f.child.name if len(files) > 1 else None
            reasons += [
                Reason(r.rule, r.clause, r.text, r.met, r.remedy, tag)
                for r in consent_check(f, purpose, today).reasons
                if r.rule != "R1"
            ]
    reasons.append(
        Reason(
            "R4",
            "5.5.4.4",
            "You attest that the child was clothed with torso "
            "covered and that cultural and religious dress was respected",
            met=context.attested,
            remedy="tick the attestation, if it is true.",
        )
    )
    if context.device_registered:
        reasons.append(
            Reason(
                "R5",
                "5.5.4.5",
                f"The photos come from {context.device_name}, a device registered to the council.",
                met=True,
            )
        )
    else:
        reasons.append(
            Reason(
                "R5",
                "5.5.4.5",
                f"{context.device_name or 'This device'} is not a "
                "device registered to the council; photos from personal devices "
                "are never stored",
                remedy="ask an administrator to register it.",
            )
        )
    if context.line_manager:
        reasons.append(
            Reason(
                "R10",
                "5.5.3.2",
                f"{context.line_manager} (your line manager) will be alerted.",
                met=True,
            )
        )
    else:
        reasons.append(
            Reason(
                "R10",
                "5.5.3.2",
                "You have no line manager to alert",
                remedy="ask an administrator to record your line manager.",
            )
        )
    return combine(reasons)


def may_enrol_face(f: ChildFile, today: date) -> Decision:
    """R13 (UK GDPR): face data only for a child whose file records face-matching consent."""
    valid = [
        c
        for c in f.consents
        if c.kind is ConsentKind.FACE_MATCHING
        and c.status(today) == "active"
        and c.giver_may_consent
        and young_person_fault(c, f) is None
    ]
    if valid:
        return combine(
            [
                Reason(
                    "R13",
                    "UK GDPR art. 9",
                    f"Face matching rests on {_describe(valid[-1])}.",
                    met=True,
                )
            ]
        )
    return combine(
        [
            Reason(
                "R13",
                "UK GDPR art. 9",
                "Face data is biometric: there is no active "
                "face-matching consent on the child's file",
                remedy="record a written face-matching consent first.",
            )
        ]
    )


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


# -- R6, R7, R9, R11, R12: may this photo leave the vault for this destination? -----------

INTERNAL = (Destination.CASE_RECORD, Destination.PRINT)
PUBLIC = (Destination.PUBLICITY, Destination.SOCIAL_NETWORK)


def _life_story_consent(f: ChildFile, today: date) -> Reason:
    valid = [
        c
        for c in f.consents
        if c.kind is ConsentKind.ONE_TO_ONE
        and Destination.LIFE_STORY_BOOK in c.destinations
        and _why_not(c, Purpose.LIFE_STORY, today, f) is None
    ]
    if valid:
        return Reason("R3", "5.5.4.3", f"Life story consent: {_describe(_prefer(valid))}.", True)
    return Reason(
        "R12",
        "5.5.1.3",
        "No valid consent covers life story work for this child",
        remedy="record a written one-to-one consent that covers the life story book.",
    )


def can_export(
    photo: ExportFacts,
    destination: Destination,
    today: date,
    *,
    blur_all_but_consented: bool = False,
) -> Decision:
    """One photo, one destination; a group photo is judged for every child in it.

    The decision carries the faces to blur (``Decision.blur``, R11).
    """
    reasons: list[Reason] = []
    if photo.flagged and destination is not Destination.CASE_RECORD:
        reasons.append(
            Reason(
                "R12",
                "5.5.1.3",
                f"The photo is flagged for review: "
                f"{photo.flagged}; exports that relied on a withdrawn consent "
                "stop at once",
            )
        )
    if destination in INTERNAL:
        reasons.append(
            Reason(
                "R5",
                "5.5.4.5",
                "The child's case record, at an approved council "
                "location, is always open to the allocated worker.",
                met=True,
            )
        )
    for f in photo.files:
        tag = f.child.name if len(photo.files) > 1 else None
        found: list[Reason] = []
        if destination is Destination.LIFE_STORY_BOOK:
            found.append(_life_story_consent(f, today))
        if destination is Destination.SOCIAL_NETWORK and (
            f.child.care_status.cared_for or f.child.ever_cared_for
        ):
            found.append(
                Reason(
                    "R9",
                    "5.5.4.10",
                    "Photos of foster, cared-for or previously "
                    "cared-for children are never posted to social networking sites. "
                    "No role can override this",
                )
            )
        if destination in PUBLIC:
            found += [
                r
                for r in _publicity(
                    f,
                    [
                        c
                        for c in f.consents
                        if c.kind is ConsentKind.PUBLICITY
                        and _why_not(c, Purpose.PUBLICITY, today, f) is None
                        and destination in c.destinations
                    ],
                    [],
                )
                if not (r.rule == "R6" and any(x.rule == "R9" for x in found))
            ]
        reasons += [Reason(r.rule, r.clause, r.text, r.met, r.remedy, tag) for r in found]
    if destination in PUBLIC:
        reasons.append(
            Reason("R7", "5.5.4.8", "A communications officer approved this use.", met=True)
            if photo.approved
            else Reason(
                "R7",
                "5.5.4.8",
                "A communications officer has not approved this photo for this use",
                remedy="ask a communications officer.",
            )
        )
    reasons += _recognised_cared_for(photo, destination)
    blur = faces_to_blur(photo, destination, blur_all_but_consented=blur_all_but_consented)
    if destination is not Destination.CASE_RECORD or blur_all_but_consented:
        reasons.append(_faces_looked_for(photo, blur))
    if not photo.files:
        reasons.append(Reason("R1", "5.5.4.1", "The photo is not part of a capture for a child"))
    return combine(reasons, blur=blur)


def faces_to_blur(
    photo: ExportFacts, destination: Destination, *, blur_all_but_consented: bool = False
) -> tuple[int, ...]:
    """R11 (5.5.1, 5.5.2): beyond the case record a face stays sharp only when a person
    confirmed it as a child whose file this decision judged (so whose consent it
    checked).  Every other face, suggested by face matching, marked "not this child",
    unknown, or another child, is blurred."""
    if destination is Destination.CASE_RECORD and not blur_all_but_consented:
        return ()
    judged = {f.child.id for f in photo.files}
    sharp = {f.id for f in photo.faces if f.status is FaceStatus.CONFIRMED and f.child_id in judged}
    return tuple(f.id for f in photo.faces if f.id not in sharp)


def _faces_looked_for(photo: ExportFacts, blur: tuple[int, ...]) -> Reason:
    """R11: a face never looked for is a face published unblurred; so look first."""
    if not photo.faces_detected:
        return Reason(
            "R11",
            "5.5.1, 5.5.2",
            f"Photo {photo.photo_id} was never checked for faces (it was imported without "
            "face detection), so someone in it without consent could leave unblurred",
            remedy=f"detect its faces first (sefton-photos photo detect-faces {photo.photo_id}).",
        )
    if not blur:
        return Reason(
            "R11",
            "5.5.1, 5.5.2",
            "Every face in the photo was confirmed by a person as a consented child of it.",
            met=True,
        )
    n = len(blur)
    return Reason(
        "R11",
        "5.5.1, 5.5.2",
        f"{n} {'face' if n == 1 else 'faces'} not confirmed by a person as a consented "
        "child of this photo will be blurred beyond recognition.",
        met=True,
    )


def _recognised_cared_for(photo: ExportFacts, destination: Destination) -> list[Reason]:
    """R6 (5.5.4.7), R9 (5.5.4.10): blurring a face leaves the child's body in the photo,
    so a cared-for child recognised in it keeps it from public view, whoever it was
    taken for.  The child is not named: the worker may have no need to know who it is."""
    faces = photo.cared_for_faces
    if not faces or destination not in PUBLIC:
        return []
    which = ", ".join(str(f) for f in faces)
    remedy = (
        "if face matching was wrong, a worker who knows the child marks the face 'Not this child'."
    )
    if destination is Destination.SOCIAL_NETWORK:
        return [
            Reason(
                "R9",
                "5.5.4.10",
                f"A foster, cared-for or previously cared-for child is recognised in this "
                f"photo (face {which}): it is never posted to social networking sites, "
                "whoever it was taken for. No role can override this",
                remedy=remedy,
            )
        ]
    return [
        Reason(
            "R6",
            "5.5.4.7",
            f"A cared-for or previously cared-for child is recognised in this photo "
            f"(face {which}): it is never displayed where the public has access, whoever "
            "it was taken for",
            remedy=remedy,
        )
    ]
