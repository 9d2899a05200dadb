"""Each person's wish on a child's file, as lines to show (R2, policy 5.5.4.2).

The CLI's ``child show`` and the UI's Wishes tab list the same lines, in words: the
child, then every person with parental responsibility (their wish, the social
worker's reason why it is not needed, or "not recorded yet"), each carer, each worker,
and what no longer speaks for anyone (PR ended, worker no longer allocated, a wish
from before wishes were kept per person).  Facts only: what each means for a capture
is decided by ``policy.consent_check``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sefton_photos.model.casework import ChildFile, Whose, WishRecord


@dataclass(frozen=True, slots=True)
class WishLine:
    who: str  # "The child", "Pat Parent (mother)", "Fay Foster (carer)", "Sam Social (worker)"
    answer: str  # "yes", "NO", "not recorded yet", "not needed: …"; may add "(no longer counts…)"
    notes: str | None
    recorded_by: str | None
    recorded_at: datetime | None
    wishes_photos: bool | None  # None: no wish (not recorded, or not needed)


def _line(w: WishRecord, who: str, note: str = "") -> WishLine:
    answer = ("yes" if w.wishes_photos else "NO") + note
    return WishLine(who, answer, w.notes, w.recorded_by, w.recorded_at, w.wishes_photos)


def wish_lines(f: ChildFile) -> tuple[WishLine, ...]:
    lines: list[WishLine] = []
    child = next((w for w in f.wishes if w.whose is Whose.CHILD), None)
    lines.append(
        _line(child, "The child")
        if child
        else WishLine("The child", "not recorded yet", None, None, None, None)
    )
    by_person = {w.person_id: w for w in f.wishes if w.person_id is not None}
    waived = {v.person_id: v for v in f.waivers if not v.carer}
    for p in f.people:
        who = f"{p.name} ({p.relationship})"
        ended = "" if p.current else " (PR ended: no longer counts)"
        if (w := by_person.get(p.id)) is not None:
            lines.append(_line(w, who, ended))
        elif (v := waived.get(p.id)) is not None:
            lines.append(
                WishLine(
                    who, f"not needed: {v.reason}{ended}", None, v.recorded_by, v.recorded_at, None
                )
            )
        elif p.current:
            lines.append(WishLine(who, "not recorded yet", None, None, None, None))
    for w in f.wishes:
        if w.carer:
            gone = f.carer_ended(w)
            note = (
                f" (no longer the child's carer: {gone.reason}; no longer counts)" if gone else ""
            )
            lines.append(_line(w, f"{w.person_name} (carer)", note))
    allocated = {f.child.social_worker, *f.child.key_workers}
    for w in f.wishes:
        if w.whose is Whose.WORKER and w.person_name:
            left = "" if w.person_name in allocated else " (no longer allocated: no longer counts)"
            lines.append(_line(w, f"{w.person_name} (worker)", left))
    for w in f.wishes:
        if w.unattributed:
            label = "A parent/carer" if w.whose is Whose.PARENT_CARER else "The worker"
            lines.append(_line(w, f"{label} (before wishes were kept per person)"))
    return tuple(lines)
