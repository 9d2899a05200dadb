"""Make the screenshots of the photo screens (issue 4) from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_photo_screenshots.py

It builds the demo vault in a temporary folder (never the real data folder):
"Alex Admin" registers a council camera, then "Sam Social" opens fictional
children's files with their consents, wishes, explanations and a face-matching
consent, enrols each from one of ``../shared/fixtures/faces/person-*_1.jpg`` and
imports photos.  It writes import-dialog-faces.png (an import with faces found,
finished), photo-grid.png and photo-view.png beside this script (face-review.png:
``make_face_screenshots.py``); the folder is deleted afterwards.  ``--scale 2``
writes the same at 200 % (``photo-grid-200.png`` and so on).
"""

from __future__ import annotations

import math
import random
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

import shots
from PIL import Image, ImageDraw
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from sefton_photos import demo
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose
from sefton_photos.session import Session
from ui import ops, thumbs
from ui.dialogs.import_photos import ImportDialog
from ui.views.child_photos import ChildPhotosPanel
from ui.views.photo_view import PhotoView

HERE = Path(__file__).resolve().parent
FACES = HERE.parent.parent.parent / "shared" / "fixtures" / "faces"
DEVICE = "Council camera 3"
CHILDREN = {"person-a": "Ellis Formby", "person-b": "Sasha Crosby", "person-c": "Dara Seaforth"}
GROUP = "group_a-b-unknown.jpg"


def settle(app: QApplication) -> None:
    """Let the vault worker and the thumbnail readers finish, and every repaint arrive."""
    for _ in range(4):
        ops.wait_idle()
        thumbs.wait_readers_idle()
        for _ in range(10):
            app.processEvents()


def save(widget: QWidget, name: str) -> None:
    shots.save(widget, name)


def ready_child(s: Session, name: str, born: date) -> int:
    """A file on which a capture is allowed: PR, consents, wishes, explanations (as the
    tests' ``faceworld.make_ready_child``), with a face-matching consent (R13)."""
    child = s.children.add(
        name=name,
        date_of_birth=born,
        care_status=CareStatus.LOOKED_AFTER,
        key_workers=["Kit Keyworker"],
    )
    pr = s.children.add_person(child_id=child.id, name=f"Parent of {name}", relationship="mother")
    for kind in (ConsentKind.ONE_TO_ONE, ConsentKind.GROUP, ConsentKind.FACE_MATCHING):
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


def scenes(folder: Path, count: int) -> list[Path]:
    """Fictional "activity" pictures (sky, sun, hills): no real person in them."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4)  # noqa: S311 - for drawing, not for security
    out = []
    for i in range(count):
        w, h = 800, 600
        img = Image.new("RGB", (w, h))
        draw = ImageDraw.Draw(img)
        sky = (rng.randint(90, 170), rng.randint(150, 210), rng.randint(200, 250))
        for y in range(h):
            t = y / h
            draw.line([(0, y), (w, y)], fill=tuple(int(c * (1 - 0.35 * t)) for c in sky))
        sx, sy = rng.randint(80, 720), rng.randint(60, 200)
        draw.ellipse([sx - 45, sy - 45, sx + 45, sy + 45], fill=(250, 214, 90))
        for layer in range(3):
            base = 330 + layer * 80
            green = (40 + layer * 30 + rng.randint(0, 30), 110 + layer * 25, 60 + layer * 10)
            phase, amp = rng.random() * 6, rng.randint(20, 60)
            pts = [(x, base + amp * math.sin(x / 120 + phase)) for x in range(0, w + 20, 20)]
            draw.polygon([(0, h), *pts, (w, h)], fill=green)
        path = folder / f"activity-{i:02d}.jpg"
        img.save(path, quality=88)
        out.append(path)
    return out


def build(vault: Path, card: Path) -> tuple[dict[str, int], int]:
    """The demo vault with a camera, three children enrolled and photos imported."""
    demo.ensure_demo_vault(vault, pictures=0)
    with Session.unlock(vault, name=demo.ADMIN.name, password=demo.ADMIN.password) as admin:
        admin.devices.add(name=DEVICE, serial="SP-CAM-0003")
    social = next(u for u in demo.USERS if u.name == "Sam Social")
    with Session.unlock(vault, name=social.name, password=social.password) as s:
        ids = {}
        for n, (person, name) in enumerate(CHILDREN.items()):
            ids[person] = ready_child(s, name, date(2009, 3 + n, 14))
            s.faces.enrol(child_id=ids[person], photo=FACES / f"{person}_1.jpg")

        def run(children: list[int], paths: list[Path], note: str, faces: bool) -> int:
            report = s.imports.run(
                child_ids=tuple(children),
                purpose=Purpose.LIFE_STORY,
                purpose_note=note,
                device=DEVICE,
                attested=True,
                paths=paths,
                detect_faces=faces,
                workers=0,
            )
            return report.outcomes[0].photo_id or 0

        run([ids["person-a"]], scenes(card / "scenes", 30), "Days out for the memory book", False)
        group = [Path(shutil.copy(FACES / GROUP, card / GROUP))]
        group_id = run([ids["person-a"], ids["person-b"]], group, "Sports day", True)
    return ids, group_id


def main() -> int:
    app = shots.start(shots.arguments().scale)
    with tempfile.TemporaryDirectory(prefix="sefton-photo-shots-") as tmp:
        vault, card = Path(tmp) / "demo-vault", Path(tmp) / "card"
        ids, group_id = build(vault, card)
        social = next(u for u in demo.USERS if u.name == "Sam Social")
        session = Session.unlock(vault, name=social.name, password=social.password)
        try:
            shoot(app, session, ids, group_id, card)
        finally:
            settle(app)
            session.close()
    return 0


def shoot(
    app: QApplication, session: Session, ids: dict[str, int], group_id: int, card: Path
) -> None:
    ellis = ids["person-a"]

    # 1. The import dialog, finished, with one file of each outcome in the table.
    today = card / "today"
    today.mkdir()
    for name in ("person-a_2.jpg", "person-a_3.jpg", "group_a-b.jpg"):
        shutil.copy(FACES / name, today / name)
    scenes(today, 1)  # the same pixels as the first day out: a duplicate
    (today / "notes.txt").write_text("not a photo")
    dialog = ImportDialog(session, child_ids=[ellis, ids["person-b"]], workers=0)
    dialog.resize(QSize(1360, 860))
    dialog.show()
    settle(app)
    dialog.set_paths([today], folder=True)
    dialog.form.set_purpose(Purpose.LIFE_STORY)
    dialog.form.purpose_edit.setText("Memory book: the afternoon at the allotment")
    dialog.form.note_edit.setText("Ellis chose which photos to keep")
    dialog.form.attest_box.setChecked(True)
    dialog.check()
    settle(app)
    dialog.start_import()
    settle(app)
    save(dialog, "import-dialog-faces")
    dialog.close()

    # 2. The grid of a child's photos (the Photos tab of the child's file).
    panel = ChildPhotosPanel(session)
    panel.resize(QSize(1100, 720))
    panel.show()
    panel.set_child(ellis, "Ellis Formby")
    settle(app)
    panel.grid.setFocus()
    settle(app)
    save(panel, "photo-grid")
    panel.clear()
    panel.close()

    # 3. The group photo with its faces boxed and named.
    view = PhotoView(session)
    view.resize(QSize(1280, 780))
    view.show()
    view.show_photo(group_id)
    settle(app)
    save(view, "photo-view")
    view.clear()
    view.close()

    # 4. face-review.png (and its 200 % twin) come from make_face_screenshots.py.


if __name__ == "__main__":
    sys.exit(main())
