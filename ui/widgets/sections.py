"""Building blocks of the tabbed sections of a record: a table, action buttons, a tab.

A read-only table says its rows in words (its model decides the words) and lets
one column take the spare width and wrap; action buttons carry an accessible
name and description and never become the default button of a page; a section
is a tab with its buttons above its tables.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def record_table(
    parent: QWidget, model: QAbstractItemModel, name: str, description: str, stretch: int = -1
) -> QTableView:
    """A read-only table of ``model``; column ``stretch`` (default: the last) takes the
    spare width and wraps its words, the others fit their contents."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def action_button(parent: QWidget, text: str, name: str, description: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    button.setAutoDefault(False)
    return button


def section(parent: QWidget, *widgets: QWidget, buttons: tuple[QPushButton, ...] = ()) -> QWidget:
    tab = QWidget(parent)
    layout = QVBoxLayout(tab)
    # At most three buttons a row, so a tab's buttons never make the file view (and so the
    # main window) wider than a 1920 x 1080 screen at 200 % allows.
    for start in range(0, len(buttons), 3):
        row = QHBoxLayout()
        for button in buttons[start : start + 3]:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
    for widget in widgets:
        layout.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
    return tab
