"""The child's file: need-to-know access, allocation, care status history, no name on disk."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput, NotFound, PolicyRefusal
from sefton_photos.model import CareStatus, Purpose
from tests.helpers import ADMIN, KEY, KEY2, MANAGER, MANAGER2, SOCIAL, SOCIAL2, Person, signed_in

CHILD_NAME = "Jamie Quenbyfield"


@pytest.fixture
def child_id(vault_dir: Path) -> int:
    """A looked-after child allocated to Sam Social with Kim Key as key worker."""
    with signed_in(vault_dir, SOCIAL) as s:
        child = s.children.add(
            name=CHILD_NAME,
            date_of_birth=date(2014, 3, 2),
            care_status=CareStatus.LOOKED_AFTER,
            key_workers=[KEY.name],
        )
        s.children.add_person(child_id=child.id, name="Pat Quenbyfield", relationship="mother")
    return child.id


def visible(vault_dir: Path, person: Person) -> list[str]:
    with signed_in(vault_dir, person) as s:
        return [c.name for c in s.children.list()]


def test_a_social_worker_opening_a_file_is_its_allocated_worker(
    vault_dir: Path, child_id: int
) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child = s.children.get(child_id=child_id)
    assert child.social_worker == SOCIAL.name
    assert child.key_workers == (KEY.name,)
    assert child.care_status is CareStatus.LOOKED_AFTER


@pytest.mark.parametrize(
    ("person", "sees"),
    [
        (SOCIAL, True),
        (KEY, True),
        (MANAGER, True),  # allocated, or the team's manager
        (KEY2, False),
        (SOCIAL2, False),
        (MANAGER2, False),  # same team unallocated; other team
        (ADMIN, False),  # administrators see no files
    ],
)
def test_need_to_know(vault_dir: Path, child_id: int, person: Person, sees: bool) -> None:
    """A worker sees only children allocated to them; a manager their team's; admin none."""
    assert (CHILD_NAME in visible(vault_dir, person)) is sees


def test_a_key_worker_cannot_see_or_check_a_child_not_allocated(
    vault_dir: Path, child_id: int
) -> None:
    """The refusal looks exactly like an unknown id, and the attempt is audited."""
    with signed_in(vault_dir, KEY2) as s:
        with pytest.raises(NotFound, match="among the children you may see") as seen:
            s.children.file(child_id=child_id)
        with pytest.raises(NotFound) as unknown:
            s.children.file(child_id=9999)
        assert str(seen.value).replace(str(child_id), "N") == str(unknown.value).replace(
            "9999", "N"
        )
        with pytest.raises(NotFound):
            s.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY)
    with signed_in(vault_dir, ADMIN) as s:
        refused = [e for e in s.audit.entries(limit=20) if e.action == "access.refused"]
    assert {e.details["attempted"] for e in refused} >= {"child.view", "consent.check"}
    assert all(e.actor == KEY2.name for e in refused)


def test_allocating_a_key_worker_lets_them_see_the_child(vault_dir: Path, child_id: int) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        s.children.allocate(child_id=child_id, key_worker=KEY2.name)
    assert CHILD_NAME in visible(vault_dir, KEY2)
    with signed_in(vault_dir, SOCIAL) as s:
        s.children.allocate(child_id=child_id, remove_key_worker=KEY2.name)
    assert CHILD_NAME not in visible(vault_dir, KEY2)


def test_key_workers_read_the_file_but_do_not_change_it(vault_dir: Path, child_id: int) -> None:
    with signed_in(vault_dir, KEY) as s:
        assert s.children.file(child_id=child_id).child.name == CHILD_NAME
        with pytest.raises(PolicyRefusal, match="Only the child's social worker"):
            s.children.add_person(child_id=child_id, name="Someone", relationship="aunt")


def test_only_social_workers_and_managers_open_files(vault_dir: Path) -> None:
    with signed_in(vault_dir, KEY) as s, pytest.raises(PolicyRefusal):
        s.children.add(name="Kid", date_of_birth=date(2015, 1, 1), care_status=CareStatus.FOSTER)
    with signed_in(vault_dir, MANAGER) as s:
        with pytest.raises(InvalidInput, match="social worker"):
            s.children.add(
                name="Kid", date_of_birth=date(2015, 1, 1), care_status=CareStatus.FOSTER
            )
        kid = s.children.add(
            name="Kid",
            date_of_birth=date(2015, 1, 1),
            care_status=CareStatus.FOSTER,
            social_worker=SOCIAL.name,
        )
    assert kid.social_worker == SOCIAL.name


def test_care_status_history_is_kept(vault_dir: Path, child_id: int) -> None:
    """Once looked after, a child stays known as previously cared for (R6, R9)."""
    with signed_in(vault_dir, SOCIAL) as s:
        child = s.children.set_care_status(
            child_id=child_id, care_status=CareStatus.NOT_LOOKED_AFTER
        )
    assert child.care_status is CareStatus.NOT_LOOKED_AFTER
    assert child.ever_cared_for


def test_search_finds_by_part_of_the_name(vault_dir: Path, child_id: int) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        assert [c.id for c in s.children.list(search="quenby")] == [child_id]
        assert s.children.list(search="zzz") == []


def test_the_childs_name_never_appears_in_any_vault_file(vault_dir: Path, child_id: int) -> None:
    """R7, R8: the name lives only inside the encrypted database."""
    with signed_in(vault_dir, SOCIAL) as s:
        s.children.file(child_id=child_id)
        s.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY)
    for path in vault_dir.rglob("*"):
        if path.is_file():
            raw = path.read_bytes()
            for form in ("Quenbyfield", "quenbyfield", "QUENBYFIELD"):
                assert form.encode() not in raw, path.name
                assert form.encode("utf-16-le") not in raw, path.name
