"""What the test modules share: the test vault's staff, and the steps many tests take.

Names and passwords of the template vault's people; signing in; the vault's files as
an attacker or a restore would handle them; children made ready for a capture; photos
imported and exported; the fault runner started.  Test modules import these from here,
never from one another (issue 13): a test module is for tests.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import sqlcipher3
from PIL import Image
from sqlalchemy import select

from sefton_photos.model import CareStatus, ConsentKind, Destination, GivenBy, Purpose, Role, Whose
from sefton_photos.schema import casework as cw
from sefton_photos.session import Session


@dataclass(frozen=True)
class Person:
    name: str
    password: str
    role: Role
    team: str | None = None
    line_manager: str | None = None


ADMIN = Person("Ada Admin", "admin-password-1", Role.ADMINISTRATOR)
MANAGER = Person("Mo Manager", "manager-password-1", Role.LINE_MANAGER, team="Bootle North")
SOCIAL = Person("Sam Social", "social-password-1", Role.SOCIAL_WORKER, line_manager=MANAGER.name)
KEY = Person("Kim Key", "keyworker-password-1", Role.KEY_WORKER, line_manager=MANAGER.name)
# Same team, but allocated to nobody: need-to-know keeps them out of other files.
KEY2 = Person("Kai Keyes", "keyworker-password-2", Role.KEY_WORKER, line_manager=MANAGER.name)
# Another team altogether.
MANAGER2 = Person("Lee Leader", "manager-password-2", Role.LINE_MANAGER, team="Crosby South")
SOCIAL2 = Person("Jo Other", "social-password-2", Role.SOCIAL_WORKER, line_manager=MANAGER2.name)
STAFF = (MANAGER, SOCIAL, KEY, KEY2, MANAGER2, SOCIAL2)
EVERYONE = (ADMIN, *STAFF)
COMMS = Person("Cleo Comms", "comms-password-1", Role.COMMUNICATIONS_OFFICER)

DEVICE = "Council camera 7"
FORM = b"%PDF-1.4\n% signed photo consent form for a test child\n" + b"0" * 2000
RUNNER = Path(__file__).with_name("fault_runner.py")


# -- signing in ----------------------------------------------------------------------


class signed_in:
    def __init__(self, vault_dir: Path, person: Person) -> None:
        self.session = Session.unlock(vault_dir, name=person.name, password=person.password)

    def __enter__(self) -> Session:
        return self.session

    def __exit__(self, *exc: object) -> None:
        self.session.close()


def social(vault: Path) -> Session:
    """Sam Social, signed in (close it, or use it in ``with``)."""
    return Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password)


def as_(vault: Path, person: Person) -> Session:
    return Session.unlock(vault, name=person.name, password=person.password)


# -- the vault's files ---------------------------------------------------------------


def raw_connection(vault_dir: Path, key: bytes) -> sqlcipher3.Connection:
    """A direct SQLCipher connection, as an attacker holding the database key would have."""
    conn = sqlcipher3.connect(str(vault_dir / "vault.db"))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def keys_of(vault_dir: Path, person: Person = ADMIN) -> tuple[bytes, bytes]:
    """(vault key, database key), read by signing in and out again."""
    from sefton_photos.session import Session

    session = Session.unlock(vault_dir, name=person.name, password=person.password)
    try:
        return session.vault.vault_key, session.vault.db_key
    finally:
        session.close()


def head_revision() -> str:
    """The newest schema revision this build knows (Alembic's single head)."""
    from alembic.script import ScriptDirectory

    from sefton_photos.vault import migrate

    head = ScriptDirectory.from_config(migrate._config()).get_current_head()
    assert head is not None
    return head


def snapshot(vault: Path, to: Path) -> None:
    """A copy of the database and its head, to restore later (a rollback)."""
    to.mkdir()
    for name in ("vault.db", "audit.head"):
        shutil.copy2(vault / name, to / name)


def restore(snap: Path, vault: Path) -> None:
    for name in ("vault.db", "audit.head"):
        shutil.copy2(snap / name, vault / name)


def assert_sound(vault: Path) -> set[str]:
    """``vault check`` finds nothing wrong; returns the photos' content hashes."""
    with Session.unlock(vault, name=ADMIN.name, password=ADMIN.password, inspect=True) as a:
        findings = a.audit.check_vault()
        assert all(f.ok for f in findings), [f.detail for f in findings if not f.ok]
        with a.vault.unit() as db:
            return set(db.scalars(select(cw.Photo.content_sha256)))


def start(*argv: str) -> subprocess.Popen[str]:
    """tests/fault_runner.py in its own process, to be killed part way."""
    env = {**os.environ, "PYTHONPATH": str(RUNNER.parent.parent)}
    return subprocess.Popen(
        [sys.executable, str(RUNNER), *argv],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )


# -- children ------------------------------------------------------------------------


def children(vault: Path) -> dict[str, int]:
    """Fixture person ("person-a") -> child id, as ``tests.faceworld.build`` wrote them."""
    return dict(json.loads((vault.parent / "children.json").read_text()))


def ready_child(s: Session, *, consent: bool = True) -> tuple[int, int, int | None]:
    """A child whose file needs only the consent: wishes and explanations recorded."""
    child = s.children.add(
        name="Robin Tessellate",
        date_of_birth=date(2012, 5, 6),
        care_status=CareStatus.FOSTER,
        key_workers=[KEY.name],
    )
    mum = s.children.add_person(child_id=child.id, name="Mel Tessellate", relationship="mother")
    for whose in (Whose.CHILD, Whose.WORKER):
        s.consents.set_wish(child_id=child.id, whose=whose, wishes_photos=True)
    s.consents.set_wish(  # R2: each person with PR has their own wish
        child_id=child.id, whose=Whose.PARENT_CARER, person_id=mum.id, wishes_photos=True
    )
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    record = None
    if consent:
        record = s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=mum.id,
            signed_on=date.today() - timedelta(days=3),
            form=FORM,
        )
    return child.id, mum.id, record.id if record else None


def public_child(vault: Path, name: str = "Nina Public") -> int:
    """A child never looked after, with every consent a publicity export needs (R7)."""
    with as_(vault, SOCIAL) as s:
        child = s.children.add(
            name=name,
            date_of_birth=date(2012, 3, 3),
            care_status=CareStatus.NOT_LOOKED_AFTER,
            key_workers=[KEY.name],
        )
        pr = s.children.add_person(child_id=child.id, name=f"Parent of {name}", relationship="dad")
        s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 5),
        )
        s.consents.add(
            child_id=child.id,
            kind=ConsentKind.PUBLICITY,
            given_by=GivenBy.PARENT_CARER,
            person_id=pr.id,
            signed_on=date(2026, 1, 5),
            destinations=(Destination.PUBLICITY, Destination.SOCIAL_NETWORK),
        )
        for whose in Whose:  # R2: a parent/carer's wish is a named person's (0002)
            person = pr.id if whose is Whose.PARENT_CARER else None
            s.consents.set_wish(
                child_id=child.id, whose=whose, wishes_photos=True, person_id=person
            )
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
        s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
        return child.id


def withdraw_face_matching(vault: Path, child: int) -> None:
    with as_(vault, SOCIAL) as s:
        consent = next(
            c for c in s.consents.list(child_id=child) if c.kind is ConsentKind.FACE_MATCHING
        )
        s.consents.withdraw(consent_id=consent.id, reason="Father withdrew face matching")


def approve(vault: Path, photo: int, *destinations: Destination) -> None:
    with as_(vault, COMMS) as c:
        for d in destinations:
            c.exports.approve(photo_id=photo, destination=d)


# -- photos in and out ---------------------------------------------------------------


def copy_in(names: list[str], faces_dir: Path, card: Path) -> list[Path]:
    card.mkdir(exist_ok=True)
    return [Path(shutil.copy(faces_dir / n, card / n)) for n in names]


def jpeg(path: Path, *, make: str = "", model: str = "", serial: str = "", shade: int = 9) -> Path:
    exif = Image.Exif()
    if make:
        exif[0x010F] = make
    if model:
        exif[0x0110] = model
    if serial:
        exif[0x8769] = {0xA431: serial}  # BodySerialNumber
    buf = io.BytesIO()
    Image.new("RGB", (96, 64), (shade, 120, 200)).save(buf, "JPEG", exif=exif)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buf.getvalue())
    return path


def run(s: Session, child_ids: list[int], paths: list[Path], **kw: object):  # type: ignore[no-untyped-def]
    """An import through the core, the capture form filled in; ``kw`` overrides."""
    args: dict[str, object] = dict(
        child_ids=tuple(child_ids),
        purpose=Purpose.LIFE_STORY,
        purpose_note="Memory book",
        device=DEVICE,
        attested=True,
        paths=paths,
    )
    args.update(kw)
    return s.imports.run(**args)  # type: ignore[arg-type]


def import_photo(
    vault: Path,
    faces_dir: Path,
    tmp: Path,
    child_ids: list[int],
    name: str,
    *,
    data: bytes | None = None,
    faces: bool = True,
) -> int:
    card = tmp / f"card-{name}"
    card.mkdir()
    if data is None:
        shutil.copy(faces_dir / name, card / name)
    else:
        (card / name).write_bytes(data)
    with as_(vault, SOCIAL) as s:
        report = s.imports.run(
            child_ids=tuple(child_ids),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Memory book",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=faces,
            workers=0,
        )
    photo = report.outcomes[0].photo_id
    assert photo is not None, report.outcomes[0].reason
    return photo


def export(
    vault: Path, person: Person, photos: list[int], dest: Destination, out: Path, **kw: object
):  # type: ignore[no-untyped-def]
    with as_(vault, person) as s:
        return s.exports.run(photo_ids=photos, destination=dest, out=out, **kw)  # type: ignore[arg-type]


def last_id(out: str) -> str:
    """The last word a command printed: the id of what it added."""
    return out.split()[-1]
