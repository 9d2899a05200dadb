"""The per-file results of an import, one row each, said in words.

The import dialog fills this model as the core reports progress (one
``FileOutcome`` per file, on the GUI thread) and replaces it with the final
report at the end, which also names the files the import never reached after a
cancel, and the duplicates it removed from the card (already in the vault, R5).
Columns: file name, result in words (Imported / Duplicate / Rejected / Not
reached), faces found (and how many need someone's consent, R11) and the
reason.  :func:`summary` is the one line shown under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from sefton_photos.model import FaceStatus, FileOutcome, ImportReport
from ui.models.rows import Index, RowsTable

HEADERS = ("File", "Result", "Faces found", "Reason")
STATUS_WORDS = {
    "imported": "Imported",
    "duplicate": "Duplicate",
    "rejected": "Rejected",
    "cancelled": "Not reached",
    "skipped_hidden": "Hidden file, left",
}
# Colour only repeats the words of the Result column.
STATUS_COLOURS = {
    "imported": QColor("#005a30"),
    "duplicate": QColor("#0b2545"),
    "rejected": QColor("#8a1c0a"),
    "cancelled": QColor("#383f43"),
    "skipped_hidden": QColor("#383f43"),
}


def status_words(status: str) -> str:
    return STATUS_WORDS.get(status, status.capitalize())


def result_words(outcome: FileOutcome) -> str:
    """The Result column: a duplicate that left the card says so there too."""
    if outcome.status == "duplicate" and outcome.source_removed:
        return "Duplicate, removed from the card"
    return status_words(outcome.status)


def faces_words(outcome: FileOutcome) -> str:
    """ "2 (1 needs consent)", "none", or "—" when the file was not stored."""
    if outcome.status not in ("imported", "duplicate"):
        return "—"
    if outcome.status == "duplicate":
        return "already on file"
    count = len(outcome.faces)
    if count == 0:
        return "none"
    consent = sum(
        1
        for f in outcome.faces
        if f.status in (FaceStatus.UNKNOWN.value, FaceStatus.OTHER_CHILD.value)
    )
    return (
        f"{count} ({consent} need{'s' if consent == 1 else ''} consent)" if consent else str(count)
    )


REMOVED = "Removed from the card."


def reason_words(outcome: FileOutcome) -> str:
    """The core's reason; for a file gone from the card (R5), that it was removed."""
    if outcome.status == "duplicate" and outcome.source_removed:
        photo = f" as photo {outcome.photo_id}" if outcome.photo_id else ""
        return f"Already in the vault{photo}, so not stored twice. {REMOVED}"
    text = outcome.reason or (
        "Encrypted, verified and stored." if outcome.status == "imported" else ""
    )
    return f"{text} {REMOVED}" if outcome.source_removed else text


def names_words(outcomes: Sequence[FileOutcome], most: int = 5) -> str:
    """ "IMG_1.JPG, IMG_2.JPG and 3 more": the file names, as in the table."""
    names = [Path(o.source).name for o in outcomes]
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _count(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word)}"


def summary(report: ImportReport, *, kept_source: bool = False) -> str:
    """One line for the end of an import, e.g. "12 imported, 1 duplicate, 2 rejected. …"."""
    parts = [f"{report.count('imported')} imported"]
    if report.count("duplicate"):
        parts.append(_count(report.count("duplicate"), "duplicate", "duplicates"))
    if report.count("rejected"):
        parts.append(f"{report.count('rejected')} rejected")
    if report.count("cancelled"):
        parts.append(f"{report.count('cancelled')} not reached")
    if report.count("skipped_hidden"):
        parts.append(f"{_count(report.count('skipped_hidden'), 'hidden file')} left on the card")
    text = ", ".join(parts) + "."
    removed = [o for o in report.outcomes if o.status == "duplicate" and o.source_removed]
    if removed:
        text += (
            f" Removed from the card as {'a duplicate' if len(removed) == 1 else 'duplicates'}"
            f" (already in the vault): {names_words(removed)}."
        )
    if report.cancelled:
        text = "Import cancelled: " + text
        if report.count("cancelled"):
            text += " The files not reached are untouched, still where they were."
    if report.count("imported") and not kept_source:
        text += (
            " Each original was removed from the card once its encrypted copy was verified (R5)."
        )
    if report.capture_id is not None:
        text += " Your line manager has been alerted (R10)."
    else:  # R10 (5.5.3.2), R14 (13.1): nothing stored, so nothing logged, no one alerted
        text += (
            " Nothing was imported, so no capture was logged and your line manager was not "
            "alerted (R14, policy 13.1)."
        )
    return text


class ImportResultsModel(RowsTable[FileOutcome]):
    """Rows of ``FileOutcome``; ``UserRole`` gives the outcome itself."""

    StatusRole = Qt.ItemDataRole.UserRole + 1
    headers = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)
        self._row_of: dict[str, int] = {}

    @property
    def outcomes(self) -> list[FileOutcome]:
        return self.rows

    def record(self, outcome: FileOutcome) -> None:
        """Add a file's outcome, or replace the one already shown for the same file."""
        row = self._row_of.get(outcome.source)
        if row is not None:
            self._rows[row] = outcome
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
            return
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(outcome)
        self._row_of[outcome.source] = row
        self.endInsertRows()

    def set_rows(self, rows: Sequence[FileOutcome]) -> None:
        self._row_of = {o.source: i for i, o in enumerate(rows)}
        super().set_rows(rows)

    def set_outcomes(self, outcomes: Sequence[FileOutcome]) -> None:
        self.set_rows(outcomes)

    def texts(self, row: FileOutcome) -> tuple[str, ...]:
        return (Path(row.source).name, result_words(row), faces_words(row), reason_words(row))

    def accessible(self, row: FileOutcome, column: int) -> str:
        return self.texts(row)[column]

    def tooltip(self, row: FileOutcome, column: int) -> str | None:
        return row.source if column == 0 else self.texts(row)[column] or None

    def colour(self, row: FileOutcome, column: int) -> QColor | None:
        return STATUS_COLOURS.get(row.status) if column == 1 else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_for(index)
        if row is not None and role == self.StatusRole:
            return row.status
        return super().data(index, role)
