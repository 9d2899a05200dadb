"""A capture decision shown before anything is imported: ALLOWED or REFUSED, then every reason.

The verdict is a word (coloured green or red by a stylesheet property, but the
word is the signal), a sentence saying what it means, and the reasons the core
weighed, NOT MET first, each with its rule and clause (R14, policy 13.1).  It
only displays a :class:`~sefton_photos.decisions.Decision`; it never asks the
vault.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.decisions import Decision
from ui.models.reasons import ReasonsModel

STYLE = """
QLabel#verdict { font-size: 16pt; font-weight: bold; padding: 2px 12px; border-radius: 4px; }
QLabel#verdict[verdict="allowed"] { color: #ffffff; background: #00703c; }
QLabel#verdict[verdict="refused"] { color: #ffffff; background: #d4351c; }
QLabel#verdict[verdict="waiting"] { color: #0b0c0c; background: #dee0e2; }
QListView#reasons::item { padding: 4px 4px; border-bottom: 1px solid #b1b4b6; }
"""
WAITING = "Checking…"
CHOOSE = "Choose…"


def decision_sentence(decision: Decision) -> str:
    if decision.allowed:
        return "These photos may be imported: every rule below is met."
    blocking = len(decision.blocking)
    return (
        f"Nothing will be imported: {blocking} rule{'s are' if blocking != 1 else ' is'} "
        "NOT MET (listed first, with what would allow it)."
    )


class DecisionView(QWidget):
    """Verdict word, sentence and reasons list; :meth:`show_decision` fills it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        self.setAccessibleName(name)
        self.decision: Decision | None = None
        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setAccessibleName("Verdict")
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName("What the verdict means")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ReasonsModel(parent=self)
        self.reasons_view = QListView(self)
        self.reasons_view.setObjectName("reasons")
        self.reasons_view.setModel(self.model)
        self.reasons_view.setAccessibleName("Reasons of the check")
        self.reasons_view.setAccessibleDescription(
            "Every rule the check weighed: met or NOT MET, the rule and clause, and in words"
        )
        self.reasons_view.setWordWrap(True)
        self.reasons_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.reasons_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.reasons_view.setAlternatingRowColors(True)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.sentence, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.reasons_view, 1)
        self.clear()

    @property
    def verdict_text(self) -> str:
        return self.verdict.text()

    def reason_lines(self) -> list[str]:
        return self.model.lines()

    def _set_verdict(self, word: str, kind: str) -> None:
        self.verdict.setText(word)
        self.verdict.setProperty("verdict", kind)
        self.verdict.setAccessibleName(f"Verdict: {word}")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.show()

    def waiting(self, text: str = "The check runs as you fill in the form.") -> None:
        """No answer yet for what is filled in (the old one is dropped: it may not hold)."""
        self.decision = None
        self._set_verdict(WAITING, "waiting")
        self.sentence.setText(text)
        self.sentence.setAccessibleName(text)
        self.model.clear()

    def not_ready(self, text: str) -> None:
        """Nothing to decide yet (no child, no purpose): "Choose…", never a verdict."""
        self.decision = None
        self._set_verdict(CHOOSE, "waiting")
        self.sentence.setText(text)
        self.sentence.setAccessibleName(text)
        self.model.clear()

    def show_decision(self, decision: Decision) -> None:
        self.decision = decision
        self._set_verdict(decision.verdict, decision.verdict.lower())
        self.sentence.setText(decision_sentence(decision))
        self.sentence.setAccessibleName(self.sentence.text())
        self.model.set_decision(decision)

    def clear(self) -> None:
        self.decision = None
        self.verdict.clear()
        self.verdict.hide()
        self.sentence.clear()
        self.model.clear()
