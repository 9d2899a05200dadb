"""Operations on exports: the approved locations, the check before an export, the export
of a photo, and the redacted picture an export would write."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    import threading
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.decisions import Decision
    from sefton_photos.model import Destination, ExportOutcome, ExportProgress
    from sefton_photos.services.exporter import RedactedView
    from sefton_photos.session import Session

    Checked = tuple[Decision | None, list[tuple[int, Decision]]]


def locations(*, parent: QObject | None, session: Session) -> VaultOp[list[tuple[int, str, str]]]:
    """The approved export locations: id, label and folder."""
    return VaultOp(parent=parent, op=session.locations.list)


def add_location(
    *, parent: QObject | None, session: Session, path: Path, label: str | None
) -> VaultOp[int]:
    locations = session.locations
    return VaultOp(parent=parent, op=lambda: locations.add(path=path, label=label))


def remove_location(*, parent: QObject | None, session: Session, location_id: int) -> VaultOp[str]:
    locations = session.locations
    return VaultOp(parent=parent, op=lambda: locations.remove(location_id=location_id))


def check(
    *,
    parent: QObject | None,
    session: Session,
    photo_ids: list[int],
    destination: Destination,
    folder: Path | None,
    blur: bool,
) -> VaultOp[Checked]:
    """The folder's verdict (None: no folder yet) and each photo's, writing nothing."""

    def work() -> Checked:
        where = session.locations.check(folder)[0] if folder is not None else None
        return where, session.exports.preview(
            photo_ids=photo_ids, destination=destination, blur_all_but_consented=blur
        )

    return VaultOp(parent=parent, op=work)


def export(
    *,
    parent: QObject | None,
    session: Session,
    photo_ids: list[int],
    destination: Destination,
    out: Path,
    blur: bool,
    progress: Callable[[ExportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> VaultOp[list[ExportOutcome]]:
    """Export these photos to ``out`` in one call (the core decides again for each one);
    ``progress`` is called on the worker after each photo, ``cancel`` stops before the next."""
    exports = session.exports
    return VaultOp(
        parent=parent,
        op=lambda: exports.run(
            photo_ids=photo_ids,
            destination=destination,
            out=out,
            blur_all_but_consented=blur,
            progress=progress,
            cancel=cancel,
        ),
    )


def redacted(
    *,
    parent: QObject | None,
    session: Session,
    photo_id: int,
    destination: Destination,
    blur_all_but_consented: bool,
    max_side: int,
) -> VaultOp[RedactedView]:
    """The photo as an export to ``destination`` would write it, faces blurred."""
    exports = session.exports
    return VaultOp(
        parent=parent,
        op=lambda: exports.redacted(
            photo_id=photo_id,
            destination=destination,
            blur_all_but_consented=blur_all_but_consented,
            max_side=max_side,
        ),
    )
