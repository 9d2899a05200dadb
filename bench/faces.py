"""Face detection benchmark (R11, issue 11): recall by face width, identification, speed.

The app's detector (YuNet at several scales, ``sefton_photos.faces``) and the one it
replaced (dlib HOG on a copy of at most 1024 px, kept here only, for comparison) run
side by side on the same generated 12 MP group photos (``bench.scenes``), each saved
as a JPEG of quality 90 and decoded the way the import decodes it.  Each fixture
person is enrolled from their ``_1`` photo; the group photos use their other photos.

    uv run python bench/faces.py              # 10 photos
    uv run python bench/faces.py --photos 30
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import scenes
from sefton_photos.faces.detect import FoundFace, detect, scaled
from sefton_photos.faces.detect import warm_up as load_models
from sefton_photos.faces.match import DEFAULT_THRESHOLD, distance
from sefton_photos.imaging.decode import Decoded, decode, downscale
from sefton_photos.support.pipeline import DETECT_FROM, faces_in

FACES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "faces"
BUCKETS = [(40, 59), (60, 79), (80, 119), (120, 179), (180, 320)]
OLD_SIDE, OLD_DECODE = 1024, 768  # the replaced detector: HOG on at most 1024 px


def old_detect(img: Image.Image) -> list[FoundFace]:
    """The detector the app used before issue 11 (dlib HOG at most 1024 px), for comparison."""
    import face_recognition as fr
    import numpy as np

    small, scale = downscale(img, OLD_SIDE)
    pixels = np.asarray(small.convert("RGB"))
    locations = fr.face_locations(pixels, number_of_times_to_upsample=1, model="hog")
    encodings = fr.face_encodings(pixels, locations)
    return [
        FoundFace(tuple(round(v / scale) for v in loc), tuple(float(x) for x in enc))
        for loc, enc in zip(locations, encodings, strict=True)
    ]


def old_path(data: bytes) -> list[FoundFace]:
    d = decode(data, at_least=OLD_DECODE)
    return scaled(old_detect(d.image), d.width / d.image.width, d.width, d.height)


def new_path(encode: bool) -> Callable[[bytes], list[FoundFace]]:
    def run(data: bytes) -> list[FoundFace]:
        decoded: Decoded = decode(data, at_least=DETECT_FROM)
        return faces_in(decoded, encode=encode)

    return run


def photos(n: int, seed: int) -> list[tuple[scenes.Scene, bytes]]:
    """``n`` group photos of 4-12 faces: one of 40-59 px, the others 60-320 px."""
    sources = [s for s in scenes.PORTRAITS if "_1." not in s]
    out = []
    for i in range(n):
        rng = random.Random(seed + i)
        widths = [rng.randint(40, 59)] + [rng.randint(60, 320) for _ in range(rng.randint(3, 11))]
        scene = scenes.make(seed + i, FACES, widths=widths, sources=sources)
        buf = io.BytesIO()
        scene.image.save(buf, "JPEG", quality=90)
        out.append((scene, buf.getvalue()))
    return out


def references(find: Callable[[Image.Image], list[FoundFace]]) -> dict[str, tuple[float, ...]]:
    people = json.loads((FACES / "manifest.json").read_text())["people"]
    out = {}
    for person in people:
        found = find(Image.open(next(FACES.glob(f"{person}_1.*"))).convert("RGB"))
        out[person] = found[0].encoding
    return out


def measure(
    name: str,
    run: Callable[[bytes], list[FoundFace]],
    inputs: list[tuple[scenes.Scene, bytes]],
    refs: dict[str, tuple[float, ...]] | None,
) -> dict[str, object]:
    truth_by = {b: 0 for b in BUCKETS}
    hit_by = {b: 0 for b in BUCKETS}
    right = wrong = found_n = extra_n = 0
    elapsed = 0.0
    for scene, data in inputs:
        t = time.perf_counter()
        found = run(data)
        elapsed += time.perf_counter() - t
        hit, extra = scenes.matched(scene.faces, [f.box for f in found])
        extra_n += len(extra)
        for i, truth in enumerate(scene.faces):
            bucket = next(b for b in BUCKETS if b[0] <= truth.width <= b[1])
            truth_by[bucket] += 1
            if i not in hit:
                continue
            hit_by[bucket] += 1
            found_n += 1
            if refs:
                enc = found[hit[i]].encoding
                person = min(refs, key=lambda p: distance(enc, refs[p]))
                if distance(enc, refs[person]) <= DEFAULT_THRESHOLD:
                    right += person == truth.person
                    wrong += person != truth.person
    return {
        "name": name,
        "recall": {f"{lo}-{hi}": (hit_by[(lo, hi)], truth_by[(lo, hi)]) for lo, hi in BUCKETS},
        "found": found_n,
        "faces": sum(truth_by.values()),
        "false_positives": extra_n,
        "identified": (right, wrong, found_n) if refs else None,
        "ms_per_photo": 1000 * elapsed / len(inputs),
    }


def report(rows: list[dict[str, object]]) -> None:
    heads = [f"{lo}-{hi} px" for lo, hi in BUCKETS]
    print(f"{'detector':<24}" + "".join(f"{h:>12}" for h in heads) + f"{'all':>10}{'FP':>5}")
    for r in rows:
        recall = r["recall"]
        assert isinstance(recall, dict)
        cells = "".join(f"{f'{h}/{t} {100 * h / max(t, 1):.0f}%':>12}" for h, t in recall.values())
        print(f"{r['name']:<24}{cells}{r['found']:>5}/{r['faces']:<4}{r['false_positives']:>5}")
    print()
    for r in rows:
        ident = r["identified"]
        line = f"{r['name']:<24}{r['ms_per_photo']:>8.0f} ms/photo"
        if isinstance(ident, tuple):
            ok, bad, n = ident
            line += f"   identified {ok}/{n} found faces ({100 * ok / max(n, 1):.0f}%), wrong {bad}"
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1000)
    args = parser.parse_args()
    load_models(threads=1)  # as in an import worker
    inputs = photos(args.photos, args.seed)
    n = sum(len(s.faces) for s, _ in inputs)
    print(f"{len(inputs)} generated 4000x3000 photos (JPEG q90), {n} faces; one OpenCV thread")
    rows = [
        measure("new, find only", new_path(False), inputs, None),
        measure("new, find + encode", new_path(True), inputs, references(detect)),
        measure("old HOG@1024 + encode", old_path, inputs, references(old_detect)),
    ]
    report(rows)


if __name__ == "__main__":
    main()
