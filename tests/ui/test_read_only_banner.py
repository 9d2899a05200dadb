"""A vault that opened read-only says so on every page, in words (issue 10, R14).

The real case: an older vault.db and audit.head restored over a vault that holds newer
photos. The core detects the rollback and opens read-only; the main window must say why
before any change is refused.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import SOCIAL, children, copy_in, restore, run, snapshot
from ui import ops
from ui.main_window import MainWindow


def test_a_rolled_back_vault_says_why_on_the_main_window(
    qtbot: QtBot, face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        assert s.problem is None
        window = MainWindow(s, idle_interval_ms=600_000)
        qtbot.addWidget(window)
        assert not window.problem_banner.isVisibleTo(window)  # a sound vault: no banner
        window.close()
        qtbot.waitUntil(lambda: ops.pending() == 0, timeout=10_000)
    snapshot(face_vault, tmp_path / "old")
    sources = copy_in(["person-a_2.jpg"], faces_dir, tmp_path / "card")
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        run(s, [children(face_vault)["person-a"]], sources, detect_faces=False, workers=0)
    restore(tmp_path / "old", face_vault)

    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        assert s.problem and "rolled back" in s.problem
        window = MainWindow(s, idle_interval_ms=600_000)
        qtbot.addWidget(window)
        window.show()
        assert window.problem_banner.isVisible()
        assert "reading only" in window.problem_banner.text()
        assert "rolled back" in window.problem_banner.text()
        window.close()
