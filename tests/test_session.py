"""Locking: the keys are forgotten, and only the same user's password brings them back."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed, InvalidInput, PolicyRefusal, VaultLocked
from sefton_photos.session import DEFAULT_AUTO_LOCK_MINUTES, Session
from tests.helpers import MANAGER, SOCIAL


def test_a_locked_session_can_do_nothing_until_unlocked(admin_session: Session) -> None:
    """R8 (5.5.4.9): while locked no key is in memory and every call is refused."""
    admin_session.lock(reason="idle")
    assert admin_session.locked
    with pytest.raises(VaultLocked):
        admin_session.list_users()
    with pytest.raises(AuthenticationFailed):
        admin_session.unlock_again(password="not-the-password")
    assert admin_session.locked
    from tests.helpers import ADMIN

    admin_session.unlock_again(password=ADMIN.password)
    assert not admin_session.locked
    actions = [e.action for e in admin_session.audit_entries(limit=10)]
    assert {"session.locked", "session.unlocked", "session.sign_in_failed"} <= set(actions)


def test_another_users_password_does_not_unlock_a_locked_window(vault_dir: Path) -> None:
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    session.lock()
    with pytest.raises(AuthenticationFailed):
        session.unlock_again(password=MANAGER.password)
    assert session.locked
    session.close()


def test_auto_lock_minutes_default_and_admin_setting(
    admin_session: Session, vault_dir: Path
) -> None:
    """Five minutes unless an administrator sets 1-60; others may not change it."""
    assert admin_session.auto_lock_minutes() == DEFAULT_AUTO_LOCK_MINUTES == 5
    admin_session.set_auto_lock_minutes(minutes=2)
    assert admin_session.auto_lock_minutes() == 2
    with pytest.raises(InvalidInput):
        admin_session.set_auto_lock_minutes(minutes=0)
    admin_session.close()
    worker = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    assert worker.auto_lock_minutes() == 2
    with pytest.raises(PolicyRefusal):
        worker.set_auto_lock_minutes(minutes=30)
    worker.close()
