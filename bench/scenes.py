"""Realistic group photos with known faces, for the detector's tests and benchmarks (R11).

The face fixtures are portraits; the photos a social worker imports are group shots
of 12 megapixels where a child at the back is 40 pixels wide.  This module makes
such photos, deterministically from a seed: a cluttered 4000x3000 background
(gradients, noise, shapes, text-like marks) with 4-30 fixture faces pasted in,
each cropped from its portrait with some head and shoulders, at face widths of
40-320 pixels, anywhere in the frame including its edges and corners.  It returns
the image, the true face boxes and who each face is, so recall, false positives
and identification can be measured without anyone labelling anything.

Where the face is in each portrait was found once with dlib's HOG detector at full
resolution (an independent detector, not the one under test) and is written below.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 4000, 3000

# (top, right, bottom, left) of the one face in each single-person fixture photo.
# person-a_partial.jpg is left out: its face is cut by the photo's edge.
PORTRAITS: dict[str, tuple[int, int, int, int]] = {
    "person-a_1.jpg": (142, 617, 409, 349),
    "person-a_2.jpg": (290, 438, 558, 171),
    "person-a_3.jpg": (277, 954, 598, 633),
    "person-a_4.jpg": (204, 932, 590, 546),
    "person-b_1.jpg": (241, 740, 562, 419),
    "person-b_2.jpg": (297, 913, 759, 451),
    "person-c_1.jpg": (110, 812, 239, 683),
    "person-c_2.jpg": (98, 469, 284, 283),
    "person-c_3.jpg": (180, 448, 366, 262),
    "person-d_1.jpg": (112, 884, 379, 617),
    "person-d_2.jpg": (171, 438, 439, 171),
    "person-e_1.jpg": (206, 598, 527, 277),
    "person-e_2.jpg": (206, 954, 527, 633),
    "person-e_3.png": (150, 339, 305, 184),
    "person-f_1.png": (170, 562, 491, 241),
}

# The crop around a face, in face widths: some hair above, shoulders below.
_SIDE, _ABOVE, _BELOW = 0.45, 0.55, 0.8


@dataclass(frozen=True, slots=True)
class Truth:
    box: tuple[int, int, int, int]  # top, right, bottom, left in the scene's pixels
    person: str  # "person-a" ...
    source: str  # the fixture photo the face came from

    @property
    def width(self) -> int:
        return self.box[1] - self.box[3]


@dataclass(frozen=True, slots=True)
class Scene:
    image: Image.Image
    faces: list[Truth]


def person_of(name: str) -> str:
    return name.split("_")[0]


def _background(rng: random.Random, width: int, height: int) -> Image.Image:
    """A gradient with noise, shapes and text-like marks: clutter for false positives."""
    small = Image.new("RGB", (2, 2))
    small.putdata([tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(4)])
    img = small.resize((width, height), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(img)
    for _ in range(140):
        x, y = rng.randrange(width), rng.randrange(height)
        w, h = rng.randrange(20, 700), rng.randrange(20, 700)
        colour = tuple(rng.randrange(256) for _ in range(3))
        shape = rng.randrange(4)
        box = (x, y, x + w, y + h)
        if shape == 0:
            draw.rectangle(box, fill=colour)
        elif shape == 1:
            draw.ellipse(box, fill=colour)
        elif shape == 2:
            draw.line(box, fill=colour, width=rng.randrange(2, 30))
        else:
            draw.polygon(
                [(x + rng.randrange(w), y + rng.randrange(h)) for _ in range(5)],
                fill=colour,
            )
    letters = "ABCDEFGHJKLMNOPRSTUVWXYZ0123456789 -!?"
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height)
        text = "".join(rng.choice(letters) for _ in range(rng.randrange(4, 30)))
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.text((x, y), text, fill=colour, font_size=rng.randrange(12, 120))
    gen = np.random.default_rng(rng.randrange(2**32))  # seeded: the same photo every time
    grain = gen.normal(128, 24, (height // 4, width // 4)).clip(0, 255).astype(np.uint8)
    noise = Image.fromarray(grain).resize((width, height))
    return Image.blend(img, Image.merge("RGB", (noise, noise, noise)), 0.12)


def _crop(
    photo: Image.Image, box: tuple[int, int, int, int]
) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """The face with some head and shoulders, and the face's box inside that crop."""
    top, right, bottom, left = box
    w = right - left
    x0 = max(0, round(left - _SIDE * w))
    y0 = max(0, round(top - _ABOVE * w))
    x1 = min(photo.width, round(right + _SIDE * w))
    y1 = min(photo.height, round(bottom + _BELOW * w))
    return photo.crop((x0, y0, x1, y1)), (top - y0, right - x0, bottom - y0, left - x0)


def widths_between(n: int, low: int, high: int) -> list[int]:
    """``n`` face widths spread evenly from ``low`` to ``high`` pixels."""
    if n == 1:
        return [low]
    return [round(low + (high - low) * i / (n - 1)) for i in range(n)]


def make(
    seed: int,
    faces_dir: Path,
    *,
    widths: list[int] | None = None,
    count: tuple[int, int] = (4, 30),
    width_range: tuple[int, int] = (40, 320),
    corners: bool = True,
    sources: list[str] | None = None,
    size: tuple[int, int] = (WIDTH, HEIGHT),
) -> Scene:
    """A group photo made from ``seed``: the same seed gives the same photo.

    ``widths`` fixes the faces' widths; otherwise 4-30 faces (``count``) of random
    widths in ``width_range``.  With ``corners`` the first four faces sit flush in the
    four corners, the next four against the middle of each edge.
    """
    rng = random.Random(seed)
    width, height = size
    names = sources or sorted(PORTRAITS)
    if widths is None:
        widths = [rng.randint(*width_range) for _ in range(rng.randint(*count))]
    image = _background(rng, width, height)
    placed: list[tuple[int, int, int, int]] = []  # crops already in the scene, x0 y0 x1 y1
    truths: list[Truth] = []
    order = sorted(range(len(widths)), key=lambda i: -widths[i])  # big ones first: they fit
    spots = _edge_spots(width, height) if corners else []
    slot_of = {i: spots[k] for k, i in enumerate(range(len(widths))) if k < len(spots)}
    for i in order:
        name = rng.choice(names)
        with Image.open(faces_dir / name) as src:
            photo = src.convert("RGB")
        crop, (t, r, b, lft) = _crop(photo, PORTRAITS[name])
        scale = widths[i] / (r - lft)
        cw, ch = max(1, round(crop.width * scale)), max(1, round(crop.height * scale))
        crop = crop.resize((cw, ch), Image.Resampling.LANCZOS)
        face = (round(t * scale), round(r * scale), round(b * scale), round(lft * scale))
        spot = _place(rng, slot_of.get(i), cw, ch, face, width, height, placed)
        if spot is None:
            continue  # no room left: the scene has fewer faces than asked
        x, y = spot
        image.paste(crop, (x, y))
        placed.append((x, y, x + cw, y + ch))
        top, right, bottom, left = face
        truths.append(
            Truth(
                (max(0, y + top), min(width, x + right), min(height, y + bottom), max(0, x + left)),
                person_of(name),
                name,
            )
        )
    image = image.filter(ImageFilter.GaussianBlur(0.6))  # a camera's softness, not a paste's
    truths.sort(key=lambda f: (f.box[0], f.box[3]))
    return Scene(image, truths)


def _edge_spots(width: int, height: int) -> list[tuple[float, float]]:
    """Where the faces in corners and against edges go, as fractions of the frame."""
    return [(0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0), (0, 0.5), (1, 0.5), (0.5, 1)]


def _place(
    rng: random.Random,
    slot: tuple[float, float] | None,
    cw: int,
    ch: int,
    face: tuple[int, int, int, int],
    width: int,
    height: int,
    placed: list[tuple[int, int, int, int]],
) -> tuple[int, int] | None:
    """A free spot for a crop: its face flush with the edge for a slot, else anywhere."""
    top, right, bottom, left = face
    for _ in range(400):
        if slot is not None:
            fx, fy = slot
            # The face's own box touches the frame's edge (the crop's margin falls outside).
            x = -left if fx == 0 else width - right if fx == 1 else round(fx * width - cw / 2)
            y = -top if fy == 0 else height - bottom if fy == 1 else round(fy * height - ch / 2)
            slot = None  # if taken, fall back to anywhere
        else:
            x = rng.randrange(-left, max(-left + 1, width - right))
            y = rng.randrange(-top, max(-top + 1, height - bottom))
        rect = (x, y, x + cw, y + ch)
        if all(_apart(rect, other) for other in placed):
            return x, y
    return None


def _apart(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def iou(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Overlap of two (top, right, bottom, left) boxes: intersection over union."""
    h = min(a[2], b[2]) - max(a[0], b[0])
    w = min(a[1], b[1]) - max(a[3], b[3])
    if h <= 0 or w <= 0:
        return 0.0
    inter = h * w
    area = (a[2] - a[0]) * (a[1] - a[3]) + (b[2] - b[0]) * (b[1] - b[3])
    return inter / (area - inter)


def matched(
    truths: list[Truth], found: list[tuple[int, int, int, int]], min_iou: float = 0.3
) -> tuple[dict[int, int], list[int]]:
    """Truth index -> found index (greedy by overlap), and the found boxes matching no one."""
    pairs = sorted(
        ((iou(t.box, f), ti, fi) for ti, t in enumerate(truths) for fi, f in enumerate(found)),
        reverse=True,
    )
    hit: dict[int, int] = {}
    used: set[int] = set()
    for score, ti, fi in pairs:
        if score < min_iou:
            break
        if ti in hit or fi in used:
            continue
        hit[ti] = fi
        used.add(fi)
    return hit, [fi for fi in range(len(found)) if fi not in used]
