"""Counting what a card holds before importing it: files, photos, hidden files.

The import dialog says "This folder holds 40 photos" before anything is read; the
count walks the folders exactly as :meth:`sefton_photos.services.importer.ImportService.run`
will (``pipeline.expand`` and ``pipeline.hidden_files``), so "3 of 40" during the
import counts the same files.  It reads directory entries only, never a file's
bytes and never the vault.  Available as ``session.imports.count(paths=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sefton_photos.support.pipeline import expand, hidden_files

# What the core can decode (imaging.decode): anything else is tried and reported, not skipped.
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif"})


@dataclass(frozen=True, slots=True)
class ImportCount:
    """What an import of ``paths`` would meet, counted before anything is read (no vault)."""

    files: int  # every file the import would try, as its progress counts them
    photos: int  # of which named as a photo the core can read (.jpg, .png, .heic…)
    hidden: int  # hidden files under the folders: left on the card and reported (R5)

    @property
    def others(self) -> int:
        return self.files - self.photos


def count_importable(paths: list[Path]) -> ImportCount:
    """Walk the folders as :meth:`ImportService.run` would (``expand``, ``hidden_files``)."""
    files = expand(paths)
    photos = sum(1 for f in files if f.suffix.lower() in PHOTO_SUFFIXES)
    return ImportCount(len(files), photos, len(hidden_files(paths)))
