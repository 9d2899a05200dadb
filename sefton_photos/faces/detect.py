"""Find every face in a photo (R11) and, when asked, its 128-number encoding (R13).

Finding and encoding are two jobs done by two models.  Boxes come from YuNet at
several scales (``faces.yunet``), which finds faces from ``MIN_FACE`` pixels wide
in the original photo up to the whole frame; dlib's HOG detector, used before,
missed every face under about 110 px in a 12-megapixel photo.  Encodings still
come from dlib (its encoder called as face_recognition calls it), so enrolments
made before stay comparable: each face found is encoded once, from a crop around it scaled so the
face is about ``ENCODE_WIDTH`` px (dlib aligns it to a 150 px chip itself).
A face not encoded (``encode=False``: no child enrolled, nothing to match)
carries the empty encoding ``()``, which matches no one.

The models load lazily; boxes are (top, right, bottom, left) in the pixels of the
image given, and ``scaled`` turns boxes found on a reduced decode into the original
photo's pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from sefton_photos.errors import SeftonError
from sefton_photos.faces import yunet

MIN_FACE = 40  # px in the original photo: smaller faces are not looked for (R11)
ENCODE_WIDTH = 160  # px: a face bigger than this is scaled down to it before encoding
_MARGIN = 0.5  # face widths of context kept around a face for dlib's landmarks


@dataclass(frozen=True, slots=True)
class FoundFace:
    box: tuple[int, int, int, int]  # top, right, bottom, left in original pixels
    encoding: tuple[float, ...]  # () when not encoded


_models: tuple[Any, Any] | None = None


def _dlib() -> tuple[Any, Any]:
    """dlib's 5-point landmark model and its face encoder, loaded once per process.

    These are the two models face_recognition's ``face_encodings`` uses (``model="small"``),
    called the same way, so the numbers are the same; importing face_recognition itself
    would also load its CNN detector and 95 MB 68-point model, a second per worker.
    The files come from the installed face_recognition_models package, found without
    importing it (its import loads pkg_resources)."""
    global _models
    if _models is None:
        import importlib.util

        import dlib

        spec = importlib.util.find_spec("face_recognition_models")
        locations = spec.submodule_search_locations if spec else None
        if not locations:
            raise SeftonError("The face encoder's models are missing (face_recognition_models).")
        folder = Path(next(iter(locations))) / "models"
        landmarks = folder / "shape_predictor_5_face_landmarks.dat"
        encoder = folder / "dlib_face_recognition_resnet_model_v1.dat"
        _models = (
            dlib.shape_predictor(str(landmarks)),
            dlib.face_recognition_model_v1(str(encoder)),
        )
    return _models


def warm_up(threads: int | None = None) -> None:
    """Load the models once per process (a pool worker's initializer)."""
    _dlib()
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
    import dlib
    import numpy as np

    crop, (top, right, bottom, left) = encoding_crop(img, box)
    pixels = np.asarray(crop)
    landmarks, encoder = _dlib()
    shape = landmarks(pixels, dlib.rectangle(left, top, right, bottom))
    return tuple(float(x) for x in encoder.compute_face_descriptor(pixels, shape, 1))


def encoding_crop(
    img: Image.Image, box: tuple[int, int, int, int]
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """The crop a face is encoded from (``_MARGIN`` around it, scaled so the face is at
    most ``ENCODE_WIDTH`` px) and the face's box in the crop."""
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
    return crop, location


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
