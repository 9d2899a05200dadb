"""The line manager's dashboard (R10, R12): the team's numbers for a period, drawn and in words.

Two charts (captures per week per worker; open supervision items by age), each
with a table holding exactly the same numbers for screen readers and for anyone
who cannot tell the bars apart, then "Consents expiring in the next 30 days" and
"Photos flagged by withdrawn consent, waiting for review".  Everything comes from
``session.dashboard.build`` on the vault worker (the core decides who sees what
and audits the view); it is loaded the first time the tab is shown and again when
the period changes.  :meth:`DashboardView.forget` empties every model on lock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.services.dashboard import Dashboard
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.supervision_note import date_edit, to_date
from ui.models.dashboard import (
    Series,
    TextTableModel,
    age_rows,
    age_series,
    by_child_rows,
    captures_rows,
    captures_series,
    expiring_rows,
    flagged_rows,
)
from ui.ops import Latest, VaultOp, describe
from ui.widgets.bar_chart import BarChart
from ui.widgets.message import MessageLabel
from ui.widgets.sections import record_table

DEFAULT_PERIOD = timedelta(weeks=12)
MAX_ROWS = 12  # a longer table scrolls inside itself
CAPTURES_CHART = "Chart: captures per week per worker; the table below has the same numbers"
AGES_CHART = "Chart: open supervision items by age; the table below has the same numbers"

Table = tuple[list[str], list[list[str]]]


class Section(QWidget):
    """A titled table (optionally under a chart) with a sentence shown when it is empty.

    The table is as tall as its rows (up to ``MAX_ROWS``), so the page scrolls as one
    and a short list does not sit in a tall empty box.
    """

    def __init__(
        self,
        title: str,
        empty_text: str,
        parent: QWidget,
        chart: BarChart | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.empty_text = empty_text
        self.title = QLabel(title, self)
        self.title.setProperty("role", "subtitle")
        self.title.setWordWrap(True)
        self.model = TextTableModel(parent=self)
        self.table = record_table(self, self.model, title.replace("&", ""), "")
        self.title.setBuddy(self.table)
        self.chart = chart
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.note.setAccessibleName(f"About {title.replace('&', '').lower()}")
        self.note.setVisible(bool(note))
        self.empty = QLabel(empty_text, self)
        self.empty.setWordWrap(True)
        self.empty.setProperty("role", "hint")
        self.empty.setAccessibleName(f"{title.replace('&', '')}: empty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        if chart is not None:
            layout.addWidget(chart)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addStretch(1)

    def set_table(self, table: Table, *, empty: bool | None = None) -> None:
        headers, rows = table
        self.model.set_table(headers, rows)
        is_empty = not rows if empty is None else empty
        self.empty.setVisible(is_empty)
        self.table.setVisible(bool(rows))
        self.fit()

    def fit(self) -> None:
        """Height for the rows shown (measured, so it follows the font size and scale)."""
        table = self.table
        table.resizeRowsToContents()
        shown = min(self.model.rowCount(), MAX_ROWS)
        rows = sum(table.rowHeight(r) for r in range(shown))
        header = table.horizontalHeader()
        frame = 2 * table.frameWidth()
        too_wide = header.length() > table.width() - frame
        bar = table.horizontalScrollBar().sizeHint().height() if too_wide else 0
        table.setFixedHeight(rows + header.sizeHint().height() + bar + frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()  # a narrower window may now need the sideways scroll bar

    def clear(self) -> None:
        self.model.clear()
        self.empty.setVisible(False)
        self.table.setVisible(False)


class DashboardView(QWidget):
    """Period picker, the two charts with their tables, and the two lists."""

    loaded = Signal()  # the dashboard was (re)built, or failed to build

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        self.board: Dashboard | None = None
        self.is_loaded = False
        self._latest = Latest()
        self.setAccessibleName("Dashboard")
        until = today()
        self.since_edit = date_edit(self, "Period from", until - DEFAULT_PERIOD)
        self.until_edit = date_edit(self, "Period to", until)
        since_label = QLabel("Fro&m:", self)
        since_label.setBuddy(self.since_edit)
        until_label = QLabel("&To:", self)
        until_label.setBuddy(self.until_edit)
        self.update_button = QPushButton("&Update dashboard", self)
        self.update_button.setAccessibleName("Update dashboard")
        self.update_button.setAccessibleDescription("Build the dashboard for the chosen period")
        self.update_button.setAutoDefault(True)
        self.message = MessageLabel("Dashboard message", self)
        period = QHBoxLayout()
        for widget in (since_label, self.since_edit, until_label, self.until_edit):
            period.addWidget(widget)
        period.addWidget(self.update_button)
        period.addStretch(1)

        content = QWidget(self)
        self.captures_chart = BarChart("Captures per week per worker", CAPTURES_CHART, content)
        self.ages_chart = BarChart("Open items by age", AGES_CHART, content, horizontal=True)
        self.captures = Section(
            "Captures per &week per worker",
            "No captures by your team in this period.",
            content,
            self.captures_chart,
            note="The table lists the weeks with captures; every other week had none.",
        )
        self.ages = Section(
            "Open items by &age", "No open supervision items.", content, self.ages_chart
        )
        self.expiring = Section(
            "Consents &expiring in the next 30 days",
            "No consent on your team's files expires in the next 30 days.",
            content,
        )
        self.flagged = Section(
            "Photos f&lagged by withdrawn consent, waiting for review",
            "No photos are waiting for review.",
            content,
        )
        self.by_child = Section(
            "Captures by child and &purpose", "No captures in this period.", content
        )
        charts = QHBoxLayout()
        charts.setSpacing(24)
        charts.addWidget(self.captures, 3)
        charts.addWidget(self.ages, 2)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 12, 12)
        column.setSpacing(18)
        column.addLayout(charts)
        column.addWidget(self.expiring)
        column.addWidget(self.flagged)
        column.addWidget(self.by_child)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName("Dashboard contents")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(period)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self.update_button.clicked.connect(self.refresh)
        self.forget()

    @property
    def sections(self) -> Sequence[Section]:
        return (self.captures, self.ages, self.expiring, self.flagged, self.by_child)

    def ensure_loaded(self) -> VaultOp[Dashboard] | None:
        """Build the dashboard unless it is already shown (the tab was opened)."""
        return None if self.is_loaded else self.refresh()

    def set_period(self, since: date, until: date) -> None:
        self.since_edit.setDate(QDate(since.year, since.month, since.day))
        self.until_edit.setDate(QDate(until.year, until.month, until.day))

    def refresh(self) -> VaultOp[Dashboard] | None:
        since, until = to_date(self.since_edit), to_date(self.until_edit)
        if until < since:
            self.message.show_error("The period ends before it starts: change From or To.")
            return None
        self.is_loaded = True
        ticket, today = self._latest.start(), self.today()
        self.update_button.setEnabled(False)
        self.message.clear_message()

        def done(board: Dashboard) -> None:
            if self._latest.current(ticket):
                self.update_button.setEnabled(True)
                self.show_board(board, today)
                self.loaded.emit()

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.update_button.setEnabled(True)
                self.is_loaded = False
                self.message.show_error(describe(error))
                self.loaded.emit()

        op = operations.dashboard.build(
            parent=self, session=self.session, since=since, until=until, today=today
        )
        return op.success(done).failure(failed).run()

    def show_board(self, board: Dashboard, today: date) -> None:
        self.board = board
        self.captures_chart.set_series(captures_series(board))
        self.captures.set_table(captures_rows(board), empty=not board.captures_per_week)
        ages = age_series(board)
        self.ages_chart.set_series(ages)
        self.ages.set_table(age_rows(board), empty=not any(ages.values_of("Open items")))
        self.expiring.set_table(expiring_rows(board, today))
        self.flagged.set_table(flagged_rows(board))
        self.by_child.set_table(by_child_rows(board))

    def forget(self) -> None:
        """Drop every number and name shown (on lock); answers on the way are dropped."""
        self._latest.drop()
        self.board = None
        self.is_loaded = False
        self.update_button.setEnabled(True)
        self.message.clear_message()
        for chart in (self.captures_chart, self.ages_chart):
            chart.set_series(Series((), ()))
        for section in self.sections:
            section.clear()
