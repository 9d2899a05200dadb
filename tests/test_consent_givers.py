"""R3 (policy 5.5.4.3) on a real vault: a consent from someone who may not give it is
refused when it is entered, and a young person's own consent needs an age that makes sense.

The minimum age is an administrator's setting (default 12) kept in the ``settings``
table like the auto-lock time; above it the assessment of understanding is required.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput, PolicyRefusal
from sefton_photos.model import CareStatus, ConsentKind, GivenBy
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.session import DEFAULT_YOUNG_PERSON_MIN_AGE, Session
from tests.helpers import ADMIN, KEY, SOCIAL, SOCIAL2, signed_in

UNDERSTANDS = "Assessed by Sam Social: understands what photos are for and can say no"


def born(years: int, days: int = 0) -> date:
    """A date of birth ``years`` years (and ``days`` days) before today."""
    today = date.today()
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return day - timedelta(days=days)


def a_child(s: Session, dob: date) -> int:
    child = s.children.add(
        name="Remy Ashcroft",
        date_of_birth=dob,
        care_status=CareStatus.LOOKED_AFTER,
        key_workers=[KEY.name],
    )
    return child.id


def own_consent(s: Session, child_id: int, assessment: str | None = UNDERSTANDS) -> object:
    return s.consents.add(
        child_id=child_id,
        kind=ConsentKind.ONE_TO_ONE,
        given_by=GivenBy.YOUNG_PERSON,
        understanding_assessment=assessment,
        signed_on=date.today(),
    )


def test_r3_a_two_day_old_childs_own_consent_is_refused(vault_dir: Path) -> None:
    """R3 (5.5.4.3): below the minimum age the young person's own consent cannot be given."""
    with signed_in(vault_dir, SOCIAL) as s:
        baby = a_child(s, date.today() - timedelta(days=2))
        with pytest.raises(InvalidInput, match=r"aged 0.*at least 12.*5\.5\.4\.3"):
            own_consent(s, baby)
        assert s.consents.list(child_id=baby) == []


def test_r3_the_minimum_age_is_an_administrators_setting(vault_dir: Path) -> None:
    with signed_in(vault_dir, ADMIN) as admin:
        assert admin.settings.young_person_min_age() == DEFAULT_YOUNG_PERSON_MIN_AGE == 12
    with signed_in(vault_dir, SOCIAL) as s:
        eleven = a_child(s, born(11))
        with pytest.raises(InvalidInput, match="at least 12"):
            own_consent(s, eleven)
        with pytest.raises(PolicyRefusal, match="administrator"):
            s.settings.set_young_person_min_age(years=10)
    with signed_in(vault_dir, ADMIN) as admin:
        with pytest.raises(InvalidInput, match="between"):
            admin.settings.set_young_person_min_age(years=0)
        admin.settings.set_young_person_min_age(years=11)
        assert admin.settings.young_person_min_age() == 11
        assert admin.audit.entries(limit=1)[0].details == {"young_person_min_age": 11}
    with signed_in(vault_dir, SOCIAL) as s:
        record = own_consent(s, eleven)
        assert getattr(record, "given_by", None) is GivenBy.YOUNG_PERSON


def test_r3_the_age_counts_birthdays_on_the_day(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        nearly = a_child(s, born(12) + timedelta(days=1))
        with pytest.raises(InvalidInput, match="aged 11"):
            own_consent(s, nearly)
        today = a_child(s, born(12))
        own_consent(s, today)


def test_r3_above_the_age_the_assessment_is_still_required(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        fifteen = a_child(s, born(15))
        with pytest.raises(InvalidInput, match="assessment of their age and understanding"):
            own_consent(s, fifteen, assessment="  ")


def end_responsibility(s: Session, person_id: int) -> None:
    """A person whose parental responsibility ended (the record's ``ended_at``): no
    command or screen ends it today, but such a record must not give consent."""
    with s.vault.unit() as db:
        row = db.get(cw.ResponsiblePerson, person_id)
        assert row is not None
        row.ended_at = utcnow()


def test_r3_consent_from_someone_without_pr_is_refused_when_entered(vault_dir: Path) -> None:
    """A person whose PR ended, or who is on another child's file, may not consent."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id = a_child(s, born(9))
        other = a_child(s, born(7))
        ended = s.children.add_person(child_id=child_id, name="Ex Ashcroft", relationship="father")
        end_responsibility(s, ended.id)
        elsewhere = s.children.add_person(child_id=other, name="Di Other", relationship="mother")
        for person in (ended.id, elsewhere.id):
            with pytest.raises(InvalidInput, match=r"parental responsibility.*5\.5\.4\.3"):
                s.consents.add(
                    child_id=child_id,
                    kind=ConsentKind.ONE_TO_ONE,
                    given_by=GivenBy.PARENT_CARER,
                    person_id=person,
                    signed_on=date.today(),
                )
        assert s.consents.list(child_id=child_id) == []


def test_r3_consent_from_a_social_worker_not_the_childs_is_refused(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id = a_child(s, born(9))
        for giver in (SOCIAL2.name, KEY.name):
            with pytest.raises(InvalidInput, match=r"child's social worker.*5\.5\.4\.3"):
                s.consents.add(
                    child_id=child_id,
                    kind=ConsentKind.ONE_TO_ONE,
                    given_by=GivenBy.SOCIAL_WORKER,
                    giver=giver,
                    signed_on=date.today(),
                )
        record = s.consents.add(
            child_id=child_id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.SOCIAL_WORKER,
            signed_on=date.today(),
        )
    assert record.giver_name == SOCIAL.name and record.giver_may_consent


def test_r3_fields_that_do_not_fit_the_giver_are_refused_not_ignored(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id = a_child(s, born(14))
        mum = s.children.add_person(child_id=child_id, name="Mo Ashcroft", relationship="mother")
        with pytest.raises(InvalidInput, match="person with parental responsibility"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.SOCIAL_WORKER,
                person_id=mum.id,
                signed_on=date.today(),
            )
        with pytest.raises(InvalidInput, match="social worker"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.PARENT_CARER,
                person_id=mum.id,
                giver=SOCIAL.name,
                signed_on=date.today(),
            )
        assert s.consents.list(child_id=child_id) == []


@pytest.mark.parametrize("given_by", [GivenBy.SOCIAL_WORKER, GivenBy.YOUNG_PERSON])
def test_r7_publicity_consent_comes_from_a_person_with_pr(
    vault_dir: Path, given_by: GivenBy
) -> None:
    """R7 (5.5.4.8): a publicity consent from anyone else would be recorded and never count."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id = a_child(s, born(14))
        with pytest.raises(InvalidInput, match=r"Publicity consent.*5\.5\.4\.8"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.PUBLICITY,
                given_by=given_by,
                understanding_assessment=UNDERSTANDS if given_by is GivenBy.YOUNG_PERSON else None,
                signed_on=date.today(),
            )
