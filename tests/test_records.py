"""R13 (UK GDPR art. 17): erasure finishes the job, and the audit names people by id only.

A child is built with every kind of record the vault can hold (photos of their own and a
group photo shared with another child, thumbnails, confirmed faces, face enrolments, a
scanned consent form, consents, a withdrawal, wishes, explanations, people with parental
responsibility, a consent check, captures, supervision items and a note, exports), then
erased.  Raw SQL over the database and the object store on disk prove that nothing of
theirs remains, and that the other child's records are untouched.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import ConsentKind, Destination, FaceStatus, GivenBy, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, MANAGER, SOCIAL, Person, children, keys_of, raw_connection

LATER = date(2090, 1, 1)  # by then every fixture child (born 2010, looked after) is due
FREE_TEXT = "Zebedee"  # personal free text that must go with the record


def as_(vault: Path, person: Person) -> Session:
    return Session.unlock(vault, name=person.name, password=person.password)


def import_for(
    vault: Path, faces_dir: Path, tmp: Path, child_ids: list[int], name: str, note: str
) -> int:
    card = tmp / f"card-{name}"
    card.mkdir()
    shutil.copy(faces_dir / name, card / name)
    with as_(vault, SOCIAL) as s:
        report = s.imports.run(
            child_ids=tuple(child_ids),
            purpose=Purpose.LIFE_STORY,
            purpose_note=note,
            device=DEVICE,
            attested=True,
            paths=[card],
            workers=0,
        )
        photo = report.outcomes[0].photo_id
        assert photo is not None, report.outcomes[0].reason
        for face in s.photos.info(photo_id=photo).faces:
            if face.status is FaceStatus.SUGGESTED and face.child_id in child_ids:
                s.faces.confirm(face_id=face.id, child_id=face.child_id)
    return photo


def build_full_child(vault: Path, faces_dir: Path, tmp: Path) -> dict[str, Any]:
    """Child A with every kind of record; Child B shares one group photo with them."""
    ids = children(vault)
    a, b = ids["person-a"], ids["person-b"]
    share = tmp / "share"
    share.mkdir()
    with as_(vault, ADMIN) as admin:
        admin.locations.add(path=share, label="Case records")
    own = import_for(vault, faces_dir, tmp, [a], "person-a_2.jpg", f"{FREE_TEXT} at the farm")
    group = import_for(vault, faces_dir, tmp, [a, b], "group_a-b.jpg", "Day out")
    with as_(vault, SOCIAL) as s:
        extra = s.consents.add(
            child_id=a,
            kind=ConsentKind.PUBLICITY,
            given_by=GivenBy.PARENT_CARER,
            person_id=s.children.file(child_id=a).people[0].id,
            signed_on=date(2026, 2, 1),
            form=b"%PDF-1.4 scanned form",
        )
        s.consents.withdraw(consent_id=extra.id, reason=f"Parent of Child A and {FREE_TEXT}")
        absent = s.children.add_person(child_id=a, name="Absent Parent", relationship="father")
        s.consents.record_wish_not_needed(  # R2: a waiver is personal data too (0002)
            child_id=a, person_id=absent.id, reason=f"Court order about {FREE_TEXT}"
        )
        s.consents.check(child_id=a, purpose=Purpose.LIFE_STORY)
        s.exports.run(photo_ids=[own], destination=Destination.CASE_RECORD, out=share)
        s.exports.run(photo_ids=[group], destination=Destination.SOCIAL_NETWORK, out=share)
        s.lifestory.build(child_id=a, pages=[(own, "At the farm"), (group, "Day out")], out=share)
    with as_(vault, MANAGER) as m:
        items = [i for i in m.supervision.queue() if i.child_id == a]
        own_items = [i.id for i in items if FREE_TEXT in (i.purpose_note or "")]
        assert own_items and len(items) > len(own_items), items
        m.supervision.record(worker=SOCIAL.name, item_ids=own_items, text="The farm day")
        m.supervision.record(
            worker=SOCIAL.name,
            item_ids=[i.id for i in items if i.id not in own_items],
            text="Child A and Child B on the day out",
        )
    return {"a": a, "b": b, "own": own, "group": group, "share": share}


CHILD_TABLES = (
    "care_status_changes",
    "allocations",
    "responsible_people",
    "wishes",
    "wish_waivers",
    "explanations",
    "consents",
    "consent_checks",
    "face_enrolments",
    "capture_children",
    "supervision_items",
)


def snapshot(conn: Any, child: int) -> dict[str, int]:
    counts = {
        t: conn.execute(
            f"SELECT count(*) FROM {t} WHERE child_id = ?",  # noqa: S608 - our own names
            (child,),
        ).fetchone()[0]
        for t in CHILD_TABLES
    }
    counts["faces"] = conn.execute(
        "SELECT count(*) FROM faces WHERE child_id = ? OR suggested_child_id = ?", (child, child)
    ).fetchone()[0]
    return counts


def all_text(conn: Any, *, skip: tuple[str, ...] = ()) -> str:
    """Every value of every table, as text (what someone holding the database key sees)."""
    out = []
    for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        if table in skip:
            continue
        for row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608
            out.append(repr(row))
    return "\n".join(out)


def objects_of(conn: Any, photo: int) -> set[str]:
    row = conn.execute(
        "SELECT original_object_id, thumbnail_object_id FROM photos WHERE id = ?", (photo,)
    ).fetchone()
    return {x for x in row if x} if row else set()


def test_r13_erase_removes_every_record_of_a_child_and_keeps_the_group_photo_for_the_other(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    w = build_full_child(face_vault, faces_dir, tmp_path)
    a, b = w["a"], w["b"]
    _, db_key = keys_of(face_vault)
    with raw_connection(face_vault, db_key) as conn:
        before_a, before_b = snapshot(conn, a), snapshot(conn, b)
        assert all(before_a.values()), before_a  # every kind of record is there to erase
        own_objects = objects_of(conn, w["own"])
        group_objects = objects_of(conn, w["group"])
        forms = {
            r[0]
            for r in conn.execute("SELECT form_object_id FROM consents WHERE child_id = ?", (a,))
            if r[0]
        }
        assert forms and own_objects and group_objects
        exports_a = conn.execute(
            "SELECT count(*) FROM export_photos WHERE photo_id = ?", (w["own"],)
        ).fetchone()[0]
        assert exports_a == 2  # the case record export and the life story book
        assert "Child A" in all_text(conn) and FREE_TEXT in all_text(conn)
    with as_(face_vault, ADMIN) as admin:
        counts = admin.records.erase(child_id=a, confirm=True, today=LATER)
        assert counts["photos"] == 1
        assert admin.audit.verify().ok
    with raw_connection(face_vault, db_key) as conn:
        after_a = snapshot(conn, a)
        assert after_a == dict.fromkeys(after_a, 0), after_a
        # The other child's records are untouched, except that the group capture's
        # supervision item now sits on their record.
        assert snapshot(conn, b) == {**before_b, "supervision_items": 1}
        assert (
            conn.execute("SELECT count(*) FROM photos WHERE id = ?", (w["own"],)).fetchone()[0] == 0
        )
        assert objects_of(conn, w["group"]) == group_objects  # kept for Child B
        gone = own_objects | forms
        left = {r[0] for r in conn.execute("SELECT id FROM objects")}
        assert not gone & left  # the keys went (crypto-shred) ...
        for oid in gone:  # ... then the files
            assert not (face_vault / "objects" / oid[:2] / oid).exists()
        for oid in group_objects:
            assert (face_vault / "objects" / oid[:2] / oid).exists()
        assert (
            conn.execute(
                "SELECT count(*) FROM export_photos WHERE photo_id = ?", (w["own"],)
            ).fetchone()[0]
            == 0
        )
        books = conn.execute("SELECT count(*) FROM exports WHERE destination = 'life_story_book'")
        assert books.fetchone()[0] == 0  # the child's life story book record went too
        # The group photo's face of Child A stays only as an unknown face, so it is blurred
        # on any export for Child B (R11), with no encoding and no link to Child A.
        faces = conn.execute(
            "SELECT child_id, suggested_child_id, encoding, status FROM faces WHERE photo_id = ?",
            (w["group"],),
        ).fetchall()
        assert len(faces) == 2
        assert sum(1 for f in faces if f[0] == b) == 1
        anonymous = [f for f in faces if f[0] != b]
        assert anonymous == [(None, None, None, FaceStatus.UNKNOWN.value)]
        # Child B still has the group photo's capture, alone.
        links = conn.execute(
            "SELECT cc.child_id FROM capture_children cc JOIN capture_photos cp "
            "ON cp.capture_id = cc.capture_id WHERE cp.photo_id = ?",
            (w["group"],),
        ).fetchall()
        assert links == [(b,)]
        notes = [r[0] for r in conn.execute("SELECT text FROM supervision_notes")]
        assert notes == ["[erased child] and Child B on the day out"]
        text = all_text(conn)
        assert "Child A" not in text and FREE_TEXT not in text
        assert "Child B" in text  # the check can fail: other names are still found
    with as_(face_vault, SOCIAL) as s:
        assert a not in {c.id for c in s.children.list()}
        assert [p.id for p in s.photos.list(child_id=b)] == [w["group"]]


def test_r13_r14_after_erasure_no_audit_entry_holds_the_childs_or_parents_name(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """The audit names people by id: its details never held the names to begin with."""
    w = build_full_child(face_vault, faces_dir, tmp_path)
    with as_(face_vault, SOCIAL) as s:  # a refusal whose reasons name the parent (R7)
        s.exports.run(photo_ids=[w["own"]], destination=Destination.PUBLICITY, out=w["share"])
    # A refusal naming both children of a group (R3, R7).
    with as_(face_vault, KEY) as k, pytest.raises(PolicyRefusal, match=r"5\.5\.4"):
        k.imports.run(
            child_ids=(w["a"], w["b"]),
            purpose=Purpose.PUBLICITY,
            purpose_note=f"{FREE_TEXT} parade",
            device=DEVICE,
            attested=True,
            paths=[tmp_path],
            workers=0,
        )
    with as_(face_vault, ADMIN) as admin:
        admin.records.erase(child_id=w["a"], confirm=True, today=LATER)
        shown = {e.subject for e in admin.audit.entries(limit=500)}
        assert f"erased child #{w['a']}" in shown and f"child {w['a']}" not in shown
        assert f"child {w['b']}" in shown  # the view resolves ids at display time
    _, db_key = keys_of(face_vault)
    with raw_connection(face_vault, db_key) as conn:
        rows = conn.execute("SELECT action, subject, details FROM audit").fetchall()
        assert any(json.loads(r[2]).get("attempted") for r in rows)  # refusals were audited
        text = "\n".join(repr(r) for r in rows)
        for name in ("Child A", "Parent of Child A", FREE_TEXT):
            assert name not in text, [r for r in rows if name in repr(r)][:3]


def test_r13_subject_access_is_an_aes_zip_with_every_confirmed_photo_and_the_face_data(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Opens with an independent reader (pyzipper: WinZip AE-2, as 7-Zip reads it); holds
    Child A's own photo, Child B's photo in which Child A's face is confirmed, and the
    face-matching data; the request reference is required, kept in the package and audit."""
    import io
    import zipfile

    import pyzipper

    from sefton_photos.errors import InvalidInput
    from sefton_photos.schema import casework as cw

    ids = children(face_vault)
    a, b = ids["person-a"], ids["person-b"]
    own = import_for(face_vault, faces_dir, tmp_path, [a], "person-a_2.jpg", "Farm")
    theirs = import_for(face_vault, faces_dir, tmp_path, [b], "group_a-b.jpg", "Day out")
    with as_(face_vault, SOCIAL) as s, s.vault.unit() as db:  # Child A's face, confirmed
        face = next(
            f
            for f in db.query(cw.Face).filter(cw.Face.photo_id == theirs)
            if f.suggested_child_id == a
        )
        face.child_id, face.status = a, FaceStatus.CONFIRMED.value
    share = tmp_path / "share"
    share.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=share, label="Subject access")  # R5: approved folders only
        for bad in ("", "Jane Smith", "SAR"):
            with pytest.raises(InvalidInput, match="reference"):
                admin.records.subject_access(child_id=a, out=share / "x.zip", reference=bad)
        path, passphrase = admin.records.subject_access(
            child_id=a, out=share / "sar.zip", reference="SAR-2026-014"
        )
        [entry] = [e for e in admin.audit.entries(limit=20) if e.action == "sar.exported"]
        assert entry.details["reference"] == "SAR-2026-014"
    blob = path.read_bytes()
    assert blob.startswith(b"PK\x03\x04") and b"Child A" not in blob
    with zipfile.ZipFile(io.BytesIO(blob)) as plain:  # every entry is encrypted
        assert all(i.flag_bits & 1 and i.compress_type == 99 for i in plain.infolist())
    with pyzipper.AESZipFile(io.BytesIO(blob)) as z:
        z.setpassword(b"not-the-passphrase")
        with pytest.raises(RuntimeError, match="password"):
            z.read("record.json")
    with pyzipper.AESZipFile(io.BytesIO(blob)) as z:
        z.setpassword(passphrase.encode())
        assert z.testzip() is None  # every entry's HMAC checks out
        names = set(z.namelist())
        assert {f"photos/photo-{own}.jpg", f"photos/photo-{theirs}.jpg"} <= names
        record = json.loads(z.read("record.json"))
        assert record["request_reference"] == "SAR-2026-014"
        face_data = record["face_matching_data"]
        assert face_data["enrolments"] and face_data["enrolments"][0]["taken_at"]
        confirmed = {x["photo"] for x in face_data["faces"] if x["status"] == "confirmed"}
        assert {own, theirs} <= confirmed
        why = {p["photo"]: p["why_included"] for p in record["photos"]}
        assert why[theirs] == "the child's face was confirmed in it"
        assert f"photo-{theirs}.jpg: 1 face blurred" in z.read("redactions.txt").decode()
        index = z.read("index.html").decode()
        assert "Child A" in index and "SAR-2026-014" in index and "Face-matching data" in index
