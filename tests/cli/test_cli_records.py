"""The command line of erasure, the R12 review and subject access (issue 10)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from sefton_photos.model import ConsentKind, GivenBy
from sefton_photos.session import Session
from tests.cli.conftest import Run
from tests.faceworld import DEVICE, make_ready_child
from tests.helpers import ADMIN, SOCIAL


def test_erase_review_and_sar_on_the_command_line(
    face_cli: Run,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    run = face_cli

    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        old = make_ready_child(s, "Olive Oldrecord", born=date(1940, 2, 1))  # due since 2015
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-f_1.png", card / "x.png")
    code, out, _ = run(
        SOCIAL, "import", "--child", str(old), "--purpose", "life_story", "--note", "Book",
        "--device", DEVICE, "--attest", "--no-faces", "--json", str(card),
    )  # fmt: skip
    assert code == 0
    photo = json.loads(out)[0]["photo_id"]

    # R12: withdraw, then the review needs a new consent.
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        first = next(
            c.id for c in s.consents.list(child_id=old) if c.kind is ConsentKind.ONE_TO_ONE
        )
        s.consents.withdraw(consent_id=first, reason="Changed their mind")
    code, _, err = run(SOCIAL, "photo", "review", str(photo), "--consent", str(first))
    assert code == 1 and "5.5.1.3" in err and "Traceback" not in err
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        person = s.children.file(child_id=old).people[0].id
        fresh = s.consents.add(
            child_id=old,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=person,
            signed_on=date.today(),
        ).id
    code, out, _ = run(SOCIAL, "photo", "review", str(photo), "--consent", str(fresh))
    assert code == 0 and "no longer flagged" in out

    # R13: a subject access package needs the request's reference.
    share = tmp_path / "share"
    share.mkdir()
    assert run(ADMIN, "location", "add", str(share))[0] == 0  # R5: approved folders only
    code, _, err = run(ADMIN, "sar", "--child", str(old), "--out", str(share / "p.zip"))
    assert code == 2 and "--reference" in err and not (share / "p.zip").exists()
    code, out, _ = run(
        ADMIN, "sar", "--child", str(old), "--out", str(share / "p.zip"),
        "--reference", "SAR-2026-009", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["passphrase"]

    # R13: erasing a child who has a photo (it failed with "FOREIGN KEY constraint failed").
    code, out, err = run(ADMIN, "erase", "--child", str(old), "--confirm")
    assert code == 0, err
    assert "Erased child" in out and "1 photo," in out
    code, out, _ = run(ADMIN, "retention", "due", "--json")
    assert old not in {d["child_id"] for d in json.loads(out)}
    code, _, err = run(SOCIAL, "photo", "list", "--child", str(old))
    assert code == 1 and "no child" in err.lower()
