"""Issue 11: redaction a person signs off (R11, policy 5.5.1, 5.5.2; R13, UK GDPR).

"Not this child" is its own ruling (rejected), a ruling can be undone, "reviewed" is
data the export rule reads, and a face left without a suggestion says why.  The rule
on facts alone first, then real vaults, real photos and real face detection.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from sefton_photos import policy
from sefton_photos.errors import InvalidInput, NotFound, PolicyRefusal
from sefton_photos.faces.match import Suggestion, suggest
from sefton_photos.model import (
    ChildId,
    ConsentKind,
    Destination,
    Enrolment,
    ExportFacts,
    FaceId,
    FaceInfo,
    FaceStatus,
    PhotoId,
    Purpose,
)
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import AuditRow
from sefton_photos.support.facerows import FaceSettings, why_unmatched
from tests.facts import child_file, consent
from tests.helpers import ADMIN, KEY, SOCIAL, as_, import_photo

TODAY = date(2026, 11, 24)
PUBLIC = consent(
    1,
    kind=ConsentKind.PUBLICITY,
    purposes=(Purpose.PUBLICITY,),
    destinations=(Destination.PUBLICITY, Destination.SOCIAL_NETWORK),
)


def face(n: int, status: FaceStatus, *, reviewed: bool, child: int | None = None) -> FaceInfo:
    return FaceInfo(
        FaceId(n),
        PhotoId(7),
        (0, 9, 9, 0),
        ChildId(child) if child else None,
        None,
        None,
        status,
        reviewed=reviewed,
    )


def facts(*faces: FaceInfo) -> ExportFacts:
    f = child_file(consents=(consent(), PUBLIC))  # child 1, publicity-ready
    return ExportFacts(PhotoId(7), (f,), faces, None, True, True, faces_checked=True)


def review_refusal(decision: object) -> list[str]:
    return [
        r.text
        for r in decision.blocking  # type: ignore[attr-defined]
        if r.rule == "R11" and r.clause == "5.5.1, 5.5.2" and "reviewed" in r.text
    ]


# -- the rule on facts alone -----------------------------------------------------------------

CONFIRMED = face(1, FaceStatus.CONFIRMED, reviewed=True, child=1)
REJECTED = face(2, FaceStatus.REJECTED, reviewed=True)
SUGGESTED = face(3, FaceStatus.SUGGESTED, reviewed=False, child=1)
UNKNOWN = face(4, FaceStatus.UNKNOWN, reviewed=False)
OTHER = face(5, FaceStatus.OTHER_CHILD, reviewed=False, child=9)

TABLE = [
    # faces, destination, refused for waiting faces?, blurred
    ((), Destination.PUBLICITY, 0, ()),
    ((CONFIRMED,), Destination.PUBLICITY, 0, ()),
    ((CONFIRMED, REJECTED), Destination.SOCIAL_NETWORK, 0, (2,)),
    ((SUGGESTED,), Destination.PUBLICITY, 1, (3,)),
    ((CONFIRMED, UNKNOWN, OTHER), Destination.SOCIAL_NETWORK, 2, (4, 5)),
    ((REJECTED, UNKNOWN), Destination.PUBLICITY, 1, (2, 4)),
    ((SUGGESTED, UNKNOWN, OTHER), Destination.PRINT, 0, (3, 4, 5)),  # not the public
    ((SUGGESTED, UNKNOWN), Destination.CASE_RECORD, 0, ()),
]


@pytest.mark.parametrize(("faces", "dest", "waiting", "blur"), TABLE)
def test_r11_public_use_waits_for_a_person_to_review_every_face(
    faces: tuple[FaceInfo, ...], dest: Destination, waiting: int, blur: tuple[int, ...]
) -> None:
    decision = policy.can_export(facts(*faces), dest, TODAY)
    refused = review_refusal(decision)
    assert decision.allowed is (waiting == 0), decision.explain()
    assert decision.blur == blur  # blurring is as before: only a confirmed judged child sharp
    if waiting:
        [text] = refused
        assert "Photo 7" in text and f"{waiting} face" in text
        [reason] = [r for r in decision.blocking if r.text == text]
        assert "review its faces (Faces tab / `sefton-photos face" in (reason.remedy or "")
    else:
        assert refused == []


def test_r11_a_rejected_face_is_someone_else_who_needs_consent() -> None:
    assert REJECTED.needs_consent and not CONFIRMED.needs_consent


# -- why no suggestion, in plain words (R13: a distance number, never an encoding) ---------


def test_suggest_says_why_each_face_went_unmatched() -> None:
    near, far = (0.0,) * 128, (0.05,) * 128  # 0.57 apart
    refs = {1: [near]}
    [s] = suggest([(0.1,) * 128], refs, threshold=0.6)
    assert s.child_id is None and s.closest == pytest.approx(1.1314, abs=1e-3)
    assert s.why == "too far from every enrolled child (closest 1.13, limit 0.60)"
    [hit] = suggest([far], refs, threshold=0.6)
    assert hit.child_id == 1 and hit.why is None and hit.closest == hit.distance
    a, b = suggest([near, far], refs, threshold=0.6)
    assert a.child_id == 1 and b.child_id is None and "another face" in (b.why or "")
    [empty] = suggest([()], refs)
    assert empty.child_id is None and empty.why == "no child is enrolled for face matching"
    born = {1: date(2012, 1, 1)}
    [old] = suggest([near], refs, taken_at=datetime(2011, 5, 1, tzinfo=UTC), born=born)
    assert old.child_id is None and "born after" in (old.why or "")


def test_the_reason_distinguishes_the_vault_switch_from_one_import() -> None:
    none = Suggestion(None, None)
    common = dict(refs={1: [()]}, born={}, capture_children={1}, taken_at=None)
    vault = FaceSettings(enabled=False, off_because=FaceSettings().off_because)
    assert FaceSettings().off().off_because == "face matching was switched off for this import"
    off_vault = FaceSettings(enabled=True).off(
        "face matching is switched off for the vault by an administrator"
    )
    assert why_unmatched(none, (1.0,), settings=off_vault, **common) == (  # type: ignore[arg-type]
        "face matching is switched off for the vault by an administrator"
    )
    assert "for this import" in (
        why_unmatched(none, (1.0,), settings=FaceSettings().off(), **common) or ""  # type: ignore[arg-type]
    )
    assert vault.enabled is False
    born = dict(common, born={1: date(2020, 1, 1)}, taken_at=datetime(2019, 1, 1, tzinfo=UTC))
    assert why_unmatched(none, (1.0,), settings=FaceSettings(), **born) == (  # type: ignore[arg-type]
        "a child of this capture was born after the photo was taken"
    )
    nobody = dict(common, capture_children={2})
    assert "no child of this capture is enrolled" in (
        why_unmatched(none, (1.0,), settings=FaceSettings(), **nobody) or ""  # type: ignore[arg-type]
    )
    assert "no child of this capture is enrolled" in (
        why_unmatched(none, (), settings=FaceSettings(), **common) or ""  # type: ignore[arg-type]
    )


def test_a_reference_is_stale_a_year_on() -> None:
    now = datetime(2026, 11, 24, tzinfo=UTC)
    assert Enrolment.is_stale(now - timedelta(days=400), now, TODAY)
    assert not Enrolment.is_stale(None, now - timedelta(days=30), TODAY)
    assert Enrolment.is_stale(None, now - timedelta(days=366), TODAY)


# -- reject and undo, in a real vault -------------------------------------------------------


def audit_actions(s: object, subject: str) -> list[str]:
    with s.vault.unit() as db:  # type: ignore[attr-defined]
        rows = db.scalars(select(AuditRow).where(AuditRow.subject == subject)).all()
        return [r.action for r in rows]


def test_r11_not_this_child_is_a_rejection_and_undo_restores_the_suggestion(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, ids = world["vault"], world["ids"]
    a, b = ids["person-a"], ids["person-b"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b.jpg")
    with as_(vault, SOCIAL) as s:
        faces = {f.status: f for f in s.photos.info(photo_id=photo).faces}
        mine, other = faces[FaceStatus.SUGGESTED], faces[FaceStatus.OTHER_CHILD]
        assert not mine.reviewed and not other.reviewed
        rejected = s.faces.reject(face_id=mine.id)
        assert rejected.status is FaceStatus.REJECTED and rejected.reviewed
        assert rejected.child_id is None and rejected.needs_consent
        by_confirm = s.faces.confirm(face_id=other.id, child_id=None)  # the old spelling
        assert by_confirm.status is FaceStatus.REJECTED
        with s.vault.unit() as db:
            rows = [db.get(cw.Face, f) for f in (mine.id, other.id)]
            me = s.faces.actor.id
            assert [(r.encoding, r.confirmed_by) for r in rows if r] == [(None, me)] * 2
        assert audit_actions(s, f"face {mine.id}") == ["face.rejected"]
        assert audit_actions(s, f"face {other.id}") == ["face.rejected"]

        [tile] = s.photos.tiles(child_id=a)
        assert tile.faces_to_review == 0  # the grid and the export rule agree (R11)
        back = s.faces.undo(face_id=mine.id)
        assert back.status is FaceStatus.SUGGESTED and back.child_id == a and not back.reviewed
        assert s.faces.undo(face_id=other.id).status is FaceStatus.OTHER_CHILD
        confirmed = s.faces.confirm(face_id=mine.id, child_id=a)
        assert confirmed.reviewed and s.faces.undo(face_id=mine.id).status is FaceStatus.SUGGESTED
        with s.vault.unit() as db:
            row = db.get(cw.Face, mine.id)
            assert row is not None and row.confirmed_by is None and row.child_id is None
        assert audit_actions(s, f"face {mine.id}") == [
            "face.rejected",
            "face.review_undone",
            "face.confirmed",
            "face.review_undone",
        ]
        with pytest.raises(InvalidInput, match="Nobody has reviewed"):
            s.faces.undo(face_id=mine.id)
        assert s.photos.tiles(child_id=a)[0].faces_to_review == 2
        with pytest.raises(NotFound):
            s.faces.reject(face_id=999_999)
    assert b  # B is enrolled, so the other face was suggested as B (other child)


def test_r11_a_face_without_a_suggestion_says_why(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    from tests.helpers import public_child, withdraw_face_matching

    vault, ids = world["vault"], world["ids"]
    a = ids["person-a"]
    group = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b-unknown.jpg")
    withdraw_face_matching(vault, ids["person-f"])  # F is nobody on file now
    nina = public_child(vault)  # no face-matching consent, never enrolled
    alone = import_photo(vault, faces_dir, tmp_path, [nina], "person-f_1.png")
    with as_(vault, SOCIAL) as s:
        [unknown] = [f for f in s.photos.info(photo_id=group).faces if f.child_id is None]
        assert unknown.unmatched_reason is not None
        assert unknown.unmatched_reason.startswith("too far from every enrolled child (closest 0.")
        assert unknown.unmatched_reason.endswith(", limit 0.60)")
        [nobody] = s.photos.info(photo_id=alone).faces
        assert nobody.status is FaceStatus.UNKNOWN
        assert "no child of this capture is enrolled" in (nobody.unmatched_reason or "")
        with s.vault.unit() as db:
            assert db.get(cw.Face, unknown.id).encoding is None  # type: ignore[union-attr]
        assert s.faces.settings().enabled and s.faces.settings().threshold == 0.6
    with as_(vault, ADMIN) as admin:
        admin.faces.set_settings(enabled=False)
    off = import_photo(vault, faces_dir, tmp_path, [a], "person-a_3.jpg")
    with as_(vault, KEY) as k:
        assert k.faces.settings().enabled is False
        assert k.faces.detect(photo_ids=[off]) == {}  # found at import already (R11)
        [f] = k.photos.info(photo_id=off).faces  # ...but matched to no one (R13)
        assert f.status is FaceStatus.UNKNOWN
        assert f.unmatched_reason == (
            "face matching is switched off for the vault by an administrator"
        )


# -- enrolment from the app (R13 first) ------------------------------------------------------


def test_r13_enrol_from_one_of_the_childs_own_photos_and_list_the_references(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, ids = world["vault"], world["ids"]
    a, c = ids["person-a"], ids["person-c"]
    group = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b.jpg")
    single = import_photo(vault, faces_dir, tmp_path, [a], "person-a_2.jpg")
    old = tmp_path / "old.jpg"
    exif = Image.Exif()
    exif[0x0132] = "2024:01:02 10:00:00"
    Image.open(faces_dir / "person-a_4.jpg").save(old, exif=exif.tobytes())
    with as_(vault, SOCIAL) as s:
        faces = s.photos.info(photo_id=group).faces
        mine = next(f for f in faces if f.status is FaceStatus.SUGGESTED)
        with pytest.raises(InvalidInput, match="shows 2 faces"):
            s.faces.enrol(child_id=a, photo_id=group)
        with pytest.raises(InvalidInput, match="not in photo"):
            s.faces.enrol(child_id=a, photo_id=single, face_id=mine.id)
        with pytest.raises(InvalidInput, match="not one of this child's photos"):
            s.faces.enrol(child_id=c, photo_id=group, face_id=mine.id)
        first = s.faces.enrol(child_id=a, photo_id=group, face_id=mine.id)
        second = s.faces.enrol(child_id=a, photo_id=single)
        third = s.faces.enrol(child_id=a, photo=old)
        refs = s.faces.references(child_id=a)
        assert [r.id for r in refs][-3:] == [first, second, third]
        by_id = {r.id: r for r in refs}
        assert by_id[first].source == f"photo {group}" and by_id[second].source == f"photo {single}"
        assert by_id[third].source == "a file" and by_id[third].stale
        assert by_id[third].taken_at == datetime(2024, 1, 2, 10, 0, tzinfo=UTC)
        assert not by_id[second].stale and by_id[second].enrolled_by == SOCIAL.name
        with s.vault.unit() as db:
            entry = db.scalars(
                select(AuditRow).where(AuditRow.action == "face.enrolled").order_by(AuditRow.seq)
            ).all()[-1]
            assert json.loads(entry.details or "{}")["source"] == "a file"


def test_r13_face_matching_consent_is_checked_before_anything_is_decoded(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    from tests.helpers import public_child

    vault = world["vault"]
    nina = public_child(vault)
    photo = import_photo(vault, faces_dir, tmp_path, [nina], "person-e_2.jpg")
    with as_(vault, SOCIAL) as s:
        for how in ({"photo": b"not an image at all"}, {"photo_id": photo}):
            with pytest.raises(PolicyRefusal, match="R13"):
                s.faces.enrol(child_id=nina, **how)  # type: ignore[arg-type]
        assert s.faces.references(child_id=nina) == []


# -- the whole way out: a publicity export a person signed off ------------------------------


def test_r11_a_signed_off_publicity_export_leaves_no_face_of_the_unconsented_person(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """Nina (publicity and face-matching consent) is person A; person B has no consent
    on file.  After a person confirms A and rejects B, the exported file read back has
    A's face recognisable and no face within 0.6 of B's."""
    from sefton_photos.faces.detect import detect
    from sefton_photos.faces.match import distance
    from sefton_photos.imaging.decode import decode
    from sefton_photos.model import GivenBy
    from tests.helpers import approve, export, public_child, withdraw_face_matching

    vault, share, ids = world["vault"], world["share"], world["ids"]
    for person in ("person-a", "person-b"):
        withdraw_face_matching(vault, ids[person])
    nina = public_child(vault)
    with as_(vault, SOCIAL) as s:
        parent = s.children.file(child_id=nina).people[0]
        s.consents.add(
            child_id=nina,
            kind=ConsentKind.FACE_MATCHING,
            given_by=GivenBy.PARENT_CARER,
            person_id=parent.id,
            signed_on=date(2026, 1, 5),
        )
        s.faces.enrol(child_id=nina, photo=faces_dir / "person-a_1.jpg")
    photo = import_photo(vault, faces_dir, tmp_path, [nina], "group_a-b.jpg")
    approve(vault, photo, Destination.PUBLICITY)
    [waits] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert waits.status == "refused" and review_refusal(waits.decision)
    with as_(vault, SOCIAL) as s:
        faces = s.photos.info(photo_id=photo).faces
        [a] = [f for f in faces if f.status is FaceStatus.SUGGESTED]
        [b] = [f for f in faces if f.status is FaceStatus.UNKNOWN]
        s.faces.confirm(face_id=a.id, child_id=nina)
        s.faces.reject(face_id=b.id)
        s.faces.mark_checked(photo_id=photo)  # R11: and no face the detector missed
    [out] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert out.status == "exported" and out.blurred == 1 and out.file
    found = detect(decode(Path(out.file).read_bytes()).image)

    def reference(name: str) -> tuple[float, ...]:
        [f] = detect(decode((faces_dir / name).read_bytes()).image)
        return f.encoding

    to_a = [distance(f.encoding, reference("person-a_1.jpg")) for f in found]
    to_b = [distance(f.encoding, reference("person-b_1.jpg")) for f in found]
    assert min(to_a) <= 0.6  # the consented child is still recognisable: the check can fail
    assert all(d > 0.6 for d in to_b), to_b


def test_r13_a_withdrawal_keeps_a_persons_not_this_child_and_says_why_the_rest_went(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """Withdrawing face matching takes face matching's links (R13), not a person's ruling
    that a face is someone else; the faces it unlinks say why they match no one now."""
    from tests.helpers import withdraw_face_matching

    vault, ids = world["vault"], world["ids"]
    a = ids["person-a"]
    photo = import_photo(vault, faces_dir, tmp_path, [a], "group_a-b.jpg")
    with as_(vault, SOCIAL) as s:
        faces = {f.status: f for f in s.photos.info(photo_id=photo).faces}
        s.faces.reject(face_id=faces[FaceStatus.OTHER_CHILD].id)  # suggested as B: no
    withdraw_face_matching(vault, a)
    withdraw_face_matching(vault, ids["person-b"])
    with as_(vault, SOCIAL) as s:
        after = {f.id: f for f in s.photos.info(photo_id=photo).faces}
        rejected, unlinked = (
            after[faces[FaceStatus.OTHER_CHILD].id],
            after[faces[FaceStatus.SUGGESTED].id],
        )
        assert rejected.status is FaceStatus.REJECTED and rejected.reviewed
        assert unlinked.status is FaceStatus.UNKNOWN and not unlinked.reviewed
        assert "withdrawn" in (unlinked.unmatched_reason or "")
        with s.vault.unit() as db:
            row = db.get(cw.Face, rejected.id)
            assert row is not None and row.suggested_child_id is None and row.encoding is None
