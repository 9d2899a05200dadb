"""The demo vault: every screen has something to show, and nothing real is in it."""

from __future__ import annotations

from pathlib import Path

from sefton_photos import demo
from sefton_photos.model import Purpose
from sefton_photos.session import Session


def test_the_demo_vault_is_populated_and_reopened_not_rebuilt(tmp_path: Path) -> None:
    """Staff of every role, children in allowed and refused states, drawn pictures."""
    path = demo.ensure_demo_vault(tmp_path / "demo", pictures=3)
    assert {u.role for u in demo.USERS} == set(type(demo.ADMIN.role))
    sam = next(u for u in demo.USERS if u.name == "Sam Social")
    with Session.unlock(path, name=sam.name, password=sam.password) as s:
        children = {c.name: c.id for c in s.children.list()}
        assert set(children) == {"Riley Brookfield", "Jordan Marshside", "Casey Ainsdale"}
        riley = s.consents.check(child_id=children["Riley Brookfield"], purpose=Purpose.LIFE_STORY)
        jordan = s.consents.check(child_id=children["Jordan Marshside"], purpose=Purpose.LIFE_STORY)
        casey = s.consents.check(child_id=children["Casey Ainsdale"], purpose=Purpose.LIFE_STORY)
        assert riley.allowed
        assert not jordan.allowed and "withdrawn" in jordan.explain()
        assert not casey.allowed and "R2" in casey.explain()
        assert len(s.photos.ids(child_id=children["Riley Brookfield"])) == 3
    before = (path / "vault.db").read_bytes()
    demo.ensure_demo_vault(path)
    assert (path / "vault.db").read_bytes() == before
