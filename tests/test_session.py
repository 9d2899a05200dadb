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
        admin_session.users.list()
    with pytest.raises(AuthenticationFailed):
        admin_session.unlock_again(password="not-the-password")
    assert admin_session.locked
    from tests.helpers import ADMIN

    admin_session.unlock_again(password=ADMIN.password)
    assert not admin_session.locked
    actions = [e.action for e in admin_session.audit.entries(limit=10)]
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
    assert admin_session.settings.auto_lock_minutes() == DEFAULT_AUTO_LOCK_MINUTES == 5
    admin_session.settings.set_auto_lock_minutes(minutes=2)
    assert admin_session.settings.auto_lock_minutes() == 2
    with pytest.raises(InvalidInput):
        admin_session.settings.set_auto_lock_minutes(minutes=0)
    admin_session.close()
    worker = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    assert worker.settings.auto_lock_minutes() == 2
    with pytest.raises(PolicyRefusal):
        worker.settings.set_auto_lock_minutes(minutes=30)
    worker.close()


def test_every_service_shares_the_one_context_of_the_session(admin_session: Session) -> None:
    """Issue 13: one explicit context (vault, actor) built once; no service borrows
    another's vault, actor or private guard."""
    ctx = admin_session.ctx
    assert ctx.vault is admin_session.vault and ctx.actor == admin_session.user
    names = "children consents devices faces imports photos supervision dashboard locations"
    names += " exports records lifestory reviews users audit settings"  # and administration
    services = [getattr(admin_session, name) for name in names.split()]
    assert all(s.ctx is ctx for s in services)
    assert all(s.vault is ctx.vault and s.actor is ctx.actor for s in services)


def test_the_context_names_the_actor_of_every_audit_entry(admin_session: Session) -> None:
    admin_session.settings.set_auto_lock_minutes(minutes=7)
    entry = next(e for e in admin_session.audit.entries(limit=5) if e.action == "settings.changed")
    assert entry.actor == admin_session.user.name
    assert entry.details == {"auto_lock_minutes": 7}


def test_settings_and_their_defaults_are_one_table(admin_session: Session) -> None:
    """Vorta's ``get_misc_settings`` shape: one row per setting; the defaults live there
    only, and a vault that never set one reads its default."""
    from sefton_photos.model.settings import (
        AUTO_LOCK_MINUTES,
        FACE_MATCHING,
        FACE_THRESHOLD,
        SETTINGS,
        YOUNG_PERSON_MIN_AGE,
    )
    from ui.main_window import DEFAULT_IDLE_MINUTES

    assert [s.key for s in SETTINGS] == [
        "auto_lock_minutes",
        "young_person_min_age",
        "face_matching",
        "face_threshold",
    ]
    assert DEFAULT_IDLE_MINUTES == AUTO_LOCK_MINUTES.default == 5
    assert admin_session.settings.young_person_min_age() == YOUNG_PERSON_MIN_AGE.default
    faces = admin_session.faces.settings()
    assert (faces.enabled, faces.threshold) == (FACE_MATCHING.default, FACE_THRESHOLD.default)
    with pytest.raises(InvalidInput, match="between 10 and 17"):
        admin_session.settings.set_young_person_min_age(years=9)
    with pytest.raises(InvalidInput, match=r"between 0\.3 and 0\.8"):
        admin_session.faces.set_settings(threshold=0.9)
    admin_session.faces.set_settings(enabled=False, threshold=0.5)
    faces = admin_session.faces.settings()
    assert (faces.enabled, faces.threshold) == (False, 0.5)
