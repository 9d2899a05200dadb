"""The photos of a queue item sit side by side without overlapping (issue 12).

Before and after their pictures arrive, and with long photo numbers, every tile has its
own cell: no two tiles' rectangles meet and every caption fits its tile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.helpers import MANAGER, Person
from ui.views.supervision_queue import QueuePanel

Opener = Callable[[Person], Session]
IDS = [7, 13, 100_004, 2_000_015, 31]


def _overlaps(panel: QueuePanel) -> list[str]:
    view, model = panel.thumbs_view, panel.thumbs_model
    rects = [view.visualRect(model.index(r)) for r in range(model.rowCount())]
    problems = [
        f"{IDS[a]} overlaps {IDS[b]}"
        for a in range(len(rects))
        for b in range(a + 1, len(rects))
        if rects[a].intersects(rects[b])
    ]
    metrics, cell = view.fontMetrics(), view.gridSize()
    assert cell.isValid(), "tiles without a grid size are laid out by their contents"
    for row in range(model.rowCount()):
        caption = str(model.index(row).data(Qt.ItemDataRole.DisplayRole))
        if metrics.horizontalAdvance(caption) > cell.width():
            problems.append(f"caption {caption!r} wider than its tile ({cell.width()} px)")
    return problems


def test_tiles_never_overlap_loading_or_loaded(qtbot: QtBot, open_session: Opener) -> None:
    panel = QueuePanel(open_session(MANAGER), checkable=True)
    qtbot.addWidget(panel)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.thumbs_model.set_photos(IDS, "")
    assert _overlaps(panel) == []
    picture = QImage(160, 120, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.darkGreen)
    panel.thumbs_model.set_images({i: picture for i in IDS})
    assert _overlaps(panel) == []
    tall = panel.thumbs_view.visualRect(panel.thumbs_model.index(0)).bottom()
    assert tall <= panel.thumbs_view.viewport().height()  # the caption is not cut off
