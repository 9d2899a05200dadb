"""Make the Supervision screenshots in docs/screenshots from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_supervision_screenshots.py

The demo vault is created in a temporary folder and deleted afterwards, so the real
data folder is never touched.  Every picture is drawn here (coloured shapes, no
faces).  It writes supervision-queue.png (a manager with a worker chosen, items
ticked, the photos of one item), supervision-note.png (the session dialog filled
in) and dashboard.png (the charts with their tables).  ``--scale 2`` writes the
same at 200 % (``supervision-queue-200.png`` and so on).
"""

from __future__ import annotations

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import shots
from PIL import Image, ImageDraw
from PySide6.QtCore import QDate, QSize
from PySide6.QtWidgets import QApplication, QWidget

from sefton_photos import demo
from sefton_photos.model import ConsentKind, GivenBy, Purpose
from sefton_photos.session import Session
from ui import ops
from ui.views.supervision import SupervisionPage

HERE = Path(__file__).resolve().parent
SIZE = QSize(1440, 1000)
MANAGER = next(u for u in demo.USERS if u.name == "Morgan Manager")
SAM = next(u for u in demo.USERS if u.name == "Sam Social")
KIT = next(u for u in demo.USERS if u.name == "Kit Keyworker")


def settle(app: QApplication) -> None:
    """Let the vault worker finish and every answer and repaint arrive."""
    for _ in range(4):
        ops.wait_idle()
        for _ in range(10):
            app.processEvents()


def save(widget: QWidget, name: str) -> None:
    shots.save(widget, name)


def draw(card: Path, seed: int, count: int) -> Path:
    """A few drawn pictures (kites, balls, blocks; no people) on a pretend camera card."""
    card.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        rng = random.Random(seed * 100 + i)  # noqa: S311 - for drawing, not for security
        img = Image.new("RGB", (800, 600), (rng.randrange(120, 200), 200, 240))
        d = ImageDraw.Draw(img)
        d.rectangle([0, 420, 800, 600], fill=(70, rng.randrange(130, 180), 60))
        for _ in range(rng.randrange(2, 5)):
            x, y, r = rng.randrange(60, 740), rng.randrange(80, 400), rng.randrange(25, 70)
            colour = (rng.randrange(150, 255), rng.randrange(40, 200), rng.randrange(40, 160))
            if rng.random() < 0.5:
                d.ellipse([x - r, y - r, x + r, y + r], fill=colour)
            else:
                d.polygon([(x, y - r), (x + r, y), (x, y + r), (x - r, y)], fill=colour)
                d.line([(x, y + r), (x + 30, y + r + 120)], fill=(40, 40, 40), width=3)
        img.save(card / f"IMG_{seed:02d}{i:02d}.jpg", quality=85)
    return card


def capture(
    vault: Path, who: demo.DemoUser, child: int, purpose: Purpose, note: str, card: Path
) -> None:
    with Session.unlock(vault, name=who.name, password=who.password) as s:
        s.imports.run(
            child_ids=(child,),
            purpose=purpose,
            purpose_note=note,
            device=demo.DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )


def populate(vault: Path, tmp: Path) -> None:
    """More captures, an expiring consent, a withdrawal that flags photos, one note."""
    with Session.unlock(vault, name=SAM.name, password=SAM.password) as sam:
        kids = {c.name: c.id for c in sam.children.list()}
        riley, jordan = kids["Riley Brookfield"], kids["Jordan Marshside"]
        parent = sam.children.file(child_id=jordan).people[0]
        renewed = sam.consents.add(
            child_id=jordan,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=parent.id,
            signed_on=date.today() - timedelta(days=20),
            expires_on=date.today() + timedelta(days=12),
        )
    capture(
        vault,
        KIT,
        riley,
        Purpose.ACTIVITY_RECORD,
        "Kite flying at Crosby beach",
        draw(tmp / "c1", 1, 3),
    )
    capture(
        vault,
        KIT,
        jordan,
        Purpose.LIFE_STORY,
        "Jordan's new bedroom for the memory book",
        draw(tmp / "c2", 2, 2),
    )
    capture(
        vault,
        KIT,
        riley,
        Purpose.CHILD_REQUEST,
        "Riley asked for a photo of the model",
        draw(tmp / "c3", 3, 1),
    )
    capture(
        vault, SAM, jordan, Purpose.ACTIVITY_RECORD, "Football training", draw(tmp / "c4", 4, 2)
    )
    with Session.unlock(vault, name=SAM.name, password=SAM.password) as sam:
        sam.consents.withdraw(consent_id=renewed.id, reason="Carer asked to pause photos again")
        parent = sam.children.file(child_id=jordan).people[0]
        sam.consents.add(
            child_id=jordan,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=parent.id,
            signed_on=date.today() - timedelta(days=1),
            expires_on=date.today() + timedelta(days=25),
        )
    with Session.unlock(vault, name=MANAGER.name, password=MANAGER.password) as m:
        first = m.supervision.queue(worker=SAM.name)[0]
        note = m.supervision.record(
            worker=SAM.name,
            item_ids=[first.id],
            text="Went through Riley's memory-book photos; consent and wishes were checked.",
            actions=[("Print two photos for Riley's book", date.today() + timedelta(days=7))],
        )
        m.supervision.acknowledge(note_id=note.id)


def main() -> int:
    scale = shots.arguments().scale
    with tempfile.TemporaryDirectory(prefix="sefton-shots-") as tmp:
        vault = demo.ensure_demo_vault(Path(tmp) / "demo-vault")
        populate(vault, Path(tmp))
        app = shots.start(scale)
        session = Session.unlock(vault, name=MANAGER.name, password=MANAGER.password)
        page = SupervisionPage(session)
        page.resize(SIZE)
        page.show()
        settle(app)
        assert page.select_worker(KIT.name)
        settle(app)
        page.queue.model.set_ticked(0, True)
        page.queue.model.set_ticked(1, True)
        page.queue.table.selectRow(0)
        page.queue.table.setFocus()
        settle(app)
        save(page, "supervision-queue")

        dialog = page.open_session_dialog()
        assert dialog is not None
        dialog.text_edit.setPlainText(
            "Talked through the kite-flying photos and Jordan's bedroom photos with Kit. "
            "Consent was on file for both; the children chose which photos to keep."
        )
        dialog.action_edit.setText("Share the bedroom photos with Jordan's carer")
        dialog.add_action()
        dialog.action_edit.setText("Check Riley's wishes again before the next outing")
        dialog.due_edit.setDate(QDate.currentDate().addDays(21))
        dialog.add_action()
        dialog.resize(dialog.sizeHint().expandedTo(QSize(820, 720)))
        settle(app)
        save(dialog, "supervision-note")
        dialog.reject()

        assert page.tabs is not None and page.dashboard is not None
        page.tabs.setCurrentWidget(page.dashboard)
        page.resize(QSize(1440, 1240))
        settle(app)
        save(page, "dashboard")
        page.close()
        settle(app)
        session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
