"""The audit log: every change is chained, and any edit, removal or reordering is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sefton_photos.errors import PolicyRefusal, VaultTampered
from sefton_photos.model import AuditVerification
from sefton_photos.session import Session
from tests.helpers import ADMIN, SOCIAL, keys_of, raw_connection


def unlock_admin(vault_dir: Path) -> Session:
    return Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)


def verify(vault_dir: Path) -> AuditVerification:
    session = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password, inspect=True)
    try:
        return session.audit.verify()
    finally:
        session.close()


def tamper(vault_dir: Path, *statements: str) -> None:
    """Change the log as someone holding the database key could: triggers dropped first."""
    _, key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, key)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("DROP TRIGGER audit_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def test_a_fresh_vault_has_an_intact_chain(vault_dir: Path) -> None:
    """Creating the vault and its users left a verified chain with a sealed head."""
    result = verify(vault_dir)
    assert result.ok, result.message
    assert result.entries > 5
    assert result.message == f"audit chain intact: {result.entries} entries"


def test_user_changes_and_sign_ins_are_audited(vault_dir: Path) -> None:
    """Adding a user, signing in and out are in the log, with who did them."""
    session = unlock_admin(vault_dir)
    entries = session.audit.entries(limit=500)
    session.close()
    actions = [(e.action, e.actor, e.subject) for e in entries]
    assert ("user.added", ADMIN.name, SOCIAL.name) in actions
    assert ("session.signed_in", ADMIN.name, None) in actions
    assert ("vault.created", ADMIN.name, None) in actions


def test_the_database_refuses_to_update_or_delete_audit_rows(vault_dir: Path) -> None:
    """Append-only is enforced by the database itself, not just detected."""
    _, key = keys_of(vault_dir)
    conn = raw_connection(vault_dir, key)
    with pytest.raises(Exception, match="append-only"):
        conn.execute("UPDATE audit SET action = 'nothing' WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"):
        conn.execute("DELETE FROM audit WHERE seq = 1")
    conn.close()


def test_editing_an_audit_row_breaks_the_chain(vault_dir: Path) -> None:
    """Rewriting what an entry says is detected and the entry is named."""
    tamper(vault_dir, "UPDATE audit SET subject = 'Someone Else' WHERE seq = 3")
    result = verify(vault_dir)
    assert not result.ok
    assert result.first_broken == 3
    assert "entry 3" in result.message


def test_deleting_an_audit_row_breaks_the_chain(vault_dir: Path) -> None:
    tamper(vault_dir, "DELETE FROM audit WHERE seq = 4")
    result = verify(vault_dir)
    assert not result.ok
    assert result.first_broken == 4
    with pytest.raises(VaultTampered, match="entries were removed"):
        unlock_admin(vault_dir)  # the app itself will not write on top of it
    with pytest.raises(VaultTampered, match="entries were removed"):
        unlock_admin(vault_dir)  # the app itself will not write on top of it


def test_reordering_audit_rows_breaks_the_chain(vault_dir: Path) -> None:
    """Swapping two entries' contents (keeping their sequence numbers) is detected."""
    tamper(
        vault_dir,
        "UPDATE audit SET seq = -1 WHERE seq = 2",
        "UPDATE audit SET seq = 2 WHERE seq = 3",
        "UPDATE audit SET seq = 3 WHERE seq = -1",
    )
    result = verify(vault_dir)
    assert not result.ok
    assert result.first_broken == 2


def test_truncating_the_log_is_caught_by_the_sealed_head(vault_dir: Path) -> None:
    """Removing the newest entries leaves a valid-looking chain: the head catches it."""
    tamper(vault_dir, "DELETE FROM audit WHERE seq > 5")
    with pytest.raises(VaultTampered, match="entries were removed"):
        unlock_admin(vault_dir)
    result = verify(vault_dir)
    assert not result.ok
    assert "sealed head" in result.message
    assert verify(vault_dir).first_broken == result.first_broken  # inspecting wrote nothing
    result = verify(vault_dir)
    assert not result.ok
    assert "sealed head" in result.message
    assert verify(vault_dir).first_broken == result.first_broken  # inspecting wrote nothing


def test_rewriting_the_whole_chain_is_caught_by_the_sealed_head(vault_dir: Path) -> None:
    """Recomputing every hash after an edit still differs from the sealed head's hash."""
    _, key = keys_of(vault_dir)
    from sefton_photos import audit as audit_mod
    from sefton_photos.schema.core import AuditRow

    conn = raw_connection(vault_dir, key)
    conn.execute("DROP TRIGGER audit_no_update")
    rows = conn.execute(
        "SELECT seq, at, actor_id, actor_name, action, subject, child_id, "
        "details FROM audit ORDER BY seq"
    ).fetchall()
    prev = audit_mod.GENESIS
    from datetime import UTC, datetime

    for seq, at, actor_id, actor_name, action, subject, child_id, details in rows:
        if seq == 2:
            subject = "Forged Name"
        when = datetime.fromisoformat(str(at)).replace(tzinfo=UTC)
        row = AuditRow(
            seq=seq,
            at=when,
            actor_id=actor_id,
            actor_name=actor_name,
            action=action,
            subject=subject,
            child_id=child_id,
            details=details,
            prev_hash=prev,
            hash="",
        )
        new_hash = audit_mod.row_hash(row)
        conn.execute(
            "UPDATE audit SET subject = ?, prev_hash = ?, hash = ? WHERE seq = ?",
            (subject, prev, new_hash, seq),
        )
        prev = new_hash
    conn.commit()
    conn.close()
    with pytest.raises(VaultTampered, match="rewritten"):
        unlock_admin(vault_dir)
    assert not verify(vault_dir).ok
    assert not verify(vault_dir).ok


def test_a_changed_audit_head_is_refused(vault_dir: Path) -> None:
    """The head file's MAC is keyed from the vault key: editing it is detected."""
    path = vault_dir / "audit.head"
    doc = json.loads(path.read_bytes())
    doc["count"] = doc["count"] - 1
    path.write_text(json.dumps(doc))
    with pytest.raises(VaultTampered, match=r"audit\.head"):
        unlock_admin(vault_dir)


def test_a_head_left_behind_by_a_crash_is_accepted_and_resealed(vault_dir: Path) -> None:
    """A commit that landed just before a crash (head not yet rewritten) is not a tamper."""
    old_head = (vault_dir / "audit.head").read_bytes()
    session = unlock_admin(vault_dir)
    session.close()
    (vault_dir / "audit.head").write_bytes(old_head)  # as if the head write never happened
    result = verify(vault_dir)
    assert result.ok, result.message


def test_only_an_administrator_reads_the_audit_and_the_refusal_is_logged(
    vault_dir: Path,
) -> None:
    """A refusal names its rule, and is itself in the log."""
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    with pytest.raises(PolicyRefusal, match="REFUSED: Only an administrator"):
        session.audit.entries()
    session.close()
    admin = unlock_admin(vault_dir)
    refused = [e for e in admin.audit.entries(limit=20) if e.action == "access.refused"]
    admin.close()
    assert refused and refused[0].actor == SOCIAL.name
    assert refused[0].details["attempted"] == "audit.show"
