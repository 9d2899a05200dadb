"""A vault where each fixture person is a child with consents, enrolled from `_1`.

Built once per test session from the template vault, then copied per test, because
enrolment runs real face detection.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Whose
from sefton_photos.session import Session
from tests.helpers import ADMIN, DEVICE, KEY, SOCIAL

__all__ = ["DEVICE", "build", "make_ready_child", "manifest"]  # DEVICE: as before


def manifest(faces_dir: Path) -> dict[str, list[str]]:
    return dict(json.loads((faces_dir / "manifest.json").read_text())["photos"])


def make_ready_child(
    s: Session, name: str, *, born: date = date(2010, 1, 1), face_consent: bool = True
) -> int:
    child = s.children.add(
        name=name, date_of_birth=born, care_status=CareStatus.LOOKED_AFTER, key_workers=[KEY.name]
    )
    pr = s.children.add_person(child_id=child.id, name=f"Parent of {name}", relationship="mother")
    kinds = [ConsentKind.ONE_TO_ONE, ConsentKind.GROUP]
    if face_consent:
        kinds.append(ConsentKind.FACE_MATCHING)
    for kind in kinds:
        s.consents.add(
            child_id=child.id,
            kind=kind,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 5),
            carers_notified_on=date(2026, 1, 6) if kind is ConsentKind.GROUP else None,
        )
    for whose in (Whose.CHILD, Whose.WORKER):
        s.consents.set_wish(child_id=child.id, whose=whose, wishes_photos=True)
    s.consents.set_wish(  # R2: each person with PR has their own wish
        child_id=child.id, whose=Whose.PARENT_CARER, person_id=pr.id, wishes_photos=True
    )
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    return child.id


def build(template: Path, target: Path, faces_dir: Path) -> dict[str, int]:
    """Copy the template vault to ``target`` and add one enrolled child per person."""
    shutil.copytree(template, target)
    admin = Session.unlock(target, name=ADMIN.name, password=ADMIN.password)
    admin.devices.add(name=DEVICE, serial="SN-0007")
    admin.close()
    people = json.loads((faces_dir / "manifest.json").read_text())["people"]
    ids: dict[str, int] = {}
    s = Session.unlock(target, name=SOCIAL.name, password=SOCIAL.password)
    try:
        for person in people:
            ids[person] = make_ready_child(s, f"Child {person[-1].upper()}")
            reference = next(faces_dir.glob(f"{person}_1.*"))
            s.faces.enrol(child_id=ids[person], photo=reference)
    finally:
        s.close()
    (target.parent / "children.json").write_text(json.dumps(ids))  # beside, not in, the vault
    return ids
