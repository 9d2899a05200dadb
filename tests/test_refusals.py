"""R14 (policy 13.1): every refusal is audited through one path, ``guard.require``.

Each site below used to raise a refusal that left no ``access.refused`` entry; this
walks every one against a real face vault and finds its audit entry afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import (
    CareStatus,
    ConsentKind,
    Destination,
    GivenBy,
    Purpose,
    Role,
    Whose,
)
from sefton_photos.session import Session
from tests.helpers import (
    ADMIN,
    COMMS,
    KEY,
    MANAGER,
    MANAGER2,
    SOCIAL,
    SOCIAL2,
    Person,
    as_,
    children,
    import_photo,
)


def refused_attempts(vault: Path) -> list[str]:
    with as_(vault, ADMIN) as admin:
        return [
            str(e.details.get("attempted"))
            for e in admin.audit.entries(limit=1000)
            if e.action == "access.refused"
        ]


def _note(vault: Path) -> int:
    with as_(vault, MANAGER) as m:
        return m.supervision.record(worker=KEY.name, item_ids=[], text="First session").id


def _young_child(vault: Path) -> int:
    with as_(vault, SOCIAL) as s:
        return s.children.add(
            name="Rae Recent", date_of_birth=date(2016, 1, 1), care_status=CareStatus.LOOKED_AFTER
        ).id


Site = Callable[[Path, Path, Path], tuple[Person, str, Callable[[Session], object]]]

SITES: dict[str, Site] = {
    "retention due, not an administrator": lambda v, f, t: (
        SOCIAL,
        "retention.review",
        lambda s: s.records.due(),
    ),
    "erase, not an administrator": lambda v, f, t: (
        SOCIAL,
        "child.erase",
        lambda s: s.records.erase(child_id=1, confirm=True),
    ),
    "erase, not due": lambda v, f, t: (
        ADMIN,
        "child.erase",
        (lambda c: lambda s: s.records.erase(child_id=c, confirm=True))(_young_child(v)),
    ),
    "approve, not a communications officer": lambda v, f, t: (
        KEY,
        "export.approve",
        lambda s: s.exports.approve(photo_id=1, destination=Destination.PUBLICITY),
    ),
    "approve, not a publicity destination": lambda v, f, t: (
        COMMS,
        "export.approve",
        lambda s: s.exports.approve(photo_id=1, destination=Destination.CASE_RECORD),
    ),
    "user add, line manager without the role": lambda v, f, t: (
        ADMIN,
        "user.add",
        lambda s: s.users.add(
            name="Nia New",
            role=Role.KEY_WORKER,
            password="nia-password-1",
            line_manager=SOCIAL.name,
        ),
    ),
    "supervision note, not a line manager": lambda v, f, t: (
        KEY,
        "supervision.note",
        lambda s: s.supervision.record(worker=KEY.name, item_ids=[], text="x"),
    ),
    "supervision note, not their team": lambda v, f, t: (
        MANAGER2,
        "supervision.note",
        lambda s: s.supervision.record(worker=KEY.name, item_ids=[], text="x"),
    ),
    "supervision edit, not the author": lambda v, f, t: (
        KEY,
        "supervision.edit",
        (lambda n: lambda s: s.supervision.edit(note_id=n, text="changed"))(_note(v)),
    ),
    "supervision export, not party to it": lambda v, f, t: (
        SOCIAL2,
        "supervision.export",
        lambda s: s.supervision.export(
            worker=KEY.name, since=date(2020, 1, 1), until=date(2030, 1, 1), out=t / "r.pdf"
        ),
    ),
    "life story book, unapproved folder": lambda v, f, t: (
        SOCIAL,
        "lifestory.build",
        (lambda c, p: lambda s: s.lifestory.build(child_id=c, pages=[(p, "Us")], out=t / "b.pdf"))(
            children(v)["person-a"],
            import_photo(v, f, t, [children(v)["person-a"]], "person-a_2.jpg", faces=False),
        ),
    ),
}


@pytest.fixture
def vault(face_vault: Path) -> Path:
    with as_(face_vault, ADMIN) as admin:
        admin.users.add(name=COMMS.name, role=COMMS.role, password=COMMS.password, team="Comms")
    return face_vault


@pytest.mark.parametrize("site", sorted(SITES))
def test_r14_every_refusal_site_is_audited_as_access_refused(
    site: str, vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    person, action, attempt = SITES[site](vault, faces_dir, tmp_path)
    before = refused_attempts(vault).count(action)
    with as_(vault, person) as s, pytest.raises(PolicyRefusal) as refused:
        attempt(s)
    assert refused.value.decision.reasons  # the rule and clause travel with it
    assert "(R" in str(refused.value) or "(ACCESS" in str(refused.value)
    assert refused_attempts(vault).count(action) == before + 1


def test_r14_architecture_policy_refusal_is_constructed_only_in_guard() -> None:
    """One path for every refusal: ``guard.require`` audits, then raises. A
    ``PolicyRefusal(...)`` built anywhere else would skip the audit."""
    root = Path(__file__).resolve().parent.parent
    built = re.compile(r"(?<!class )\bPolicyRefusal\(")
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for package in ("sefton_photos", "ui")
        for path in sorted((root / package).rglob("*.py"))
        if path.name != "guard.py" or path.parent.name != "sefton_photos"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if built.search(line)
    ]
    assert offenders == []


def test_r14_architecture_no_refusal_is_raised_outside_the_guard() -> None:
    """``raise PolicyRefusal`` (or re-raising one under another name) only in guard.py;
    role checks are decisions of access.py or policy/, enforced by ``require``."""
    root = Path(__file__).resolve().parent.parent
    raised = re.compile(r"\braise\s+(?:\w+\.)*PolicyRefusal\b")
    audited_by_hand = re.compile(r"\brefuse_and_audit\(")
    guard = root / "sefton_photos" / "guard.py"
    offenders = [
        f"{path.relative_to(root)}:{n}"
        for package in ("sefton_photos", "ui")
        for path in sorted((root / package).rglob("*.py"))
        if path != guard
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if raised.search(line) or audited_by_hand.search(line)
    ]
    assert offenders == []


def test_r14_a_refused_setting_change_is_audited_with_its_rule(vault: Path) -> None:
    """A role refusal that used to be raised by hand (settings, here) leaves its
    ``access.refused`` entry naming what was attempted and the rule."""
    with as_(vault, SOCIAL) as s, pytest.raises(PolicyRefusal):
        s.settings.set_young_person_min_age(years=14)
    with as_(vault, ADMIN) as admin:
        entry = next(e for e in admin.audit.entries(limit=20) if e.action == "access.refused")
    assert entry.actor == SOCIAL.name
    assert entry.details["attempted"] == "settings.young_person_min_age"
    assert "ACCESS" in str(entry.details)


# -- wording (R14, 13.1): each refusal says what was refused, about whom, in plain words -----


def test_r5_a_device_refusal_speaks_of_devices_not_users(vault: Path, tmp_path: Path) -> None:
    with as_(vault, KEY) as s:
        with pytest.raises(PolicyRefusal) as device:
            s.devices.add(name="My own phone")
        with pytest.raises(PolicyRefusal) as location:
            s.locations.add(path=tmp_path)
    assert "register or retire council devices" in str(device.value)
    assert "approve or remove export locations" in str(location.value)
    for refused in (device, location):
        assert "users" not in str(refused.value)


def test_r2_the_childs_own_wish_reads_as_the_childs(vault: Path) -> None:
    child = children(vault)["person-a"]
    with as_(vault, SOCIAL) as s:
        parent = s.children.file(child_id=child).people[0]
        s.consents.set_wish(child_id=child, whose=Whose.CHILD, wishes_photos=False)
        s.consents.set_wish(
            child_id=child, whose=Whose.PARENT_CARER, person_id=parent.id, wishes_photos=False
        )
        text = s.consents.check(child_id=child, purpose=Purpose.LIFE_STORY).explain()
    assert "The child does not wish the child" not in text
    assert "The child does not wish to be photographed" in text
    assert (
        f"{parent.name} ({parent.relationship}) does not wish the child to be photographed" in text
    )


def test_r12_a_withdrawn_publicity_consent_is_reported_as_withdrawn(vault: Path) -> None:
    child = children(vault)["person-b"]
    with as_(vault, SOCIAL) as s:
        s.children.set_care_status(child_id=child, care_status=CareStatus.NOT_LOOKED_AFTER)
        parent = s.children.file(child_id=child).people[0]
        consent = s.consents.add(
            child_id=child,
            kind=ConsentKind.PUBLICITY,
            given_by=GivenBy.PARENT_CARER,
            person_id=parent.id,
            signed_on=date(2026, 1, 5),
        )
        given = s.consents.check(child_id=child, purpose=Purpose.PUBLICITY)
        assert any(r.met and parent.name in r.text for r in given.reasons)
        s.consents.withdraw(consent_id=consent.id, reason="changed their mind")
        decision = s.consents.check(child_id=child, purpose=Purpose.PUBLICITY)
    assert not decision.allowed
    person = [r for r in decision.blocking if parent.name in r.text and r.child is None]
    assert person and all("has not given" not in r.text for r in person)
    assert any(
        r.rule == "R12" and r.clause == "5.5.1.3" and "withdrew" in r.text for r in person
    ), [r.text for r in decision.blocking]
