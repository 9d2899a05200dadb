"""Issue 10: a face is sharp only when a person confirmed it is a consented child.

R11 (policy 5.5.1, 5.5.2), R6 (5.5.4.7), R9 (5.5.4.10), R13 (UK GDPR), each reproduced
as a hostile tester would: real vaults, real photos, real face detection.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import face_recognition
import numpy as np
import pytest
from PIL import Image
from sqlalchemy import or_, select

from sefton_photos.model import Destination, FaceStatus
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import AuditRow
from tests.helpers import (
    ADMIN,
    SOCIAL,
    approve,
    as_,
    export,
    import_photo,
    public_child,
    withdraw_face_matching,
)


def faces_in(path: str | Path) -> int:
    return len(face_recognition.face_locations(np.asarray(Image.open(path).convert("RGB"))))


def faces_in_book(book: Path) -> list[int]:
    from pypdf import PdfReader

    reader = PdfReader(book)
    return [
        len(face_recognition.face_locations(np.asarray(img.image.convert("RGB"))))
        for page in reader.pages
        for img in page.images
    ]


# -- R11: confirmed faces of consented children only --------------------------------------


def test_r11_a_face_marked_not_this_child_is_blurred_in_the_book_and_blurred_case_record(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "person-a_2.jpg")
    with as_(vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        assert face.status is FaceStatus.SUGGESTED and face.child_id == a
        s.faces.confirm(face_id=face.id, child_id=None)  # "Not this child (someone else)"
        [after] = s.photos.info(photo_id=photo).faces
        assert after.child_id is None and after.needs_consent
        book = s.lifestory.build(child_id=a, pages=[(photo, "At the park")], out=share)
    assert faces_in_book(book) == [0]
    [record] = export(
        vault, SOCIAL, [photo], Destination.CASE_RECORD, share, blur_all_but_consented=True
    )
    assert record.status == "exported" and record.blurred == 1
    assert record.file and faces_in(record.file) == 0


def test_r11_an_unconfirmed_suggestion_is_blurred_beyond_the_case_record(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """The decision itself names the faces to blur; the exporter blurs exactly those."""
    vault, share, ids = world["vault"], world["share"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "person-a_3.jpg")
    with as_(vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        assert face.status is FaceStatus.SUGGESTED
        [(_, book)] = s.exports.preview(photo_ids=[photo], destination=Destination.LIFE_STORY_BOOK)
        [(_, record)] = s.exports.preview(photo_ids=[photo], destination=Destination.CASE_RECORD)
        assert book.allowed and book.blur == (face.id,)
        assert any(r.rule == "R11" and "5.5.1" in r.clause for r in book.reasons)
        assert record.allowed and record.blur == ()
        assert book.as_dict()["blur"] == [face.id]
    [out] = export(vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert out.status == "exported" and out.blurred == 1 and out.decision.blur == (face.id,)
    assert out.file and faces_in(out.file) == 0
    with as_(vault, SOCIAL) as s:
        s.faces.confirm(face_id=face.id, child_id=a)
        [(_, confirmed)] = s.exports.preview(
            photo_ids=[photo], destination=Destination.LIFE_STORY_BOOK
        )
        assert confirmed.allowed and confirmed.blur == ()
    [sharp] = export(vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert sharp.status == "exported" and sharp.blurred == 0
    assert sharp.file and faces_in(sharp.file) == 1


def test_r11_the_book_keeps_only_its_own_confirmed_child_sharp(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    a, b = ids["person-a"], ids["person-b"]
    photo = import_photo(vault, faces_dir, tmp_path, [a, b], "group_a-b.jpg")
    with as_(vault, SOCIAL) as s:
        faces = {f.child_id: f for f in s.photos.info(photo_id=photo).faces}
        s.faces.confirm(face_id=faces[a].id, child_id=a)
        s.faces.confirm(face_id=faces[b].id, child_id=b)
        [(_, decision)] = s.lifestory.decide(child_id=a, photo_ids=[photo])
        assert decision.blur == (faces[b].id,)  # confirmed, but not this book's child
        book = s.lifestory.build(child_id=a, pages=[(photo, "Farm")], out=share)
    assert faces_in_book(book) == [1]


# -- R11: faces never looked for are looked for before anything goes beyond the record -----


def test_r11_a_photo_never_checked_for_faces_is_refused_until_detected(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b-unknown.jpg", faces=False)
    for dest in (Destination.LIFE_STORY_BOOK, Destination.PRINT):
        [o] = export(vault, SOCIAL, [photo], dest, share)
        assert o.status == "refused", dest
        [why] = [r for r in o.decision.blocking if r.rule == "R11"]
        assert "5.5.1" in why.clause and "5.5.2" in why.clause
        assert f"Photo {photo}" in why.text and "detect-faces" in (why.remedy or "")
    [blurred_record] = export(
        vault, SOCIAL, [photo], Destination.CASE_RECORD, share, blur_all_but_consented=True
    )
    assert blurred_record.status == "refused"  # a blur asked for cannot be silently skipped
    [record] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert record.status == "exported"
    with as_(vault, SOCIAL) as s:
        assert s.faces.detect(photo_ids=[photo]) == {photo: 3}
        assert s.faces.detect(photo_ids=[photo]) == {}  # already done: nothing found twice
        statuses = sorted(f.status.value for f in s.photos.info(photo_id=photo).faces)
    assert statuses == ["other_child", "suggested", "unknown"]
    [book] = export(vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert book.status == "exported" and book.blurred == 3
    assert book.file and faces_in(book.file) == 0


def test_r11_a_no_faces_import_does_not_reach_publicity_with_faces_clear(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    withdraw_face_matching(vault, ids["person-f"])  # F is nobody on file now
    nina = public_child(vault)
    photo = import_photo(vault, faces_dir, tmp_path, [nina], "person-f_1.png", faces=False)
    approve(vault, photo, Destination.PUBLICITY)
    [refused] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert refused.status == "refused"
    # R11 twice: its faces were never looked for, and no person has checked it whole
    assert [r.rule for r in refused.decision.blocking] == ["R11", "R11"]
    assert list(share.iterdir()) == []
    with as_(vault, SOCIAL) as s:
        assert s.faces.detect(photo_ids=[photo]) == {photo: 1}
    [waits] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert waits.status == "refused"  # R11: found, but nobody has reviewed the face yet
    why, whole = waits.decision.blocking  # and nobody has checked the whole photo
    assert (why.rule, why.clause) == ("R11", "5.5.1, 5.5.2") and "1 face" in why.text
    assert (whole.rule, whole.clause) == ("R11", "5.5.1, 5.5.2") and "missed" in whole.text
    with as_(vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        s.faces.reject(face_id=face.id)  # a person: not Nina, someone else
        s.faces.mark_checked(photo_id=photo)  # R11: and no face the detector missed
    [out] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert out.status == "exported" and out.blurred == 1
    assert out.file and faces_in(out.file) == 0


# -- R6, R9: a recognised cared-for child keeps a photo out of public view -----------------


def test_r6_r9_a_cared_for_child_recognised_in_anothers_photo_keeps_it_from_the_public(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share = world["vault"], world["share"]
    nina = public_child(vault)
    photo = import_photo(vault, faces_dir, tmp_path, [nina], "group_a-b-unknown.jpg")
    approve(vault, photo, Destination.PUBLICITY, Destination.SOCIAL_NETWORK)
    [public] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert public.status == "refused"
    waiting = ("R11", "5.5.1, 5.5.2")  # and nobody has reviewed its three faces yet
    assert {(r.rule, r.clause) for r in public.decision.blocking} == {("R6", "5.5.4.7"), waiting}
    [social] = export(vault, SOCIAL, [photo], Destination.SOCIAL_NETWORK, share)
    assert social.status == "refused"
    assert {(r.rule, r.clause) for r in social.decision.blocking} == {("R9", "5.5.4.10"), waiting}
    for words in (public.decision.explain(), social.decision.explain()):
        assert "Child A" not in words and "Child B" not in words  # need-to-know
    assert list(share.iterdir()) == []
    with as_(vault, SOCIAL) as s:  # a person says those faces are someone else
        for f in s.photos.info(photo_id=photo).faces:
            if f.status is FaceStatus.OTHER_CHILD:
                s.faces.confirm(face_id=f.id, child_id=None)
    [waits] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert waits.status == "refused"  # R11: the unknown face is not reviewed yet
    assert {(r.rule, r.clause) for r in waits.decision.blocking} == {("R11", "5.5.1, 5.5.2")}
    with as_(vault, SOCIAL) as s:
        for f in s.photos.info(photo_id=photo).faces:
            if not f.reviewed:
                s.faces.reject(face_id=f.id)
        s.faces.mark_checked(photo_id=photo)  # R11: and nobody the detector missed
    [now] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert now.status == "exported" and now.blurred == 3


# -- R13: withdrawing face matching takes the links with the encodings ---------------------


def test_r13_withdrawing_face_matching_clears_suggestions_and_confirmations(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, ids = world["vault"], world["ids"]
    a, b = ids["person-a"], ids["person-b"]
    photo = import_photo(vault, faces_dir, tmp_path, [a, b], "group_a-b.jpg")
    with as_(vault, SOCIAL) as s:
        faces = {f.child_id: f for f in s.photos.info(photo_id=photo).faces}
        s.faces.confirm(face_id=faces[a].id, child_id=a)
    withdraw_face_matching(vault, a)
    withdraw_face_matching(vault, b)
    with as_(vault, SOCIAL) as s:
        after = s.photos.info(photo_id=photo).faces
        assert [(f.child_id, f.status) for f in after] == [(None, FaceStatus.UNKNOWN)] * 2
        with s.vault.unit() as db:
            linked = db.scalars(
                select(cw.Face).where(
                    or_(
                        cw.Face.child_id.in_([a, b]),
                        cw.Face.suggested_child_id.in_([a, b]),
                        cw.Face.encoding.is_not(None),
                    )
                )
            ).all()
            assert linked == []
            entries = db.scalars(
                select(AuditRow).where(AuditRow.action == "consent.withdrawn")
            ).all()
            cleared = [e.details for e in entries if "face_links_cleared" in (e.details or "")]
            assert len(cleared) == 2


def test_r11_the_subject_access_package_blurs_a_face_marked_not_this_child(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """A SAR goes beyond the case record too: someone else's face is third-party data."""
    import io

    import pyzipper

    vault, ids = world["vault"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "person-a_4.jpg")
    with as_(vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        s.faces.confirm(face_id=face.id, child_id=None)  # "Not this child"
    with as_(vault, ADMIN) as admin:
        path, passphrase = admin.records.subject_access(
            child_id=a, out=world["share"] / "sar.zip", reference="SAR-2026-011"
        )
    with pyzipper.AESZipFile(io.BytesIO(path.read_bytes())) as z:
        z.setpassword(passphrase.encode())
        assert f"photo-{photo}.jpg: 1 face blurred" in z.read("redactions.txt").decode()
        image = Image.open(io.BytesIO(z.read(f"photos/photo-{photo}.jpg")))
    assert faces_in_image(image) == 0


def faces_in_image(image: Image.Image) -> int:
    return len(face_recognition.face_locations(np.asarray(image.convert("RGB"))))


def test_r11_the_subject_access_package_blurs_faces_never_detected_before(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    import io

    import pyzipper

    vault, ids = world["vault"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b.jpg", faces=False)
    with as_(vault, ADMIN) as admin:
        path, passphrase = admin.records.subject_access(
            child_id=a, out=world["share"] / "sar.zip", reference="SAR-2026-011"
        )
    with pyzipper.AESZipFile(io.BytesIO(path.read_bytes())) as z:
        z.setpassword(passphrase.encode())
        assert f"photo-{photo}.jpg: 2 faces blurred" in z.read("redactions.txt").decode()
        image = Image.open(io.BytesIO(z.read(f"photos/photo-{photo}.jpg")))
    assert faces_in_image(image) == 0


# -- the rule itself, on facts alone ----------------------------------------------------------


def _facts(**kw: object):  # type: ignore[no-untyped-def]
    from sefton_photos.model import ChildId, ExportFacts, FaceId, FaceInfo, PhotoId
    from tests.facts import child_file, consent

    def face(n: int, child: int | None, status: FaceStatus) -> FaceInfo:
        return FaceInfo(FaceId(n), PhotoId(1), (0, 9, 9, 0), ChildId(child) if child else None,
                        None, None, status)  # fmt: skip

    book = consent(destinations=(Destination.LIFE_STORY_BOOK,))
    base: dict[str, object] = dict(
        photo_id=PhotoId(1),
        files=(child_file(consents=(book,)),),  # child 1
        faces=(
            face(1, 1, FaceStatus.CONFIRMED),
            face(2, 1, FaceStatus.SUGGESTED),
            face(3, None, FaceStatus.UNKNOWN),
            face(4, 9, FaceStatus.OTHER_CHILD),
            face(5, 9, FaceStatus.CONFIRMED),
        ),
        flagged=None,
        approved=True,
        faces_detected=True,
    )
    base.update(kw)
    return ExportFacts(**base)  # type: ignore[arg-type]


def test_r11_can_export_names_every_face_but_a_confirmed_judged_child_to_blur() -> None:
    from sefton_photos import policy

    today = date(2026, 11, 24)
    book = policy.can_export(_facts(), Destination.LIFE_STORY_BOOK, today)
    assert book.allowed and book.blur == (2, 3, 4, 5)
    assert policy.can_export(_facts(), Destination.PRINT, today).blur == (2, 3, 4, 5)
    assert policy.can_export(_facts(), Destination.CASE_RECORD, today).blur == ()
    every = policy.can_export(_facts(), Destination.CASE_RECORD, today, blur_all_but_consented=True)
    assert every.allowed and every.blur == (2, 3, 4, 5)


def test_r11_can_export_refuses_beyond_the_case_record_when_faces_were_never_looked_for() -> None:
    from sefton_photos import policy

    today = date(2026, 11, 24)
    unchecked = _facts(faces=(), faces_detected=False)
    for dest in (Destination.LIFE_STORY_BOOK, Destination.PRINT, Destination.PUBLICITY):
        decision = policy.can_export(unchecked, dest, today)
        assert not decision.allowed
        assert any(r.rule == "R11" and r.clause == "5.5.1, 5.5.2" for r in decision.blocking)
    assert policy.can_export(unchecked, Destination.CASE_RECORD, today).allowed
    assert not policy.can_export(
        unchecked, Destination.CASE_RECORD, today, blur_all_but_consented=True
    ).allowed


def test_r6_r9_can_export_refuses_public_use_when_a_cared_for_child_is_recognised() -> None:
    from sefton_photos import policy
    from sefton_photos.model import FaceId

    today = date(2026, 11, 24)
    seen = _facts(cared_for_faces=(FaceId(4),))
    public = policy.can_export(seen, Destination.PUBLICITY, today)
    assert ("R6", "5.5.4.7") in {(r.rule, r.clause) for r in public.blocking}
    social = policy.can_export(seen, Destination.SOCIAL_NETWORK, today)
    assert ("R9", "5.5.4.10") in {(r.rule, r.clause) for r in social.blocking}
    assert policy.can_export(seen, Destination.LIFE_STORY_BOOK, today).allowed
    assert "R6" not in {
        r.rule for r in policy.can_export(_facts(), Destination.PUBLICITY, today).reasons
    }


@pytest.mark.integration  # building the demo vault runs the detector
def test_r11_the_demo_vaults_pictures_were_checked_for_faces(tmp_path: Path) -> None:
    """The demo's drawn pictures are looked at for faces, so its life story book works."""
    from sefton_photos import demo
    from sefton_photos.session import Session

    path = demo.ensure_demo_vault(tmp_path / "demo", pictures=2)
    sam = demo.STAFF[1]
    with Session.unlock(path, name=sam.name, password=sam.password) as s:
        riley = next(c.id for c in s.children.list() if c.name.startswith("Riley"))
        infos = s.photos.list(child_id=riley)
        decisions = dict(s.lifestory.decide(child_id=riley, photo_ids=[i.id for i in infos]))
    assert len(decisions) == 2 + len(demo.FACES)
    assert all(d.allowed for d in decisions.values()), decisions
    for info in infos:  # drawn scenes: nothing to blur; the face photos: nobody confirmed yet
        assert bool(decisions[info.id].blur) == bool(info.faces), info
