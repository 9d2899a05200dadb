"""Operations on photos: one picture with its details, the grid's tiles, thumbnails, a review.

Pictures are turned into ``QImage`` on the worker (QImage, unlike QPixmap, is safe
off the GUI thread), so the GUI thread only paints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QImage

    from sefton_photos.model import PhotoInfo
    from sefton_photos.model.tiles import PhotoTile
    from sefton_photos.services.review import FlagReview
    from sefton_photos.session import Session


def picture(
    *, parent: QObject | None, session: Session, photo_id: int, max_side: int
) -> VaultOp[tuple[PhotoInfo, QImage]]:
    """A photo's details and its picture at most ``max_side`` pixels (the core audits it)."""
    from ui.views.photo_view import to_qimage  # that view imports this package

    photos = session.photos

    def work() -> tuple[PhotoInfo, QImage]:
        info = photos.info(photo_id=photo_id)
        return info, to_qimage(photos.view(photo_id=photo_id, max_side=max_side))

    return VaultOp(parent=parent, op=work)


def tiles(
    *, parent: QObject | None, session: Session, child_id: int | None, oldest_first: bool
) -> VaultOp[list[PhotoTile]]:
    """The tiles of a child's photos for the grid; none when no child is chosen."""
    if child_id is None:
        return VaultOp(parent=parent, op=list)
    photos = session.photos
    return VaultOp(
        parent=parent, op=lambda: photos.tiles(child_id=child_id, oldest_first=oldest_first)
    )


def ids(*, parent: QObject | None, session: Session, child_id: int) -> VaultOp[list[int]]:
    """The ids of a child's photos."""
    photos = session.photos
    return VaultOp(parent=parent, op=lambda: photos.ids(child_id=child_id))


def thumbnails(
    *, parent: QObject | None, session: Session, child_id: int, photo_ids: list[int], ratio: float
) -> VaultOp[dict[int, QImage]]:
    """Small pictures of these photos, decoded for a screen of ``ratio`` pixels a point."""
    from ui.views.supervision_queue import decode_thumbnails  # that view imports this package

    def work() -> dict[int, QImage]:
        raw = session.photos.thumbnails(child_id=child_id, photo_ids=photo_ids)
        return decode_thumbnails(raw, ratio=ratio)

    return VaultOp(parent=parent, op=work)


def review_flag(
    *, parent: QObject | None, session: Session, photo_id: int, consent_id: int
) -> VaultOp[FlagReview]:
    """Review a photo flagged by a withdrawn consent against a new consent (R12)."""
    reviews = session.reviews
    return VaultOp(
        parent=parent, op=lambda: reviews.review(photo_id=photo_id, consent_id=consent_id)
    )
