"""Suggest which enrolled child each face is (R11, R13): suggestions, never decisions.

Euclidean distance between encodings, the smallest over a child's references;
a pair counts when at or below the threshold (0.6 by default).  Pairs are taken
from the closest up, so two faces of one photo never go to the same child, and a
child born after the photo was taken is never suggested.  A face without an
encoding (none was computed: no child was enrolled when it was found) is no one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

DEFAULT_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class Suggestion:
    child_id: int | None
    distance: float | None


def distance(a: Sequence[float], b: Sequence[float]) -> float:
    """How far apart two encodings are; a face not encoded (``()``) is infinitely far
    from everyone, so it is never suggested as anyone."""
    if not a or not b:
        return math.inf
    return math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b, strict=True)))


def suggest(
    faces: Sequence[Sequence[float]],
    references: Mapping[int, Sequence[Sequence[float]]],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    taken_at: datetime | None = None,
    born: Mapping[int, date] | None = None,
) -> list[Suggestion]:
    """One suggestion per face, in the faces' order."""
    born = born or {}
    pairs: list[tuple[float, int, int]] = []
    for i, face in enumerate(faces):
        for child_id, refs in references.items():
            if taken_at is not None and child_id in born and taken_at.date() < born[child_id]:
                continue
            if not refs:
                continue
            d = min(distance(face, ref) for ref in refs)
            if d <= threshold:
                pairs.append((d, i, child_id))
    chosen: dict[int, Suggestion] = {}
    used: set[int] = set()
    for d, i, child_id in sorted(pairs):
        if i in chosen or child_id in used:
            continue
        chosen[i] = Suggestion(child_id, round(d, 4))
        used.add(child_id)
    return [chosen.get(i, Suggestion(None, None)) for i in range(len(faces))]
