"""What every page of the main window shares: a title, and what to do on lock/unlock.

On lock the window calls :meth:`Page.on_locked` on every page so that whatever a
page shows (later: photos, children's names) is dropped from its models, not just
hidden; on unlock :meth:`Page.on_unlocked` lets it load again.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Page(QWidget):
    """A page with a heading; subclasses add their content to :attr:`body`."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"page-{key}")
        self.setAccessibleName(f"{title} page")
        self.heading = QLabel(title, self)
        self.heading.setProperty("role", "title")
        self.heading.setAccessibleName(title)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(24, 20, 24, 20)
        self.body.setSpacing(12)
        self.body.addWidget(self.heading)

    def on_locked(self) -> None:
        """Forget what is shown; the vault's keys are about to go."""

    def on_unlocked(self) -> None:
        """The vault is open again: load what the page shows."""


class PlaceholderPage(Page):
    """A page that is not built yet: one friendly sentence of what will be there."""

    def __init__(self, key: str, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(key, title, parent)
        self.text = QLabel(text, self)
        self.text.setWordWrap(True)
        self.text.setAccessibleName(f"About the {title} page")
        self.body.addWidget(self.text)
        self.body.addStretch(1)

    def showEvent(self, event: QShowEvent) -> None:
        # Lines of about 75 characters read best; measured once the stylesheet set the font.
        self.text.setMaximumWidth(self.text.fontMetrics().averageCharWidth() * 75)
        super().showEvent(event)


PLACEHOLDER_TEXT = {
    "children": (
        "The children you work with will be listed here, with their consents, their "
        "wishes and their photos. Before a session you will be able to check that "
        "consent is on file for what you plan to do."
    ),
    "supervision": (
        "Captures waiting for a supervision note will be listed here: line managers "
        "see every capture by their team, and workers see their own until it is "
        "recorded in supervision."
    ),
    "publicity": (
        "Requests to use photos for publicity will be listed here, for you to approve "
        "or refuse, with the consents they rest on."
    ),
}
