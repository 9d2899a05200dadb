"""Make the Children page screenshots in docs/screenshots from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_children_screenshots.py

The demo vault is created in a temporary folder (never the real data folder) and
deleted afterwards.  A fictional child's file is filled in through the core as
Sam Social; the consent check is then run as the key worker Kit Keyworker, once
while consent is on file (ALLOWED) and once after Kit records its withdrawal
(REFUSED).  It writes children.png (the list, the file open at Consents),
child-details.png, child-people.png and child-wishes.png (the file's other tabs),
add-consent.png (the Add consent dialog, Group photos chosen),
consent-check-allowed.png and consent-check-refused.png.  ``--scale 2`` writes the
same at 200 % (``children-200.png`` and so on); ``--out DIR`` writes elsewhere
without replacing the kept pictures.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import shots
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from sefton_photos import demo
from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Purpose, Whose
from sefton_photos.session import Session
from ui import ops
from ui.dialogs.add_consent import AddConsentDialog
from ui.views.children import ChildrenPage

HERE = Path(__file__).resolve().parent
PAGE = QSize(1180, 720)
SOCIAL = ("Sam Social", "demo-social-pass")
KEYWORKER = ("Kit Keyworker", "demo-keyworker-pass")
CHILD = "Riley Marsh"  # fictional, like everyone in the demo vault


def settle(app: QApplication) -> None:
    """Let the vault worker finish and every answer and repaint arrive."""
    for _ in range(3):
        ops.wait_idle()
        for _ in range(10):
            app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    shots.save(widget, name, out)


def scanned_form() -> bytes:
    """A made-up "scan" of a consent form, drawn in memory as a PNG."""
    image = QImage(620, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 14))
    painter.drawText(30, 50, "Consent to photographs (one-to-one work)")
    painter.drawText(30, 110, f"Child: {CHILD}   Signed: Jo Marsh (mother)")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def fill_demo_file(vault: Path) -> tuple[int, int]:
    """Three fictional children; the first one's file ready for life story work."""
    today = date.today()
    with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s:
        child = s.children.add(
            name=CHILD,
            date_of_birth=date(today.year - 11, 3, 14),
            care_status=CareStatus.FOSTER,
            key_workers=[KEYWORKER[0]],
        )
        s.children.add(
            name="Alex Rowan",
            date_of_birth=date(today.year - 8, 9, 2),
            care_status=CareStatus.LOOKED_AFTER,
            key_workers=[KEYWORKER[0]],
        )
        casey = s.children.add(
            name="Casey Fenwick",
            date_of_birth=date(today.year - 14, 1, 20),
            care_status=CareStatus.LOOKED_AFTER,
        )
        s.children.set_care_status(child_id=casey.id, care_status=CareStatus.NOT_LOOKED_AFTER)
        mum = s.children.add_person(child_id=child.id, name="Jo Marsh", relationship="mother")
        dad = s.children.add_person(child_id=child.id, name="Lee Marsh", relationship="father")
        s.consents.set_wish(
            child_id=child.id,
            whose=Whose.CHILD,
            wishes_photos=True,
            notes="Likes photos of football for the life story book",
        )
        s.consents.set_wish(
            child_id=child.id, whose=Whose.PARENT_CARER, wishes_photos=True, person_id=mum.id
        )
        s.consents.set_wish(  # R2: each person with PR has their own wish
            child_id=child.id,
            whose=Whose.PARENT_CARER,
            wishes_photos=True,
            person_id=dad.id,
            notes="Told by phone; happy for the life story book",
        )
        s.consents.set_wish(child_id=child.id, whose=Whose.WORKER, wishes_photos=True)
        s.consents.record_explanation(
            child_id=child.id, to_whom=Whose.CHILD, explained_on=today - timedelta(days=9)
        )
        s.consents.record_explanation(
            child_id=child.id,
            to_whom=Whose.PARENT_CARER,
            not_explained_reason="Father not in contact; mother was told",
            permitted_by=SOCIAL[0],
        )
        old = s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=mum.id,
            signed_on=today - timedelta(days=400),
            expires_on=today - timedelta(days=35),
        )
        current = s.consents.add(
            child_id=child.id,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=mum.id,
            signed_on=today - timedelta(days=7),
            expires_on=today + timedelta(days=358),
            form=scanned_form(),
        )
        assert old.id != current.id
        return child.id, current.id


def open_page(app: QApplication, session: Session, size: QSize) -> ChildrenPage:
    page = ChildrenPage(session)
    page.resize(size)
    page.show()
    settle(app)
    assert page.select_name(CHILD)
    page.open_child(page.model.child_at(page.list_view.currentIndex().row()).id)
    settle(app)
    return page


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE)
    parser.add_argument("--width", type=int, default=PAGE.width(), help="page width")
    parser.add_argument("--height", type=int, default=PAGE.height(), help="page height")
    args = shots.arguments(parser)
    size = QSize(args.width, args.height)
    args.out.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="sefton-children-shots-") as tmp:
        app = shots.start(args.scale)
        vault = demo.ensure_demo_vault(Path(tmp) / "demo-vault")
        _child_id, consent_id = fill_demo_file(vault)

        with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as session:
            page = open_page(app, session, size)
            view = page.file_view
            page.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
            for tab, name in ((0, "child-details"), (1, "child-people"), (3, "child-wishes")):
                view.tabs.setCurrentIndex(tab)
                settle(app)
                save(page, args.out, name)
            view.tabs.setCurrentIndex(2)  # Consents
            view.select_consent(consent_id)
            settle(app)
            save(page, args.out, "children")

            scan = Path(tmp) / "scanned-form.png"
            scan.write_bytes(scanned_form())
            dialog = view.open_add_consent()
            assert isinstance(dialog, AddConsentDialog)
            dialog.set_kind(ConsentKind.GROUP)
            dialog.notified_check.setChecked(True)
            dialog.form_path = scan
            dialog.form_label.setText(f"{scan.name} (1 KB)")
            em = dialog.fontMetrics().horizontalAdvance("M")
            dialog.resize(max(dialog.sizeHint().width(), em * 46), dialog.sizeHint().height())
            settle(app)
            save(dialog, args.out, "add-consent")
            dialog.reject()
            page.on_locked()
            page.close()
            settle(app)

        with Session.unlock(vault, name=KEYWORKER[0], password=KEYWORKER[1]) as session:
            page = open_page(app, session, size)
            panel = page.file_view.check_panel
            panel.set_purpose(Purpose.LIFE_STORY)
            panel.check()
            settle(app)
            save(page, args.out, "consent-check-allowed")
            session.consents.withdraw(
                consent_id=consent_id, reason="Jo Marsh phoned: she no longer agrees"
            )
            panel.check()
            settle(app)
            save(page, args.out, "consent-check-refused")
            page.on_locked()
            page.close()
            settle(app)
    return 0


if __name__ == "__main__":
    sys.exit(main())
