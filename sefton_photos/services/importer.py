"""Import: photos from a registered device into the vault, tied to a capture.

The order is the policy's (REQUIREMENTS.md, "Capture, in order"): the decision on
R1-R5, R10 and R12 comes first and a refusal ends the import before any file is
read.  Then a process pool decodes, thumbnails and finds faces (both cores busy)
while this process alone writes: object files (fsynced) and rows in one
transaction per photo, then the stored copy is read back and its hash compared,
and only then is the source file removed (R5).  A cancel or a crash at any point
leaves every source either untouched or safely in the vault.
Available on a session as ``session.imports``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, policy
from sefton_photos.decisions import Decision
from sefton_photos.errors import InvalidInput, SeftonError
from sefton_photos.imaging.camera import Camera, camera_of, mismatch
from sefton_photos.model import (
    CaptureContext,
    FaceOutcome,
    FileOutcome,
    ImportReport,
    Progress,
    Purpose,
)
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import UserRow
from sefton_photos.services import devices
from sefton_photos.services.facedata import FaceSettings, record_faces, references
from sefton_photos.services.supervision import raise_item
from sefton_photos.support import blobs, childfile
from sefton_photos.support.context import Service
from sefton_photos.support.import_count import ImportCount, count_importable
from sefton_photos.support.pipeline import (
    HIDDEN_REASON,
    Cancel,
    InProcess,
    Processed,
    Stream,
    expand,
    hidden_files,
)
from sefton_photos.words import plural


@dataclass(slots=True)
class _Run:
    child_ids: tuple[int, ...]
    purpose: Purpose
    context: CaptureContext
    note: str | None
    device_id: int
    keep_source: bool
    settings: FaceSettings
    visible: set[int]
    capture_id: int | None = None
    camera: Camera = field(
        default_factory=Camera
    )  # the registered device's make, model, serial (R5)
    detected: bool = True  # faces looked for (R11), whether or not they are matched (R13)


class ImportService(Service):
    def count(self, *, paths: list[Path]) -> ImportCount:
        """How many files and photos ``paths`` hold (reads folders only, not the vault)."""
        return count_importable(list(paths))

    def decide(
        self,
        *,
        child_ids: tuple[int, ...],
        purpose: Purpose,
        purpose_note: str,
        device: str,
        attested: bool,
        today: date | None = None,
    ) -> Decision:
        """The capture decision alone (R1-R5, R10, R12), as the import dialog shows it."""
        for cid in child_ids:
            self.ctx.guard(cid, access.may_capture, "capture.log")
        with self.vault.unit() as db:
            files = [
                childfile.load_file(db, row)
                for cid in child_ids
                if (row := db.get(cw.Child, cid)) is not None
            ]
            dev = devices.find_active(db, device) if device.strip() else None
            me = db.get(UserRow, self.actor.id)
            manager = db.get(UserRow, me.line_manager_id) if me and me.line_manager_id else None
        context = CaptureContext(
            purpose_note=purpose_note,
            attested=attested,
            device_name=device.strip(),
            device_registered=dev is not None,
            line_manager=manager.name if manager and manager.removed_at is None else None,
        )
        return policy.can_capture(files, purpose, context, today or date.today())

    def run(
        self,
        *,
        child_ids: tuple[int, ...],
        purpose: Purpose,
        purpose_note: str,
        device: str,
        attested: bool,
        paths: list[Path],
        note: str | None = None,
        keep_source: bool = False,
        keep_source_reason: str | None = None,
        detect_faces: bool | None = None,
        match_faces: bool = True,
        progress: Callable[[Progress], None] | None = None,
        cancel: Cancel | None = None,
        workers: int | None = None,
    ) -> ImportReport:
        if not child_ids:
            raise InvalidInput("Choose the child or children in the photos (R1).")
        kept_why = " ".join((keep_source_reason or "").split())
        if keep_source and not kept_why:
            raise InvalidInput(
                "Say why the originals stay on the card: import moves photos off it "
                "(R5, policy 5.5.4.5), so keeping them needs a reason, which is audited."
            )
        child_ids = tuple(dict.fromkeys(child_ids))  # a child named twice is one child
        decision = self.decide(
            child_ids=child_ids,
            purpose=purpose,
            purpose_note=purpose_note,
            device=device,
            attested=attested,
        )
        self.ctx.require(decision, "capture.log", plural(len(paths), "path"))
        files, hidden = expand(paths), hidden_files(paths)
        if not files:
            raise InvalidInput(
                "There are no files to import at the paths given"
                + (
                    f" (only {plural(len(hidden), 'hidden file')}, left where they are)."
                    if hidden
                    else "."
                )
            )
        with self.vault.unit() as db:
            dev = devices.find_active(db, device)
            assert dev is not None
            settings = FaceSettings.load(db)
            enrolled = bool(references(db, settings)[0])  # else nothing to match: no encodings
            visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
        # R11: every face is found so it can be blurred, whether or not face matching is
        # on (R13 is about matching: with it off, faces keep only their boxes).  Only the
        # CLI's --no-faces skips it, and such photos are looked at before any export.
        detected = detect_faces is not False
        if not detected or not match_faces:
            settings = settings.off()  # R13: no face is matched to any child
        run = _Run(
            child_ids,
            purpose,
            CaptureContext(purpose_note, attested, dev.name, True, None),
            note,
            dev.id,
            keep_source,
            settings,
            visible,
            camera=Camera(dev.make, dev.model, dev.serial),
            detected=detected,
        )
        report = ImportReport(decision)
        started = time.monotonic()
        by_source: dict[str, FileOutcome] = {}
        if progress is not None:  # the count before the first file (the pool starts slowly)
            progress(Progress(0, len(files), 0.0, None, None))

        def record(outcome: FileOutcome) -> None:
            by_source[outcome.source] = outcome
            if progress is not None:
                done = len(by_source)
                rate = done / max(time.monotonic() - started, 1e-6)
                eta = (len(files) - done) / rate if rate > 0 else None
                progress(Progress(done, len(files), rate, eta, outcome))

        encode = settings.enabled and enrolled  # R13: encodings only to match
        for processed in self._process(files, detected, cancel, workers, encode):
            record(self._store(processed, run))
        report.capture_id = run.capture_id
        report.cancelled = cancel is not None and cancel.is_set()
        report.outcomes = [
            by_source.get(str(f))
            or FileOutcome(
                str(f), "cancelled", reason="Import cancelled before this file; it is untouched."
            )
            for f in files
        ] + [FileOutcome(str(f), "skipped_hidden", reason=HIDDEN_REASON) for f in hidden]
        statuses = ("imported", "duplicate", "rejected", "cancelled", "skipped_hidden")
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="import.finished",
                subject=f"capture {run.capture_id}" if run.capture_id else None,
                details={
                    **{s: report.count(s) for s in statuses},
                    "kept_sources": keep_source,
                    "keep_source_reason": kept_why if keep_source else None,
                },
            )
        return report

    # -- the pool -------------------------------------------------------------------------------

    def _process(
        self,
        files: list[Path],
        detect: bool,
        cancel: Cancel | None,
        workers: int | None,
        encode: bool = True,
    ) -> Iterable[Processed]:
        n = workers if workers is not None else (os.cpu_count() or 1)
        if n <= 0 or len(files) == 1:
            return InProcess(files, detect, cancel, encode)
        return Stream(files, detect, cancel, n, encode)

    # -- storing one photo ------------------------------------------------------------------------

    def _store(self, p: Processed, run: _Run) -> FileOutcome:
        if not p.ok:
            return FileOutcome(p.source, "rejected", reason=p.reason)
        other = mismatch(run.camera, run.context.device_name, camera_of(p.data))
        if other:
            return self._not_the_device(p.source, other)
        try:
            outcome, object_id = self._write(p, run)
            self._verify(object_id, p.sha256)
        except SeftonError as exc:
            return FileOutcome(p.source, "rejected", reason=f"{exc} The source file was kept.")
        if not run.keep_source:
            try:
                os.unlink(p.source)
            except OSError as exc:
                done = "Imported" if outcome.status == "imported" else "Already in the vault"
                reason = f"{done}, but the source could not be removed: {exc.strerror}."
                return replace(outcome, reason=reason)
            return replace(outcome, source_removed=True)
        return outcome

    def _not_the_device(self, source: str, why: str) -> FileOutcome:
        reason = (
            f"Refused under R5 (policy 5.5.4.5): {why}. Only photos from the registered "
            "device are imported; the file was left where it is."
        )
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="photo.refused",
                details={"rule": "R5", "clause": "5.5.4.5", "reason": why},
            )
        return FileOutcome(source, "rejected", reason=reason)

    def _write(self, p: Processed, run: _Run) -> tuple[FileOutcome, str]:
        with self.vault.unit() as db:
            if run.capture_id is None:
                run.capture_id = self._log_capture(db, run)
            existing = db.scalar(select(cw.Photo).where(cw.Photo.content_sha256 == p.sha256))
            if existing is not None:
                if db.get(cw.CapturePhoto, (run.capture_id, existing.id)) is None:
                    db.add(cw.CapturePhoto(capture_id=run.capture_id, photo_id=existing.id))
                self.ctx.audit(
                    db,
                    action="photo.duplicate",
                    subject=f"photo {existing.id}",
                )
                return (
                    FileOutcome(
                        p.source,
                        "duplicate",
                        existing.id,
                        "Already in the vault; not stored twice.",
                    ),
                    existing.original_object_id,
                )
            original = blobs.store(self.vault, db, p.data, kind="original")
            thumb = blobs.store(self.vault, db, p.thumbnail, kind="thumbnail")
            photo = cw.Photo(
                original_object_id=original,
                thumbnail_object_id=thumb,
                content_sha256=p.sha256,
                media_type=p.media_type,
                width=p.width,
                height=p.height,
                taken_at=p.taken_at,
                device_id=run.device_id,
                imported_by=self.actor.id,
                imported_at=utcnow(),
                faces_detected=run.detected,  # R11: else looked for before export
            )
            db.add(photo)
            db.flush()
            db.add(cw.CapturePhoto(capture_id=run.capture_id, photo_id=photo.id))
            faces = self._faces(db, photo.id, p, run)
            self.ctx.audit(
                db,
                action="photo.imported",
                subject=f"photo {photo.id}",
                child_id=run.child_ids[0],
                details={
                    "capture": run.capture_id,
                    "faces": len(faces),
                    "media_type": p.media_type,
                },
            )
            return FileOutcome(p.source, "imported", photo.id, None, tuple(faces)), original

    def _faces(self, db: OrmSession, photo_id: int, p: Processed, run: _Run) -> list[FaceOutcome]:
        found = record_faces(
            db,
            photo_id=photo_id,
            found=p.faces,
            capture_children=run.child_ids,
            settings=run.settings,
            taken_at=p.taken_at,
        )
        out = []
        for face, s, status in found:
            shown = s.child_id if s.child_id in run.visible else None
            out.append(FaceOutcome(face.box, shown, s.distance, status.value))
        return out

    def _log_capture(self, db: OrmSession, run: _Run) -> int:
        capture = cw.Capture(
            worker_id=self.actor.id,
            purpose=run.purpose.value,
            purpose_note=run.context.purpose_note.strip(),
            note=run.note,
            attested=run.context.attested,
            device_id=run.device_id,
            logged_at=utcnow(),
        )
        db.add(capture)
        db.flush()
        for cid in run.child_ids:
            row = db.get(cw.Child, cid)
            assert row is not None
            relied = policy.relied_on(childfile.load_file(db, row), run.purpose, date.today())
            db.add(
                cw.CaptureChild(
                    capture_id=capture.id, child_id=cid, consent_id=relied.id if relied else None
                )
            )
        raise_item(
            db,
            worker_id=self.actor.id,
            kind="capture",
            capture_id=capture.id,
            child_id=run.child_ids[0],
            summary=f"Capture {capture.id}: {run.purpose.label}, "
            f"{plural(len(run.child_ids), 'child', 'children')}: "
            f"{run.context.purpose_note.strip()}",
        )
        for cid in run.child_ids:
            self.ctx.audit(
                db,
                action="capture.logged",
                child_id=cid,
                subject=f"capture {capture.id}",
                details={
                    "purpose": run.purpose.value,
                    "attested": True,
                    "device": run.context.device_name,
                    "alerted": "line manager",
                },
            )
        return capture.id

    def _verify(self, object_id: str, sha256: str) -> None:
        """R5: the stored copy is read back and compared before the source goes."""
        with self.vault.unit() as db:
            data = blobs.load(self.vault, db, object_id)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise SeftonError("The stored copy did not match the source.")
