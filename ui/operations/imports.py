"""Operations on imports: the form's choices, the count of photos chosen, the check before
an import (R1-R5, nothing read), and the import itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sefton_photos.errors import SeftonError
from ui.ops import VaultOp

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.decisions import Decision
    from sefton_photos.model import Child, Device, ImportReport, Progress, Purpose
    from sefton_photos.session import Session
    from sefton_photos.support.import_count import ImportCount
    from sefton_photos.support.pipeline import Cancel
    from ui.widgets.capture_form import CaptureInputs

    Choices = tuple[list[Child], list[Device], bool | None]


def choices(*, parent: QObject | None, session: Session) -> VaultOp[Choices]:
    """The children and devices to choose from, and the vault's face matching setting
    (None when it cannot be read: the box keeps its default)."""

    def work() -> Choices:
        try:  # R13: the box starts as the vault's setting (the core applies it anyway)
            matching: bool | None = bool(session.faces.settings().enabled)
        except SeftonError:
            matching = None
        return session.children.list(), session.devices.list(), matching

    return VaultOp(parent=parent, op=work)


def count(*, parent: QObject | None, session: Session, paths: list[Path]) -> VaultOp[ImportCount]:
    """How many photos the chosen folders and files hold, walked as the import will."""
    imports = session.imports
    return VaultOp(parent=parent, op=lambda: imports.count(paths=paths))


def decide(
    *, parent: QObject | None, session: Session, given: CaptureInputs, purpose: Purpose
) -> VaultOp[Decision]:
    """Would an import with these inputs be allowed (reads no file)."""
    imports = session.imports
    return VaultOp(
        parent=parent,
        op=lambda: imports.decide(
            child_ids=given.child_ids,
            purpose=purpose,
            purpose_note=given.purpose_note,
            device=given.device,
            attested=given.attested,
        ),
    )


def run(
    *,
    parent: QObject | None,
    session: Session,
    given: CaptureInputs,
    purpose: Purpose,
    progress: Callable[[Progress], None],
    cancel: Cancel,
    workers: int | None,
) -> VaultOp[ImportReport]:
    """Import the chosen photos; the core decides again before reading any file."""
    imports = session.imports
    return VaultOp(
        parent=parent,
        op=lambda: imports.run(
            child_ids=given.child_ids,
            purpose=purpose,
            purpose_note=given.purpose_note,
            device=given.device,
            attested=given.attested,
            paths=list(given.paths),
            note=given.note,
            keep_source=given.keep_source,
            keep_source_reason=given.keep_source_reason or None,
            match_faces=given.match_faces,
            progress=progress,
            cancel=cancel,
            workers=workers,
        ),
    )
