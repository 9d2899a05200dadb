"""R1-R5, R10, R12, R13: may this child be photographed, may this capture be logged?

The consent check a key worker runs before a session (R1, R2, R3, R12), the whole capture
decision (attestation R4, registered device R5, a line manager to alert R10) and whether a
child may be enrolled for face matching (R13).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sefton_photos.decisions import Decision, Reason, combine
from sefton_photos.model import (
    CaptureContext,
    ChildFile,
    ConsentKind,
    Purpose,
)
from sefton_photos.policy.consent import _describe, _r3_consent, young_person_fault
from sefton_photos.policy.wishes import _r2_explained, _r2_wishes


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
