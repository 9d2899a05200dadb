"""Five wrong passwords in a row slow further tries, and every failure is audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed, TooManyAttempts
from sefton_photos.session import Session
from sefton_photos.vault.attempts import delay_after
from tests.helpers import ADMIN, SOCIAL


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_delay_starts_after_five_failures_and_doubles() -> None:
    assert [delay_after(n) for n in range(5)] == [0.0] * 5
    assert delay_after(5) == 30.0
    assert delay_after(6) == 60.0
    assert delay_after(50) == 15 * 60.0


def test_sixth_try_is_paused_even_with_the_right_password(vault_dir: Path) -> None:
    """After five wrong passwords the right one must wait; after the wait it works."""
    clock = Clock()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed, match="not correct"):
            Session.unlock(vault_dir, name=SOCIAL.name, password="wrong-password", clock=clock)
        clock.now += 1
    with pytest.raises(TooManyAttempts, match=r"try again in 2[0-9] seconds") as paused:
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock)
    assert 25 < paused.value.retry_after <= 30
    # Another user is not slowed by Sam's failures.
    Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password, clock=clock).close()
    clock.now += 31
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock).close()
    # Success resets the count: one more failure is not paused.
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name=SOCIAL.name, password="wrong-password", clock=clock)
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock).close()


def test_every_failure_reaches_the_audit_log_without_names_on_disk(vault_dir: Path) -> None:
    """Failures are sealed to the vault until the next unlock moves them into the log."""
    clock = Clock()
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            Session.unlock(vault_dir, name=SOCIAL.name, password="wrong-password", clock=clock)
    with pytest.raises(AuthenticationFailed):
        Session.unlock(vault_dir, name="Mallory Guess", password="whatever-1", clock=clock)
    pending = (vault_dir / "attempts.json").read_text()
    assert "Sam" not in pending and "Mallory" not in pending
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password, clock=clock)
    failures = [e for e in admin.audit_entries(limit=50) if e.action == "session.sign_in_failed"]
    admin.close()
    assert sorted(e.subject or "" for e in failures) == ["Mallory Guess"] + [SOCIAL.name] * 3
    assert "Sam" not in (vault_dir / "attempts.json").read_text()


def test_a_damaged_attempts_file_does_not_lock_anyone_out(vault_dir: Path) -> None:
    """The delay file is not a way to break the vault; its damage is noted in the audit."""
    (vault_dir / "attempts.json").write_text("{not json")
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    notes = [
        e.details for e in admin.audit_entries(limit=10) if e.action == "session.sign_in_failed"
    ]
    admin.close()
    assert any("unreadable" in str(n.get("event")) for n in notes)
