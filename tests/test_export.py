"""Export (R5-R7, R9, R11, R12): refusals cite their clause, outputs carry nothing extra."""

from __future__ import annotations

import io
import threading
from datetime import date
from pathlib import Path

import face_recognition
import numpy as np
import pytest
from PIL import Image

from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import (
    CareStatus,
    ConsentKind,
    Destination,
    ExportProgress,
    FaceStatus,
    GivenBy,
)
from sefton_photos.services.locations import judge, sync_folder
from tests.helpers import (
    ADMIN,
    COMMS,
    KEY,
    MANAGER,
    SOCIAL,
    as_,
    export,
    import_photo,
)


def confirm_suggestions(vault: Path, photo: int) -> None:
    """A worker confirms every face suggested as a child of the capture (R11)."""
    with as_(vault, SOCIAL) as s:
        for face in s.photos.info(photo_id=photo).faces:
            if face.status is FaceStatus.SUGGESTED:
                s.faces.confirm(face_id=face.id, child_id=face.child_id)


def test_social_network_is_refused_for_a_child_in_foster_care_whatever_the_role(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    child = ids["person-a"]
    with as_(vault, SOCIAL) as s:
        s.children.set_care_status(child_id=child, care_status=CareStatus.FOSTER)
    photo = import_photo(vault, faces_dir, tmp_path, [child], "person-a_2.jpg")
    with as_(vault, COMMS) as c:
        c.exports.approve(photo_id=photo, destination=Destination.SOCIAL_NETWORK)
    for person in (SOCIAL, KEY, MANAGER):
        [outcome] = export(vault, person, [photo], Destination.SOCIAL_NETWORK, share)
        assert outcome.status == "refused"
        assert any(r.rule == "R9" and r.clause == "5.5.4.10" for r in outcome.decision.blocking)
    assert list(share.iterdir()) == []
    with as_(vault, MANAGER) as m:
        assert "refused_export" in {i.kind for i in m.supervision.queue()}


def test_publicity_without_every_parental_consent_is_refused(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    child = ids["person-b"]
    with as_(vault, SOCIAL) as s:
        s.children.set_care_status(child_id=child, care_status=CareStatus.NOT_LOOKED_AFTER)
    photo = import_photo(vault, faces_dir, tmp_path, [child], "person-b_2.jpg")
    with as_(vault, COMMS) as c:
        c.exports.approve(photo_id=photo, destination=Destination.PUBLICITY)
    [outcome] = export(vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert outcome.status == "refused"
    assert {(r.rule, r.clause) for r in outcome.decision.blocking} >= {("R7", "5.5.4.8")}


def test_unapproved_removable_and_sync_locations_are_refused(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-c"]], "person-c_2.jpg")
    elsewhere = tmp_path / "desktop"
    elsewhere.mkdir()
    [outcome] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, elsewhere)
    assert (
        outcome.status == "refused"
        and "not an approved export location" in outcome.decision.explain()
    )
    dropbox = share / "Dropbox" / "photos"
    dropbox.mkdir(parents=True)
    [outcome] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, dropbox)
    assert outcome.status == "refused" and "cloud-sync" in outcome.decision.explain()
    assert not judge(Path("/media/usb-stick/photos")).allowed
    assert sync_folder(Path("C:/Users/sam/OneDrive/Pictures")) == "OneDrive"
    assert sync_folder(Path("C:/Users/sam/OneDrive - Sefton Council/Cases")) is None
    with as_(vault, ADMIN) as admin, pytest.raises(PolicyRefusal, match="R5"):
        admin.locations.add(path=dropbox)
    [ok] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert ok.status == "exported"


def tagged_jpeg(faces_dir: Path, name: str) -> bytes:
    """A photo carrying EXIF, XMP, IPTC (Photoshop 3.0), an ICC profile and a comment."""
    img = Image.open(faces_dir / "person-d_2.jpg")
    exif = Image.Exif()
    exif[0x013B] = name  # Artist
    exif[0x010E] = f"{name} at the park"  # ImageDescription
    xmp = (
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        f'02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://ns.adobe.com/xap/1.0/">'
        f"{name}</rdf:Description></rdf:RDF></x:xmpmeta>"
    ).encode()
    buf = io.BytesIO()
    from PIL import ImageCms

    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    img.save(
        buf, format="JPEG", exif=exif.tobytes(), xmp=xmp, icc_profile=icc, comment=name.encode()
    )
    data = buf.getvalue()
    iptc = (
        b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x50\x00\x07"
        + name.encode()[:7]
    )
    app13 = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    return data[:2] + app13 + data[2:]


def test_an_exported_file_has_no_metadata_and_a_neutral_name(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    source = tagged_jpeg(faces_dir, "Child D")
    assert b"Exif" in source and b"Photoshop 3.0" in source and b"ns.adobe.com/xap" in source
    photo = import_photo(vault, faces_dir, tmp_path, [ids["person-d"]], "tagged.jpg", data=source)
    [outcome] = export(vault, SOCIAL, [photo], Destination.CASE_RECORD, share)
    assert outcome.status == "exported" and outcome.file
    out = Path(outcome.file)
    raw = out.read_bytes()
    for marker in (
        b"Exif",
        b"http://ns.adobe.com/xap",
        b"Photoshop 3.0",
        b"ICC_PROFILE",
        b"Child D",
        b"child d",
        b"CHILD D",
    ):
        assert marker not in raw, marker
    img = Image.open(out)
    assert not img.getexif() and "icc_profile" not in img.info and "comment" not in img.info
    assert "xmp" not in img.info and "photoshop" not in img.info
    assert out.name.startswith("sefton-") and "child" not in out.name.lower()


def test_a_non_consented_face_is_no_longer_found_after_export(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """R11: the unknown person in the group photo is blurred beyond recognition."""
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(
        vault, faces_dir, tmp_path, [ids["person-a"], ids["person-b"]], "group_a-b-unknown.jpg"
    )
    confirm_suggestions(vault, photo)  # only a person's confirmation keeps a face sharp
    [outcome] = export(vault, SOCIAL, [photo], Destination.PRINT, share)
    assert outcome.status == "exported" and outcome.blurred == 1
    original = face_recognition.load_image_file(faces_dir / "group_a-b-unknown.jpg")
    before = face_recognition.face_encodings(original)
    after = face_recognition.face_encodings(np.asarray(Image.open(outcome.file).convert("RGB")))
    assert len(before) == 3 and len(after) == 2
    unknown = [e for e in before if min(face_recognition.face_distance(after, e)) > 0.6]
    assert len(unknown) == 1  # the one face that vanished is the one nobody consented for
    [everyone] = export(
        vault, SOCIAL, [photo], Destination.CASE_RECORD, share, blur_all_but_consented=True
    )
    assert everyone.blurred == 1


def test_withdrawal_stops_an_export_at_once(world: dict, faces_dir: Path, tmp_path: Path) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    child = ids["person-e"]
    photo = import_photo(vault, faces_dir, tmp_path, [child], "person-e_2.jpg")
    [first] = export(vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert first.status == "exported"
    with as_(vault, SOCIAL) as s:
        consent = next(
            c for c in s.consents.list(child_id=child) if c.kind is ConsentKind.ONE_TO_ONE
        )
        s.consents.withdraw(consent_id=consent.id, reason="Mother withdrew")
    [second] = export(vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert second.status == "refused"
    assert any(r.rule == "R12" for r in second.decision.blocking)


def test_the_life_story_book_blurs_other_children(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, share, ids = world["vault"], world["share"], world["ids"]
    photo = import_photo(
        vault, faces_dir, tmp_path, [ids["person-a"], ids["person-b"]], "group_a-b.jpg"
    )
    confirm_suggestions(vault, photo)  # both confirmed: the other child is still blurred
    with as_(vault, SOCIAL) as s:
        book = s.lifestory.build(
            child_id=ids["person-a"], pages=[(photo, "At the farm")], out=share
        )
    from pypdf import PdfReader

    reader = PdfReader(book)
    assert "At the farm" in "".join(p.extract_text() for p in reader.pages)
    image = next(img for page in reader.pages for img in page.images)
    found = face_recognition.face_locations(np.asarray(image.image.convert("RGB")))
    assert len(found) == 1  # only the book's own child is still a face


def test_erase_shreds_objects_purges_face_data_and_keeps_the_audit(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    vault, ids = world["vault"], world["ids"]
    with as_(vault, SOCIAL) as s:
        old = s.children.add(
            name="Olive Oldrecord",
            date_of_birth=date(1940, 2, 1),
            care_status=CareStatus.LOOKED_AFTER,
            key_workers=[KEY.name],
        )
        from tests.faceworld import make_ready_child  # noqa: F401 - documents the shape

        pr = s.children.add_person(child_id=old.id, name="Pam Oldrecord", relationship="mother")
        s.consents.add(
            child_id=old.id,
            kind=ConsentKind.FACE_MATCHING,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 1),
            form=b"%PDF-1.4 form",
        )
        s.faces.enrol(child_id=old.id, photo=faces_dir / "person-f_1.png")
        with s.vault.unit() as db:
            from sqlalchemy import select

            from sefton_photos.schema.core import ObjectRow

            before = {r.id for r in db.scalars(select(ObjectRow))}
    with as_(vault, ADMIN) as admin:
        assert old.id in {d.child_id for d in admin.records.due()}
        assert ids["person-a"] not in {d.child_id for d in admin.records.due()}
        with pytest.raises(Exception, match="confirm"):
            admin.records.erase(child_id=old.id, confirm=False)
        counts = admin.records.erase(child_id=old.id, confirm=True)
        assert counts["forms"] == 1 and counts["faces"] >= 1
        assert admin.audit.verify().ok
        with admin.vault.unit() as db:
            after = {r.id for r in db.scalars(select(ObjectRow))}
            from sefton_photos.schema import casework as cw

            assert (
                db.scalars(
                    select(cw.FaceEnrolment).where(cw.FaceEnrolment.child_id == old.id)
                ).all()
                == []
            )
        gone = before - after
        assert len(gone) == 1
        for oid in gone:
            assert not admin.vault.objects.path_for(oid).exists()
    for path in vault.rglob("*"):
        if path.is_file():
            assert b"Oldrecord" not in path.read_bytes()


def test_the_subject_access_package_opens_with_its_passphrase(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    import pyzipper

    vault, ids, share = world["vault"], world["ids"], world["share"]
    import_photo(vault, faces_dir, tmp_path, [ids["person-a"]], "group_a-b-unknown.jpg")
    with as_(vault, ADMIN) as admin:
        path, passphrase = admin.records.subject_access(
            child_id=ids["person-a"], out=share / "sar.zip", reference="SAR-2026-007"
        )
    blob = path.read_bytes()
    assert b"Child A" not in blob
    with pyzipper.AESZipFile(path) as z:
        z.setpassword(b"not-the-passphrase")
        with pytest.raises(RuntimeError, match="Bad password"):
            z.read("index.html")
    with pyzipper.AESZipFile(path) as z:
        z.setpassword(passphrase.encode())
        names = z.namelist()
        assert "index.html" in names and "record.json" in names
        assert any(n.startswith("photos/") for n in names)
        assert "blurred" in z.read("redactions.txt").decode()
        assert b"Child A" in z.read("index.html")


def test_one_run_reports_each_photo_and_a_cancel_stops_between_photos(
    world: dict, faces_dir: Path, tmp_path: Path
) -> None:
    """One ``exports.run`` for every photo, with progress after each; a cancel stops before
    the next photo: what was written stays, audited, and is what the run returns."""
    vault, share, child = world["vault"], world["share"], world["ids"]["person-a"]
    photos = [
        import_photo(vault, faces_dir, tmp_path, [child], f"person-a_{n}.jpg", faces=False)
        for n in (2, 3, 4)
    ]
    seen: list[ExportProgress] = []
    everything = export(vault, SOCIAL, photos, Destination.CASE_RECORD, share, progress=seen.append)
    assert [o.status for o in everything] == ["exported"] * 3
    assert [(p.done, p.total) for p in seen] == [(1, 3), (2, 3), (3, 3)]
    assert [p.last for p in seen] == everything
    assert len(list(share.iterdir())) == 3

    cancel = threading.Event()
    later: list[ExportProgress] = []

    def stop_after_the_first(p: ExportProgress) -> None:
        later.append(p)
        cancel.set()  # as the dialog's Cancel does, while the export runs

    folder = share / "second"
    folder.mkdir()
    tried = export(
        vault,
        SOCIAL,
        photos,
        Destination.CASE_RECORD,
        folder,
        progress=stop_after_the_first,
        cancel=cancel,
    )
    assert [(o.photo_id, o.status) for o in tried] == [(photos[0], "exported")]
    assert [Path(o.file or "") for o in tried] == list(folder.iterdir())
    assert [(p.done, p.total) for p in later] == [(1, 3)]
    with as_(vault, ADMIN) as a:
        written = [e for e in a.audit.entries(limit=100) if e.action == "export.written"]
    assert len(written) == 4  # three, then the one before the cancel; never a half

    assert export(vault, SOCIAL, photos, Destination.CASE_RECORD, folder, cancel=cancel) == []
    assert len(list(folder.iterdir())) == 1  # cancelled before the first: nothing written


def test_an_export_gathers_each_photos_facts_once_and_checks_the_location_once(
    world: dict, faces_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13: the facts a photo's decision was made on are the ones its writing uses
    (not read again), and the destination folder is judged once for the whole export."""
    from sefton_photos.services import exporter, locations

    vault, share, child = world["vault"], world["share"], world["ids"]["person-a"]
    photos = [
        import_photo(vault, faces_dir, tmp_path, [child], f"person-a_{n}.jpg", faces=False)
        for n in (2, 3)
    ]
    gathered: list[int] = []
    checked: list[Path] = []
    facts, check = exporter.export_facts, locations.LocationsService.check

    def counting_facts(db, **kw):  # type: ignore[no-untyped-def]
        gathered.append(kw["photo_id"])
        return facts(db, **kw)

    def counting_check(self, out):  # type: ignore[no-untyped-def]
        checked.append(out)
        return check(self, out)

    monkeypatch.setattr(exporter, "export_facts", counting_facts)
    monkeypatch.setattr(locations.LocationsService, "check", counting_check)
    outcomes = export(vault, SOCIAL, photos, Destination.CASE_RECORD, share)
    assert [o.status for o in outcomes] == ["exported", "exported"]
    assert sorted(gathered) == sorted(photos)
    assert len(checked) == 1
