"""No decrypted file exists under its final name without its audit entry (R5, R8, R14;
policy 5.5.4.9, 13.1): a process killed the instant an export names its file has
already committed the audit entry for that file, and the next export overwrites
nothing (issue 10)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sefton_photos.model import Destination, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, SOCIAL, assert_sound, children, start


def test_r8_an_export_killed_as_its_file_is_named_has_already_audited_it(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    share = tmp_path / "share"
    share.mkdir()
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-b_1.jpg", card / "b.jpg")
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=share)
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        s.imports.run(
            child_ids=(ids["person-b"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="x",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
    proc = start(
        "export-kill-at-name",
        str(face_vault),
        SOCIAL.name,
        SOCIAL.password,
        str(ids["person-b"]),
        str(share),
    )
    assert proc.wait(timeout=120) == -9, "the runner was killed as it named the file"
    assert_sound(face_vault)
    [named] = list(share.glob("sefton-*.jpg"))
    before = named.read_bytes()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        written = [
            e.details for e in admin.audit.entries(limit=1000) if e.action == "export.written"
        ]
    assert [d["path"] for d in written] == [str(named.resolve())]
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        [again] = s.exports.run(
            photo_ids=s.photos.ids(child_id=ids["person-b"]),
            destination=Destination.CASE_RECORD,
            out=share,
        )
    assert again.status == "exported" and Path(again.file or "").name != named.name
    assert named.read_bytes() == before and not list(share.glob("*.partial"))
