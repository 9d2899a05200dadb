"""What the export dialog shows per photo: the decisions table, the reasons, the refusals.

Three views over three models, stacked: the photos (thumbnail, ALLOWED or REFUSED
in words, and the result once exported), the reasons for the photo chosen in the
table (:class:`~ui.models.reasons.ReasonsModel`, NOT MET first with rule and
clause), and, whenever a photo is refused, every refusal with its rule and clause
(R14, policy 13.1).  It displays only; the dialog fills :attr:`model`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSize, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QListView,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.models.export_rows import ExportRowsModel, RefusalsModel
from ui.models.reasons import ReasonsModel

THUMB = 72


def reading_list(model: QAbstractItemModel, name: str, parent: QWidget) -> QListView:
    """A read-only, word-wrapping list (reasons are sentences)."""
    view = QListView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setWordWrap(True)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    return view


class ScrolledContent(QWidget):
    """A scroll area's widget that asks only for its MINIMUM height at a width.

    A scroll area sizes a widget whose layout has a height-for-width (wrapped labels)
    to its preferred height, so it would scroll even when everything fits at its
    minimum size; the lists inside grow into whatever room is left.
    """

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1


def scrolled(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` (a :class:`ScrolledContent`) in a scroll area without a frame."""
    content.setObjectName("scrolledContent")
    scroll = QScrollArea(parent)
    scroll.setObjectName("scrolled")
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setStyleSheet(
        "QScrollArea#scrolled, QWidget#scrolledContent { background: transparent; }"
    )
    scroll.setWidget(content)
    scroll.viewport().setAutoFillBackground(False)
    return scroll


class ExportResults(QWidget):
    """Photos table, "Reasons for the chosen photo", "Refused, and why"."""

    def __init__(self, photo_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ExportRowsModel(photo_ids, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Photos and their decisions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setIconSize(QSize(THUMB, THUMB))
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        photos_label = QLabel("Pho&tos:", self)
        photos_label.setBuddy(self.table)

        self.reasons = ReasonsModel(parent=self)
        self.reasons_view = reading_list(self.reasons, "Reasons for the chosen photo", self)
        self.reasons_label = QLabel("&Reasons for the chosen photo:", self)
        self.reasons_label.setBuddy(self.reasons_view)
        self.refusals = RefusalsModel(self)
        self.refusals_view = reading_list(
            self.refusals, "Refused photos, with rule and clause", self
        )
        self.refusals_label = QLabel("Refused, and &why:", self)
        self.refusals_label.setBuddy(self.refusals_view)

        lines = self.fontMetrics().lineSpacing()
        self.table.setMinimumHeight(round((THUMB + 12) * 1.5) + 2 * lines)
        self.reasons_view.setMinimumHeight(4 * lines)
        self.refusals_view.setMinimumHeight(4 * lines)
        # A splitter, so at a large text size the person gives the room to what they read.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setChildrenCollapsible(False)
        self.refusals_pane = QWidget(self)
        for label, view, stretch in (
            (photos_label, self.table, 3),
            (self.reasons_label, self.reasons_view, 2),
            (self.refusals_label, self.refusals_view, 2),
        ):
            pane = self.refusals_pane if view is self.refusals_view else QWidget(self)
            column = QVBoxLayout(pane)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(label)
            column.addWidget(view, 1)
            self.splitter.addWidget(pane)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.refresh()

    def add_preview(self, preview: QWidget) -> None:
        """The picture of the chosen photo as it will be written, beside the reasons."""
        self.splitter.insertWidget(1, preview)
        self.splitter.setStretchFactor(1, 3)

    def current_photo(self) -> int | None:
        current = self.table.currentIndex()
        return self.model.row(current.row()).photo_id if current.isValid() else None

    def refresh(self) -> None:
        """After the model changed: the chosen photo's reasons, and the refusals."""
        self.refusals.set_rows(self.model.refused_rows())
        self.refusals_pane.setVisible(self.refusals.rowCount() > 0)
        current = self.table.currentIndex()
        if not current.isValid() and self.model.rowCount():
            self.table.selectRow(0)
            current = self.model.index(0, 0)
        self._row_changed(current)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        decision = self.model.row(current.row()).shown_decision if current.isValid() else None
        if decision is None:
            self.reasons.clear()
        else:
            self.reasons.set_decision(decision)

    def set_thumbnails(self, images: object) -> None:
        """``{photo id: QImage}`` from the thumbnail loader."""
        assert isinstance(images, dict)
        ratio = QGuiApplication.primaryScreen().devicePixelRatio()
        for photo_id, image in images.items():
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self.model.set_pixmap(photo_id, pixmap)

    def lines(self) -> list[str]:
        return self.model.lines() + self.reasons.lines() + self.refusals.lines()

    def clear(self) -> None:
        self.model.clear()
        self.reasons.clear()
        self.refusals.clear()
