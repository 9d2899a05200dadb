"""The export destinations of REQUIREMENTS.md, in words, and a combo to choose one.

Each destination has a name a person recognises and a sentence saying when it is
allowed, with the rule ids; the rules themselves are the core's
(``sefton_photos.policy.can_export``), this only says them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from sefton_photos.model import Destination
from ui.widgets.choices import choose, chosen, fill

DESTINATIONS: dict[Destination, tuple[str, str]] = {
    Destination.CASE_RECORD: (
        "Child's case record",
        "Always allowed for the allocated worker, into an approved council folder.",
    ),
    Destination.LIFE_STORY_BOOK: (
        "Life story book",
        "Allowed when a consent on the child's file covers life story work (R3, R12).",
    ),
    Destination.PRINT: (
        "Print",
        "As for the case record, and logged. Export first: the clean copy written to the "
        "approved folder is what is printed, never the original.",
    ),
    Destination.PUBLICITY: (
        "Public display / publicity",
        "Never for a cared-for child (R6); needs publicity consent from everyone with "
        "parental responsibility and a communications officer's approval (R7); other "
        "people's faces need their own consent (R11).",
    ),
    Destination.SOCIAL_NETWORK: (
        "Social networking site",
        "Never for a foster, cared-for or previously cared-for child: no role can "
        "override this (R9, policy 5.5.4.10). Otherwise as for publicity (R7, R11).",
    ),
}


PHRASES = {
    Destination.CASE_RECORD: "the child's case record",
    Destination.LIFE_STORY_BOOK: "a life story book",
    Destination.PRINT: "printing",
    Destination.PUBLICITY: "public display or publicity",
    Destination.SOCIAL_NETWORK: "a social networking site",
}


def destination_phrase(destination: Destination) -> str:
    """What follows "for": "for a social networking site"."""
    return PHRASES.get(destination, destination.label)


def when_allowed(destination: Destination) -> str:
    return DESTINATIONS.get(destination, ("", ""))[1]


class DestinationCombo(QComboBox):
    """Every destination, the case record first (the one always open to the worker)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        fill(self, ((words, d) for d, (words, _when) in DESTINATIONS.items()))
        self.setAccessibleName("Destination")
        self.setAccessibleDescription("Where the photos go; each has its own rules")

    def destination(self) -> Destination:
        return chosen(self, Destination) or Destination.CASE_RECORD

    def choose(self, destination: Destination) -> bool:
        return choose(self, destination)
