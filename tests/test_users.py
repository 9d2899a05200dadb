"""Users and roles: who may manage accounts, and what removing someone really does."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    PolicyRefusal,
    VaultTampered,
)
from sefton_photos.model import Role
from sefton_photos.session import Session
from sefton_photos.vault import database
from tests.helpers import ADMIN, KEY, MANAGER, MANAGER2, SOCIAL


def test_users_are_listed_with_role_team_and_line_manager(admin_session: Session) -> None:
    """A user has a role, a team and a line manager (the team follows the manager's)."""
    users = {u.name: u for u in admin_session.users.list()}
    assert {ADMIN.name, MANAGER.name, SOCIAL.name, KEY.name} <= set(users)
    assert len(users) == 7
    assert users[SOCIAL.name].role is Role.SOCIAL_WORKER
    assert users[SOCIAL.name].line_manager_name == MANAGER.name
    assert users[SOCIAL.name].team == MANAGER.team


def test_only_an_administrator_adds_users(vault_dir: Path) -> None:
    """A line manager cannot add staff; the refusal names the role rule."""
    session = Session.unlock(vault_dir, name=MANAGER.name, password=MANAGER.password)
    try:
        with pytest.raises(PolicyRefusal, match="REFUSED: Only an administrator"):
            session.users.add(
                name="New Person",
                role=Role.KEY_WORKER,
                password="long-enough-pass",
                line_manager=MANAGER.name,
            )
    finally:
        session.close()


def test_workers_need_a_line_manager_with_that_role(admin_session: Session) -> None:
    """R10 (5.5.3.2): every capture alerts a line manager, so workers must have one."""
    with pytest.raises(InvalidInput, match="R10"):
        admin_session.users.add(
            name="Lone Worker", role=Role.SOCIAL_WORKER, password="long-enough-pass"
        )
    with pytest.raises(PolicyRefusal, match="R10"):
        admin_session.users.add(
            name="Odd Worker",
            role=Role.SOCIAL_WORKER,
            password="long-enough-pass",
            line_manager=SOCIAL.name,
        )
    with pytest.raises(NotFound):
        admin_session.users.add(
            name="Odd Worker",
            role=Role.SOCIAL_WORKER,
            password="long-enough-pass",
            line_manager="Nobody",
        )


def test_weak_passwords_and_duplicate_names_are_refused(admin_session: Session) -> None:
    with pytest.raises(InvalidInput, match="at least 10"):
        admin_session.users.add(name="Pat Short", role=Role.ADMINISTRATOR, password="short")
    with pytest.raises(InvalidInput, match="name"):
        admin_session.users.add(name="Pat Name", role=Role.ADMINISTRATOR, password="xx-pat name-xx")
    with pytest.raises(InvalidInput, match="already"):
        admin_session.users.add(
            name="sam  SOCIAL",
            role=Role.KEY_WORKER,
            password="long-enough-pass",
            line_manager=MANAGER.name,
        )


def test_a_new_user_can_sign_in(admin_session: Session, vault_dir: Path) -> None:
    added = admin_session.users.add(
        name="Chris Comms",
        role=Role.COMMUNICATIONS_OFFICER,
        password="comms-password-1",
        team="Communications",
    )
    admin_session.close()
    session = Session.unlock(vault_dir, name="Chris Comms", password="comms-password-1")
    assert session.user == added
    session.close()


def test_removing_a_user_rotates_the_vault_key(vault_dir: Path) -> None:
    """Their password opens nothing; the old database key opens nothing; others still can."""
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    old_db_key, old_vault_key = admin.vault.db_key, admin.vault.vault_key
    admin.users.remove(name=KEY.name)
    assert admin.vault.vault_key != old_vault_key
    assert KEY.name not in {u.name for u in admin.users.list()}
    admin.close()
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    with pytest.raises(VaultTampered):
        database.probe(vault_dir / "vault.db", old_db_key)
    for person in (ADMIN, MANAGER, SOCIAL):
        Session.unlock(vault_dir, name=person.name, password=person.password).close()
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    actions = [e.action for e in admin.audit.entries(limit=30)]
    assert "user.removed" in actions and "vault.key_rotated" in actions
    assert admin.audit.verify().ok
    admin.close()


def test_removal_guards(admin_session: Session) -> None:
    """Not yourself, not the last administrator, not a manager who still has reports."""
    with pytest.raises(InvalidInput, match="yourself"):
        admin_session.users.remove(name=ADMIN.name)
    with pytest.raises(InvalidInput, match="line manager of"):
        admin_session.users.remove(name=MANAGER.name)
    with pytest.raises(NotFound):
        admin_session.users.remove(name="Nobody At All")


def test_a_removed_name_can_be_given_to_a_new_account(
    admin_session: Session, vault_dir: Path
) -> None:
    """The old row stays for the audit; a new person of the same name gets a new slot."""
    admin_session.users.remove(name=KEY.name)
    admin_session.users.add(
        name=KEY.name,
        role=Role.KEY_WORKER,
        password="another-password-9",
        line_manager=MANAGER.name,
    )
    admin_session.close()
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=KEY.name, password=KEY.password)
    Session.unlock(vault_dir, name=KEY.name, password="another-password-9").close()


def test_an_administrator_gives_a_worker_another_line_manager(admin_session: Session) -> None:
    """R10 (5.5.3.2): the new line manager is alerted from now on; the team follows them."""
    moved = admin_session.users.set_line_manager(name=KEY.name, line_manager=MANAGER2.name)
    assert moved.line_manager_name == MANAGER2.name
    assert moved.team == MANAGER2.team
    listed = {u.name: u for u in admin_session.users.list()}[KEY.name]
    assert listed.line_manager_name == MANAGER2.name
    changed = "user.line_manager_changed"
    entry = next(e for e in admin_session.audit.entries() if e.action == changed)
    assert entry.subject == KEY.name
    assert entry.details["from"] == MANAGER.name and entry.details["to"] == MANAGER2.name


def test_changing_a_line_manager_is_guarded(vault_dir: Path) -> None:
    """Only a line manager can be one (R10); the same one twice and strangers are refused."""
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as admin:
        with pytest.raises(PolicyRefusal, match="R10"):
            admin.users.set_line_manager(name=KEY.name, line_manager=SOCIAL.name)
        with pytest.raises(InvalidInput, match="already"):
            admin.users.set_line_manager(name=KEY.name, line_manager=MANAGER.name)
        with pytest.raises(NotFound):
            admin.users.set_line_manager(name="Nobody At All", line_manager=MANAGER.name)
        with pytest.raises(NotFound):
            admin.users.set_line_manager(name=KEY.name, line_manager="Nobody At All")
    manager = Session.unlock(vault_dir, name=MANAGER.name, password=MANAGER.password)
    with manager, pytest.raises(PolicyRefusal, match="Only an administrator"):
        manager.users.set_line_manager(name=KEY.name, line_manager=MANAGER2.name)
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as admin:
        users = {u.name: u for u in admin.users.list()}
        assert users[KEY.name].line_manager_name == MANAGER.name
        refused = [e for e in admin.audit.entries() if e.action == "access.refused"]
        assert any(e.details.get("attempted") == "user.set_manager" for e in refused)
