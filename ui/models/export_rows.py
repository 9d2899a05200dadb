"""The export dialog's models: one row per photo, and the list of what was refused and why.

:class:`ExportRowsModel` holds, for each chosen photo, its thumbnail (when it has
arrived), the core's decision from ``session.exports.preview`` (ALLOWED or
REFUSED, in words) and, once the export ran, its outcome ("Exported as
sefton-000012-001.jpg", or "Refused: not exported").  :class:`RefusalsModel`
lists every refused photo with each rule and clause that stopped it, so nothing
is silently dropped (R14, policy 13.1).  Neither model asks the vault: the dialog
fills them with what the worker brought back.  Colour only repeats the words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap

from sefton_photos.decisions import Decision, Reason
from sefton_photos.model import ExportOutcome
from ui.models.reasons import MET_COLOUR, NOT_MET_COLOUR
from ui.models.rows import RowsTable

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Photo", "Decision", "Result")
CHECKING = "Checking…"
NOT_CHECKED = "Not checked yet"
WILL_EXPORT = "Will be exported"
WILL_NOT = "Will not be exported"


def file_name(outcome: ExportOutcome) -> str:
    return Path(outcome.file).name if outcome.file else ""


def outcome_words(outcome: ExportOutcome) -> str:
    """ "Exported as sefton-000012-001.jpg (1 face blurred)" or "Refused: not exported"."""
    if outcome.status == "exported":
        blurred = (
            f" ({outcome.blurred} face{'s' if outcome.blurred != 1 else ''} blurred)"
            if outcome.blurred
            else ""
        )
        return f"Exported as {file_name(outcome)}{blurred}"
    return "Refused: not exported"


def photos_words(numbers: Sequence[int], total: int) -> str:
    """ "Photo 2 of 3", "Photos 1 and 2 of 2", "Photos 1, 2 and 5 of 6"."""
    if len(numbers) == 1:
        return f"Photo {numbers[0]} of {total}"
    listed = ", ".join(str(n) for n in numbers[:-1]) + f" and {numbers[-1]}"
    return f"Photos {listed} of {total}"


@dataclass
class ExportRow:
    photo_id: int
    number: int
    total: int
    decision: Decision | None = None
    outcome: ExportOutcome | None = None
    checking: bool = False

    @property
    def label(self) -> str:
        return photos_words([self.number], self.total)

    @property
    def verdict(self) -> str:
        if self.outcome is not None:
            return self.outcome.decision.verdict
        if self.checking:
            return CHECKING
        return self.decision.verdict if self.decision is not None else NOT_CHECKED

    @property
    def result(self) -> str:
        if self.outcome is not None:
            return outcome_words(self.outcome)
        if self.decision is None:
            return ""
        return WILL_EXPORT if self.decision.allowed else WILL_NOT

    @property
    def shown_decision(self) -> Decision | None:
        return self.outcome.decision if self.outcome is not None else self.decision


class ExportRowsModel(RowsTable[ExportRow]):
    """Photo (thumbnail and "Photo 2 of 3"), Decision (ALLOWED/REFUSED), Result."""

    PhotoIdRole = Qt.ItemDataRole.UserRole
    DecisionRole = Qt.ItemDataRole.UserRole + 1
    OutcomeRole = Qt.ItemDataRole.UserRole + 2
    headers = HEADERS

    def __init__(self, photo_ids: Sequence[int] = (), parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._pixmaps: dict[int, QIcon] = {}  # scaled by the view to its icon size
        self.set_photos(photo_ids)

    # -- contents ------------------------------------------------------------------------------

    def set_photos(self, photo_ids: Sequence[int]) -> None:
        self.beginResetModel()
        total = len(photo_ids)
        self._rows = [ExportRow(pid, n, total) for n, pid in enumerate(photo_ids, 1)]
        self._pixmaps.clear()
        self.endResetModel()

    def clear(self) -> None:
        """Forget the rows and every thumbnail (on lock)."""
        self.set_photos(())

    @property
    def photo_ids(self) -> list[int]:
        return [r.photo_id for r in self._rows]

    def row(self, row: int) -> ExportRow:
        return self._rows[row]

    def row_of(self, photo_id: int) -> int | None:
        return next((n for n, r in enumerate(self._rows) if r.photo_id == photo_id), None)

    def checking(self) -> None:
        """A new check started: old decisions and outcomes may no longer hold."""
        for r in self._rows:
            r.checking, r.decision, r.outcome = True, None, None
        self._changed_all()

    def set_preview(self, decisions: Sequence[tuple[int, Decision]]) -> None:
        found = dict(decisions)
        for r in self._rows:
            r.checking, r.decision, r.outcome = False, found.get(r.photo_id), None
        self._changed_all()

    def set_outcome(self, outcome: ExportOutcome) -> None:
        row = self.row_of(outcome.photo_id)
        if row is None:
            return
        self._rows[row].outcome = outcome
        self._rows[row].checking = False
        self._changed(row)

    def set_pixmap(self, photo_id: int, pixmap: QPixmap) -> None:
        self._pixmaps[photo_id] = QIcon(pixmap)
        row = self.row_of(photo_id)
        if row is not None:
            self._changed(row)

    # -- questions -----------------------------------------------------------------------------

    def allowed_ids(self) -> list[int]:
        return [r.photo_id for r in self._rows if r.decision is not None and r.decision.allowed]

    def refused_rows(self) -> list[ExportRow]:
        return [r for r in self._rows if (d := r.shown_decision) is not None and not d.allowed]

    def outcomes(self) -> list[ExportOutcome]:
        return [r.outcome for r in self._rows if r.outcome is not None]

    def exported_files(self) -> list[Path]:
        return [Path(o.file) for o in self.outcomes() if o.status == "exported" and o.file]

    def lines(self) -> list[str]:
        """Every row in words, with each reason line (what a screen reader or a test reads)."""
        out = []
        for r in self._rows:
            out.append(f"{r.label}: {r.verdict}. {r.result}.")
            decision = r.shown_decision
            if decision is not None:
                shown = decision.reasons if decision.allowed else decision.blocking
                out += [f"  {reason.line()}" for reason in shown]
        return out

    # -- the model -----------------------------------------------------------------------------

    def texts(self, row: ExportRow) -> tuple[str, ...]:
        return (row.label, row.verdict, row.result)

    def accessible(self, row: ExportRow, column: int) -> str:
        return f"{HEADERS[column]}: {self.texts(row)[column]}"

    def tooltip(self, row: ExportRow, column: int) -> str | None:
        return self.accessible(row, column)

    def colour(self, row: ExportRow, column: int) -> QColor | None:
        decision = row.shown_decision
        if column not in (1, 2) or decision is None:
            return None
        return MET_COLOUR if decision.allowed else NOT_MET_COLOUR

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        r = self.row_for(index)
        if r is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmaps.get(r.photo_id) if column == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            if column != 1 or r.shown_decision is None:
                return None
            font = QFont()
            font.setBold(True)
            return font
        if role == self.PhotoIdRole:
            return r.photo_id
        if role == self.DecisionRole:
            return r.shown_decision
        if role == self.OutcomeRole:
            return r.outcome
        return super().data(index, role)

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _changed_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 2))


class RefusalsModel(QAbstractListModel):
    """One row per reason that refused at least one photo, with the photos it refused:
    "Photos 1 and 2 of 2: R9 (policy 5.5.4.10): …" (the same reason is said once)."""

    ReasonRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, Reason | None]] = []

    def set_rows(self, rows: Sequence[ExportRow]) -> None:
        found: dict[Reason | None, list[int]] = {}
        total = 0
        for r in rows:
            decision = r.shown_decision
            if decision is None or decision.allowed:
                continue
            total = r.total
            for reason in decision.blocking or (None,):
                found.setdefault(reason, []).append(r.number)
        self.beginResetModel()
        self._items = [(photos_words(numbers, total), reason) for reason, numbers in found.items()]
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def lines(self) -> list[str]:
        return [self._line(n) for n in range(len(self._items))]

    def _line(self, row: int) -> str:
        label, reason = self._items[row]
        if reason is None:
            return f"{label}: REFUSED: no rule allows this export."
        return f"{label}: {reason.rule} ({reason.where}): {reason.words}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._line(index.row())
        if role == self.ReasonRole:
            return self._items[index.row()][1]
        if role == Qt.ItemDataRole.ForegroundRole:
            return NOT_MET_COLOUR
        return None
