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
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import audit, blobs, childfile, policy
from sefton_photos.access import NEED_TO_KNOW
from sefton_photos.children import ChildrenService
from sefton_photos.decisions import Decision, Reason, refuse
from sefton_photos.errors import NotFound, PolicyRefusal, SeftonError, VaultError
from sefton_photos.facedata import to_face
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.redact import blur_faces, clean_jpeg, prove_clean
from sefton_photos.locations import LocationsService, safe_resolve
from sefton_photos.model import Destination, ExportFacts, FaceStatus, PhotoId, Role
from sefton_photos.outputs import OutputsService, Target
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.supervision import raise_item


@dataclass(frozen=True, slots=True)
class ExportOutcome:
    photo_id: int
    status: str  # exported | refused
    file: str | None
    decision: Decision
    blurred: int = 0


class ExportService:
    def __init__(self, children: ChildrenService, locations: LocationsService) -> None:
        self.children = children
        self.locations = locations
        self.vault = children.vault
        self.actor = children.actor
        self.outputs = OutputsService(self.vault, self.actor, locations)

    # -- facts and decisions -------------------------------------------------------------------

    def _facts(
        self, db: OrmSession, photo_id: int, destination: Destination, only_child: int | None = None
    ) -> ExportFacts | None:
        photo = db.get(cw.Photo, photo_id)
        if photo is None or photo.erased_at is not None:
            return None
        visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
        linked = sorted(
            set(
                db.scalars(
                    select(cw.CaptureChild.child_id)
                    .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                    .where(cw.CapturePhoto.photo_id == photo_id)
                )
            )
        )
        if not linked or not set(linked) & visible:
            return None
        judged = [only_child] if only_child is not None else linked
        files = tuple(
            childfile.load_file(db, row)
            for cid in judged
            if (row := db.get(cw.Child, cid)) is not None
        )
        faces = []
        for face in db.scalars(select(cw.Face).where(cw.Face.photo_id == photo_id)):
            info = to_face(db, face, visible)
            who = face.child_id if face.child_id is not None else face.suggested_child_id
            if who not in judged and not info.needs_consent:
                # Another child of a group capture, outside a single-child export.
                info = type(info)(
                    info.id,
                    info.photo_id,
                    info.box,
                    None,
                    None,
                    info.distance,
                    FaceStatus.OTHER_CHILD,
                )
            faces.append(info)
        approved = (
            db.scalar(
                select(func.count())
                .select_from(cw.Approval)
                .where(
                    cw.Approval.photo_id == photo_id,
                    cw.Approval.destination == destination.value,
                    cw.Approval.revoked_at.is_(None),
                )
            )
            or 0
        )
        return ExportFacts(
            photo_id=PhotoId(photo_id),
            files=files,
            faces=tuple(faces),
            flagged=photo.flag_reason if photo.flagged_at else None,
            approved=approved > 0,
        )

    def preview(
        self, *, photo_ids: list[int], destination: Destination, today: date | None = None
    ) -> list[tuple[int, Decision]]:
        """Each photo's decision, before anything is written (R14)."""
        out = []
        with self.vault.unit() as db:
            for pid in photo_ids:
                facts = self._facts(db, pid, destination)
                if facts is None:
                    out.append(
                        (
                            pid,
                            refuse(
                                Reason(
                                    "ACCESS",
                                    NEED_TO_KNOW,
                                    f"There is no photo {pid} among the photos you may see.",
                                )
                            ),
                        )
                    )
                else:
                    out.append((pid, policy.can_export(facts, destination, today or date.today())))
        return out

    # -- approvals (R7) --------------------------------------------------------------------------

    def approve(self, *, photo_id: int, destination: Destination) -> int:
        """A communications officer approves one photo for publicity or social networking."""
        if self.actor.role is not Role.COMMUNICATIONS_OFFICER:
            raise PolicyRefusal(
                refuse(
                    Reason("R7", "5.5.4.8", "Only a communications officer approves publicity use")
                )
            )
        if destination not in policy.PUBLIC:
            raise PolicyRefusal(
                refuse(
                    Reason("R7", "5.5.4.8", "Approval is for publicity and social networking only")
                )
            )
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
            audit.append(
                db,
                action="export.approved",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
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
    ) -> list[ExportOutcome]:
        where, location_id = self.outputs.decide(folder=Path(out))
        if where.allowed:
            self.outputs.sweep(folder=safe_resolve(Path(out)))
        outcomes: list[ExportOutcome] = []
        decisions = self.preview(photo_ids=photo_ids, destination=destination)
        counter = itertools.count(1)
        for pid, decision in decisions:
            if not where.allowed:
                decision = Decision(False, (*where.reasons, *decision.reasons))
            if not decision.allowed:
                outcomes.append(self._refused(pid, destination, decision, out, location_id))
                continue
            try:
                outcomes.append(
                    self._write(
                        pid,
                        destination,
                        decision,
                        Path(out),
                        location_id,
                        blur_all_but_consented,
                        next(counter),
                    )
                )
            except VaultError as exc:  # the folder is full or read-only: said, not hidden
                failed = Decision(False, (Reason("R14", "13.1", str(exc)),))
                outcomes.append(self._refused(pid, destination, failed, out, location_id))
            except SeftonError as exc:  # the clean copy could not be proven clean
                failed = Decision(False, (Reason("R7", "5.5.4.8", str(exc)),))
                outcomes.append(self._refused(pid, destination, failed, out, location_id))
        return outcomes

    def _record(
        self,
        db: OrmSession,
        pid: int,
        destination: Destination,
        decision: Decision,
        out: Path,
        location_id: int | None,
    ) -> cw.Export:
        row = cw.Export(
            user_id=self.actor.id,
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

    def _refused(
        self,
        pid: int,
        destination: Destination,
        decision: Decision,
        out: Path,
        location_id: int | None,
    ) -> ExportOutcome:
        with self.vault.unit() as db:
            row = self._record(db, pid, destination, decision, out, location_id)
            child = db.scalar(
                select(cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                .where(cw.CapturePhoto.photo_id == pid)
                .limit(1)
            )
            audit.append(
                db,
                action="export.refused",
                actor_id=self.actor.id,
                actor_name=self.actor.name,
                subject=f"photo {pid}",
                details={"export": row.id, **decision.as_dict()},
            )
            rules = sorted({r.rule for r in decision.blocking})
            raise_item(
                db,
                worker_id=self.actor.id,
                kind="refused_export",
                child_id=child,
                summary=f"Export of photo {pid} to {destination.label} was refused "
                f"({', '.join(rules)}).",
            )
        return ExportOutcome(pid, "refused", None, decision)

    def _write(
        self,
        pid: int,
        destination: Destination,
        decision: Decision,
        out: Path,
        location_id: int | None,
        blur_all: bool,
        n: int,
    ) -> ExportOutcome:
        with self.vault.unit() as db:
            facts = self._facts(db, pid, destination)
            photo = db.get(cw.Photo, pid)
            assert facts is not None and photo is not None
            data = blobs.load(self.vault, db, photo.original_object_id)
            names = [f.child.name for f in facts.files]
            names += [who for f in facts.faces if (who := f.child_name)]
        keep = {f.child.id for f in facts.files}
        boxes = [
            f.box
            for f in facts.faces
            if (destination is not Destination.CASE_RECORD and f.needs_consent)
            or (blur_all and f.child_id not in keep)
        ]
        img = blur_faces(decode(data).image, boxes) if boxes else decode(data).image
        clean = clean_jpeg(img)
        prove_clean(clean, names)

        def record(db: OrmSession) -> tuple[str, dict[str, object]]:
            row = self._record(db, pid, destination, decision, out, location_id)
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
