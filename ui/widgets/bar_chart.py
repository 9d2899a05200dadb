"""A bar chart for the dashboard, drawn by QtCharts (part of every PySide6 wheel).

It draws a :class:`~ui.models.dashboard.Series` (named sets of values per
category), with a legend naming every set and the value printed on each bar, so
colour is never the only way to tell bars apart (each set also has its own fill
pattern).  The chart has an accessible name that points to the table beside it,
which holds the same numbers for a screen reader.
"""

from __future__ import annotations

import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.models.dashboard import Series

# Blue, orange, teal, purple, … : distinguishable for the common colour blindnesses.
COLOURS = ("#1d4f91", "#d45d00", "#00703c", "#6f3c97", "#b58800", "#5694ca", "#912b88")
MAX_TICKS = 5  # steps on the value axis at most
CATEGORIES_FLAT = 6  # more categories than this: their labels are written upwards
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.Dense3Pattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.Dense5Pattern,
    Qt.BrushStyle.DiagCrossPattern,
)


def brush_for(index: int) -> QBrush:
    return QBrush(QColor(COLOURS[index % len(COLOURS)]), PATTERNS[index % len(PATTERNS)])


def axis_scale(value: int) -> tuple[int, int]:
    """(maximum, step) of a value axis with room above ``value`` and at most 5 whole steps."""
    room = max(1.0, value * 1.15 + 0.5)
    step = 1
    while room / step > MAX_TICKS:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    top = step * math.ceil(room / step)
    return max(top, step), step


class BarChart(QWidget):
    """A bar chart of a :class:`Series`; ``drawn()`` reads back what it shows.

    ``horizontal`` lays the bars sideways, so long category names ("under 1 week")
    are written in full beside them, first category at the top.
    """

    def __init__(
        self,
        title: str,
        accessible_name: str,
        parent: QWidget | None = None,
        *,
        horizontal: bool = False,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
        self.series = Series((), ())
        self.setAccessibleName(accessible_name)
        self.setAccessibleDescription(title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.chart = QChart()
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setFont(self.font())
        self.chart.setBackgroundRoundness(0)
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setAccessibleName(accessible_name)
        self.chart_view.setAccessibleDescription(title)
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.chart_view)

    def minimumSizeHint(self) -> QSize:
        # Measured when laid out, so it follows the stylesheet's font and the screen scale.
        line = self.fontMetrics().height()
        return QSize(line * 14, line * 17)

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 30, line * 20)

    def set_series(self, series: Series) -> None:
        self.series = series
        chart = self.chart
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        # A sideways chart draws its first category at the bottom: give it the list reversed.
        order = slice(None, None, -1) if self.horizontal else slice(None)
        bars = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        for s, (name, values) in enumerate(series.sets):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values[order]])
            bar_set.setBrush(brush_for(s))
            bar_set.setBorderColor(QColor(COLOURS[s % len(COLOURS)]))
            bar_set.setLabelColor(QColor("#0b0c0c"))
            bar_set.setLabelFont(self.font())
            bars.append(bar_set)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        bars.setLabelsFormat("@value")
        chart.addSeries(bars)
        categories = QBarCategoryAxis()
        categories.append(list(series.categories[order]))
        categories.setLabelsFont(self.font())
        if not self.horizontal and len(series.categories) > CATEGORIES_FLAT:
            categories.setLabelsAngle(-90)
        value_axis = QValueAxis()
        top, step = axis_scale(max((v for _n, vals in series.sets for v in vals), default=0))
        value_axis.setRange(0, top)
        value_axis.setTickCount(top // step + 1)
        value_axis.setLabelFormat("%d")
        value_axis.setLabelsFont(self.font())
        bottom, left = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        chart.addAxis(categories, left if self.horizontal else bottom)
        chart.addAxis(value_axis, bottom if self.horizontal else left)
        bars.attachAxis(categories)
        bars.attachAxis(value_axis)
        # Here, not only when made: by now the style sheet has given the widget its font
        # (issue 12: the legend was smaller than the axes).
        chart.legend().setFont(self.font())
        chart.legend().setVisible(bool(series.sets))

    def drawn(self) -> Series:
        """What is on screen, read back from the chart itself."""
        bars = [s for s in self.chart.series() if isinstance(s, QAbstractBarSeries)]
        if not bars:
            return Series((), ())
        order = slice(None, None, -1) if self.horizontal else slice(None)
        axis = next(a for a in self.chart.axes() if isinstance(a, QBarCategoryAxis))
        return Series(
            tuple(axis.categories()[order]),
            tuple(
                (b.label(), tuple(int(b.at(i)) for i in range(b.count()))[order])
                for b in bars[0].barSets()
            ),
        )
