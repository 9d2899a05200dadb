"""Find faces and compute their 128-number encodings on a downscaled copy.

Detection runs on a copy of at most ``DETECT_SIDE`` pixels on its longest side,
never the 12-megapixel original; boxes are scaled back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import Image

from sefton_photos.imaging.decode import downscale

DETECT_SIDE = 1024


@dataclass(frozen=True, slots=True)
class FoundFace:
    box: tuple[int, int, int, int]  # top, right, bottom, left in original pixels
    encoding: tuple[float, ...]


def _fr() -> Any:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # pkg_resources notice
        import face_recognition
    from PIL import ImageFile

    # face_recognition turns on Pillow's "load truncated images" for every caller; a
    # truncated photo must be rejected, not half-imported.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return face_recognition


def detect(img: Image.Image, max_side: int = DETECT_SIDE) -> list[FoundFace]:
    import numpy as np

    fr = _fr()
    small, scale = downscale(img, max_side)
    pixels = np.asarray(small.convert("RGB"))
    locations = fr.face_locations(pixels, number_of_times_to_upsample=1, model="hog")
    encodings = fr.face_encodings(pixels, locations)
    found = []
    for (top, right, bottom, left), enc in zip(locations, encodings, strict=True):
        box = tuple(
            min(lim, round(v / scale))
            for v, lim in (
                (top, img.height),
                (right, img.width),
                (bottom, img.height),
                (left, img.width),
            )
        )
        found.append(FoundFace(box=box, encoding=tuple(float(x) for x in enc)))
    return found


def scaled(faces: list[FoundFace], factor: float, width: int, height: int) -> list[FoundFace]:
    """Boxes found on a reduced decode, in the original photo's pixels."""
    if abs(factor - 1.0) < 1e-9:
        return faces
    out = []
    for f in faces:
        top, right, bottom, left = f.box
        box = (
            min(height, round(top * factor)),
            min(width, round(right * factor)),
            min(height, round(bottom * factor)),
            min(width, round(left * factor)),
        )
        out.append(FoundFace(box=box, encoding=f.encoding))
    return out
