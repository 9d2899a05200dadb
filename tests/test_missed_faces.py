"""R11 (policy 5.5.1, 5.5.2): the faces the detector missed are the software's problem too.

A face the detector misses (a child lying down, a face half turned) has no box, so
nothing blurs it and nobody is asked to review it: a photo with no face found went
to the public with no person ever having looked.  So before a photo goes to the
public a person checks the whole of it, and outlines any face not already outlined;
an outlined face is blurred like any face nobody confirmed as a consented child.
Outlining a face after the check makes the photo wait for a new one.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import face_recognition
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import select

from sefton_photos import policy
from sefton_photos.errors import InvalidInput, NotFound, PolicyRefusal
from sefton_photos.faces.detect import detect
from sefton_photos.model import ConsentKind, Destination, ExportFacts, FaceStatus, PhotoId, Purpose
from sefton_photos.schema.core import AuditRow
from tests.facts import child_file, consent
from tests.helpers import MANAGER, SOCIAL, approve, as_, export, import_photo, public_child

TODAY = date(2026, 11, 24)
PUBLIC = consent(
    1,
    kind=ConsentKind.PUBLICITY,
    purposes=(Purpose.PUBLICITY,),
    destinations=(Destination.PUBLICITY, Destination.SOCIAL_NETWORK),
)


def facts(*, checked: bool) -> ExportFacts:
    f = child_file(consents=(consent(), PUBLIC))  # child 1, publicity-ready
    return ExportFacts(PhotoId(7), (f,), (), None, True, True, faces_checked=checked)


def missed_face_reason(decision: object) -> list[str]:
    return [
        r.text
        for r in decision.blocking  # type: ignore[attr-defined]
        if r.rule == "R11" and r.clause == "5.5.1, 5.5.2" and "missed" in r.text
    ]


@pytest.mark.parametrize("dest", [Destination.PUBLICITY, Destination.SOCIAL_NETWORK])
def test_r11_the_public_waits_for_a_person_to_check_the_whole_photo(dest: Destination) -> None:
    refused = policy.can_export(facts(checked=False), dest, TODAY)
    assert not refused.allowed
    [text] = missed_face_reason(refused)
    assert "photo 7" in text
    [reason] = [r for r in refused.blocking if r.text == text]
    assert "face outline 7" in (reason.remedy or "") and "face checked 7" in (reason.remedy or "")
    assert policy.can_export(facts(checked=True), dest, TODAY).allowed


@pytest.mark.parametrize(
    "dest", [Destination.CASE_RECORD, Destination.PRINT, Destination.LIFE_STORY_BOOK]
)
def test_r11_the_whole_photo_check_is_for_the_public_only(dest: Destination) -> None:
    decision = policy.can_export(facts(checked=False), dest, TODAY)
    assert missed_face_reason(decision) == []


def sideways(faces_dir: Path, tmp_path: Path) -> Path:
    """person-c_2.jpg turned on its side: a face YuNet does not find (checked below)."""
    folder = tmp_path / "sideways"
    folder.mkdir()
    path = folder / "lying-down.jpg"
    Image.open(faces_dir / "person-c_2.jpg").rotate(90, expand=True).save(path, quality=95)
    return path


def faces_upright(path: Path) -> int:
    """Faces in the exported photo turned back upright, by an independent detector."""
    upright = Image.open(path).convert("RGB").rotate(-90, expand=True)
    return len(face_recognition.face_locations(np.asarray(upright), number_of_times_to_upsample=2))


def test_r11_a_face_the_detector_missed_is_outlined_by_a_person_and_blurred(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share = world["vault"], world["share"]
    source = sideways(faces_dir, tmp_path)
    assert detect(Image.open(source).convert("RGB"), encode=False) == []  # the hole
    assert faces_upright(source) == 1
    nina = public_child(vault)
    photo = import_photo(vault, source.parent, tmp_path, [nina], source.name)
    approve(vault, photo, Destination.PUBLICITY)
    [refused] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert refused.status == "refused" and missed_face_reason(refused.decision)
    assert list(share.iterdir()) == []
    # The face is (98, 469, 284, 283) upright in the 630 px wide portrait; a quarter turn
    # to the left puts it at top 630-469, right 284, bottom 630-283, left 98.
    box = (141, 304, 367, 78)  # top, right, bottom, left, with 20 px to spare
    with as_(vault, SOCIAL) as s:
        face = s.faces.outline(photo_id=photo, box=box)
        assert face.status is FaceStatus.REJECTED and face.reviewed and face.outlined
        assert face.box == box and face.needs_consent
        s.faces.mark_checked(photo_id=photo)
        [info] = s.photos.info(photo_id=photo).faces
        assert info.outlined and info.id == face.id
    [out] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert out.status == "exported" and out.blurred == 1 and out.decision.blur == (face.id,)
    assert out.file and faces_upright(out.file) == 0
    with as_(vault, SOCIAL) as s, s.vault.unit() as db:
        actions = db.scalars(select(AuditRow.action).where(AuditRow.subject == f"photo {photo}"))
        assert {"face.outlined", "photo.faces_checked"} <= set(actions)


def test_r11_outlining_a_face_after_the_check_makes_the_photo_wait_for_another(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault, share = world["vault"], world["share"]
    nina = public_child(vault)
    photo = import_photo(vault, faces_dir, tmp_path, [nina], "person-f_1.png")
    approve(vault, photo, Destination.SOCIAL_NETWORK)
    with as_(vault, SOCIAL) as s:
        [found] = s.photos.info(photo_id=photo).faces
        s.faces.reject(face_id=found.id)
        s.faces.mark_checked(photo_id=photo)
        [(_, ready)] = s.exports.preview(photo_ids=[photo], destination=Destination.SOCIAL_NETWORK)
        assert ready.allowed, ready.explain()
        s.faces.outline(photo_id=photo, box=(0, 100, 100, 0))
        [(_, waits)] = s.exports.preview(photo_ids=[photo], destination=Destination.SOCIAL_NETWORK)
    assert not waits.allowed and missed_face_reason(waits)
    [o] = export(vault, SOCIAL, [photo], Destination.SOCIAL_NETWORK, share)
    assert o.status == "refused"


@pytest.mark.parametrize(
    "box",
    [
        (10, 5, 40, 20),  # right of left
        (-1, 50, 40, 10),  # outside
        (10, 50, 10_000, 10),  # below the photo
        (10, 14, 40, 10),  # 4 px wide
        (10, 10**12, 40, 10),  # absurd
    ],
)
def test_r14_a_box_outside_the_photo_or_too_small_is_refused_in_words_and_changes_nothing(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
    box: tuple[int, int, int, int],
) -> None:
    vault = world["vault"]
    photo = import_photo(vault, faces_dir, tmp_path, [public_child(vault)], "person-f_1.png")
    with as_(vault, SOCIAL) as s:
        before = s.photos.info(photo_id=photo).faces
        with pytest.raises(InvalidInput) as err:
            s.faces.outline(photo_id=photo, box=box)
        assert "704 x 612" in str(err.value) and "top, right, bottom, left" in str(err.value)
        assert s.photos.info(photo_id=photo).faces == before


def test_r4_need_to_know_an_unknown_or_unseen_photo_is_not_found(
    world: dict,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    vault = world["vault"]
    photo = import_photo(vault, faces_dir, tmp_path, [public_child(vault)], "person-f_1.png")
    with as_(vault, SOCIAL) as s:
        for absurd in (999_999, -3):
            with pytest.raises(NotFound):
                s.faces.mark_checked(photo_id=absurd)
            with pytest.raises(NotFound):
                s.faces.outline(photo_id=absurd, box=(0, 50, 50, 0))
    with as_(vault, MANAGER) as m, pytest.raises(PolicyRefusal) as refused:
        m.faces.mark_checked(photo_id=photo)  # a line manager reviews, not captures
    assert "allocated" in str(refused.value)
