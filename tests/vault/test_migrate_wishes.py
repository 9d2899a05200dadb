"""Schema 0002 (R2, policy 5.5.4.2): a vault written with one parent/carer wish slot
opens, is backed up, and migrates so that no old wish speaks for a person it may not be.

The 0001 vault is made for real: a vault at head is taken back to 0001 by its own
Alembic downgrade, old-style rows are written as 0001 wrote them, and the next unlock
upgrades it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from alembic import command
from sqlalchemy import text

from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose, wish_lines
from sefton_photos.session import Session
from sefton_photos.vault import migrate
from tests.helpers import KEY, SOCIAL, head_revision, signed_in


def old_vault(vault_dir: Path) -> tuple[int, int, int]:
    """A 0001 vault where the father said no, then "the parent/carer" said yes."""
    with signed_in(vault_dir, SOCIAL) as s:
        child = s.children.add(
            name="Kit Oldfile",
            date_of_birth=date(2012, 6, 1),
            care_status=CareStatus.NOT_LOOKED_AFTER,
            key_workers=[KEY.name],
        )
        mum = s.children.add_person(child_id=child.id, name="Meg Oldfile", relationship="mother")
        dad = s.children.add_person(child_id=child.id, name="Dan Oldfile", relationship="father")
        s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=mum.id,
            signed_on=date.today() - timedelta(days=9),
        )
        s.consents.set_wish(child_id=child.id, whose=Whose.CHILD, wishes_photos=True)
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
        cfg = migrate._config()
        with s.vault.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
            social = conn.execute(text("SELECT id FROM users WHERE name = :n"), {"n": SOCIAL.name})
            by = social.scalar_one()
            now = datetime.now(UTC).replace(tzinfo=None)
            for whose, yes, ago in (
                ("parent_carer", 0, 3),
                ("parent_carer", 1, 2),
                ("worker", 1, 2),
            ):
                conn.execute(
                    text(
                        "INSERT INTO wishes (child_id, whose, person_id, wishes_photos, notes,"
                        " recorded_by, recorded_at) VALUES (:c, :w, NULL, :y, NULL, :b, :at)"
                    ),
                    {"c": child.id, "w": whose, "y": yes, "b": by, "at": now - timedelta(days=ago)},
                )
    return child.id, mum.id, dad.id


def test_an_old_vault_migrates_and_an_unattributed_no_still_refuses(vault_dir: Path) -> None:
    child_id, mum, dad = old_vault(vault_dir)
    with signed_in(vault_dir, KEY) as k:  # the upgrade runs on this unlock
        assert migrate.current_revision(k.vault.engine) == head_revision()
        decision = k.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY)
        assert not decision.allowed
        said = decision.explain()
        assert "before wishes were kept per person" in said  # the old "no" is not dropped
        assert "Meg Oldfile (mother) has no wish recorded" in said  # the old "yes" is no one's
        assert "Dan Oldfile (father) has no wish recorded" in said
        met = [r.text for r in decision.reasons if r.met]
        assert "The worker is content for photos to be taken." in met  # still the worker's
        lines = [(x.who, x.answer) for x in wish_lines(k.children.file(child_id=child_id))]
    assert ("A parent/carer (before wishes were kept per person)", "NO") in lines
    assert ("Meg Oldfile (mother)", "not recorded yet") in lines
    assert list((vault_dir / "backups").glob("vault-0001-*.db"))
    with signed_in(vault_dir, SOCIAL) as s:
        for person in (mum, dad):
            s.consents.set_wish(
                child_id=child_id, whose=Whose.PARENT_CARER, person_id=person, wishes_photos=True
            )
        assert s.consents.check(child_id=child_id, purpose=Purpose.LIFE_STORY).allowed


def test_a_fresh_vault_is_at_head(vault_dir: Path) -> None:
    session = Session.unlock(vault_dir, name=SOCIAL.name, password=SOCIAL.password)
    try:
        assert migrate.current_revision(session.vault.engine) == head_revision()
    finally:
        session.close()
