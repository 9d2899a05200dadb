"""The demo vault: fictional staff, children, consents and generated pictures.

``sefton-photos --demo`` creates it in the user's data folder on first run and
reopens it afterwards, so a newcomer sees every screen populated.  Its passwords
are published on the unlock screen on purpose: nothing real may ever go in it.
The pictures are drawn here (coloured scenes, no faces of anyone).
"""

from __future__ import annotations

import io
import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import resources
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Role, Whose

if TYPE_CHECKING:  # the sign-in screen lists the demo users before any of this is loaded
    from PIL import Image

    from sefton_photos.session import Session


@dataclass(frozen=True, slots=True)
class DemoUser:
    name: str
    role: Role
    password: str
    team: str | None = None
    line_manager: str | None = None


ADMIN = DemoUser("Alex Admin", Role.ADMINISTRATOR, "demo-admin-pass")
STAFF = (
    DemoUser("Morgan Manager", Role.LINE_MANAGER, "demo-manager-pass", team="Bootle North"),
    DemoUser("Sam Social", Role.SOCIAL_WORKER, "demo-social-pass", line_manager="Morgan Manager"),
    DemoUser(
        "Kit Keyworker", Role.KEY_WORKER, "demo-keyworker-pass", line_manager="Morgan Manager"
    ),
    DemoUser("Chris Comms", Role.COMMUNICATIONS_OFFICER, "demo-comms-pass", team="Communications"),
    DemoUser("Lee Manager", Role.LINE_MANAGER, "demo-manager2-pass", team="Crosby South"),
    DemoUser("Jo Social", Role.SOCIAL_WORKER, "demo-social2-pass", line_manager="Lee Manager"),
)
USERS = (ADMIN, *STAFF)
DEVICE = "Demo camera (Bootle North)"
EXPORT_FOLDER = "demo-exports"
FACES = ("demo/riley-portrait.jpg", "demo/riley-group.jpg")  # in resources/
REFERENCE = "demo/riley-reference.jpg"


def ensure_demo_vault(path: Path, *, pictures: int = 12) -> Path:
    """Create the demo vault at ``path`` unless it is there already."""
    from sefton_photos.session import Session
    from sefton_photos.vault.vault import SLOTS

    if (path / SLOTS).exists():
        return path
    with Session.create_vault(path, admin_name=ADMIN.name, password=ADMIN.password) as admin:
        for user in STAFF:
            admin.users.add(
                name=user.name,
                role=user.role,
                password=user.password,
                team=user.team,
                line_manager=user.line_manager,
            )
        admin.devices.add(name=DEVICE, serial="DEMO-0001")
        exports = path.parent / EXPORT_FOLDER  # beside the vault, never inside it
        exports.mkdir(parents=True, exist_ok=True)
        admin.locations.add(path=exports, label="Demo case records (approved)")
    sam_user, jo_user = STAFF[1], STAFF[5]
    with Session.unlock(path, name=sam_user.name, password=sam_user.password) as sam:
        _children(sam, pictures)
    with Session.unlock(path, name=jo_user.name, password=jo_user.password) as jo:
        _ready(jo, "Avery Lakeside", date(2011, 9, 3), CareStatus.PREVIOUSLY_LOOKED_AFTER, ())
    return path


def _ready(
    s: Session,
    name: str,
    born: date,
    status: CareStatus,
    keys: tuple[str, ...],
    *,
    child_wish: bool | None = True,
) -> int:
    """A child whose file allows life story photos (unless ``child_wish`` says otherwise)."""
    child = s.children.add(name=name, date_of_birth=born, care_status=status, key_workers=keys)
    parent = s.children.add_person(
        child_id=child.id, name=f"{name.split()[1]} Parent", relationship="mother"
    )
    signed = date.today() - timedelta(days=40)
    s.consents.add(
        child_id=child.id,
        kind=ConsentKind.ONE_TO_ONE,
        given_by=GivenBy.PARENT_CARER,
        person_id=parent.id,
        signed_on=signed,
        expires_on=signed + timedelta(365),
        form=_form_scan(name),
    )
    s.consents.set_wish(child_id=child.id, whose=Whose.WORKER, wishes_photos=True)
    s.consents.set_wish(  # R2: each person with PR has their own wish
        child_id=child.id, whose=Whose.PARENT_CARER, person_id=parent.id, wishes_photos=True
    )
    if child_wish is not None:
        s.consents.set_wish(
            child_id=child.id,
            whose=Whose.CHILD,
            wishes_photos=child_wish,
            notes="Asked at the start of the session.",
        )
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
    s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
    return child.id


def _children(sam: Session, pictures: int) -> None:
    keys = ("Kit Keyworker",)
    riley = _ready(sam, "Riley Brookfield", date(2015, 4, 12), CareStatus.LOOKED_AFTER, keys)
    jordan = _ready(sam, "Jordan Marshside", date(2013, 1, 30), CareStatus.FOSTER, keys)
    withdrawn = sam.consents.list(child_id=jordan)[0]
    sam.consents.withdraw(consent_id=withdrawn.id, reason="Carer asked to pause photos")
    _ready(
        sam, "Casey Ainsdale", date(2016, 7, 8), CareStatus.NOT_LOOKED_AFTER, keys, child_wish=None
    )
    _face_matching(sam, riley)
    with tempfile.TemporaryDirectory(prefix="sefton-demo-") as tmp:
        card = Path(tmp)
        for i in range(pictures):
            rng = random.Random(i)  # noqa: S311 - for drawing, not for security
            _scene(rng).save(card / f"DEMO_{i:03d}.jpg", quality=85)
        for name in FACES:  # stand-ins: see resources/demo/SOURCE.md
            shutil.copyfile(resources.path(name), card / Path(name).name)
        sam.imports.run(
            child_ids=(riley,),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Days out for Riley's memory book",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=True,  # R11: every photo's faces found, so each export can be tried
            workers=0,
        )


def _face_matching(sam: Session, riley: int) -> None:
    """Riley's carer consents to face matching (R13), and Riley is enrolled from a photo."""
    mother = sam.children.file(child_id=riley).people[0]
    signed = date.today() - timedelta(days=30)
    sam.consents.add(
        child_id=riley,
        kind=ConsentKind.FACE_MATCHING,
        given_by=GivenBy.PARENT_CARER,
        person_id=mother.id,
        signed_on=signed,
        expires_on=signed + timedelta(365),
        form=_form_scan("Riley Brookfield"),
    )
    sam.faces.enrol(child_id=riley, photo=resources.path(REFERENCE).read_bytes())


def _scene(rng: random.Random) -> Image.Image:
    """A cheerful drawn scene: sky, ground, sun, a house or a tree. No people."""
    from PIL import Image, ImageDraw

    w, h = 960, 720
    sky = (rng.randrange(90, 160), rng.randrange(150, 210), rng.randrange(200, 255))
    img = Image.new("RGB", (w, h), sky)
    d = ImageDraw.Draw(img)
    ground = (rng.randrange(40, 110), rng.randrange(120, 180), rng.randrange(40, 90))
    d.rectangle([0, int(h * 0.65), w, h], fill=ground)
    sx, sy, r = rng.randrange(80, w - 80), rng.randrange(60, 200), rng.randrange(40, 80)
    d.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(255, 214, 64))
    for _ in range(rng.randrange(1, 4)):
        x = rng.randrange(40, w - 260)
        if rng.random() < 0.5:
            d.rectangle([x, 330, x + 200, 470], fill=(rng.randrange(150, 240), 90, 70))
            d.polygon([(x - 20, 330), (x + 100, 240), (x + 220, 330)], fill=(120, 50, 40))
            d.rectangle([x + 80, 400, x + 120, 470], fill=(70, 45, 30))
        else:
            d.rectangle([x + 90, 360, x + 110, 480], fill=(100, 70, 40))
            d.ellipse([x + 30, 250, x + 170, 390], fill=(30, rng.randrange(110, 160), 50))
    return img


def _form_scan(name: str) -> bytes:
    """A drawn stand-in for a scanned consent form (no real signature, no real name)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (850, 1100), (250, 250, 245))
    d = ImageDraw.Draw(img)
    d.text((60, 60), "PHOTO CONSENT FORM (demo - fictional)", fill=(20, 20, 20))
    for y in range(140, 1000, 48):
        d.line([(60, y), (790, y)], fill=(200, 200, 200), width=2)
    d.text((60, 1010), "Signed: ____________  (demo)", fill=(20, 20, 20))
    out = io.BytesIO()
    img.save(out, format="PNG")
    return out.getvalue()
