"""Shared set-up for benchmarks: a throwaway vault with a device and a ready child."""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from sefton_photos.demo import ensure_demo_vault
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Whose
from sefton_photos.session import Session

ADMIN = ("Alex Admin", "demo-admin-pass")
SOCIAL = ("Sam Social", "demo-social-pass")
DEVICE = "Bench camera"
FACES = Path(__file__).resolve().parent.parent.parent / "shared" / "fixtures" / "faces"
OUT = Path(__file__).resolve().parent / "out"


def throwaway_vault() -> tuple[Path, int]:
    """A demo vault in a temp folder with a device and one child ready for capture."""
    root = Path(tempfile.mkdtemp(prefix="sefton-bench-"))
    vault = ensure_demo_vault(root / "vault")
    with Session.unlock(vault, name=ADMIN[0], password=ADMIN[1]) as admin:
        admin.devices.add(name=DEVICE)
    with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s:
        child = s.children.add(
            name="Bench Child", date_of_birth=date(2012, 1, 1), care_status=CareStatus.LOOKED_AFTER
        )
        pr = s.children.add_person(child_id=child.id, name="Bench Parent", relationship="mother")
        s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 1),
        )
        for whose in (Whose.CHILD, Whose.WORKER):
            s.consents.set_wish(child_id=child.id, whose=whose, wishes_photos=True)
        s.consents.set_wish(  # R2: each person with PR has their own wish
            child_id=child.id, whose=Whose.PARENT_CARER, person_id=pr.id, wishes_photos=True
        )
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    return vault, child.id


def remove(vault: Path) -> None:
    shutil.rmtree(vault.parent, ignore_errors=True)
