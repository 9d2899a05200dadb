"""The record a judged export leaves: its ``exports`` row, and for a refusal its audit
entry and the line manager's queue item (R10, R14).

The export service and the life story book both refuse pages this way, so a refused
export reads the same wherever it was refused.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.decisions import Decision
from sefton_photos.model import Destination, User
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.services.supervision import raise_item
from sefton_photos.support.context import ServiceContext


def record_export(
    db: OrmSession,
    *,
    actor: User,
    destination: Destination,
    decision: Decision,
    out: Path,
    location_id: int | None,
) -> cw.Export:
    """The ``exports`` row of one judged photo, allowed or not."""
    row = cw.Export(
        user_id=actor.id,
        destination=destination.value,
        location_id=location_id,
        target=str(out),
        allowed=decision.allowed,
        decision=json.dumps(decision.as_dict()),
        at=utcnow(),
    )
    db.add(row)
    db.flush()
    return row


def record_refused(
    ctx: ServiceContext,
    *,
    photo_id: int,
    destination: Destination,
    decision: Decision,
    out: Path,
    location_id: int | None,
) -> None:
    """A refused export of one photo: recorded, audited, and put on the queue of the
    worker's line manager (R10), in one transaction."""
    with ctx.vault.unit() as db:
        row = record_export(
            db,
            actor=ctx.actor,
            destination=destination,
            decision=decision,
            out=out,
            location_id=location_id,
        )
        child = db.scalar(
            select(cw.CaptureChild.child_id)
            .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
            .where(cw.CapturePhoto.photo_id == photo_id)
            .limit(1)
        )
        ctx.audit(
            db,
            action="export.refused",
            subject=f"photo {photo_id}",
            details={"export": row.id, **decision.audit_dict()},
        )
        rules = sorted({r.rule for r in decision.blocking})
        raise_item(
            db,
            worker_id=ctx.actor.id,
            kind="refused_export",
            child_id=child,
            summary=f"Export of photo {photo_id} to {destination.label} was refused "
            f"({', '.join(rules)}).",
        )
