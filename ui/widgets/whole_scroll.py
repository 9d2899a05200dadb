"""A scroll area that hints the size of everything it holds.

A plain ``QScrollArea`` hints a small fixed size, so a dialog built around one
opens too small and scrolls on a screen that had room for all of it.  This one
hints its content (polished, at its height for that width, plus two lines to spare),
so the dialog opens showing everything whenever the screen allows, and scrolls
rather than clips when it does not (200 %, a small laptop).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QScrollArea


class WholeScrollArea(QScrollArea):
    """Hints the size of all it holds (a plain scroll area hints far less), so the dialog
    opens with nothing to scroll whenever the screen is big enough."""

    def sizeHint(self) -> QSize:
        inner, frame = self.widget(), 2 * self.frameWidth()
        if inner is None:
            return super().sizeHint()
        inner.ensurePolished()  # the stylesheet's paddings count
        hint = inner.sizeHint()
        if inner.hasHeightForWidth():  # wrapped words: as tall as they are at that width
            hint.setHeight(max(hint.height(), inner.heightForWidth(hint.width())))
        # Two lines to spare: the tables settle their headers later, and the count of the
        # chosen folder adds a line or two under it.
        spare = 2 * self.fontMetrics().height()
        return QSize(hint.width() + frame, hint.height() + frame + spare)
