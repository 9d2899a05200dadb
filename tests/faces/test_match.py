"""A face found but not encoded (no child enrolled at the time) is no one (R11, R13)."""

from __future__ import annotations

import math

from sefton_photos.faces.match import distance, suggest


def test_an_empty_encoding_is_infinitely_far_and_never_suggested() -> None:
    ref = tuple(0.01 * i for i in range(128))
    assert distance((), ref) == math.inf
    assert distance(ref, ()) == math.inf
    unencoded, matched = suggest([(), ref], {7: [ref]})
    assert (unencoded.child_id, unencoded.distance) == (None, None)
    assert unencoded.why == "no child is enrolled for face matching"  # said, not guessed
    assert (matched.child_id, matched.distance) == (7, 0.0)
    [alone] = suggest([()], {})
    assert alone.child_id is None and alone.why
