"""How far an import has got: a bar, the count, rate and time left in words; the results.

The core reports a ``Progress`` once before the first file (how many there are, as
soon as the decision is made: the worker processes may take seconds to start) and
after every file (done, total, photos per second so far, estimated seconds left);
this widget only shows it.  The words repeat
everything the bar shows, so a screen reader hears the same as a sighted user.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Progress


def time_left_words(seconds: float | None) -> str:
    if seconds is None:
        return "working out the time left"
    if seconds < 1:
        return "almost done"
    if seconds < 60:
        return f"about {math.ceil(seconds)} s left"
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return f"about {minutes} min left"
    return f"about {minutes // 60} h {minutes % 60} min left"


def progress_words(p: Progress) -> str:
    """ "3 of 20 photos · 2.4 photos/s · about 8 s left"."""
    if p.done == 0:
        return f"0 of {p.total} photos · starting · working out the rate and the time left"
    rate = f"{p.rate:.1f} photos/s" if p.rate < 10 else f"{p.rate:.0f} photos/s"
    if p.done >= p.total:
        return f"{p.done} of {p.total} photos · {rate} · finishing"
    return f"{p.done} of {p.total} photos · {rate} · {time_left_words(p.eta_seconds)}"


class ImportProgress(QWidget):
    """Hidden until an import starts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Import progress")
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Photos imported so far")
        self.bar.setTextVisible(True)
        self.bar.setFormat("%v of %m")
        self.words = QLabel(self)
        self.words.setAccessibleName("Import progress in words")
        self.words.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.bar, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.words)
        self.hide()

    @property
    def text(self) -> str:
        return self.words.text()

    def start(self, text: str = "Starting: checking the decision and reading the photos…") -> None:
        self.bar.setRange(0, 0)  # busy until the first file is done
        self.words.setText(text)
        self.show()

    def update_progress(self, p: Progress) -> None:
        if p.done > 0:  # before the first file the bar stays busy: it is working
            self.bar.setRange(0, max(p.total, 1))
            self.bar.setValue(p.done)
        self.words.setText(progress_words(p))
        self.bar.setAccessibleDescription(self.words.text())

    def note(self, text: str) -> None:
        self.words.setText(text)

    def finish(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)


def results_table(model: QAbstractItemModel, parent: QWidget) -> QTableView:
    """The per-file results, one row each; Tab leaves the table (arrows move inside)."""
    view = QTableView(parent)
    view.setModel(model)
    view.setAccessibleName("Results, one row per file")
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
