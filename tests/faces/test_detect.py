"""R11: every face the detector can find is found (a missed face is published unblurred).

Real photos, real detection: the face fixtures, and 12-megapixel group photos made by
``bench.scenes`` with faces of 40-320 px anywhere, including flush in the corners.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import Image

from bench import scenes
from sefton_photos.faces.detect import FoundFace, detect
from sefton_photos.faces.match import DEFAULT_THRESHOLD, distance

SCENE_SOURCES = [n for n in scenes.PORTRAITS if "_1." not in n]  # never the enrolment photo


def manifest(faces_dir: Path) -> dict[str, list[str]]:
    return dict(json.loads((faces_dir / "manifest.json").read_text())["photos"])


@pytest.fixture(scope="module")
def references(faces_dir: Path) -> dict[str, tuple[float, ...]]:
    """Each fixture person's encoding from their `_1` photo, as enrolment takes it."""
    out = {}
    for person in json.loads((faces_dir / "manifest.json").read_text())["people"]:
        (face,) = detect(Image.open(next(faces_dir.glob(f"{person}_1.*"))))
        out[person] = face.encoding
    return out


@pytest.fixture(scope="module")
def crowd(faces_dir: Path) -> tuple[scenes.Scene, list[FoundFace]]:
    """30 faces from 40 to 320 px in a cluttered 4000x3000 frame; the 8 smallest flush
    in the corners and against the middle of each edge."""
    scene = scenes.make(
        7, faces_dir, widths=scenes.widths_between(30, 40, 320), sources=SCENE_SOURCES
    )
    return scene, detect(scene.image)


def nearest(encoding: tuple[float, ...], refs: dict[str, tuple[float, ...]]) -> tuple[str, float]:
    person = min(refs, key=lambda p: distance(encoding, refs[p]))
    return person, distance(encoding, refs[person])


def test_every_fixture_face_is_found_and_nothing_else(faces_dir: Path) -> None:
    for name, people in manifest(faces_dir).items():
        found = detect(Image.open(faces_dir / name), encode=False)
        assert len(found) == len(people), name
        assert all(f.encoding == () for f in found), "encode=False computes no encoding"


def test_fixture_encodings_identify_each_person_at_the_threshold(
    faces_dir: Path, references: dict[str, tuple[float, ...]]
) -> None:
    """Enrolled from `_1`, every photo of a person is within 0.6 of them and further than
    0.6 from everyone else, group photos (left to right) included; 'unknown' is no one."""
    for name, people in manifest(faces_dir).items():
        found = sorted(detect(Image.open(faces_dir / name)), key=lambda f: f.box[3])
        for face, person in zip(found, people, strict=True):
            assert len(face.encoding) == 128
            close = [p for p, ref in references.items() if distance(face.encoding, ref) <= 0.6]
            assert close == ([] if person == "unknown" else [person]), (name, person, close)


def test_a_12_megapixel_group_photo_has_every_face_found_corners_included(
    crowd: tuple[scenes.Scene, list[FoundFace]],
) -> None:
    scene, found = crowd
    assert scene.image.size == (4000, 3000)
    assert len(scene.faces) == 30
    widths = sorted(t.width for t in scene.faces)
    assert widths[0] <= 41 and widths[-1] >= 319
    corners = [t for t in scene.faces if t.box[0] == 0 or t.box[2] == 3000]
    assert len(corners) >= 4, "faces flush with the frame's edges are part of the test"
    hit, extra = scenes.matched(scene.faces, [f.box for f in found], min_iou=0.3)
    missed = [(t.width, t.box) for i, t in enumerate(scene.faces) if i not in hit]
    assert missed == [], f"faces missed: {missed}"
    assert extra == [], f"boxes that are no face: {[found[i].box for i in extra]}"


def test_found_faces_identify_the_right_person(
    crowd: tuple[scenes.Scene, list[FoundFace]], references: dict[str, tuple[float, ...]]
) -> None:
    """Every face of 80 px or more is nearest its own person, within 0.6.  Below 80 px
    recognising a face is not promised (bench/faces.py measures how often it is; a face
    not recognised stays blurred, the safe side), but no face of any size may come
    within 0.6 of someone else."""
    scene, found = crowd
    hit, _ = scenes.matched(scene.faces, [f.box for f in found])
    big = [i for i, t in enumerate(scene.faces) if t.width >= 80]
    assert len(big) >= 20
    for i, truth in enumerate(scene.faces):
        person, d = nearest(found[hit[i]].encoding, references)
        if i in big:
            assert (person, d <= DEFAULT_THRESHOLD) == (truth.person, True), (truth, person, d)
        elif d <= DEFAULT_THRESHOLD:
            assert person == truth.person, (truth, person, d)


@pytest.mark.parametrize("width", [700, 2000])
def test_a_face_filling_the_frame_is_found(faces_dir: Path, width: int) -> None:
    scene = scenes.make(width, faces_dir, widths=[width], corners=False)
    assert len(scene.faces) == 1
    found = detect(scene.image, encode=False)
    hit, extra = scenes.matched(scene.faces, [f.box for f in found])
    assert hit == {0: 0} and extra == [], [f.box for f in found]


def test_a_scene_is_the_same_from_the_same_seed(faces_dir: Path) -> None:
    a = scenes.make(3, faces_dir, count=(4, 6), size=(800, 600))
    b = scenes.make(3, faces_dir, count=(4, 6), size=(800, 600))
    c = scenes.make(4, faces_dir, count=(4, 6), size=(800, 600))
    assert a.faces == b.faces and a.image.tobytes() == b.image.tobytes()
    assert a.image.tobytes() != c.image.tobytes()


def test_encodings_are_dlibs_own_so_earlier_enrolments_still_match(faces_dir: Path) -> None:
    """R13: the encoder is called directly (no face_recognition import in the workers,
    issue 11 start-up); its numbers are exactly what face_recognition gives for the same
    crop and box, so every enrolment made before keeps matching."""
    import face_recognition
    import numpy as np

    from sefton_photos.faces.detect import encoding, encoding_crop

    img = Image.open(faces_dir / "person-c_2.jpg").convert("RGB")
    (face,) = detect(img)
    crop, location = encoding_crop(img, face.box)
    theirs = face_recognition.face_encodings(np.asarray(crop), known_face_locations=[location])
    assert encoding(img, face.box) == tuple(float(x) for x in theirs[0])
    assert face.encoding == encoding(img, face.box)


def test_a_worker_loads_the_models_without_face_recognition() -> None:
    """Issue 11: a pool worker's start-up loads YuNet and dlib's two small models only;
    importing face_recognition loads four models (95 MB of landmarks among them) and
    cost a second per worker."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from sefton_photos.faces.detect import warm_up\n"
        "warm_up(1)\n"
        "print([m for m in ('face_recognition', 'face_recognition_models', 'pkg_resources')"
        " if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_a_worker_with_no_one_to_match_loads_no_encoder() -> None:
    """Issue 11: with no child enrolled (or matching off) faces are found, not encoded, so
    the pool's workers start without dlib (a third of a second each)."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from sefton_photos.support.pipeline import warm_up\n"
        "warm_up(detect=True, encode=False)\n"
        "print([m for m in ('dlib', 'face_recognition') if m in sys.modules], 'cv2' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] True", done.stdout + done.stderr
