"""Suggest which enrolled child each face is (R11, R13): suggestions, never decisions.

Euclidean distance between encodings, the smallest over a child's references;
a pair counts when at or below the threshold (0.6 by default).  Pairs are taken
from the closest up, so two faces of one photo never go to the same child, and a
child born after the photo was taken is never suggested.  A face left without a
suggestion says why (``Suggestion.why``) and how close the closest child came, so a
worker is told plainly rather than left to guess.  A face without an encoding (none
was computed: no child was enrolled when it was found) is no one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_THRESHOLD = 0.6

NOBODY_ENROLLED = "no child is enrolled for face matching"
BORN_AFTER = "every enrolled child was born after the photo was taken"


@dataclass(frozen=True, slots=True)
class Suggestion:
    child_id: int | None
    distance: float | None
    closest: float | None = None  # the smallest distance to any eligible child, matched or not
    why: str | None = None  # why no child was suggested, in plain words (None when one was)


def distance(a: Sequence[float], b: Sequence[float]) -> float:
    """How far apart two encodings are; a face not encoded (``()``) is infinitely far
    from everyone, so it is never suggested as anyone."""
    if not a or not b:
        return math.inf
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)))


def too_far(closest: float, threshold: float) -> str:
    return f"too far from every enrolled child (closest {closest:.2f}, limit {threshold:.2f})"


def suggest(
    faces: Sequence[Sequence[float]],
    references: Mapping[int, Sequence[Sequence[float]]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    taken_at: datetime | None = None,
    born: Mapping[int, date] | None = None,
) -> list[Suggestion]:
    """One suggestion per face, in the faces' order.

    An empty encoding (the detector skips encoding when nobody is enrolled) is
    suggested as no one, because no child is enrolled for face matching.
    """
    born = born or {}
    eligible = {
        child_id: refs
        for child_id, refs in references.items()
        if refs
        and not (taken_at is not None and child_id in born and taken_at.date() < born[child_id])
    }
    unborn = any(refs for refs in references.values()) and not eligible
    pairs: list[tuple[float, int, int]] = []
    closest: dict[int, float] = {}
    for i, face in enumerate(faces):
        if not face:
            continue
        for child_id, refs in eligible.items():
            d = min(distance(face, ref) for ref in refs)
            closest[i] = min(d, closest.get(i, d))
            if d <= threshold:
                pairs.append((d, i, child_id))
    chosen: dict[int, Suggestion] = {}
    used: set[int] = set()
    for d, i, child_id in sorted(pairs):
        if i in chosen or child_id in used:
            continue
        chosen[i] = Suggestion(child_id, round(d, 4), round(d, 4))
        used.add(child_id)
    out = []
    for i, face in enumerate(faces):
        if i in chosen:
            out.append(chosen[i])
            continue
        near = round(closest[i], 4) if i in closest else None
        if not face or (not eligible and not unborn):
            why = NOBODY_ENROLLED
        elif unborn:
            why = BORN_AFTER
        elif near is not None and near <= threshold:
            why = (
                f"the closest enrolled child (distance {near:.2f}) is matched to another "
                "face of this photo, which is closer"
            )
        else:
            why = too_far(near if near is not None else math.inf, threshold)
        out.append(Suggestion(None, None, near, why))
    return out
