"""A label for outcomes: errors and confirmations said in words, not only in colour.

The core's messages are shown exactly as they come (they already name the rule
and clause).  An error is styled red *and* its accessible description starts with
"Error:", so a screen reader and a colour-blind reader get the same news.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class MessageLabel(QLabel):
    """Hidden until there is something to say; ``kind`` drives the stylesheet."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("kind", "info")
        self.hide()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def show_error(self, text: str) -> None:
        self._show("error", text, "Error: ")

    def show_info(self, text: str) -> None:
        self._show("info", text, "")

    def clear_message(self) -> None:
        self.setText("")
        self.setAccessibleDescription("")
        self.hide()

    def _show(self, kind: str, text: str, spoken_prefix: str) -> None:
        self.setProperty("kind", kind)
        self.setText(text)
        self.setAccessibleDescription(spoken_prefix + text)
        # Re-polish so the stylesheet notices the changed property.
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
