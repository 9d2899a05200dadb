"""``ImportService.run(match_faces=)``: faces are found whether or not the worker has them
matched (R11: every face found so that it can be blurred), and matched only when both
the worker and the vault's setting say so (R13).  With the vault's matching off, and
with ``detect_faces=False`` (the CLI's --no-faces), the import looks for none: they
are looked for before any export (``session.faces.detect``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sefton_photos.model import Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, SOCIAL


def _import(vault: Path, card: Path, child: int, **kw: object):  # type: ignore[no-untyped-def]
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        return s.imports.run(  # type: ignore[arg-type]
            child_ids=(child,),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Memory book",
            device=DEVICE,
            attested=True,
            paths=[card],
            workers=0,
            **kw,
        )


def _card(faces_dir: Path, tmp_path: Path, name: str) -> Path:
    card = tmp_path / name
    card.mkdir()
    shutil.copy(faces_dir / "person-a_2.jpg", card / "person-a_2.jpg")
    return card


def test_found_but_not_matched_and_the_vault_setting_wins(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    child = json.loads((face_vault.parent / "children.json").read_text())["person-a"]

    report = _import(face_vault, _card(faces_dir, tmp_path, "a"), child, match_faces=False)
    (face,) = report.outcomes[0].faces
    assert face.status == "unknown" and face.child_id is None, "found, matched to no one"

    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.faces.set_settings(enabled=False)
    card = _card(faces_dir, tmp_path, "b")
    (card / "person-a_2.jpg").write_bytes((card / "person-a_2.jpg").read_bytes() + b"\0")
    report = _import(face_vault, card, child)  # match_faces defaults to True
    (found,) = report.outcomes[0].faces  # the vault's matching is off: still found (R11)
    assert found.status == "unknown" and found.child_id is None, "matched to no one (R13)"
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        photo = report.outcomes[0].photo_id
        assert s.faces.detect(photo_ids=[photo]) == {}, "already looked at, at import"
        (face,) = s.photos.info(photo_id=photo).faces
        assert face.child_id is None
        assert face.unmatched_reason == (
            "face matching is switched off for the vault by an administrator"
        )

    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.faces.set_settings(enabled=True)
    card = _card(faces_dir, tmp_path, "c")
    (card / "person-a_2.jpg").write_bytes((card / "person-a_2.jpg").read_bytes() + b"\0\0")
    report = _import(face_vault, card, child, detect_faces=False)
    assert report.outcomes[0].status == "imported" and report.outcomes[0].faces == ()
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        assert s.photos.info(photo_id=report.outcomes[0].photo_id).faces == ()

    card = _card(faces_dir, tmp_path, "d")
    (card / "person-a_2.jpg").write_bytes((card / "person-a_2.jpg").read_bytes() + b"\0\0\0")
    report = _import(face_vault, card, child)
    (face,) = report.outcomes[0].faces
    assert face.status == "suggested" and face.child_id == child, "both on: matched"
