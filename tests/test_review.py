"""R12 (policy 5.5.1.3): a photo flagged by a withdrawal can be reviewed, and only on a
new, current consent named by the child's social worker or their line manager."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from sefton_photos.errors import NotFound, PolicyRefusal
from sefton_photos.model import ConsentKind, GivenBy, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, KEY2, MANAGER, SOCIAL, Person, children


def as_(vault: Path, person: Person) -> Session:
    return Session.unlock(vault, name=person.name, password=person.password)


def new_consent(s: Session, child: int, kind: ConsentKind = ConsentKind.ONE_TO_ONE) -> int:
    person = s.children.file(child_id=child).people[0].id
    return s.consents.add(
        child_id=child,
        kind=kind,
        given_by=GivenBy.PARENT_CARER,
        person_id=person,
        signed_on=date.today(),
        carers_notified_on=date.today() if kind is ConsentKind.GROUP else None,
    ).id


def flagged(vault: Path, photo: int) -> str | None:
    with as_(vault, SOCIAL) as s:
        return s.photos.info(photo_id=photo).flagged


def test_r12_a_flagged_photo_is_cleared_only_on_a_new_current_consent(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    child = children(face_vault)["person-c"]
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-c_2.jpg", card / "c.jpg")
    with as_(face_vault, SOCIAL) as s:
        report = s.imports.run(
            child_ids=(child,),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Memory book",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
        photo = report.outcomes[0].photo_id
        assert photo is not None
        old = next(
            c.id
            for c in s.consents.list(child_id=child)
            if c.kind is ConsentKind.ONE_TO_ONE and c.withdrawn_at is None
        )
        s.consents.withdraw(consent_id=old, reason="Changed their mind")
    assert flagged(face_vault, photo) == f"consent {old} withdrawn"

    with as_(face_vault, KEY) as k, pytest.raises(PolicyRefusal, match="social worker"):
        k.reviews.review(photo_id=photo, consent_id=old)
    with as_(face_vault, KEY2) as k, pytest.raises(NotFound):
        k.reviews.review(photo_id=photo, consent_id=old)
    with as_(face_vault, SOCIAL) as s:
        with pytest.raises(PolicyRefusal, match=r"new consent.*5\.5\.1\.3"):
            s.reviews.review(photo_id=photo, consent_id=old)
        group = new_consent(s, child, ConsentKind.GROUP)
        with pytest.raises(PolicyRefusal, match=r"needs a one-to-one consent.*5\.5\.1\.3"):
            s.reviews.review(photo_id=photo, consent_id=group)
    assert flagged(face_vault, photo) is not None  # every refusal leaves it flagged

    with as_(face_vault, SOCIAL) as s:
        fresh = new_consent(s, child)
        outcome = s.reviews.review(photo_id=photo, consent_id=fresh)
        assert outcome.cleared and outcome.replaced == old and outcome.still_flagged_by == ()
        with pytest.raises(Exception, match="not flagged"):
            s.reviews.review(photo_id=photo, consent_id=fresh)
    assert flagged(face_vault, photo) is None
    with as_(face_vault, ADMIN) as admin:
        entries = [e for e in admin.audit.entries(limit=200) if e.action == "photo.flag_reviewed"]
        assert [e.details["consent"] for e in entries] == [fresh]
        refused = [
            e
            for e in admin.audit.entries(limit=200)
            if e.action == "access.refused" and e.details.get("attempted") == "photo.review"
        ]
        assert len(refused) >= 3

    # The photo now rests on the new consent: withdrawing it flags the photo again, and the
    # line manager of the child's workers may review it too.
    with as_(face_vault, SOCIAL) as s:
        s.consents.withdraw(consent_id=fresh, reason="Withdrawn again")
    assert flagged(face_vault, photo) == f"consent {fresh} withdrawn"
    with as_(face_vault, MANAGER) as m:
        again = new_consent(m, child)
        assert m.reviews.review(photo_id=photo, consent_id=again).cleared
    assert flagged(face_vault, photo) is None
