"""Facts for the policy tables: a child's file built in memory, no vault needed.

The policy is facts in, a decision out (``sefton_photos.policy``); these builders
state those facts with defaults that pass, so each test changes only what it is
about.  Shared by tests/test_policy.py and the face-matching tests.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sefton_photos.model import (
    CareStatus,
    Child,
    ChildFile,
    ChildId,
    ConsentId,
    ConsentKind,
    ConsentRecord,
    ExplanationRecord,
    GivenBy,
    PersonId,
    Purpose,
    ResponsiblePerson,
    Whose,
    WishNotNeeded,
    WishRecord,
)

WHEN = datetime(2026, 11, 1, tzinfo=UTC)
MUM = ResponsiblePerson(PersonId(1), ChildId(1), "Pat Parent", "mother", current=True)


def consent(n: int = 1, **kw: object) -> ConsentRecord:
    base = dict(
        id=ConsentId(n),
        child_id=ChildId(1),
        kind=ConsentKind.ONE_TO_ONE,
        given_by=GivenBy.PARENT_CARER,
        person_id=MUM.id,
        giver_name=MUM.name,
        giver_may_consent=True,
        understanding_assessment=None,
        purposes=(Purpose.LIFE_STORY, Purpose.ACTIVITY_RECORD, Purpose.CHILD_REQUEST),
        destinations=(),
        signed_on=date(2026, 10, 1),
        expires_on=None,
        carers_notified_on=None,
        has_form=True,
        recorded_by="Sam Social",
        recorded_at=WHEN,
        withdrawn_at=None,
        withdrawn_by=None,
        withdrawal_reason=None,
        corrects_id=None,
    )
    base.update(kw)
    return ConsentRecord(**base)  # type: ignore[arg-type]


def wish(
    whose: Whose,
    yes: bool = True,
    person: ResponsiblePerson | None = None,
    *,
    name: str | None = None,
    carer: bool = False,
    at: datetime = WHEN,
) -> WishRecord:
    """A wish: the child's; a person with PR's (``person``); a carer's or a worker's
    (``name``).  By default the parent/carer wish is the mother's, the worker's is the
    allocated social worker's; ``name=None`` with ``person=None`` there is unattributed."""
    if person is None and name is None and not carer:
        person = MUM if whose is Whose.PARENT_CARER else None
        name = "Sam Social" if whose is Whose.WORKER else None
    return WishRecord(
        whose,
        yes,
        person.name if person else name,
        None,
        "Sam Social",
        at,
        person_id=person.id if person else None,
        carer=carer,
    )


def explained(to: Whose, **kw: object) -> ExplanationRecord:
    base = dict(
        to_whom=to,
        explained=True,
        explained_on=date(2026, 10, 2),
        not_explained_reason=None,
        permitted_by=None,
        permitted_by_is_social_worker=False,
        recorded_by="Sam Social",
        recorded_at=WHEN,
    )
    base.update(kw)
    return ExplanationRecord(**base)  # type: ignore[arg-type]


def child_file(
    name: str = "Jamie",
    status: CareStatus = CareStatus.NOT_LOOKED_AFTER,
    ever: bool = False,
    consents: tuple[ConsentRecord, ...] = (consent(),),
    wishes: tuple[WishRecord, ...] | None = None,
    explanations: tuple[ExplanationRecord, ...] | None = None,
    people: tuple[ResponsiblePerson, ...] = (MUM,),
    waivers: tuple[WishNotNeeded, ...] = (),
    born: date = date(2014, 3, 2),
    min_age: int = 12,
    keys: tuple[str, ...] = (),
) -> ChildFile:
    return ChildFile(
        child=Child(ChildId(1), name, born, status, ever or status.cared_for, "Sam Social", keys),
        people=people,
        consents=consents,
        wishes=wishes if wishes is not None else tuple(wish(w) for w in Whose),
        explanations=explanations
        if explanations is not None
        else (explained(Whose.CHILD), explained(Whose.PARENT_CARER)),
        waivers=waivers,
        young_person_min_age=min_age,
    )
