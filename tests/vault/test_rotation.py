"""Key rotation survives being cut short at any step: the vault always opens again."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed
from sefton_photos.session import Session
from sefton_photos.vault import database
from sefton_photos.vault import vault as vault_module
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
        admin.remove_user(name=KEY.name)
    admin.vault.close()
    monkeypatch.undo()
    assert (vault_dir / "keyslots.json.next").exists()
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    session.close()
    assert not (vault_dir / "keyslots.json.next").exists()
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    assert admin.verify_audit().ok
    assert "vault.key_rotated" in [e.action for e in admin.audit_entries(limit=10)]
    admin.close()


def test_cut_after_rekey_promotes_the_new_keys(
    vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database has the new key but the slot file was not yet replaced."""
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    real_replace = vault_module.os.replace
    calls = {"n": 0}

    def cut(src: object, dst: object) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the head moved into place, the slot file not yet
            raise PowerCut
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(vault_module.os, "replace", cut)
    with pytest.raises(PowerCut):
        admin.remove_user(name=KEY.name)
    admin.vault.close()
    monkeypatch.undo()
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    assert session.verify_audit().ok
    session.close()
    assert not (vault_dir / "keyslots.json.next").exists()
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password).close()
