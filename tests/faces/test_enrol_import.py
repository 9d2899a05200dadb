"""Enrolment and import with the new detector, end to end through a Session (R11, R13).

Children enrolled from the `_1` photos (tests/faceworld.py) are suggested for their
faces in a realistic 12 MP group photo; every face is found, small ones included.
"""

from __future__ import annotations

from pathlib import Path

from bench import scenes
from tests.helpers import children, run, social

SOURCES = [n for n in scenes.PORTRAITS if "_1." not in n]


def test_a_group_photo_is_imported_with_every_face_and_the_right_children(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    scene = scenes.make(21, faces_dir, widths=[44, 58, 96, 130, 180, 260, 320], sources=SOURCES)
    card = tmp_path / "card"
    card.mkdir()
    scene.image.save(card / "IMG_0001.jpg", "JPEG", quality=90)
    with social(face_vault) as s:
        report = run(s, list(ids.values()), [card])
    (outcome,) = report.outcomes
    assert outcome.status == "imported", outcome.reason
    hit, extra = scenes.matched(scene.faces, [f.box for f in outcome.faces])
    assert len(hit) == len(scene.faces) == 7 and extra == []
    # A child is suggested for one face per photo at most (faces.match), and a person may
    # appear twice here: the closest of each person's faces of 80 px or more is theirs.
    named = {}
    for i, truth in enumerate(scene.faces):
        face = outcome.faces[hit[i]]
        assert face.child_id in (None, ids[truth.person]), (truth, face)  # never misnamed
        if face.child_id is not None:
            named[truth.person] = face
    people = {t.person for t in scene.faces if t.width >= 80}
    assert len(people) >= 3
    assert people <= set(named), (people, named)
