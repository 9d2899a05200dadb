"""Key rotation survives being cut short at any step: the vault always opens again."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed
from sefton_photos.session import Session
from sefton_photos.vault import database
from sefton_photos.vault.keyslots import KeySlots
from sefton_photos.vault.rotation import Step
from tests.helpers import ADMIN, KEY, SOCIAL


class PowerCut(BaseException):
    """Stands in for the process dying: not an Exception, so nothing catches it."""


def test_cut_before_rekey_keeps_the_old_keys_and_finishes_the_removal(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The user row says removed, the rekey never ran: the next unlock completes it."""
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)

    def cut(*_: object) -> None:
        raise PowerCut

    monkeypatch.setattr(database, "rekey", cut)
    with pytest.raises(PowerCut):
        admin.users.remove(name=KEY.name)
    admin.vault.close()
    monkeypatch.undo()
    assert (vault_dir / "keyslots.json.next").exists()
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    session.close()
    assert not (vault_dir / "keyslots.json.next").exists()
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    assert admin.audit.verify().ok
    assert "vault.key_rotated" in [e.action for e in admin.audit.entries(limit=10)]
    admin.close()


def cut_at(step: Step):  # type: ignore[no-untyped-def]
    def hook(reached: Step) -> None:
        if reached is step:
            raise PowerCut(step.value)

    return hook


def remove_with_a_cut(vault_dir: Path, step: Step) -> None:
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    admin.vault.on_rotation_step = cut_at(step)
    with pytest.raises(PowerCut):
        admin.users.remove(name=KEY.name)
    admin.vault.close()


def test_cut_after_rekey_promotes_the_new_keys(vault_dir: Path) -> None:
    """The database has the new key; neither the head nor the slot file was replaced."""
    remove_with_a_cut(vault_dir, Step.REKEYED)
    assert (vault_dir / "keyslots.json.next").exists()
    assert (vault_dir / "audit.head.next").exists()
    old_slots = KeySlots.load(vault_dir / "keyslots.json")
    assert old_slots.find(KEY.name) is not None  # the old file still lets Kim in...
    with pytest.raises(AuthenticationFailed):  # ...but the database no longer opens to it
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    try:
        assert session.audit.verify().ok
        entries = session.audit.entries(limit=10)
        settled = [e for e in entries if e.action == "vault.key_rotated"]
        assert settled and "interrupted" in str(settled[0].details)
        assert all(f.ok for f in session.audit.check_vault())
    finally:
        session.close()
    assert not (vault_dir / "keyslots.json.next").exists()
    assert not (vault_dir / "audit.head.next").exists()
    assert KeySlots.load(vault_dir / "keyslots.json").find(KEY.name) is None
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password).close()


@pytest.mark.parametrize("step", list(Step), ids=[s.name for s in Step])
def test_a_cut_at_every_named_point_leaves_a_vault_that_opens(vault_dir: Path, step: Step) -> None:
    """Whatever the point, the removed user is out, everyone else is in, nothing is lost."""
    remove_with_a_cut(vault_dir, step)
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password).close()
    assert not (vault_dir / "keyslots.json.next").exists()
    assert not (vault_dir / "audit.head.next").exists()
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as admin:
        assert admin.audit.verify().ok
        findings = admin.audit.check_vault()
        actions = [e.action for e in admin.audit.entries(limit=20)]
    assert all(f.ok for f in findings), [f.detail for f in findings if not f.ok]
    assert "user.removed" in actions
    if step is not Step.SLOTS_PROMOTED:  # the last cut leaves nothing to finish
        assert "vault.key_rotated" in actions
    assert KeySlots.load(vault_dir / "keyslots.json").find(KEY.name) is None


def test_the_named_points_are_all_reached_in_order(admin_session: Session) -> None:
    seen: list[Step] = []
    admin_session.vault.on_rotation_step = seen.append
    admin_session.users.remove(name=KEY.name)
    assert seen == list(Step)
