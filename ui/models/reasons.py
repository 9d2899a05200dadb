"""The reasons of a consent check, one row each, said in words.

A :class:`~sefton_photos.decisions.Decision` from ``session.consents.check`` carries
every reason the policy weighed, met or not.  Each row says "met" or "NOT MET",
the rule and clause ("R3 · policy 5.5.4.3") and the reason's own words, which for
an unmet reason end with "To allow: …".  Reasons that are NOT MET come first (in
the core's order), because they are what a worker must act on; colour only
repeats the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sefton_photos.decisions import Decision, Reason

Index = QModelIndex | QPersistentModelIndex
MET_COLOUR = QColor("#005a30")
NOT_MET_COLOUR = QColor("#8a1c0a")


def state_words(reason: Reason) -> str:
    return "met" if reason.met else "NOT MET"


def rule_words(reason: Reason) -> str:
    """``R3 · policy 5.5.4.3`` (or ``ACCESS · requirements, …``)."""
    return f"{reason.rule} · {reason.where}"


def reason_heading(reason: Reason) -> str:
    return f"{state_words(reason)} · {rule_words(reason)}"


class ReasonsModel(QAbstractListModel):
    """Rows of reasons; the custom roles give each part for a delegate or a test."""

    ReasonRole = Qt.ItemDataRole.UserRole
    MetRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2
    RuleRole = Qt.ItemDataRole.UserRole + 3
    WordsRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, reasons: Sequence[Reason] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reasons: list[Reason] = []
        self.set_reasons(reasons)

    def set_reasons(self, reasons: Sequence[Reason]) -> None:
        self.beginResetModel()
        self._reasons = [r for r in reasons if not r.met] + [r for r in reasons if r.met]
        self.endResetModel()

    def set_decision(self, decision: Decision) -> None:
        self.set_reasons(decision.reasons)

    def clear(self) -> None:
        self.set_reasons(())

    @property
    def reasons(self) -> list[Reason]:
        return list(self._reasons)

    def reason_at(self, row: int) -> Reason:
        return self._reasons[row]

    def lines(self) -> list[str]:
        """Every row as one line of text (what a screen reader hears)."""
        return [f"{reason_heading(r)}: {r.words}" for r in self._reasons]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._reasons)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._reasons):
            return None
        reason = self._reasons[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{reason_heading(reason)}\n{reason.words}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{reason_heading(reason)}: {reason.words}"
        if role == self.ReasonRole:
            return reason
        if role == self.MetRole:
            return reason.met
        if role == self.StateRole:
            return state_words(reason)
        if role == self.RuleRole:
            return rule_words(reason)
        if role == self.WordsRole:
            return reason.words
        if role == Qt.ItemDataRole.ForegroundRole:
            return MET_COLOUR if reason.met else NOT_MET_COLOUR
        return None
