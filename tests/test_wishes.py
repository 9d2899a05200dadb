"""R2 (policy 5.5.4.2) on a real vault: every person's wish counts, none replaces another.

Each test reproduces a hole found by attacking the CLI and the service API: the
father's "no" overwritten by the mother's later "yes", a person with parental
responsibility added after the wishes were asked, an explanation dated next week,
a key worker unable to record their own wish as worker.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput, PolicyRefusal
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose, wish_lines
from sefton_photos.session import Session
from tests.helpers import ADMIN, KEY, MANAGER, SOCIAL, signed_in

DEVICE = "Council camera 2"


def two_parents(s: Session) -> tuple[int, int, int]:
    """A child with a mother and a father with PR, consent from the mother, all explained."""
    child = s.children.add(
        name="Toni Wrenfield",
        date_of_birth=date(2013, 2, 3),
        care_status=CareStatus.NOT_LOOKED_AFTER,
        key_workers=[KEY.name],
    )
    mum = s.children.add_person(child_id=child.id, name="Mae Wrenfield", relationship="mother")
    dad = s.children.add_person(child_id=child.id, name="Rob Wrenfield", relationship="father")
    s.consents.add(
        child_id=child.id,
        kind=ConsentKind.ONE_TO_ONE,
        given_by=GivenBy.PARENT_CARER,
        person_id=mum.id,
        signed_on=date.today() - timedelta(days=5),
    )
    s.consents.set_wish(child_id=child.id, whose=Whose.CHILD, wishes_photos=True)
    s.consents.set_wish(child_id=child.id, whose=Whose.WORKER, wishes_photos=True)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    return child.id, mum.id, dad.id


def decide(s: Session, child_id: int) -> str:
    decision = s.imports.decide(
        child_ids=(child_id,),
        purpose=Purpose.LIFE_STORY,
        purpose_note="Memory book",
        device=DEVICE,
        attested=True,
    )
    return decision.verdict + "\n" + decision.explain()


@pytest.fixture
def device(vault_dir: Path) -> Path:
    with signed_in(vault_dir, ADMIN) as admin:
        admin.devices.add(name=DEVICE)
    return vault_dir


def test_r2_the_fathers_no_is_not_replaced_by_the_mothers_later_yes(device: Path) -> None:
    """R2 (5.5.4.2): each person with PR has their own wish; any current "no" refuses."""
    with signed_in(device, SOCIAL) as s:
        child_id, mum, dad = two_parents(s)
        s.consents.set_wish(
            child_id=child_id,
            whose=Whose.PARENT_CARER,
            person_id=dad,
            wishes_photos=False,
            notes="Does not want photos online",
        )
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, person_id=mum, wishes_photos=True
        )
        result = decide(s, child_id)
        assert result.startswith("REFUSED"), result
        assert "Rob Wrenfield (father) does not wish the child to be photographed" in result
        assert "(R2, policy 5.5.4.2)" in result
        # his own later "yes" is what lifts it, nobody else's
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, person_id=dad, wishes_photos=True
        )
        assert decide(s, child_id).startswith("ALLOWED")


def test_r2_a_parent_carer_wish_says_whose_it_is(vault_dir: Path) -> None:
    """An unattributed parent/carer wish is refused when entered (R2, R14)."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, _ = two_parents(s)
        with pytest.raises(InvalidInput, match="whose wish"):
            s.consents.set_wish(child_id=child_id, whose=Whose.PARENT_CARER, wishes_photos=True)
        with pytest.raises(InvalidInput, match="either"):
            s.consents.set_wish(
                child_id=child_id,
                whose=Whose.PARENT_CARER,
                person_id=1,
                carer="Fay Foster",
                wishes_photos=True,
            )


def test_r2_a_carers_no_refuses_beside_every_parents_yes(device: Path) -> None:
    with signed_in(device, SOCIAL) as s:
        child_id, mum, dad = two_parents(s)
        for person in (mum, dad):
            s.consents.set_wish(
                child_id=child_id, whose=Whose.PARENT_CARER, person_id=person, wishes_photos=True
            )
        assert decide(s, child_id).startswith("ALLOWED")
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, carer="Fay Foster", wishes_photos=False
        )
        result = decide(s, child_id)
    assert result.startswith("REFUSED") and "Fay Foster (carer) does not wish" in result


def test_r2_a_person_with_pr_added_later_has_no_wish_until_recorded_or_waived(
    device: Path,
) -> None:
    """R2 (5.5.4.2): capture waits for the new person's wish, or a social worker's reason."""
    with signed_in(device, SOCIAL) as s:
        child_id, mum, dad = two_parents(s)
        for person in (mum, dad):
            s.consents.set_wish(
                child_id=child_id, whose=Whose.PARENT_CARER, person_id=person, wishes_photos=True
            )
        assert decide(s, child_id).startswith("ALLOWED")
        step = s.children.add_person(child_id=child_id, name="Lou Wrenfield", relationship="step")
        result = decide(s, child_id)
        assert result.startswith("REFUSED"), result
        assert "Lou Wrenfield (step) has no wish recorded" in result
        with pytest.raises(InvalidInput, match="why"):
            s.consents.record_wish_not_needed(child_id=child_id, person_id=step.id, reason=" ")
        s.consents.record_wish_not_needed(
            child_id=child_id, person_id=step.id, reason="Court order: no contact with the child"
        )
        result = decide(s, child_id)
        assert result.startswith("ALLOWED"), result
        assert "Court order: no contact with the child" in result
        shown = s.children.file(child_id=child_id)
    assert [w.reason for w in shown.waivers] == ["Court order: no contact with the child"]


def test_r2_a_waiver_cannot_set_aside_a_recorded_no(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, dad = two_parents(s)
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, person_id=dad, wishes_photos=False
        )
        with pytest.raises(InvalidInput, match="does not wish"):
            s.consents.record_wish_not_needed(
                child_id=child_id, person_id=dad, reason="Hard to reach"
            )


def test_r2_only_the_social_worker_or_manager_records_why_a_wish_is_not_needed(
    vault_dir: Path,
) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, dad = two_parents(s)
    with signed_in(vault_dir, KEY) as k, pytest.raises(PolicyRefusal):
        k.consents.record_wish_not_needed(child_id=child_id, person_id=dad, reason="Not around")


def test_r2_an_explanation_dated_in_the_future_is_refused(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, _ = two_parents(s)
        with pytest.raises(InvalidInput, match=r"future.*5\.5\.4\.2"):
            s.consents.record_explanation(
                child_id=child_id,
                to_whom=Whose.CHILD,
                explained_on=date.today() + timedelta(days=7),
            )
        s.consents.record_explanation(
            child_id=child_id, to_whom=Whose.CHILD, explained_on=date.today()
        )


def test_r2_a_key_worker_records_their_own_wish_as_worker(device: Path) -> None:
    """A key worker keeps no other part of the file, but their own wish is theirs to give."""
    with signed_in(device, SOCIAL) as s:
        child_id, mum, dad = two_parents(s)
        for person in (mum, dad):
            s.consents.set_wish(
                child_id=child_id, whose=Whose.PARENT_CARER, person_id=person, wishes_photos=True
            )
    with signed_in(device, KEY) as k:
        k.consents.set_wish(
            child_id=child_id, whose=Whose.WORKER, wishes_photos=False, notes="Child upset today"
        )
        with pytest.raises(PolicyRefusal):
            k.consents.set_wish(child_id=child_id, whose=Whose.CHILD, wishes_photos=True)
        result = decide(k, child_id)
        assert result.startswith("REFUSED") and "Kim Key (worker) does not wish" in result
        wishes = k.children.file(child_id=child_id).wishes
    mine = [w for w in wishes if w.whose is Whose.WORKER and w.person_name == KEY.name]
    assert [(w.wishes_photos, w.notes) for w in mine] == [(False, "Child upset today")]
    # the social worker's own "yes" as worker does not replace the key worker's "no"
    assert any(w.person_name == SOCIAL.name and w.wishes_photos for w in wishes)


def test_r2_a_wish_as_worker_is_an_allocated_workers_own(vault_dir: Path) -> None:
    """The line manager keeps the file but is not the child's worker (R2, 5.5.4.2)."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, _ = two_parents(s)
    with signed_in(vault_dir, MANAGER) as m, pytest.raises(PolicyRefusal, match="own wish"):
        m.consents.set_wish(child_id=child_id, whose=Whose.WORKER, wishes_photos=True)


def test_r13_erasing_the_record_erases_carers_names_and_reasons(vault_dir: Path) -> None:
    """R13: a carer's name and a reason for not asking are free text about people."""
    from sqlalchemy import select

    from sefton_photos.schema import casework as cw

    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, dad = two_parents(s)
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, carer="Fay Foster", wishes_photos=True
        )
        s.consents.record_wish_not_needed(
            child_id=child_id, person_id=dad, reason="Dad in prison, no contact"
        )
        s.consents.record_carer_ended(child_id=child_id, carer="Fay Foster", reason="Moved away")
    with signed_in(vault_dir, ADMIN) as admin:
        admin.records.erase(child_id=child_id, confirm=True, today=date(2099, 1, 1))
        with admin.vault.unit() as db:
            # the erasure deletes the wishes and the reasons outright (erasure.py), so no
            # carer's name and no reason about a person is left in either table
            wishes = db.scalars(select(cw.Wish).where(cw.Wish.child_id == child_id)).all()
            waivers = db.scalars(
                select(cw.WishNotNeeded).where(cw.WishNotNeeded.child_id == child_id)
            ).all()
            assert wishes == [] and waivers == []
            left = [w.carer_name for w in db.scalars(select(cw.Wish))] + [
                w.reason for w in db.scalars(select(cw.WishNotNeeded))
            ]
            assert not any("Fay" in (t or "") or "prison" in (t or "") for t in left)


def test_r2_a_carers_no_ends_when_they_no_longer_care_for_the_child(device: Path) -> None:
    """R2 (5.5.4.2): a former carer's "no" stops counting when the social worker records
    that they no longer care for the child; if they care again, their later wish counts."""
    with signed_in(device, SOCIAL) as s:
        child_id, mum, dad = two_parents(s)
        for person in (mum, dad):
            s.consents.set_wish(
                child_id=child_id, whose=Whose.PARENT_CARER, person_id=person, wishes_photos=True
            )
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, carer="Fay Foster", wishes_photos=False
        )
        assert decide(s, child_id).startswith("REFUSED")
        with pytest.raises(InvalidInput, match="no wish"):
            s.consents.record_carer_ended(child_id=child_id, carer="Gus Nobody", reason="Moved")
        with pytest.raises(InvalidInput, match="why"):
            s.consents.record_carer_ended(child_id=child_id, carer="Fay Foster", reason=" ")
        s.consents.record_carer_ended(
            child_id=child_id, carer="fay foster", reason="Placement ended 1 Dec"
        )
        result = decide(s, child_id)
        assert result.startswith("ALLOWED"), result
        lines = [(x.who, x.answer) for x in wish_lines(s.children.file(child_id=child_id))]
        assert (
            "Fay Foster (carer)",
            "NO (no longer the child's carer: Placement ended 1 Dec; no longer counts)",
        ) in lines
        s.consents.set_wish(
            child_id=child_id, whose=Whose.PARENT_CARER, carer="Fay Foster", wishes_photos=False
        )
        assert decide(s, child_id).startswith("REFUSED")
