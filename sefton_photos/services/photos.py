"""Photos in the vault as the people allowed to see them see them.

A photo is visible to whoever may see a child of a capture it belongs to.  Lists
and thumbnails are decrypted in memory only; a full view is audited.  Available
on a session as ``session.photos``.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from pathlib import Path

from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos.errors import NotFound
from sefton_photos.imaging.decode import decode
from sefton_photos.imaging.thumbnails import png_view
from sefton_photos.model import CaptureId, PhotoId, PhotoInfo
from sefton_photos.model.photos import REVIEWED
from sefton_photos.model.tiles import PhotoTile
from sefton_photos.schema import casework as cw
from sefton_photos.schema.core import UserRow
from sefton_photos.services.facedata import to_face
from sefton_photos.services.outputs import OutputsService
from sefton_photos.support import blobs, childfile
from sefton_photos.support.context import Service


class PhotosService(Service):
    def _children_of(self, db: OrmSession, photo_id: int) -> list[int]:
        return list(
            db.scalars(
                select(cw.CaptureChild.child_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.CaptureChild.capture_id)
                .where(cw.CapturePhoto.photo_id == photo_id)
            )
        )

    def _guard(self, photo_id: int, action: str) -> set[int]:
        with self.vault.unit() as db:
            row = db.get(cw.Photo, photo_id)
            linked = self._children_of(db, photo_id) if row and row.erased_at is None else []
            visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
        mine = [c for c in linked if c in visible]
        if not mine:
            with self.vault.unit() as db:
                self.ctx.audit(
                    db,
                    action="access.refused",
                    subject=f"photo {photo_id}",
                    details={"attempted": action},
                )
            raise NotFound(f"There is no photo with id {photo_id} among the photos you may see.")
        return visible

    def _info(self, db: OrmSession, photo: cw.Photo, visible: set[int]) -> PhotoInfo:
        capture = db.scalar(
            select(cw.Capture)
            .join(cw.CapturePhoto, cw.CapturePhoto.capture_id == cw.Capture.id)
            .where(cw.CapturePhoto.photo_id == photo.id)
            .order_by(cw.Capture.id)
            .limit(1)
        )
        faces = db.scalars(
            select(cw.Face).where(cw.Face.photo_id == photo.id).order_by(cw.Face.left)
        ).all()
        by = db.get(UserRow, photo.imported_by)
        return PhotoInfo(
            id=PhotoId(photo.id),
            width=photo.width,
            height=photo.height,
            media_type=photo.media_type,
            taken_at=photo.taken_at,
            imported_at=photo.imported_at,
            imported_by=by.name if by else "?",
            capture_id=CaptureId(capture.id) if capture else None,
            purpose=capture.purpose if capture else None,
            faces=tuple(to_face(db, f, visible) for f in faces),
            flagged=photo.flag_reason if photo.flagged_at else None,
            faces_checked=photo.faces_checked_at is not None,
        )

    def list(self, *, child_id: int) -> list[PhotoInfo]:
        """The child's photos, newest first (audited once per list, not per thumbnail)."""
        self.ctx.guard_view(child_id, "photo.list")
        with self.vault.unit() as db:
            visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            rows = db.scalars(
                select(cw.Photo)
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                .where(cw.CaptureChild.child_id == child_id, cw.Photo.erased_at.is_(None))
                .distinct()
                .order_by(cw.Photo.imported_at.desc(), cw.Photo.id.desc())
            ).all()
            infos = [self._info(db, r, visible) for r in rows]
            self.ctx.audit(
                db,
                action="photo.listed",
                child_id=child_id,
                subject=f"child {child_id}",
                details={"photos": len(infos)},
            )
        return infos

    def ids(self, *, child_id: int) -> builtins.list[int]:
        """Only the ids, newest first: cheap enough for a grid of thousands."""
        self.ctx.guard_view(child_id, "photo.list")
        with self.vault.unit() as db:
            return list(
                db.scalars(
                    select(cw.Photo.id)
                    .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                    .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                    .where(cw.CaptureChild.child_id == child_id, cw.Photo.erased_at.is_(None))
                    .distinct()
                    .order_by(cw.Photo.imported_at.desc(), cw.Photo.id.desc())
                )
            )

    def tiles(self, *, child_id: int, oldest_first: bool = False) -> builtins.list[PhotoTile]:
        """One light row per photo for the grid, by date taken (imported when unknown)."""
        self.ctx.guard_view(child_id, "photo.list")
        shown = func.coalesce(cw.Photo.taken_at, cw.Photo.imported_at)
        unreviewed = (
            select(func.count(cw.Face.id))
            .where(
                cw.Face.photo_id == cw.Photo.id,
                cw.Face.status.not_in([s.value for s in REVIEWED]),  # R11: as FaceInfo.reviewed
            )
            .correlate(cw.Photo)
            .scalar_subquery()
        )
        order = (
            (shown.asc(), cw.Photo.id.asc()) if oldest_first else (shown.desc(), cw.Photo.id.desc())
        )
        with self.vault.unit() as db:
            rows = db.execute(
                select(
                    cw.Photo.id,
                    cw.Photo.taken_at,
                    cw.Photo.imported_at,
                    cw.Photo.flagged_at,
                    unreviewed,
                )
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                .where(cw.CaptureChild.child_id == child_id, cw.Photo.erased_at.is_(None))
                .distinct()
                .order_by(*order)
            ).all()
        return [
            PhotoTile(
                id=PhotoId(pid),
                taken_on=taken.date() if taken else None,
                imported_on=imported.date(),
                flagged=flagged is not None,
                faces_to_review=int(faces or 0),
            )
            for pid, taken, imported, flagged, faces in rows
        ]

    def thumbnails(self, *, child_id: int, photo_ids: Sequence[int]) -> dict[int, bytes]:
        """JPEG thumbnails of some of one child's photos, decrypted in memory.

        Checked once for the child (not per photo) and read without waiting for a
        writer, so a grid of thousands fills in while an import runs.  Ids that are
        not this child's photos are left out.
        """
        self.ctx.guard_view(child_id, "photo.thumbnails")
        wanted = list(dict.fromkeys(photo_ids))
        out: dict[int, bytes] = {}
        with self.vault.unit(reading=True) as db:
            rows = db.execute(
                select(cw.Photo.id, cw.Photo.thumbnail_object_id)
                .join(cw.CapturePhoto, cw.CapturePhoto.photo_id == cw.Photo.id)
                .join(cw.CaptureChild, cw.CaptureChild.capture_id == cw.CapturePhoto.capture_id)
                .where(
                    cw.CaptureChild.child_id == child_id,
                    cw.Photo.id.in_(wanted),
                    cw.Photo.erased_at.is_(None),
                )
            ).all()
            for photo_id, object_id in rows:
                if object_id is not None and photo_id not in out:
                    out[photo_id] = blobs.load(self.vault, db, object_id)
        return out

    def info(self, *, photo_id: int) -> PhotoInfo:
        visible = self._guard(photo_id, "photo.info")
        with self.vault.unit() as db:
            row = db.get(cw.Photo, photo_id)
            assert row is not None
            return self._info(db, row, visible)

    def thumbnail(self, *, photo_id: int) -> bytes:
        """JPEG bytes of the thumbnail, decrypted in memory."""
        self._guard(photo_id, "photo.thumbnail")
        with self.vault.unit() as db:
            row = db.get(cw.Photo, photo_id)
            assert row is not None and row.thumbnail_object_id is not None
            return blobs.load(self.vault, db, row.thumbnail_object_id)

    def view(self, *, photo_id: int, max_side: int | None = None) -> Image.Image:
        """The photo upright in memory, for the photo view; audited."""
        self._guard(photo_id, "photo.view")
        with self.vault.unit() as db:
            row = db.get(cw.Photo, photo_id)
            assert row is not None
            data = blobs.load(self.vault, db, row.original_object_id)
            self.ctx.audit(
                db,
                action="photo.viewed",
                subject=f"photo {photo_id}",
            )
        img = decode(data).image
        if max_side:
            img.thumbnail((max_side, max_side))
        return img

    def save_view(self, *, photo_id: int, out: Path) -> Path:
        """``photo show --out``: a PNG re-encoded from pixels (no metadata), written only
        to a new file in an approved location, audited with its full path (R5, R8;
        policy 5.5.4.5, 5.5.4.9)."""
        outputs = OutputsService(self.ctx)
        self._guard(photo_id, "photo.written_out")
        target = outputs.file(
            out=Path(out), action="photo.written_out", subject=f"photo {photo_id}"
        )
        data = png_view(self.view(photo_id=photo_id))
        return outputs.write(
            target=target, data=data, action="photo.written_out", subject=f"photo {photo_id}"
        )
