"""The two views of the life story editor: the photos to tick, and the pages in order.

Plain Qt views set up for the keyboard: the grid moves with the arrow keys and
Space ticks the current photo; the pages table edits a caption with F2 (or by
typing) and leaves Tab for moving between controls.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStyle,
    QTableView,
    QWidget,
)

from ui.models.life_story import CAPTION_COLUMN

GRID_SIDE = 112
PAGE_THUMB = 64


def tick_grid(model: QAbstractItemModel, parent: QWidget) -> QListView:
    """Thumbnails with a tick box each (icon mode, cells of one size)."""
    grid = QListView(parent)
    grid.setModel(model)
    grid.setViewMode(QListView.ViewMode.IconMode)
    grid.setMovement(QListView.Movement.Static)
    grid.setResizeMode(QListView.ResizeMode.Adjust)
    # Not uniform: Qt would give every cell the first one's size, and a portrait photo
    # then pushed its name out of its cell (issue 12).  One cell fits any photo: a square
    # icon, the tick box beside it and two lines of words under it.
    grid.setUniformItemSizes(False)
    grid.setIconSize(QSize(GRID_SIDE, GRID_SIDE))
    grid.setSpacing(6)
    style, line = grid.style(), grid.fontMetrics().height()
    tick = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
    grid.setGridSize(QSize(GRID_SIDE + tick + 4 * 6, GRID_SIDE + 2 * line + 3 * 6))
    grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    grid.setAccessibleName("Photos of the child")
    grid.setAccessibleDescription("Arrow keys move between photos; Space ticks one")
    return grid


def pages_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """Page (thumbnail), Caption (editable), Decision; one row selected at a time."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName("Pages of the book")
    table.setAccessibleDescription("Ctrl+Up and Ctrl+Down move the page; F2 edits its caption")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(
        QAbstractItemView.EditTrigger.DoubleClicked
        | QAbstractItemView.EditTrigger.EditKeyPressed
        | QAbstractItemView.EditTrigger.AnyKeyPressed
    )
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.setIconSize(QSize(PAGE_THUMB, PAGE_THUMB))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(PAGE_THUMB + 12)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(CAPTION_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    return table
