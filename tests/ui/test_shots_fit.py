"""Issue 12, found by looking at the screenshots: words and pictures that did not fit.

* The Children list, in a 1100-pixel main window, cut "born 30 January 2013" to
  "born 30 Januar…": the list was narrower than its rows' own words.
* The life story editor's tick grid gave every cell the size of the first one, so a
  portrait photo pushed its name out of its cell ("Photo 1" clipped).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QListView, QWidget
from pytestqt.qtbot import QtBot

import resources
from sefton_photos.model import CareStatus
from tests.helpers import KEY, SOCIAL
from tests.ui.helpers import Opener, wait_idle
from ui.main_window import MainWindow
from ui.models.dashboard import Series
from ui.views.children import ChildrenPage
from ui.views.photo_grid import FRAME, PhotoGrid, ThumbnailDelegate
from ui.views.supervision_queue import THUMB_SIDE, decode_thumbnails
from ui.widgets.bar_chart import BarChart
from ui.widgets.book_views import GRID_SIDE, tick_grid
from ui.widgets.fitted_picture import FittedPicture


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's own stylesheet (its type is larger than Qt's), then none again."""
    before = qapp.styleSheet()
    qapp.setStyleSheet(resources.read_text(resources.STYLESHEET))
    yield qapp
    qapp.setStyleSheet(before)


def cut_rows(view: QListView) -> list[str]:
    """The rows whose own width (their words) is more than the list shows."""
    model = view.model()
    width = view.viewport().width()
    return [
        str(model.index(row, 0).data())
        for row in range(model.rowCount())
        if view.sizeHintForIndex(model.index(row, 0)).width() > width
    ]


def test_the_children_list_shows_each_date_of_birth_whole(
    qtbot: QtBot, open_session: Opener, styled: QApplication
) -> None:
    social = open_session(SOCIAL)
    for name, born in (
        ("Jordan Marshside", date(2013, 1, 30)),
        ("Sam Septimus", date(2016, 9, 28)),
    ):
        social.children.add(
            name=name, date_of_birth=born, care_status=CareStatus.FOSTER, key_workers=[KEY.name]
        )
    page = ChildrenPage(social)
    qtbot.addWidget(page)
    page.resize(940, 650)  # the page in a 1100 x 700 main window
    page.show()
    wait_idle(qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    assert cut_rows(page.list_view) == []


def clipped_cells(view: QListView) -> list[str]:
    """The cells drawn smaller than their icon and words need."""
    model = view.model()
    out = []
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        need, got = view.sizeHintForIndex(index), view.visualRect(index)
        if got.height() < need.height() or got.width() < need.width():
            out.append(str(index.data()))
    return out


def test_a_portrait_photo_keeps_its_name_in_the_life_story_grid(qtbot: QtBot) -> None:
    model = QStandardItemModel()
    for n, (w, h) in enumerate([(GRID_SIDE, GRID_SIDE * 3 // 4), (GRID_SIDE * 3 // 4, GRID_SIDE)]):
        picture = QPixmap(w, h)
        picture.fill(QColor("#3a7"))
        item = QStandardItem(QIcon(picture), f"Photo {n + 1}")
        item.setCheckable(True)
        model.appendRow(item)
    holder = QWidget()
    qtbot.addWidget(holder)
    grid = tick_grid(model, holder)
    grid.resize(400, 400)
    holder.show()
    qtbot.waitExposed(holder)
    assert clipped_cells(grid) == []


def test_the_focus_outline_leaves_the_current_photo_s_date_whole(
    qtbot: QtBot, open_session: Opener
) -> None:
    """The photo grid's current photo: its yellow outline was drawn over its date."""
    grid = PhotoGrid(open_session(SOCIAL))
    qtbot.addWidget(grid)
    line = grid.photos.line_height
    cell = QRect(QPoint(0, 0), grid.photos.cell_size())
    caption = ThumbnailDelegate.caption_rect(cell, line)
    outline_inner = cell.adjusted(FRAME - 1, FRAME - 1, -FRAME + 1, -FRAME + 1)
    assert caption.bottom() <= outline_inner.bottom()
    assert caption.height() >= grid.fontMetrics().height()


def test_the_chart_legend_is_as_large_as_its_axes(qtbot: QtBot) -> None:
    """The dashboard's legend ("Kit Keyworker", "Sam Social") was in a smaller type than
    the axes: it took the font before the style sheet gave the page its size."""
    page = QWidget()
    page.setStyleSheet("QWidget { font-size: 18pt; }")
    qtbot.addWidget(page)
    chart = BarChart("Captures per week", "Captures chart", page)
    page.show()
    qtbot.waitExposed(page)
    chart.set_series(Series(("a", "b"), (("Kim", (1, 4)), ("Sam", (0, 2)))))
    axis = chart.chart.axes()[0].labelsFont()
    assert chart.chart.legend().font().pointSizeF() == axis.pointSizeF() == 18


def test_supervision_thumbnails_are_sharp_at_200_percent() -> None:
    """At 200 % the photos of a queue item were 104-pixel pictures blown up to 208."""
    picture = QImage(320, 240, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3a7"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    picture.save(buffer, "JPEG")
    raw = {7: bytes(data.data())}
    sharp = decode_thumbnails(raw, ratio=2.0)[7]
    assert (sharp.width(), sharp.devicePixelRatio()) == (2 * THUMB_SIDE, 2.0)
    assert sharp.deviceIndependentSize().toSize().width() == THUMB_SIDE
    assert decode_thumbnails(raw)[7].width() == THUMB_SIDE


def test_the_main_window_still_fits_960_by_540_with_the_children_listed(
    qtbot: QtBot, open_session: Opener, styled: QApplication
) -> None:
    """A 1920 x 1080 screen at 200 % offers 960 x 540: widening the list for its words
    must not make the window wider than that (it elides there instead)."""
    social = open_session(SOCIAL)
    social.children.add(
        name="Sam Septimus",
        date_of_birth=date(2016, 9, 28),
        care_status=CareStatus.FOSTER,
        key_workers=[KEY.name],
    )
    window = MainWindow(social, idle_interval_ms=3_600_000)
    qtbot.addWidget(window)
    window.resize(960, 540)
    window.show()
    wait_idle(qtbot)
    page = window.page_for_key["children"]
    assert isinstance(page, ChildrenPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.select_name("Sam Septimus")
    with qtbot.waitSignal(page.file_view.file_loaded, timeout=10_000):
        page.open_child(page.model.child_at(0).id)
    assert window.minimumSizeHint().width() <= 960
    assert window.width() <= 960


def test_a_preview_shows_the_whole_picture_in_a_short_space(qtbot: QtBot) -> None:
    """The export preview showed the middle of a portrait photo when the dialog was short."""
    label = FittedPicture()
    qtbot.addWidget(label)
    picture = QPixmap(240, 360)
    picture.fill(QColor("#3a7"))
    label.setPixmap(picture)
    label.resize(300, 120)
    label.show()
    qtbot.waitExposed(label)
    shown = label.pixmap().deviceIndependentSize().toSize()
    assert shown.height() <= label.contentsRect().height() and shown.width() <= 300
    assert abs(shown.width() / shown.height() - 240 / 360) < 0.05  # its shape kept
    label.resize(600, 600)
    qtbot.waitUntil(lambda: label.pixmap().deviceIndependentSize().toSize() == QSize(240, 360))
    label.setText("The picture is on its way…")
    label.resize(500, 500)
    assert label.pixmap().isNull() and label.text()


def test_the_rules_write_days_as_the_rest_of_the_app() -> None:
    """The consent check said "withdrawn on 02 Dec 2026" beside "28 Oct 2026": the core's
    words used the zero-padded strftime day, not sefton_photos.words."""
    root = Path(__file__).resolve().parents[2]
    padded = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("sefton_photos", "ui")  # the screens too: "imported 01 Dec 2026"
        for path in sorted((root / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if "%d %b" in line or "%d %B" in line
    ]
    assert padded == []
