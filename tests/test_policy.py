"""The consent check as a table: one row per clause of R1, R2, R3, R12 and per edge.

Pure facts in, a decision out: no vault needed, so every edge is cheap to state.
Each row says which rules must be NOT MET (empty: allowed) and a phrase the refusal
must contain, so a refusal always names its clause and says why in words.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from sefton_photos import policy
from sefton_photos.model import (
    CaptureContext,
    CareStatus,
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
from tests.facts import MUM, WHEN, child_file, consent, explained, wish

TODAY = date(2026, 11, 24)
DAD = ResponsiblePerson(PersonId(2), ChildId(1), "Ray Parent", "father", current=True)


def unattributed(whose: Whose, yes: bool, at: datetime = WHEN) -> WishRecord:
    """A wish from before schema 0002, naming no one."""
    return WishRecord(whose, yes, None, None, "Sam Social", at)


def young_persons_own(**kw: object) -> ConsentRecord:
    fields: dict[str, object] = dict(
        given_by=GivenBy.YOUNG_PERSON,
        person_id=None,
        giver_name="the young person",
        understanding_assessment="Aged 15; understands and can weigh the decision",
    )
    return consent(**{**fields, **kw})


def not_explained(permitted: bool) -> tuple[ExplanationRecord, ...]:
    return (
        explained(Whose.CHILD),
        explained(
            Whose.PARENT_CARER,
            explained=False,
            explained_on=None,
            not_explained_reason="whereabouts unknown",
            permitted_by="Sam Social" if permitted else None,
            permitted_by_is_social_worker=permitted,
        ),
    )


PUBLICITY_OK = (
    consent(1, kind=ConsentKind.PUBLICITY, purposes=(Purpose.PUBLICITY,)),
    consent(
        2,
        kind=ConsentKind.PUBLICITY,
        purposes=(Purpose.PUBLICITY,),
        person_id=DAD.id,
        giver_name=DAD.name,
    ),
)
GROUP_OK = consent(
    kind=ConsentKind.GROUP, purposes=(Purpose.GROUP_ACTIVITY,), carers_notified_on=date(2026, 10, 5)
)

EARLIER, LATER = WHEN - timedelta(days=30), WHEN + timedelta(days=1)
BOTH_YES = (
    wish(Whose.CHILD),
    wish(Whose.WORKER),
    wish(Whose.PARENT_CARER),
    wish(Whose.PARENT_CARER, person=DAD),
)
NOT_NEEDED = WishNotNeeded(DAD.id, DAD.name, "Court order: no contact", "Sam Social", WHEN)

# (id, file, purpose, rules NOT MET, phrase in the refusal)
ROWS = [
    ("complete file: allowed", child_file(), Purpose.LIFE_STORY, set(), ""),
    # R2, 5.5.4.2: wishes
    (
        "R2 child's wish not recorded",
        child_file(wishes=(wish(Whose.PARENT_CARER), wish(Whose.WORKER))),
        Purpose.LIFE_STORY,
        {"R2"},
        "child's wishes",
    ),
    (
        "R2 child does not wish it",
        child_file(wishes=(wish(Whose.CHILD, False), wish(Whose.PARENT_CARER), wish(Whose.WORKER))),
        Purpose.LIFE_STORY,
        {"R2"},
        "does not wish",
    ),
    (
        "R2 parent/carer does not wish it",
        child_file(wishes=(wish(Whose.CHILD), wish(Whose.PARENT_CARER, False), wish(Whose.WORKER))),
        Purpose.LIFE_STORY,
        {"R2"},
        "Pat Parent (mother) does not wish",
    ),
    (
        "R2 the father's no beside the mother's yes",
        child_file(people=(MUM, DAD), wishes=(*BOTH_YES[:3], wish(Whose.PARENT_CARER, False, DAD))),
        Purpose.LIFE_STORY,
        {"R2"},
        "Ray Parent (father) does not wish",
    ),
    (
        "R2 each person with PR content",
        child_file(people=(MUM, DAD), wishes=BOTH_YES),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 a person with PR added after the wishes has none yet",
        child_file(people=(MUM, DAD)),
        Purpose.LIFE_STORY,
        {"R2"},
        "Ray Parent (father) has no wish recorded",
    ),
    (
        "R2 a social worker recorded why that person's wish is not needed",
        child_file(people=(MUM, DAD), waivers=(NOT_NEEDED,)),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 the wish of someone whose PR ended no longer counts",
        child_file(
            people=(MUM, replace(DAD, current=False)),
            wishes=(*BOTH_YES[:3], wish(Whose.PARENT_CARER, False, DAD)),
        ),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 a carer without PR does not wish it",
        child_file(wishes=(*BOTH_YES[:3], wish(Whose.PARENT_CARER, False, name="Fay", carer=True))),
        Purpose.LIFE_STORY,
        {"R2"},
        "Fay (carer) does not wish",
    ),
    (
        "R2 a former carer's no, recorded as no longer caring after it",
        child_file(
            wishes=(*BOTH_YES[:3], wish(Whose.PARENT_CARER, False, name="Fay", carer=True)),
            waivers=(WishNotNeeded(None, "fay", "Placement ended", "Sam Social", LATER, True),),
        ),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 a carer's no recorded after they were recorded as no longer caring",
        child_file(
            wishes=(*BOTH_YES[:3], wish(Whose.PARENT_CARER, False, name="Fay", carer=True)),
            waivers=(WishNotNeeded(None, "Fay", "Placement ended", "Sam Social", EARLIER, True),),
        ),
        Purpose.LIFE_STORY,
        {"R2"},
        "Fay (carer) does not wish",
    ),
    (
        "R2 no one with PR on file and no carer's wish",
        child_file(people=(), wishes=(wish(Whose.CHILD), wish(Whose.WORKER))),
        Purpose.LIFE_STORY,
        {"R2"},
        "No parent/carer's wishes are recorded",
    ),
    (
        "R2 no one with PR on file, the carer's wish recorded",
        child_file(
            people=(),
            wishes=(
                wish(Whose.CHILD),
                wish(Whose.WORKER),
                wish(Whose.PARENT_CARER, name="Fay", carer=True),
            ),
        ),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 migrated: an unattributed yes speaks for no one",
        child_file(
            wishes=(wish(Whose.CHILD), wish(Whose.WORKER), unattributed(Whose.PARENT_CARER, True))
        ),
        Purpose.LIFE_STORY,
        {"R2"},
        "Pat Parent (mother) has no wish recorded",
    ),
    (
        "R2 migrated: an unattributed no stands until everyone with PR is asked again",
        child_file(wishes=(*BOTH_YES[:3], unattributed(Whose.PARENT_CARER, False, LATER))),
        Purpose.LIFE_STORY,
        {"R2"},
        "before wishes were kept per person",
    ),
    (
        "R2 migrated: an unattributed no, everyone with PR asked since",
        child_file(wishes=(*BOTH_YES[:3], unattributed(Whose.PARENT_CARER, False, EARLIER))),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 worker does not wish it",
        child_file(wishes=(wish(Whose.CHILD), wish(Whose.PARENT_CARER), wish(Whose.WORKER, False))),
        Purpose.LIFE_STORY,
        {"R2"},
        "Sam Social (worker) does not wish",
    ),
    (
        "R2 one worker's no beside another's yes",
        child_file(
            wishes=(*BOTH_YES[:3], wish(Whose.WORKER, False, name="Kim Key")), keys=("Kim Key",)
        ),
        Purpose.LIFE_STORY,
        {"R2"},
        "Kim Key (worker) does not wish",
    ),
    (
        "R2 the wish of a worker no longer allocated does not count",
        child_file(
            wishes=(wish(Whose.CHILD), wish(Whose.PARENT_CARER), wish(Whose.WORKER, name="Jo Gone"))
        ),
        Purpose.LIFE_STORY,
        {"R2"},
        "worker's wishes about the child being photographed are not recorded",
    ),
    (
        "R2 migrated: an unattributed worker wish is the worker's until one is named",
        child_file(wishes=(*BOTH_YES[:3], unattributed(Whose.WORKER, True))),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 parent/carer wish not needed with the young person's own consent",
        child_file(consents=(young_persons_own(),), wishes=(wish(Whose.CHILD), wish(Whose.WORKER))),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R2 purpose not explained to the child",
        child_file(explanations=(explained(Whose.PARENT_CARER),)),
        Purpose.LIFE_STORY,
        {"R2"},
        "explained to the child",
    ),
    (
        "R2 not explained, no social worker's permission",
        child_file(explanations=not_explained(False)),
        Purpose.LIFE_STORY,
        {"R2"},
        "permission",
    ),
    (
        "R2 an explanation dated in the future (recorded before 0002 refused it)",
        child_file(
            explanations=(
                explained(Whose.CHILD, explained_on=TODAY + timedelta(days=1)),
                explained(Whose.PARENT_CARER),
            )
        ),
        Purpose.LIFE_STORY,
        {"R2"},
        "dated in the future",
    ),
    (
        "R2 not explained, with reason and permission",
        child_file(explanations=not_explained(True)),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    # R3, 5.5.4.3: written consent of the right kind from the right person
    (
        "R3 no consent at all",
        child_file(consents=()),
        Purpose.LIFE_STORY,
        {"R3"},
        "no valid one-to-one consent",
    ),
    (
        "R3 consent from someone without parental responsibility",
        child_file(consents=(consent(giver_may_consent=False, giver_name="Uncle Bob"),)),
        Purpose.LIFE_STORY,
        {"R3"},
        "without parental responsibility",
    ),
    (
        "R3 consent from a social worker not the child's",
        child_file(
            consents=(
                consent(
                    given_by=GivenBy.SOCIAL_WORKER,
                    person_id=None,
                    giver_name="Jo Other",
                    giver_may_consent=False,
                ),
            )
        ),
        Purpose.LIFE_STORY,
        {"R3"},
        "not the child's social worker",
    ),
    (
        "R3 consent from the child's social worker",
        child_file(
            consents=(
                consent(given_by=GivenBy.SOCIAL_WORKER, person_id=None, giver_name="Sam Social"),
            )
        ),
        Purpose.ACTIVITY_RECORD,
        set(),
        "",
    ),
    (
        "R3 young person's own consent without an assessment",
        child_file(consents=(young_persons_own(understanding_assessment=" "),)),
        Purpose.LIFE_STORY,
        {"R3"},
        "assessment of their age and understanding",
    ),
    (
        "R3 young person's own consent below the minimum age",
        child_file(consents=(young_persons_own(),), born=date(2026, 9, 29)),
        Purpose.LIFE_STORY,
        {"R3"},
        "aged 0 when it was signed",
    ),
    (
        "R3 young person's own consent, signed the day before their 12th birthday",
        child_file(consents=(young_persons_own(),), born=date(2014, 10, 2)),
        Purpose.LIFE_STORY,
        {"R3"},
        "aged 11 when it was signed; their own consent needs them to be at least 12",
    ),
    (
        "R3 young person's own consent, signed on their 12th birthday",
        child_file(consents=(young_persons_own(),), born=date(2014, 10, 1)),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R3 young person's own consent under a raised minimum age",
        child_file(consents=(young_persons_own(),), min_age=14),
        Purpose.LIFE_STORY,
        {"R3"},
        "at least 14",
    ),
    (
        "R3 young person's own consent with an assessment",
        child_file(consents=(young_persons_own(),)),
        Purpose.CHILD_REQUEST,
        set(),
        "",
    ),
    (
        "R3 group activity needs a group consent",
        child_file(),
        Purpose.GROUP_ACTIVITY,
        {"R3"},
        "no valid group consent",
    ),
    (
        "R3 group consent but carers not notified",
        child_file(consents=(replace(GROUP_OK, carers_notified_on=None),)),
        Purpose.GROUP_ACTIVITY,
        {"R3"},
        "not been notified",
    ),
    (
        "R3 group consent, carers notified",
        child_file(consents=(GROUP_OK,)),
        Purpose.GROUP_ACTIVITY,
        set(),
        "",
    ),
    # R12, 5.5.1.3: withdrawal, expiry, scope
    (
        "R12 expired today",
        child_file(consents=(consent(expires_on=TODAY),)),
        Purpose.LIFE_STORY,
        {"R3", "R12"},
        "expired on 24 Nov 2026",
    ),
    (
        "R12 expires tomorrow: still valid",
        child_file(consents=(consent(expires_on=TODAY + timedelta(days=1)),)),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    (
        "R12 withdrawn yesterday",
        child_file(
            consents=(
                consent(
                    withdrawn_at=datetime(2026, 11, 23, 15, tzinfo=UTC),
                    withdrawn_by="Sam Social",
                    withdrawal_reason="mother changed her mind",
                ),
            )
        ),
        Purpose.LIFE_STORY,
        {"R3", "R12"},
        "withdrawn on 23 Nov 2026 by Sam Social: mother changed her mind",
    ),
    (
        "R12 signed in the future",
        child_file(consents=(consent(signed_on=TODAY + timedelta(1)),)),
        Purpose.LIFE_STORY,
        {"R3", "R12"},
        "dated in the future",
    ),
    (
        "R12 scope does not cover the purpose",
        child_file(consents=(consent(purposes=(Purpose.ACTIVITY_RECORD,)),)),
        Purpose.LIFE_STORY,
        {"R3", "R12"},
        "does not cover life story work",
    ),
    (
        "R12 a corrected consent no longer counts",
        child_file(consents=(consent(corrected_by=ConsentId(9)),)),
        Purpose.LIFE_STORY,
        {"R3", "R12"},
        "replaced by its correction",
    ),
    (
        "R12 a withdrawn consent beside a valid one",
        child_file(consents=(consent(1, withdrawn_at=WHEN, withdrawal_reason="x"), consent(2))),
        Purpose.LIFE_STORY,
        set(),
        "",
    ),
    # Publicity: R7 (5.5.4.8) every person with PR; R6 (5.5.4.7) never a cared-for child
    (
        "R7 publicity consent from every person with PR",
        child_file(people=(MUM, DAD), wishes=BOTH_YES, consents=PUBLICITY_OK),
        Purpose.PUBLICITY,
        set(),
        "",
    ),
    (
        "R7 one parent's publicity consent missing",
        child_file(people=(MUM, DAD), wishes=BOTH_YES, consents=PUBLICITY_OK[:1]),
        Purpose.PUBLICITY,
        {"R7"},
        "Ray Parent (father) has not given",
    ),
    (
        "R6 care status changed to looked after",
        child_file(
            people=(MUM, DAD),
            wishes=BOTH_YES,
            consents=PUBLICITY_OK,
            status=CareStatus.LOOKED_AFTER,
        ),
        Purpose.PUBLICITY,
        {"R6"},
        "cared-for or previously cared-for",
    ),
    (
        "R6 previously looked after, now at home",
        child_file(people=(MUM, DAD), wishes=BOTH_YES, consents=PUBLICITY_OK, ever=True),
        Purpose.PUBLICITY,
        {"R6"},
        "previously cared-for",
    ),
    (
        "R6 foster care",
        child_file(
            people=(MUM, DAD), wishes=BOTH_YES, consents=PUBLICITY_OK, status=CareStatus.FOSTER
        ),
        Purpose.PUBLICITY,
        {"R6"},
        "",
    ),
]


@pytest.mark.parametrize(
    ("file", "purpose", "failing", "phrase"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_consent_check_table(
    file: ChildFile, purpose: Purpose, failing: set[str], phrase: str
) -> None:
    """Each clause and edge gives the expected verdict and names its rule and clause."""
    decision = policy.consent_check(file, purpose, TODAY)
    assert decision.allowed == (not failing), decision.explain()
    assert {r.rule for r in decision.blocking} == failing
    assert decision.verdict == ("ALLOWED" if not failing else "REFUSED")
    assert any(r.rule == "R1" and r.met for r in decision.reasons)
    if failing:
        assert phrase in decision.explain()
        for reason in decision.blocking:
            assert reason.clause[:3] in {"5.5", "13."}, reason
            assert f"({reason.rule}, policy {reason.clause})" in reason.explain()


def test_an_allowed_check_says_which_consent_it_relies_on() -> None:
    decision = policy.consent_check(child_file(), Purpose.LIFE_STORY, TODAY)
    assert "consent #1 (one-to-one, from Pat Parent" in decision.explain()


@pytest.mark.parametrize(
    ("purpose", "note", "phrase"),
    [
        (None, "Making a memory book", "child-centred purpose from the list"),
        (Purpose.LIFE_STORY, "   ", "in your own words"),
    ],
)
def test_r1_a_capture_needs_a_listed_purpose_and_words(
    purpose: Purpose | None, note: str, phrase: str
) -> None:
    """R1 (5.5.4.1): a listed purpose plus free text, or the capture is refused."""
    decision = policy.can_capture([child_file()], purpose, context(note), TODAY)
    assert not decision.allowed
    assert {r.rule for r in decision.blocking} == {"R1"}
    assert phrase in decision.explain()


def test_one_child_of_three_lacking_consent_refuses_the_group_and_is_named() -> None:
    """A group capture is judged child by child; the refusal names the child."""
    ok = child_file("Alex", consents=(GROUP_OK,))
    lacking = child_file("Billie", consents=())
    decision = policy.can_capture(
        [ok, lacking, child_file("Casey", consents=(GROUP_OK,))],
        Purpose.GROUP_ACTIVITY,
        context("Trip to the farm"),
        TODAY,
    )
    assert not decision.allowed
    assert {r.child for r in decision.blocking} == {"Billie"}
    assert "Billie: There is no valid group consent" in decision.explain()


def test_a_complete_group_is_allowed() -> None:
    files = [child_file(n, consents=(GROUP_OK,)) for n in ("Alex", "Billie", "Casey")]
    decision = policy.can_capture(files, Purpose.GROUP_ACTIVITY, context("Trip to the farm"), TODAY)
    assert decision.allowed, decision.explain()
    assert decision.reasons[0].text.startswith("Purpose: group activity")


def context(
    note: str, *, attested: bool = True, registered: bool = True, manager: str | None = "Mo Manager"
) -> CaptureContext:
    return CaptureContext(
        purpose_note=note,
        attested=attested,
        device_name="Camera 3",
        device_registered=registered,
        line_manager=manager,
    )


@pytest.mark.parametrize(
    ("ctx", "rule", "phrase"),
    [
        (context("Farm trip", attested=False), "R4", "clothed with torso covered"),
        (context("Farm trip", registered=False), "R5", "not a device registered to the council"),
        (context("Farm trip", manager=None), "R10", "no line manager to alert"),
    ],
)
def test_capture_needs_attestation_registered_device_and_a_manager(
    ctx: CaptureContext, rule: str, phrase: str
) -> None:
    """R4 (5.5.4.4), R5 (5.5.4.5), R10 (5.5.3.2): each one alone refuses the capture."""
    decision = policy.can_capture([child_file()], Purpose.LIFE_STORY, ctx, TODAY)
    assert not decision.allowed
    assert {r.rule for r in decision.blocking} == {rule}
    assert phrase in decision.explain()


def test_face_enrolment_needs_an_active_face_matching_consent() -> None:
    """R13: biometric data only under a face-matching consent that still holds."""
    face = consent(kind=ConsentKind.FACE_MATCHING, purposes=())
    assert policy.may_enrol_face(child_file(consents=(face,)), TODAY).allowed
    assert not policy.may_enrol_face(child_file(), TODAY).allowed
    withdrawn = replace(face, withdrawn_at=WHEN)
    refused = policy.may_enrol_face(child_file(consents=(withdrawn,)), TODAY)
    assert not refused.allowed and "R13" in refused.explain()
