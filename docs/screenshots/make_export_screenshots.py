"""Make the screenshots of the export and records screens (issue 6) from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_export_screenshots.py

It builds the demo vault in a temporary folder (never the real data folder):
"Alex Admin" approves a council folder inside that temporary folder, "Sam Social"
exports "Riley Brookfield"'s drawn pictures to the case record (allowed) and to a
social networking site (refused: R9), makes a life story book, and adds a fictional
record that is past its retention date for "Alex Admin" to review.  It writes
export-allowed.png, export-refused.png, life-story-editor.png, retention.png and
subject-access.png beside this script; the temporary folder is deleted afterwards.
``--scale 2`` writes the same at 200 % (``export-allowed-200.png`` and so on).
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import shots
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from sefton_photos import demo
from sefton_photos.model import CareStatus, Destination
from sefton_photos.session import Session
from ui import ops, thumbs
from ui.dialogs.export_photos import ExportDialog
from ui.dialogs.subject_access import SubjectAccessDialog
from ui.views.life_story import LifeStoryEditor
from ui.views.retention import RetentionReview

HERE = Path(__file__).resolve().parent
RILEY = "Riley Brookfield"
CAPTIONS = (
    "The house by the big tree, where we had our picnic",
    "Sunny afternoon at the park",
    "Our walk on Saturday",
    "The garden at Nan's",
)


def settle(app: QApplication) -> None:
    """Let the vault worker and the thumbnail readers finish, and every repaint arrive."""
    for _ in range(6):
        ops.wait_idle()
        thumbs.wait_readers_idle()
        for _ in range(10):
            app.processEvents()
        if not ops.pending():
            break


def save(widget: QWidget, name: str) -> None:
    shots.save(widget, name)


def user(name: str) -> demo.DemoUser:
    return next(u for u in demo.USERS if u.name == name)


def sign_in(vault: Path, name: str) -> Session:
    person = user(name)
    return Session.unlock(vault, name=person.name, password=person.password)


def main() -> int:
    app = shots.start(shots.arguments().scale)
    with tempfile.TemporaryDirectory(prefix="sefton-export-shots-") as tmp:
        vault, share = Path(tmp) / "demo-vault", Path(tmp) / "council-share" / "case-records"
        demo.ensure_demo_vault(vault)
        share.mkdir(parents=True)
        with sign_in(vault, "Alex Admin") as admin:
            admin.locations.add(path=share, label="Case records, Bootle North")
        with sign_in(vault, "Sam Social") as sam:
            riley = sam.children.list(search=RILEY)[0].id
            sam.children.add(
                name="Olive Oldfield",
                date_of_birth=date(1948, 6, 2),
                care_status=CareStatus.LOOKED_AFTER,
                key_workers=["Kit Keyworker"],
            )
        session = sign_in(vault, "Sam Social")
        try:
            shoot_social(app, session, riley, Path(tmp))
        finally:
            settle(app)
            session.close()
        admin = sign_in(vault, "Alex Admin")
        try:
            shoot_admin(app, admin, Path(tmp))
        finally:
            settle(app)
            admin.close()
    return 0


def shoot_social(app: QApplication, session: Session, riley: int, tmp: Path) -> None:
    photos = session.photos.ids(child_id=riley)

    # 1. Three pictures exported to the case record: ALLOWED, then "Exported as …".
    dialog = ExportDialog(session, child_id=riley, photo_ids=photos[:3], child_name=RILEY)
    dialog.resize(QSize(980, 1080))
    dialog.show()
    settle(app)
    dialog.export()
    settle(app)
    save(dialog, "export-allowed")
    dialog.close()

    # 2. The same child to a social networking site: REFUSED (R9, policy 5.5.4.10).
    dialog = ExportDialog(session, child_id=riley, photo_ids=photos[:2], child_name=RILEY)
    dialog.resize(QSize(980, 1080))
    dialog.show()
    settle(app)
    dialog.destination.choose(Destination.SOCIAL_NETWORK)
    settle(app)
    save(dialog, "export-refused")
    dialog.close()

    # 3. The life story editor: four pages ticked, captioned, the second one previewed.
    editor = LifeStoryEditor(session)
    editor.resize(QSize(1360, 820))
    editor.show()
    editor.set_child(riley, RILEY)
    settle(app)
    for photo_id, caption in zip(photos[4:8], CAPTIONS, strict=True):
        editor.tick(photo_id)
        settle(app)
        editor.pages.set_caption(editor.pages.row_of(photo_id) or 0, caption)
    editor.table.selectRow(1)
    editor.table.setFocus()
    settle(app)
    save(editor, "life-story-editor")
    editor.clear()
    editor.close()

    # 4. A subject access package: the passphrase shown once.
    QFileDialog.getSaveFileName = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: (str(tmp / "council-share" / "case-records" / "subject-access"), "")
    )
    sar = SubjectAccessDialog(session, child_id=riley, child_name=RILEY)
    sar.resize(QSize(760, 480))
    sar.show()
    sar.reference.setText("SAR-2026-014")
    sar.make_package()
    settle(app)
    save(sar, "subject-access")
    sar.close()


def shoot_admin(app: QApplication, admin: Session, tmp: Path) -> None:
    # 5. Retention review with a record past its date, and a Dropbox folder refused (R5).
    dropbox = tmp / "Dropbox" / "Photos"
    dropbox.mkdir(parents=True)
    QFileDialog.getExistingDirectory = staticmethod(  # type: ignore[method-assign]
        lambda *_a, **_k: str(dropbox)
    )
    review = RetentionReview(admin)
    review.resize(QSize(1100, 820))
    review.show()
    settle(app)
    review.locations.add_location()
    settle(app)
    save(review, "retention")
    review.close()


if __name__ == "__main__":
    raise SystemExit(main())
