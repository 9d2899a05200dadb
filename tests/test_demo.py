"""The demo vault: every screen has something to show, and nothing real is in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from sefton_photos import demo
from sefton_photos.model import Purpose
from sefton_photos.session import Session

pytestmark = pytest.mark.integration  # building the demo detects faces and enrols Riley


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
        assert len(s.photos.ids(child_id=children["Riley Brookfield"])) == 3 + len(demo.FACES)
    before = (path / "vault.db").read_bytes()
    demo.ensure_demo_vault(path)
    assert (path / "vault.db").read_bytes() == before


def test_the_demo_can_do_everything_without_the_command_line(tmp_path: Path) -> None:
    """Issue 12: an approved export folder, a child enrolled for face matching, photos with
    faces found and one suggested as that child, so export, face review and life story work
    can be tried at once; and an export of a drawn picture to the case record goes through."""
    from sefton_photos.model import Destination

    path = demo.ensure_demo_vault(tmp_path / "demo", pictures=2)
    admin = demo.ADMIN
    with Session.unlock(path, name=admin.name, password=admin.password) as a:
        folders = [where for _id, _label, where in a.locations.list()]
    assert folders and all(Path(f).is_dir() for f in folders)
    sam = next(u for u in demo.USERS if u.name == "Sam Social")
    with Session.unlock(path, name=sam.name, password=sam.password) as s:
        riley = next(c.id for c in s.children.list() if c.name == "Riley Brookfield")
        assert s.faces.enrolments(child_id=riley) >= 1
        infos = s.photos.list(child_id=riley)
        faces = [f for info in infos for f in info.faces]
        assert len(faces) >= 3  # a portrait and a group of three
        assert any(f.child_id == riley for f in faces), "one face is suggested as Riley"
        assert any(f.child_id is None for f in faces), "someone else is in the group"
        drawn = [i.id for i in infos if not i.faces]
        outcomes = s.exports.run(
            photo_ids=drawn[:1], destination=Destination.CASE_RECORD, out=Path(folders[0])
        )
        assert [o.status for o in outcomes] == ["exported"]
