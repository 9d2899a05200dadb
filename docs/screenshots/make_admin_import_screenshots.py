"""Make the screenshots of issue 12's admin and import screens from a throwaway demo vault.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/make_admin_import_screenshots.py

It builds the demo vault in a temporary folder (never the real data folder):
"Alex Admin" registers two council devices and retires an old one, "Sam Social"
opens a fictional child's file ready for a capture and imports one day out, so
that a copy of it on the "card" is a duplicate.  It writes admin-devices.png,
admin-users.png, admin-settings.png, admin-audit.png (the log shown, its chain
verified), admin-check.png (the vault checked), register-device.png,
line-manager.png, import-dialog-start.png, import-dialog.png and
import-dialog-done.png beside this script, on a 1280 x 720
offscreen screen; a second run under ``QT_SCALE_FACTOR=2`` (started by the first)
writes admin-devices-200.png, admin-users-200.png, admin-settings-200.png,
admin-audit-200.png, admin-check-200.png and import-dialog-200.png: the
Admin page in the 960 x 540 logical pixels a 1920 x 1080 screen offers at 200 %,
the import dialog in the 640 x 360 of a 1280 x 720 screen at 200 %.  The folder
is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

from sefton_photos import demo
from sefton_photos.model import Purpose
from sefton_photos.session import Session
from ui import ops
from ui.app import setup_application
from ui.dialogs.import_photos import ImportDialog
from ui.views.admin import AdminPage

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_photo_screenshots import ready_child, scenes  # noqa: E402

SOCIAL = next(u for u in demo.USERS if u.name == "Sam Social")
CHILD = "Ellis Formby"


def settle(app: QApplication) -> None:
    for _ in range(4):
        ops.wait_idle()
        for _ in range(10):
            app.processEvents()


def save(widget: QWidget, name: str) -> None:
    path = HERE / name
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(HERE.parent.parent)}")


def build(vault: Path, card: Path) -> None:
    demo.ensure_demo_vault(vault, pictures=0)
    with Session.unlock(vault, name=demo.ADMIN.name, password=demo.ADMIN.password) as admin:
        admin.devices.add(
            name="Council camera 3", make="Canon", model="PowerShot G7 X", serial="SP-CAM-0003"
        )
        admin.devices.add(
            name="Council phone 12", make="samsung", model="SM-A546B", serial="R58W21XYZ"
        )
        admin.devices.add(name="Old camera 1", make="Nikon", model="COOLPIX A10")
        admin.devices.retire(name="Old camera 1")
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        child = ready_child(s, CHILD, date(2014, 3, 14))
        first = scenes(card / "first", 1)
        s.imports.run(
            child_ids=(child,),
            purpose=Purpose.LIFE_STORY,
            purpose_note="Days out for the memory book",
            device="Council camera 3",
            attested=True,
            paths=first,
            detect_faces=False,
            workers=0,
        )
    today = card / "today"
    scenes(today, 6)  # activity-00.jpg has the same pixels as the first day out: a duplicate
    (today / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")


def admin_shots(app: QApplication, vault: Path, size: QSize, suffix: str) -> None:
    with Session.unlock(vault, name=demo.ADMIN.name, password=demo.ADMIN.password) as admin:
        page = AdminPage(admin)
        page.resize(size)
        page.show()
        settle(app)
        page.tabs.setCurrentWidget(page.devices_tab)
        page.devices_tab.select_name("Council phone 12")
        settle(app)
        save(page, f"admin-devices{suffix}.png")
        page.tabs.setCurrentWidget(page.users_tab)
        page.users_tab.select_name("Kit Keyworker")
        settle(app)
        save(page, f"admin-users{suffix}.png")
        page.tabs.setCurrentWidget(page.settings_tab)
        settle(app)
        save(page, f"admin-settings{suffix}.png")
        page.tabs.setCurrentWidget(page.audit_tab)
        page.audit_tab.load()
        settle(app)
        page.audit_tab.verify()
        settle(app)
        save(page, f"admin-audit{suffix}.png")
        page.tabs.setCurrentWidget(page.check_tab)
        page.check_tab.check()
        settle(app)
        save(page, f"admin-check{suffix}.png")
        if not suffix:
            dialog = page.devices_tab.open_add_dialog()
            dialog.name_edit.setText("Council camera 4")
            dialog.make_edit.setText("Canon")
            dialog.model_edit.setText("PowerShot G7 X Mark III")
            dialog.serial_edit.setText("SP-CAM-0004")
            settle(app)
            save(dialog, "register-device.png")
            dialog.reject()
            manager = page.users_tab.open_manager_dialog()
            assert manager is not None
            settle(app)
            save(manager, "line-manager.png")
            manager.reject()
        page.close()
        settle(app)


def import_shots(app: QApplication, vault: Path, card: Path, suffix: str) -> None:
    with Session.unlock(vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        child = next(c.id for c in s.children.list() if c.name == CHILD)
        dialog = ImportDialog(s, workers=0)
        if suffix:
            dialog.resize(QSize(640, 360))  # a 1280 x 720 screen at 200 %
        dialog.show()
        settle(app)
        if not suffix:
            save(dialog, "import-dialog-start.png")
        dialog.set_paths([card / "today"], folder=True)
        dialog.form.children_model.set_checked(child)
        dialog.form.set_purpose(Purpose.LIFE_STORY)
        dialog.form.purpose_edit.setText("Memory book: the afternoon at the allotment")
        dialog.form.attest_box.setChecked(True)
        dialog.check()
        settle(app)
        save(dialog, f"import-dialog{suffix}.png")
        if not suffix:
            dialog.start_import()
            settle(app)
            bar = dialog.form_area.verticalScrollBar()
            bar.setValue(bar.maximum())  # the summary, naming the duplicate
            dup = next(r for r, o in enumerate(dialog.results.outcomes) if o.status == "duplicate")
            dialog.results_view.scrollTo(dialog.results.index(dup, 0))
            settle(app)
            save(dialog, "import-dialog-done.png")
        dialog.close()
        settle(app)


def offscreen_screen(folder: Path, width: int, height: int) -> str:
    """An offscreen screen of the given size (the plugin's own is 800 x 800)."""
    config = folder / f"screen-{width}x{height}.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only-200", nargs=2, type=Path, metavar=("VAULT", "CARD"))
    args = parser.parse_args()
    if not args.only_200:  # a 1280 x 720 screen, as the import dialog must fit
        os.environ["QT_QPA_PLATFORM"] = offscreen_screen(Path(tempfile.gettempdir()), 1280, 720)
    app = QApplication(sys.argv)
    setup_application(app)
    if args.only_200:
        vault, card = args.only_200
        admin_shots(app, vault, QSize(960, 540), "-200")
        import_shots(app, vault, card, "-200")
        return 0
    with tempfile.TemporaryDirectory(prefix="sefton-admin-shots-") as tmp:
        vault, card = Path(tmp) / "demo-vault", Path(tmp) / "card"
        build(vault, card)
        admin_shots(app, vault, QSize(1100, 700), "")
        # The 200 % shots import nothing, so the card is the same for both runs.
        platform = offscreen_screen(Path(tmp), 1920, 1080)  # 960 x 540 at 200 %
        env = {**os.environ, "QT_SCALE_FACTOR": "2", "QT_QPA_PLATFORM": platform}
        subprocess.run(
            [sys.executable, __file__, "--only-200", str(vault), str(card)], check=True, env=env
        )
        import_shots(app, vault, card, "")
    return 0


if __name__ == "__main__":
    sys.exit(main())
