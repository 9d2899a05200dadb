"""Consents on the file: recorded with their form, withdrawn at once, checked and logged."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import ConsentKind, GivenBy, Purpose, Whose
from tests.helpers import ADMIN, FORM, KEY, SOCIAL, ready_child, signed_in


def test_a_key_worker_sees_the_check_turn_refused_when_consent_is_withdrawn(
    vault_dir: Path,
) -> None:
    """R12 (5.5.1.3): withdrawal takes effect at once, and the reason shows in the check."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, consent_id = ready_child(s)
    with signed_in(vault_dir, KEY) as k:
        assert k.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY).allowed
    assert consent_id is not None
    with signed_in(vault_dir, SOCIAL) as s:
        s.consents.withdraw(consent_id=consent_id, reason="Mother no longer agrees")
    with signed_in(vault_dir, KEY) as k:
        decision = k.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY)
    assert decision.verdict == "REFUSED"
    assert "withdrawn" in decision.explain() and "Mother no longer agrees" in decision.explain()
    assert "(R12, policy 5.5.1.3)" in decision.explain()


def test_history_is_never_deleted_and_corrections_are_new_records(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, mum, first = ready_child(s)
        fixed = s.consents.add(
            child_id=child_id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=mum,
            signed_on=date.today() - timedelta(days=2),
            corrects=first,
        )
        assert first is not None
        s.consents.withdraw(consent_id=fixed.id, reason="withdrawn by phone")
        records = {r.id: r for r in s.consents.list(child_id=child_id)}
    today = date.today()
    assert records[first].status(today) == "corrected"
    assert records[fixed.id].status(today) == "withdrawn"
    assert records[fixed.id].corrects_id == first


def test_a_key_worker_may_record_a_withdrawal(vault_dir: Path) -> None:
    """Anyone allocated may record it: a child's 'no' must not wait for the social worker."""
    with signed_in(vault_dir, SOCIAL) as s:
        _child_id, _, consent_id = ready_child(s)
    assert consent_id is not None
    with signed_in(vault_dir, KEY) as k:
        record = k.consents.withdraw(consent_id=consent_id, reason="Child said stop")
    assert record.withdrawn_by == KEY.name


def test_the_scanned_form_is_stored_encrypted_and_read_back(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        _, _, consent_id = ready_child(s)
        assert consent_id is not None
        data, media = s.consents.form(consent_id=consent_id)
    assert data == FORM and media == "application/pdf"
    for path in vault_dir.rglob("*"):
        if path.is_file():
            assert b"signed photo consent form" not in path.read_bytes()


def test_a_form_that_is_not_a_scan_or_pdf_is_refused(vault_dir: Path, tmp_path: Path) -> None:
    bad = tmp_path / "form.exe"
    bad.write_bytes(b"MZ\x90\x00 not a scan")
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, mum, _ = ready_child(s, consent=False)
        with pytest.raises(InvalidInput, match="PDF"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.PARENT_CARER,
                person_id=mum,
                signed_on=date.today(),
                form=bad,
            )
        with pytest.raises(InvalidInput, match="could not be read"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.PARENT_CARER,
                person_id=mum,
                signed_on=date.today(),
                form=tmp_path / "missing.pdf",
            )
        assert s.consents.list(child_id=child_id) == []


def test_bad_consent_input_changes_nothing(vault_dir: Path) -> None:
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, mum, _ = ready_child(s, consent=False)
        with pytest.raises(InvalidInput, match="future"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.PARENT_CARER,
                person_id=mum,
                signed_on=date.today() + timedelta(days=1),
            )
        with pytest.raises(InvalidInput, match="person with parental"):
            s.consents.add(
                child_id=child_id,
                kind=ConsentKind.ONE_TO_ONE,
                given_by=GivenBy.PARENT_CARER,
                signed_on=date.today(),
            )
        with pytest.raises(NotFound):
            s.consents.withdraw(consent_id=4242, reason="x")
        with pytest.raises(InvalidInput, match="permission"):
            s.consents.record_explanation(
                child_id=child_id,
                to_whom=Whose.CHILD,
                not_explained_reason="too young",
                permitted_by=KEY.name,
            )
        assert s.consents.list(child_id=child_id) == []


def test_every_check_is_logged_with_who_when_and_result(vault_dir: Path) -> None:
    """R3 (5.5.4.3): a key worker's consent check before a session is itself logged."""
    with signed_in(vault_dir, SOCIAL) as s:
        child_id, _, _ = ready_child(s, consent=False)
    with signed_in(vault_dir, KEY) as k:
        assert not k.consents.check(child_id=child_id, purpose=Purpose.ACTIVITY_RECORD).allowed
    with signed_in(vault_dir, ADMIN) as a:
        checks = [e for e in a.audit.entries(limit=10) if e.action == "consent.checked"]
    assert checks[0].actor == KEY.name
    assert checks[0].details["verdict"] == "REFUSED"
    assert checks[0].details["rules_not_met"] == ["R3"]
