"""What an import or an export reports back: per file or photo, as it goes, and at the end.

Plain dataclasses, like the rest of ``model/``: the services build them, the UI and the
CLI only read them, so neither needs the importer or the exporter (and their database
imports) to name what they were given.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sefton_photos.decisions import Decision


@dataclass(frozen=True, slots=True)
class FaceOutcome:
    box: tuple[int, int, int, int]
    child_id: int | None
    distance: float | None
    status: str


@dataclass(frozen=True, slots=True)
class FileOutcome:
    source: str
    status: str  # imported | duplicate | rejected | cancelled | skipped_hidden
    photo_id: int | None = None
    reason: str | None = None
    faces: tuple[FaceOutcome, ...] = ()
    source_removed: bool = False  # the file is gone from the card (verified in the vault, R5)


@dataclass(frozen=True, slots=True)
class Progress:
    """After every file; and once with ``done == 0`` and ``last is None`` before the first,
    as soon as the decision is made and the files are counted (the pool may take a while)."""

    done: int
    total: int
    rate: float  # photos per second so far
    eta_seconds: float | None
    last: FileOutcome | None


@dataclass(slots=True)
class ImportReport:
    decision: Decision
    capture_id: int | None = None
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    photo_id: int
    status: str  # exported | refused
    file: str | None
    decision: Decision
    blurred: int = 0


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """After every photo an export tried: how many of how many, and that photo's outcome."""

    done: int
    total: int
    last: ExportOutcome
