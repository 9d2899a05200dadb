"""Operations on supervision: the page's snapshot, a note's acknowledgement, a session's
note, and a worker's supervision record as a PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.model import Note
    from sefton_photos.session import Session
    from ui.views.supervision_queue import Snapshot


def snapshot(*, parent: QObject | None, session: Session) -> VaultOp[Snapshot]:
    """The team, the queue and the notes, in one call."""
    from ui.views.supervision_queue import load_snapshot  # that view imports this package

    return VaultOp(parent=parent, op=lambda: load_snapshot(session))


def acknowledge(*, parent: QObject | None, session: Session, note_id: int) -> VaultOp[Note]:
    """The worker or their manager acknowledges a note (sealed once both have)."""
    return VaultOp(parent=parent, op=lambda: session.supervision.acknowledge(note_id=note_id))


def record(
    *,
    parent: QObject | None,
    session: Session,
    worker: str,
    item_ids: list[int],
    text: str,
    actions: Sequence[tuple[str, date | None]],
    session_date: date,
) -> VaultOp[Note]:
    """A supervision session's note about these queue items."""
    return VaultOp(
        parent=parent,
        op=lambda: session.supervision.record(
            worker=worker,
            item_ids=item_ids,
            text=text,
            actions=actions,
            session_date=session_date,
        ),
    )


def export(
    *, parent: QObject | None, session: Session, worker: str, since: date, until: date, out: Path
) -> VaultOp[Path]:
    """A worker's supervision record for the period, as a PDF at ``out``."""
    return VaultOp(
        parent=parent,
        op=lambda: session.supervision.export(worker=worker, since=since, until=until, out=out),
    )


def edit(*, parent: QObject | None, session: Session, note_id: int, text: str) -> VaultOp[Note]:
    """The line manager corrects a note's words (refused once it is sealed, R10)."""
    supervision = session.supervision
    return VaultOp(parent=parent, op=lambda: supervision.edit(note_id=note_id, text=text))


def add_addendum(
    *, parent: QObject | None, session: Session, note_id: int, text: str
) -> VaultOp[Note]:
    """Words added to a note, sealed or not; the note itself stays as it was."""
    supervision = session.supervision
    return VaultOp(parent=parent, op=lambda: supervision.add_addendum(note_id=note_id, text=text))
