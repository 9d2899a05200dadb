"""The life story book: chosen photos and captions, laid out as a PDF for the child.

Every page is judged like an export to the life story book (a consent covering
life story work, R3/R12); the decision names the faces to blur (every face but those
a person confirmed as this child, R11) and the book blurs exactly those; the book
is written under a neutral name into an approved location.
Available on a session as ``session.lifestory``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session as OrmSession

from sefton_photos import policy
from sefton_photos.decisions import Decision
from sefton_photos.errors import InvalidInput
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.redact import blur_faces, clean_jpeg
from sefton_photos.model import Destination
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.services.export_facts import export_facts
from sefton_photos.services.export_records import record_refused
from sefton_photos.services.exporter import ExportService, RedactedView, face_boxes
from sefton_photos.services.locations import safe_resolve
from sefton_photos.services.outputs import Target
from sefton_photos.support import blobs, reports
from sefton_photos.support.context import Service, ServiceContext


class LifeStoryService(Service):
    def __init__(self, ctx: ServiceContext, *, exports: ExportService) -> None:
        super().__init__(ctx)
        self.exports = exports  # the redacted picture, the location check, the outputs

    def decide(self, *, child_id: int, photo_ids: list[int]) -> list[tuple[int, Decision]]:
        self.ctx.guard_view(child_id, "lifestory.preview")
        out = []
        with self.vault.unit() as db:
            for pid in photo_ids:
                facts = export_facts(
                    db,
                    actor=self.actor,
                    photo_id=pid,
                    destination=Destination.LIFE_STORY_BOOK,
                    only_child=child_id,
                )
                if facts is None:
                    raise InvalidInput(f"Photo {pid} is not one of this child's photos.")
                out.append(
                    (pid, policy.can_export(facts, Destination.LIFE_STORY_BOOK, date.today()))
                )
        return out

    def page_picture(self, *, child_id: int, photo_id: int, max_side: int = 640) -> RedactedView:
        """A page's picture as the book will print it: the faces its decision names blurred
        (R11), for the editor's preview.  Only one of this child's photos."""
        self.ctx.guard_view(child_id, "lifestory.preview")
        return self.exports.redacted(
            photo_id=photo_id,
            destination=Destination.LIFE_STORY_BOOK,
            child_id=child_id,
            max_side=max_side,
        )

    def build(
        self, *, child_id: int, pages: list[tuple[int, str]], out: Path, title: str | None = None
    ) -> Path:
        """Write the book; refuses as a whole if any page is refused (nothing written)."""
        if not pages:
            raise InvalidInput("Choose at least one photo for the book.")
        where, location_id = self.exports.locations.check(Path(out))
        decisions = self.decide(child_id=child_id, photo_ids=[p for p, _ in pages])
        refused = [d for _, d in decisions if not d.allowed]
        if not where.allowed:
            refused.insert(0, where)
        if refused:
            for pid, decision in decisions:
                if not decision.allowed:
                    record_refused(
                        self.ctx,
                        photo_id=pid,
                        destination=Destination.LIFE_STORY_BOOK,
                        decision=decision,
                        out=out,
                        location_id=location_id,
                    )
            self.ctx.require(refused[0], "lifestory.build", f"child {child_id}")
        rendered = []
        judged = dict(decisions)
        with self.vault.unit() as db:
            child = db.get(cw.Child, child_id)
            assert child is not None
            for pid, caption in pages:
                photo = db.get(cw.Photo, pid)
                assert photo is not None
                boxes = face_boxes(db, judged[pid].blur)  # R11: exactly as decided
                img = decode(blobs.load(self.vault, db, photo.original_object_id)).image
                rendered.append(
                    (clean_jpeg(blur_faces(img, boxes) if boxes else img), caption.strip())
                )
            book_title = (title or f"{child.name.split()[0]}'s story").strip()
        data = reports.life_story_book(title=book_title, pages=rendered)
        assert location_id is not None

        def record(db: OrmSession) -> tuple[str, dict[str, object]]:
            row = cw.Export(
                user_id=self.actor.id,
                destination=Destination.LIFE_STORY_BOOK.value,
                location_id=location_id,
                target=str(out),
                allowed=True,
                decision=json.dumps([d.as_dict() for _, d in decisions]),
                at=utcnow(),
            )
            db.add(row)
            db.flush()
            for pid, _ in pages:
                db.add(
                    cw.ExportPhoto(
                        export_id=row.id, photo_id=pid, blurred_faces=len(judged[pid].blur)
                    )
                )
            return f"life-story-{row.id:06d}.pdf", {"export": row.id, "pages": len(pages)}

        # R5, R8 (policy 5.5.4.5, 5.5.4.9): audited before it has its name, never overwriting.
        outputs = self.exports.outputs
        return outputs.write(
            target=Target(safe_resolve(Path(out)), location_id),
            data=data,
            action="lifestory.written",
            subject=f"child {child_id}",
            child_id=child_id,
            record=record,
        )
