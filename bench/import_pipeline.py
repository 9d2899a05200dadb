"""Import pipeline vs face detection alone (issue 4 goal: within 1.5x of detection / cores).

Makes N distinct 12-megapixel JPEGs with real faces in them (cached in bench/out/),
times face detection alone on one core (decode + downscale + detect + encode faces,
which any pipeline must do), then imports all N on every core through the real
ImportService and prints photos per second and the ratio to the limit.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import time
from pathlib import Path

from PIL import Image, ImageFilter

from bench.common import DEVICE, FACES, OUT, SOCIAL, remove, throwaway_vault
from sefton_photos.faces.detect import detect
from sefton_photos.imaging.decode import decode
from sefton_photos.model import Purpose
from sefton_photos.pipeline import DETECT_FROM
from sefton_photos.session import Session

W, H = 4000, 3000  # 12 megapixels


def make_inputs(n: int) -> list[Path]:
    folder = OUT / f"12mp-{n}"
    existing = sorted(folder.glob("*.jpg")) if folder.exists() else []
    if len(existing) >= n:
        return existing[:n]
    folder.mkdir(parents=True, exist_ok=True)
    faces = [Image.open(p).convert("RGB") for p in sorted(FACES.glob("person-*_*.jpg"))]
    rng = random.Random(7)
    out = []
    for i in range(n):
        canvas = Image.new("RGB", (W, H), tuple(rng.randrange(90, 200) for _ in range(3)))
        face = faces[i % len(faces)]
        scale = 2600 / max(face.size)
        big = face.resize((int(face.width * scale), int(face.height * scale)))
        canvas.paste(big, (rng.randrange(0, W - big.width), rng.randrange(0, H - big.height)))
        canvas = canvas.filter(ImageFilter.GaussianBlur(0.4))
        path = folder / f"IMG_{i:05d}.jpg"
        canvas.save(path, quality=88)
        out.append(path)
    return out


def detection_alone(paths: list[Path]) -> tuple[float, float]:
    """Seconds per photo on one core: (read + reduced decode + detect, detect alone).

    The reduced decode (a quarter-scale JPEG decode) is the least any detector must
    do to see the faces, so it belongs to the limit."""
    whole = only = 0.0
    for p in paths:
        t0 = time.perf_counter()
        img = decode(p.read_bytes(), at_least=DETECT_FROM).image
        t1 = time.perf_counter()
        found = detect(img)
        t2 = time.perf_counter()
        assert found, f"no face found in {p.name}"
        whole += t2 - t0
        only += t2 - t1
    return whole / len(paths), only / len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--sample", type=int, default=12, help="photos timed for detection alone")
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    t = time.perf_counter()
    inputs = make_inputs(args.photos)
    print(f"inputs: {len(inputs)} photos of {W}x{H} ready in {time.perf_counter() - t:.1f} s")

    detect(decode(inputs[0].read_bytes()).image)  # load the models before timing
    per_photo, detect_only = detection_alone(inputs[: args.sample])
    limit = per_photo / cores
    print(
        f"face detection alone, one core: {per_photo:.3f} s/photo "
        f"(of which detection on the reduced copy {detect_only:.3f} s)"
    )
    print(
        f"limit: detection / {cores} cores = {limit:.3f} s/photo "
        f"= {1 / limit:.2f} photos/s; goal within 1.5x = {1 / (1.5 * limit):.2f} photos/s"
    )

    vault, child = throwaway_vault()
    card = vault.parent / "card"
    shutil.copytree(inputs[0].parent, card)
    try:
        with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s:
            t = time.perf_counter()
            report = s.imports.run(
                child_ids=(child,),
                purpose=Purpose.LIFE_STORY,
                purpose_note="benchmark",
                device=DEVICE,
                attested=True,
                paths=[card],
                workers=cores,
            )
            elapsed = time.perf_counter() - t
        imported = report.count("imported")
        per = elapsed / max(imported, 1)
        print(
            f"import pipeline, {cores} workers: {imported} photos in {elapsed:.1f} s = "
            f"{imported / elapsed:.2f} photos/s ({per:.3f} s/photo, pool start-up included)"
        )
        print(f"ratio to the limit: {per / limit:.2f}x (goal <= 1.5x)")
        import resource

        main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"memory peak: main process {main_mb:.0f} MB, largest worker {child_mb:.0f} MB "
            f"(bounded: at most 2 files per worker in flight)"
        )
    finally:
        remove(vault)


if __name__ == "__main__":
    main()
