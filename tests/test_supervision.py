"""Supervision (R10, policy 5.5.3.2): the queue, notes, acknowledgements, the record."""

from __future__ import annotations

import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from sefton_photos.errors import InvalidInput, NotFound, PolicyRefusal
from sefton_photos.model import ConsentKind, GivenBy, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, MANAGER, MANAGER2, SOCIAL, Person, children

TODAY = date.today()


def as_(vault: Path, person: Person) -> Session:
    return Session.unlock(vault, name=person.name, password=person.password)


def capture(
    vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    person: Person,
    child: int,
    photo: str = "person-a_2.jpg",
) -> int:
    card = tmp_path / f"card-{photo}"
    card.mkdir()
    shutil.copy(faces_dir / photo, card / photo)
    with as_(vault, person) as s:
        report = s.imports.run(
            child_ids=(child,),
            purpose=Purpose.ACTIVITY_RECORD,
            purpose_note="Football match",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
    assert report.capture_id is not None
    return report.capture_id


def test_a_capture_reaches_exactly_the_workers_line_manager(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    capture_id = capture(face_vault, faces_dir, tmp_path, KEY, ids["person-a"])
    with as_(face_vault, MANAGER) as m:
        items = m.supervision.queue()
    assert [(i.worker, i.kind) for i in items] == [(KEY.name, "capture")]
    item = items[0]
    assert item.child_name == "Child A" and item.purpose == "record of an activity"
    assert item.purpose_note == "Football match" and item.consent and "one-to-one" in item.consent
    # The day in words, as everywhere else ("5 Jan 2026", not "2026-01-05"; issue 12).
    assert re.search(r"signed \d{1,2} [A-Z][a-z]{2} \d{4}\)$", item.consent), item.consent
    assert len(item.photo_ids) == 1 and f"Capture {capture_id}" in item.summary
    with as_(face_vault, MANAGER2) as other:
        assert other.supervision.queue() == []
    with as_(face_vault, ADMIN) as admin:
        assert admin.supervision.queue() == []
    with as_(face_vault, KEY) as worker:
        assert [i.id for i in worker.supervision.queue()] == [item.id]
    with as_(face_vault, SOCIAL) as colleague:
        assert colleague.supervision.queue() == []


def test_an_item_leaves_the_queue_only_when_a_note_covers_it(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-a"], "person-a_2.jpg")
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-b"], "person-b_2.jpg")
    with as_(face_vault, MANAGER) as m:
        first, second = m.supervision.queue(worker=KEY.name)
        note = m.supervision.record(
            worker=KEY.name,
            item_ids=[first.id],
            text="Discussed the match photos; consent was checked.",
            actions=[("Share with the carer", TODAY + timedelta(7))],
        )
        assert [i.id for i in m.supervision.queue()] == [second.id]
        assert note.item_ids == (first.id,) and note.actions[0].text == "Share with the carer"
        with pytest.raises(InvalidInput, match="already recorded"):
            m.supervision.record(worker=KEY.name, item_ids=[first.id], text="again")
        with pytest.raises(PolicyRefusal, match="not in your team"):
            m.supervision.record(worker=MANAGER2.name, item_ids=[second.id], text="x")
    with as_(face_vault, MANAGER2) as other, pytest.raises(PolicyRefusal):
        other.supervision.record(worker=KEY.name, item_ids=[second.id], text="x")


def test_a_note_is_sealed_after_both_acknowledge(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Never edited after both acknowledge, each by their own sign-in; addenda only."""
    ids = children(face_vault)
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-c"], "person-c_2.jpg")
    with as_(face_vault, MANAGER) as m:
        item = m.supervision.queue()[0]
        note = m.supervision.record(worker=KEY.name, item_ids=[item.id], text="First draft")
        m.supervision.edit(note_id=note.id, text="Corrected before acknowledgement")
        m.supervision.acknowledge(note_id=note.id)
        with pytest.raises(InvalidInput, match="already acknowledged"):
            m.supervision.acknowledge(note_id=note.id)
    with as_(face_vault, SOCIAL) as stranger, pytest.raises(NotFound):
        stranger.supervision.acknowledge(note_id=note.id)
    with as_(face_vault, KEY) as k:
        sealed = k.supervision.acknowledge(note_id=note.id)
        assert sealed.sealed and sealed.text == "Corrected before acknowledgement"
    with as_(face_vault, MANAGER) as m:
        with pytest.raises(InvalidInput, match="addendum"):
            m.supervision.edit(note_id=note.id, text="Rewritten history")
        after = m.supervision.add_addendum(note_id=note.id, text="The carer has the photos.")
    assert after.text == "Corrected before acknowledgement"
    assert [a.text for a in after.addenda] == ["The carer has the photos."]


def test_a_withdrawal_that_flags_photos_goes_on_the_queue(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-d"], "person-d_2.jpg")
    with as_(face_vault, SOCIAL) as s:
        consent = next(
            c for c in s.consents.list(child_id=ids["person-d"]) if c.kind.value == "one_to_one"
        )
        s.consents.withdraw(consent_id=consent.id, reason="Carer objects")
    with as_(face_vault, MANAGER) as m:
        kinds = sorted(i.kind for i in m.supervision.queue())
        board = m.dashboard.build()
    assert kinds == ["capture", "withdrawal"]
    assert [f.child_name for f in board.flagged] == ["Child D"]
    assert board.open_item_ages[KEY.name] == [0, 0]
    assert sum(sum(w.values()) for w in board.captures_per_week.values()) == 1
    assert board.age_buckets()["under 1 week"] == 2


def test_the_dashboard_lists_consents_expiring_within_30_days(face_vault: Path) -> None:
    ids = children(face_vault)
    with as_(face_vault, SOCIAL) as s:
        person = s.children.file(child_id=ids["person-e"]).people[0]
        s.consents.add(
            child_id=ids["person-e"],
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=person.id,
            signed_on=TODAY - timedelta(300),
            expires_on=TODAY + timedelta(10),
        )
    with as_(face_vault, MANAGER) as m:
        board = m.dashboard.build()
    with as_(face_vault, MANAGER2) as other:
        assert other.dashboard.build().expiring == []
    assert [(e.child_name, e.expires_on) for e in board.expiring] == [
        ("Child E", TODAY + timedelta(10))
    ]


def test_the_supervision_record_pdf_opens_and_lists_the_items(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-a"], "person-a_3.jpg")
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-b"], "person-b_2.jpg")
    share = tmp_path / "share"
    share.mkdir()
    with as_(face_vault, ADMIN) as admin:  # R5: the record goes to an approved folder only
        admin.locations.add(path=share)
    with as_(face_vault, MANAGER) as m:
        first, second = m.supervision.queue()
        note = m.supervision.record(worker=KEY.name, item_ids=[first.id], text="Reviewed.")
        out = m.supervision.export(
            worker=KEY.name,
            since=TODAY - timedelta(7),
            until=date.today(),
            out=share / "record.pdf",
        )
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert f"Supervision record: {KEY.name}" in text
    assert f"note {note.id}" in text and f"Item {first.id}" in text and f"Item {second.id}" in text
    assert "Child A" in text and "Reviewed." in text
    images = sum(len(page.images) for page in PdfReader(out).pages)
    assert images == 2  # one thumbnail per captured photo the manager may see
    with as_(face_vault, MANAGER2) as other, pytest.raises(PolicyRefusal):
        other.supervision.export(worker=KEY.name, since=TODAY, until=TODAY, out=share / "no.pdf")
    assert not (share / "no.pdf").exists()


def test_open_items_follow_the_worker_to_a_new_line_manager(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """R10 (5.5.3.2): after a change of line manager, nothing waits on the old one's queue."""
    ids = children(face_vault)
    capture(face_vault, faces_dir, tmp_path, KEY, ids["person-a"])
    with as_(face_vault, ADMIN) as admin:
        admin.users.set_line_manager(name=KEY.name, line_manager=MANAGER2.name)
    with as_(face_vault, MANAGER) as old:
        assert old.supervision.queue() == []
    with as_(face_vault, MANAGER2) as new:
        items = new.supervision.queue()
        assert [(i.worker, i.kind) for i in items] == [(KEY.name, "capture")]
        note = new.supervision.record(worker=KEY.name, item_ids=[items[0].id], text="Seen")
    assert note.id
