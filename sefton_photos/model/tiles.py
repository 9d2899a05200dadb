"""What the photo grid shows under and on each thumbnail: the date and what needs a person.

Kept apart from :class:`~sefton_photos.model.photos.PhotoInfo` (faces, capture, who
imported): a grid of thousands asks for this, one light row per photo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sefton_photos.model.photos import PhotoId


@dataclass(frozen=True, slots=True)
class PhotoTile:
    id: PhotoId
    taken_on: date | None  # from the camera (EXIF), when it said
    imported_on: date
    flagged: bool  # waiting for review after a withdrawn consent (R12, 5.5.1.3)
    faces_to_review: int  # faces nobody has confirmed or rejected yet (R11)

    @property
    def shown_date(self) -> date:
        """The date the grid sorts and labels by: taken if known, else imported."""
        return self.taken_on or self.imported_on
