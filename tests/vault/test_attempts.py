"""Five wrong passwords in a row slow further tries, and every failure is audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos.errors import AuthenticationFailed, TooManyAttempts
from sefton_photos.session import Session
from sefton_photos.vault.attempts import delay_after
from sefton_photos.vault.keyslots import KeySlots
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
    failures = [e for e in admin.audit.entries(limit=50) if e.action == "session.sign_in_failed"]
    admin.close()
    assert sorted(e.subject or "" for e in failures) == ["Mallory Guess"] + [SOCIAL.name] * 3
    assert "Sam" not in (vault_dir / "attempts.json").read_text()


def write_attempts(vault_dir: Path, text: str) -> None:
    (vault_dir / "attempts.json").write_text(text)


def social_label(vault_dir: Path) -> str:
    return KeySlots.load(vault_dir / "keyslots.json").label_for(SOCIAL.name)


def test_a_damaged_attempts_file_pauses_sign_in_at_most_fifteen_minutes(vault_dir: Path) -> None:
    """Issue 10: corrupting the file never skips a wait, and never locks anyone out for
    long: a damaged file pauses sign-in once for the longest wait, and is audited."""
    clock = Clock()
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            Session.unlock(vault_dir, name=SOCIAL.name, password="wrong-password", clock=clock)
    write_attempts(vault_dir, "{not json")  # the attacker's way round the pause
    with pytest.raises(TooManyAttempts, match=r"attempts\.json.*damaged") as paused:
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock)
    assert 0 < paused.value.retry_after <= 15 * 60
    write_attempts(vault_dir, "{not json either")  # again: the pause is not shortened
    clock.now += 60
    with pytest.raises(TooManyAttempts):
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock)
    clock.now += 15 * 60 + 1
    admin = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password, clock=clock)
    notes = [
        e.details for e in admin.audit.entries(limit=20) if e.action == "session.sign_in_failed"
    ]
    admin.close()
    assert any("damaged" in str(n.get("event")) for n in notes)
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock).close()


@pytest.mark.parametrize(
    "entry",
    [
        '{"n": 1e308, "last": NOW}',
        '{"n": 100000000000000000000000, "last": NOW}',
        '{"n": 6, "last": 1e300}',
        '{"n": 50, "last": NOW + 9e9}',
    ],
    ids=["n=1e308", "n=1e23-int", "last=1e300", "last-far-future"],
)
def test_absurd_counts_and_times_are_clamped_to_the_longest_wait(
    vault_dir: Path, entry: str
) -> None:
    """A huge count is an OverflowError no more, and a future time is no century-long wait."""
    clock = Clock()
    text = entry.replace("NOW + 9e9", repr(clock.now + 9e9)).replace("NOW", repr(clock.now))
    doc = '{"format": "sefton-attempts", "version": 1, "labels": {"LABEL": ENTRY}, "pending": []}'
    write_attempts(vault_dir, doc.replace("LABEL", social_label(vault_dir)).replace("ENTRY", text))
    with pytest.raises(TooManyAttempts) as paused:
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock)
    assert 0 < paused.value.retry_after <= 15 * 60
    clock.now += 15 * 60 + 1
    Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock).close()


@pytest.mark.parametrize(
    "entry", ['{"n": NaN, "last": 0}', '{"n": 6, "last": Infinity}', '{"n": "x", "last": 0}']
)
def test_values_that_are_not_numbers_are_a_damaged_file(vault_dir: Path, entry: str) -> None:
    clock = Clock()
    doc = '{"format": "sefton-attempts", "version": 1, "labels": {"LABEL": ENTRY}, "pending": []}'
    write_attempts(vault_dir, doc.replace("LABEL", social_label(vault_dir)).replace("ENTRY", entry))
    with pytest.raises(TooManyAttempts, match="damaged") as paused:
        Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password, clock=clock)
    assert 0 < paused.value.retry_after <= 15 * 60


def test_the_delay_never_overflows() -> None:
    assert delay_after(10**6) == 15 * 60.0
