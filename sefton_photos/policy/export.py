"""R6, R7, R9, R11, R12: may this photo leave the vault for this destination?

The decision carries what it decided: which faces to blur (only a face a person confirmed
as a consented child stays sharp beyond the case record, R11).  For the public
(publicity, social networking) a person must also have reviewed every face first:
confirmed it, or marked it "not this child" (R11, 5.5.1, 5.5.2); and have looked at
the whole photo for faces the detector missed, outlining any, since its faces last
changed: a missed face has no box, so nothing else would blur it or ask about it.
"""

from __future__ import annotations

from datetime import date

from sefton_photos.decisions import Decision, Reason, combine
from sefton_photos.model import (
    ChildFile,
    ConsentKind,
    Destination,
    ExportFacts,
    FaceStatus,
    Purpose,
)
from sefton_photos.policy.consent import _describe, _prefer, _publicity, _why_not

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
    reasons += _faces_reviewed(photo, destination)
    reasons += _whole_photo_checked(photo, destination)
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


def _faces_reviewed(photo: ExportFacts, destination: Destination) -> list[Reason]:
    """R11 (5.5.1, 5.5.2): before a photo is shown to the public a person looks at every
    face in it and rules (confirms it as a child of the capture, or marks it "not this
    child"): face matching alone never sends a face out, even blurred."""
    if destination not in PUBLIC or not photo.faces:
        return []
    waiting = sum(1 for f in photo.faces if not f.reviewed)
    if not waiting:
        return [
            Reason("R11", "5.5.1, 5.5.2", "A person reviewed every face in the photo.", met=True)
        ]
    return [
        Reason(
            "R11",
            "5.5.1, 5.5.2",
            f"Photo {photo.photo_id} has {waiting} {'face' if waiting == 1 else 'faces'} "
            "nobody has reviewed yet; every face is reviewed by a person before a photo "
            "goes to the public",
            remedy=f"review its faces (Faces tab / `sefton-photos face list {photo.photo_id}`, "
            "then `face confirm` or `face reject`).",
        )
    ]


def _whole_photo_checked(photo: ExportFacts, destination: Destination) -> list[Reason]:
    """R11 (5.5.1, 5.5.2): the detector can miss a face (a child lying down, a face half
    turned away), and a missed face has no box: nothing blurs it and nobody is asked
    about it.  So before the public sees a photo a person checks the whole of it."""
    if destination not in PUBLIC:
        return []
    if photo.faces_checked:
        return [
            Reason(
                "R11",
                "5.5.1, 5.5.2",
                "A person checked the whole photo for faces the detector missed.",
                met=True,
            )
        ]
    pid = photo.photo_id
    return [
        Reason(
            "R11",
            "5.5.1, 5.5.2",
            f"Nobody has checked photo {pid} for faces the detector missed since its faces "
            "last changed; before a photo goes to the public a person looks at the whole of "
            "it, because a missed face would be published unblurred",
            remedy=f"open the photo, outline any face without an outline (`sefton-photos face "
            f"outline {pid} --box TOP,RIGHT,BOTTOM,LEFT`), then mark it checked (Faces tab / "
            f"`sefton-photos face checked {pid}`).",
        )
    ]


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
