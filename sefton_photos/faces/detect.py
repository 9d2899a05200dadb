"""Find every face in a photo (R11) and, when asked, its 128-number encoding (R13).

Finding and encoding are two jobs done by two models.  Boxes come from YuNet at
several scales (``faces.yunet``), which finds faces from ``MIN_FACE`` pixels wide
in the original photo up to the whole frame; dlib's HOG detector, used before,
missed every face under about 110 px in a 12-megapixel photo.  Encodings still
come from dlib (through face_recognition), so enrolments made before stay
comparable: each face found is encoded once, from a crop around it scaled so the
face is about ``ENCODE_WIDTH`` px (dlib aligns it to a 150 px chip itself).
A face not encoded (``encode=False``: no child enrolled, nothing to match)
carries the empty encoding ``()``, which matches no one.

face_recognition is imported lazily; boxes are (top, right, bottom, left) in the
pixels of the image given, and ``scaled`` turns boxes found on a reduced decode
into the original photo's pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PIL import Image

from sefton_photos.faces import yunet

MIN_FACE = 40  # px in the original photo: smaller faces are not looked for (R11)
ENCODE_WIDTH = 160  # px: a face bigger than this is scaled down to it before encoding
_MARGIN = 0.5  # face widths of context kept around a face for dlib's landmarks


@dataclass(frozen=True, slots=True)
class FoundFace:
    box: tuple[int, int, int, int]  # top, right, bottom, left in original pixels
    encoding: tuple[float, ...]  # () when not encoded


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


def warm_up(threads: int | None = None) -> None:
    """Load both models once per process (a pool worker's initializer)."""
    _fr()
    yunet.warm_up(threads)


def detect(img: Image.Image, *, min_face: float = MIN_FACE, encode: bool = True) -> list[FoundFace]:
    """The faces in ``img`` at least ``min_face`` of its pixels wide, top to bottom.

    ``encode=False`` skips the encodings (each face then has ``()``).
    """
    rgb = img.convert("RGB")
    boxes = yunet.find(rgb, min_face)
    out = []
    for b in boxes:
        box = (b.top, b.right, b.bottom, b.left)
        out.append(FoundFace(box=box, encoding=encoding(rgb, box) if encode else ()))
    return out


def encoding(img: Image.Image, box: tuple[int, int, int, int]) -> tuple[float, ...]:
    """dlib's 128 numbers for the face at ``box``, from a crop around it."""
    import numpy as np

    top, right, bottom, left = box
    w, h = right - left, bottom - top
    pad = round(_MARGIN * max(w, h))
    x0, y0 = max(0, left - pad), max(0, top - pad)
    x1, y1 = min(img.width, right + pad), min(img.height, bottom + pad)
    crop = img.crop((x0, y0, x1, y1))
    factor = min(1.0, ENCODE_WIDTH / max(1, w))
    if factor < 1.0:
        size = (max(1, round(crop.width * factor)), max(1, round(crop.height * factor)))
        crop = crop.resize(size, Image.Resampling.BILINEAR, None, 2)
    location = (
        round((top - y0) * factor),
        round((right - x0) * factor),
        round((bottom - y0) * factor),
        round((left - x0) * factor),
    )
    found = _fr().face_encodings(np.asarray(crop), known_face_locations=[location])
    return tuple(float(x) for x in found[0]) if found else ()


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
