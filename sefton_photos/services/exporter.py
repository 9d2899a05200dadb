"""Export: photos leave the vault only as the policy allows, and never carry what
they must not (R5, R6, R7, R9, R11, R12, R14).

For each photo and destination the decision comes first and is shown before
anything is written.  The target folder must lie inside an approved council
location that is neither removable nor a personal sync folder.  An allowed photo
is re-encoded from its pixels with faces lacking consent blurred, proven clean by
reading it back, and written under a neutral name.  Every attempt is audited; a
refused one also goes on the worker's line manager's queue (R10).
Available on a session as ``session.exports``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, policy
from sefton_photos.access import NEED_TO_KNOW
from sefton_photos.decisions import Decision, Reason, allow, refuse
from sefton_photos.errors import InvalidInput, NotFound, SeftonError, VaultError
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.redact import blur_faces, clean_jpeg, prove_clean
from sefton_photos.model import (
    Destination,
    ExportFacts,
    ExportOutcome,
    ExportProgress,
)
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.services import export_records
from sefton_photos.services.export_facts import export_facts
from sefton_photos.services.locations import LocationsService, safe_resolve
from sefton_photos.services.outputs import OutputsService, Target
from sefton_photos.support import blobs
from sefton_photos.support.context import Service, ServiceContext

if TYPE_CHECKING:
    from sefton_photos.support.pipeline import Cancel


@dataclass(frozen=True, slots=True)
class RedactedView:
    """A photo as an export to ``destination`` would write it, scaled down to look at.

    ``allowed`` False: nothing would be written; the picture then has every face blurred.
    """

    photo_id: int
    jpeg: bytes
    blurred: int
    allowed: bool


class ExportService(Service):
    def __init__(self, ctx: ServiceContext, *, locations: LocationsService) -> None:
        super().__init__(ctx)
        self.locations = locations
        self.outputs = OutputsService(ctx, locations=locations)

    # -- facts and decisions -------------------------------------------------------------------

    def preview(
        self,
        *,
        photo_ids: list[int],
        destination: Destination,
        today: date | None = None,
        blur_all_but_consented: bool = False,
    ) -> list[tuple[int, Decision]]:
        """Each photo's decision, before anything is written (R14); an allowed one names
        the faces the export will blur (``Decision.blur``, R11)."""
        judged = self._judge(photo_ids, destination, today, blur_all_but_consented)
        return [(pid, decision) for pid, decision, _ in judged]

    def _judge(
        self,
        photo_ids: list[int],
        destination: Destination,
        today: date | None,
        blur_all_but_consented: bool,
    ) -> list[tuple[int, Decision, ExportFacts | None]]:
        """Each photo's facts, gathered once, and the decision on them."""
        out: list[tuple[int, Decision, ExportFacts | None]] = []
        with self.vault.unit() as db:
            for pid in photo_ids:
                facts = export_facts(db, actor=self.actor, photo_id=pid, destination=destination)
                if facts is None:
                    unseen = f"There is no photo {pid} among the photos you may see."
                    out.append((pid, refuse(Reason("ACCESS", NEED_TO_KNOW, unseen)), None))
                else:
                    decision = policy.can_export(
                        facts,
                        destination,
                        today or date.today(),
                        blur_all_but_consented=blur_all_but_consented,
                    )
                    out.append((pid, decision, facts))
        return out

    def redacted(
        self,
        *,
        photo_id: int,
        destination: Destination,
        child_id: int | None = None,
        blur_all_but_consented: bool = False,
        max_side: int = 1024,
        today: date | None = None,
    ) -> RedactedView:
        """The export preview's picture: the blur the decision names, applied to the
        full-size photo exactly as the export does, then scaled down (R11).  Nothing is
        written; the view is audited like any view of a photo."""
        if not 64 <= max_side <= 4096:
            raise InvalidInput("A preview is between 64 and 4096 pixels on its longest side.")
        with self.vault.unit() as db:
            facts = export_facts(
                db,
                actor=self.actor,
                photo_id=photo_id,
                destination=destination,
                only_child=child_id,
            )
            row = db.get(cw.Photo, photo_id)
            theirs = child_id is None or child_id in _children_of(db, photo_id)
            if facts is None or row is None or not theirs:
                raise NotFound(f"There is no photo {photo_id} among the photos you may see.")
            decision = policy.can_export(
                facts,
                destination,
                today or date.today(),
                blur_all_but_consented=blur_all_but_consented,
            )
            # Deny by default: a refused photo is shown with every face blurred.
            blur = decision.blur if decision.allowed else tuple(f.id for f in facts.faces)
            boxes = face_boxes(db, blur)
            data = blobs.load(self.vault, db, row.original_object_id)
            self.ctx.audit(
                db,
                action="photo.previewed",
                subject=f"photo {photo_id}",
                details={"destination": destination.value, "blurred_faces": len(boxes)},
            )
        img = decode(data).image
        img = blur_faces(img, boxes) if boxes else img
        img.thumbnail((max_side, max_side))
        return RedactedView(photo_id, clean_jpeg(img), len(boxes), decision.allowed)

    # -- approvals (R7) --------------------------------------------------------------------------

    def approve(self, *, photo_id: int, destination: Destination) -> int:
        """A communications officer approves one photo for publicity or social networking."""
        subject = f"photo {photo_id}"
        who = access.may_approve_publicity(self.actor.role)
        self.ctx.require(who, "export.approve", subject)
        public = (
            allow(Reason("R7", "5.5.4.8", "Publicity use needs approval.", met=True))
            if destination in policy.PUBLIC
            else refuse(
                Reason("R7", "5.5.4.8", "Approval is for publicity and social networking only")
            )
        )
        self.ctx.require(public, "export.approve", subject)
        with self.vault.unit() as db:
            if db.get(cw.Photo, photo_id) is None:
                raise NotFound(f"There is no photo {photo_id}.")
            row = cw.Approval(
                photo_id=photo_id,
                destination=destination.value,
                approved_by=self.actor.id,
                approved_at=utcnow(),
            )
            db.add(row)
            db.flush()
            self.ctx.audit(
                db,
                action="export.approved",
                subject=f"photo {photo_id}",
                details={"destination": destination.value},
            )
            return row.id

    # -- the export itself -----------------------------------------------------------------------

    def run(
        self,
        *,
        photo_ids: list[int],
        destination: Destination,
        out: Path,
        blur_all_but_consented: bool = False,
        progress: Callable[[ExportProgress], None] | None = None,
        cancel: Cancel | None = None,
    ) -> list[ExportOutcome]:
        """Export the photos in turn, each decided, audited and written (or refused) as it
        comes; ``progress`` hears of each.  A ``cancel`` set stops before the next photo:
        what was written stays, and the outcomes returned are those of the photos tried."""
        where, location_id = self.outputs.decide(folder=Path(out))
        if where.allowed:
            self.outputs.sweep(folder=safe_resolve(Path(out)))
        outcomes: list[ExportOutcome] = []
        judged = self._judge(photo_ids, destination, None, blur_all_but_consented)
        counter = itertools.count(1)
        for pid, decision, facts in judged:
            if cancel is not None and cancel.is_set():
                break  # between photos, never inside one
            if not where.allowed:
                decision = Decision(False, (*where.reasons, *decision.reasons))
            outcomes.append(
                self._one(pid, destination, decision, facts, Path(out), location_id, counter)
            )
            if progress is not None:
                progress(ExportProgress(len(outcomes), len(judged), outcomes[-1]))
        return outcomes

    def _one(
        self,
        pid: int,
        destination: Destination,
        decision: Decision,
        facts: ExportFacts | None,
        out: Path,
        location_id: int | None,
        counter: Iterator[int],
    ) -> ExportOutcome:
        if not decision.allowed or facts is None:
            return self._refused(pid, destination, decision, out, location_id)
        try:
            return self._write(pid, destination, decision, facts, out, location_id, next(counter))
        except VaultError as exc:  # the folder is full or read-only: said, not hidden
            failed = Decision(False, (Reason("R14", "13.1", str(exc)),))
            return self._refused(pid, destination, failed, out, location_id)
        except SeftonError as exc:  # the clean copy could not be proven clean
            failed = Decision(False, (Reason("R7", "5.5.4.8", str(exc)),))
            return self._refused(pid, destination, failed, out, location_id)

    def _refused(
        self,
        pid: int,
        destination: Destination,
        decision: Decision,
        out: Path,
        location_id: int | None,
    ) -> ExportOutcome:
        export_records.record_refused(
            self.ctx,
            photo_id=pid,
            destination=destination,
            decision=decision,
            out=out,
            location_id=location_id,
        )
        return ExportOutcome(pid, "refused", None, decision)

    def _write(
        self,
        pid: int,
        destination: Destination,
        decision: Decision,
        facts: ExportFacts,
        out: Path,
        location_id: int | None,
        n: int,
    ) -> ExportOutcome:
        with self.vault.unit() as db:  # the facts the decision was made on, not read again
            photo = db.get(cw.Photo, pid)
            assert photo is not None
            data = blobs.load(self.vault, db, photo.original_object_id)
            names = [f.child.name for f in facts.files]
            names += [who for f in facts.faces if (who := f.child_name)]
            boxes = face_boxes(db, decision.blur)  # R11: exactly what the decision said
        img = blur_faces(decode(data).image, boxes) if boxes else decode(data).image
        clean = clean_jpeg(img)
        prove_clean(clean, names)

        def record(db: OrmSession) -> tuple[str, dict[str, object]]:
            row = export_records.record_export(
                db,
                actor=self.actor,
                destination=destination,
                decision=decision,
                out=out,
                location_id=location_id,
            )
            db.add(cw.ExportPhoto(export_id=row.id, photo_id=pid, blurred_faces=len(boxes)))
            name = f"sefton-{row.id:06d}-{n:03d}.jpg"
            return name, {
                "export": row.id,
                "destination": destination.value,
                "file": name,
                "blurred_faces": len(boxes),
            }

        # R5, R8 (policy 5.5.4.5, 5.5.4.9): the audit entry commits before the file has its
        # name, and an existing file is never overwritten.
        assert location_id is not None
        target = self.outputs.write(
            target=Target(safe_resolve(out), location_id),
            data=clean,
            action="export.written",
            subject=f"photo {pid}",
            record=record,
        )
        return ExportOutcome(pid, "exported", str(target), decision, len(boxes))


def _children_of(db: OrmSession, photo_id: int) -> set[int]:
    return set(
        db.scalars(
            select(cw.CaptureChild.child_id)
            .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
            .where(cw.CapturePhoto.photo_id == photo_id)
        )
    )


def face_boxes(db: OrmSession, face_ids: tuple[int, ...]) -> list[tuple[int, int, int, int]]:
    """The boxes of the faces a decision said to blur (R11)."""
    rows = [db.get(cw.Face, fid) for fid in face_ids]
    return [(r.top, r.right, r.bottom, r.left) for r in rows if r is not None]
