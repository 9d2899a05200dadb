"""Make the screenshots of the face screens (issues 11 and 12) from a throwaway demo vault.

Run from the repository root, once at 100 % and once at 200 %::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_face_screenshots.py
    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 uv run python \\
        docs/screenshots/make_face_screenshots.py

It builds the demo vault of ``make_photo_screenshots.py`` in a temporary folder (never
the real data folder) and writes photo-viewer.png (zoomed, one face chosen),
photo-outline.png (outlining a face the detector missed), face-review.png (one face
confirmed), enrol-faces.png (a photo and its face chosen) and admin-face-matching.png
beside this script, with ``-200`` before ``.png`` at 200 %; the folder is deleted
afterwards.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_photo_screenshots import build, settle  # noqa: E402

from sefton_photos import demo  # noqa: E402
from sefton_photos.session import Session  # noqa: E402
from ui.app import setup_application  # noqa: E402
from ui.dialogs.enrol_faces import EnrolDialog  # noqa: E402
from ui.dialogs.photo_window import PhotoWindow  # noqa: E402
from ui.views.admin import AdminPage  # noqa: E402
from ui.views.face_review import FaceReview  # noqa: E402

SUFFIX = "-200" if os.environ.get("QT_SCALE_FACTOR") == "2" else ""


def save(widget: QWidget, name: str) -> None:
    path = HERE / name.replace(".png", f"{SUFFIX}.png")
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(HERE.parent.parent)}")


def shoot(app: QApplication, session: Session, ids: dict[str, int], group_id: int) -> None:
    ellis = ids["person-a"]

    # 1. The photo viewer: zoomed in, the unknown face chosen in the list.
    window = PhotoWindow(session)
    window.resize(QSize(1280, 800))
    photo_ids = session.photos.ids(child_id=ellis)
    window.show_photo(group_id, photo_ids)
    settle(app)
    unknown = next(i for i, f in enumerate(window.view.faces_model.faces) if f.child_id is None)
    window.view.faces_view.setCurrentIndex(window.view.faces_model.index(unknown, 0))
    window.view.zoom_area.zoom_in()
    settle(app)
    save(window, "photo-viewer.png")

    # 1b. Outlining a face the detector missed (R11): the new outline on the photo.
    window.view.zoom_area.fit()
    window.view.start_outline()
    settle(app)
    save(window, "photo-outline.png")
    window.view.canvas.drop_outline()
    window.forget()
    window.close()

    # 2. The face review of the same photo, one suggestion already confirmed.
    review = FaceReview(session)
    review.resize(QSize(1000, 760))
    review.show()
    review.set_photo(group_id)
    settle(app)
    suggested = [r for r in review.rows.values() if r.face.child_id is not None]
    if suggested:
        review.confirm(suggested[-1].face.id, suggested[-1].face.child_id)
        settle(app)
    save(review, "face-review.png")
    review.clear()
    review.close()

    # 3. Enrolling Ellis from the group photo, their face chosen.
    dialog = EnrolDialog(session, ellis, "Ellis Formby")
    dialog.show()
    dialog.start()
    settle(app)
    rows = dialog.grid.photos.photo_ids
    dialog.grid.setCurrentIndex(dialog.grid.photos.index(rows.index(group_id), 0))
    settle(app)
    faces = dialog.faces_model.faces
    mine = next((i for i, f in enumerate(faces) if f.child_id == ellis), min(1, len(faces) - 1))
    dialog.faces_view.setCurrentIndex(dialog.faces_model.index(mine, 0))
    settle(app)
    save(dialog, "enrol-faces.png")
    dialog.forget()
    dialog.close()


def admin_shot(app: QApplication, vault: Path) -> None:
    with Session.unlock(vault, name=demo.ADMIN.name, password=demo.ADMIN.password) as admin:
        page = AdminPage(admin)
        page.resize(QSize(1000, 640))
        page.show()
        page.tabs.setCurrentWidget(page.faces_tab)
        settle(app)
        save(page, "admin-face-matching.png")
        page.on_locked()
        page.close()
        settle(app)


def main() -> int:
    app = QApplication(sys.argv)
    setup_application(app)
    with tempfile.TemporaryDirectory(prefix="sefton-face-shots-") as tmp:
        vault, card = Path(tmp) / "demo-vault", Path(tmp) / "card"
        ids, group_id = build(vault, card)
        social = next(u for u in demo.USERS if u.name == "Sam Social")
        session = Session.unlock(vault, name=social.name, password=social.password)
        try:
            shoot(app, session, ids, group_id)
        finally:
            settle(app)
            session.close()
        admin_shot(app, vault)
    return 0


if __name__ == "__main__":
    sys.exit(main())
