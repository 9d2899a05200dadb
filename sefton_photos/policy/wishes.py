"""R2 (policy 5.5.4.2): every person's wish counts, and the purpose was explained.

The child's wish, each current person with parental responsibility (or a social worker's
reason why their wish is not needed), each carer, each allocated worker: any current "no"
refuses. The purpose must have been explained to the child and the parent/carer, or why
not recorded with a social worker's permission.
"""

from __future__ import annotations

from datetime import date

from sefton_photos.decisions import Reason
from sefton_photos.model import (
    ChildFile,
    Whose,
    WishRecord,
)
from sefton_photos.words import short_date


def _recorded(w: WishRecord) -> str:
    return f"recorded {short_date(w.recorded_at)} by {w.recorded_by}"


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
                    f"{short_date(waiver.recorded_at)} by {waiver.recorded_by}).",
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
                    f"({short_date(e.explained_on)}): the purpose is explained before photos",
                    remedy=f"record when the purpose was explained to {label}.",
                )
            )
        elif e.explained:
            when = f" on {short_date(e.explained_on)}" if e.explained_on else ""
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
