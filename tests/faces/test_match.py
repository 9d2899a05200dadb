"""A face found but not encoded (no child enrolled at the time) is no one (R11, R13)."""

from __future__ import annotations

import math

from sefton_photos.faces.match import Suggestion, distance, suggest


def test_an_empty_encoding_is_infinitely_far_and_never_suggested() -> None:
    ref = tuple(0.01 * i for i in range(128))
    assert distance((), ref) == math.inf
    assert distance(ref, ()) == math.inf
    assert suggest([(), ref], {7: [ref]}) == [Suggestion(None, None), Suggestion(7, 0.0)]
    assert suggest([()], {}) == [Suggestion(None, None)]
