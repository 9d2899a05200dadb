"""The import against the peer tool, on realistic group photos (issue 11 "Speed").

Makes N distinct 12-megapixel group photos (``bench.scenes``: 4-12 faces of 40-320 px
in clutter, JPEG quality 90, cached in bench/out/), enrols every fixture person as a
child (from their ``_1`` photo, under a face-matching consent; the demo vault's own
children are enrolled too), then in the same run:

* imports all N through the Session (decode, thumbnails, face detection and
  encodings, suggestions, encryption, verification, removal of the sources) on
  every core, and
* runs the peer, ``face_recognition --cpus 2 known/ unknown/`` (the CLI installed with
  face_recognition; known/ holds the same one photo per enrolled person), which
  prints one line per face found,

and prints photos/s of each, the ratio (goal: the import 3x faster) and the faces each
found (goal: at least as many as the peer).  ``--no-enrol`` imports into a vault where
no child is enrolled, so the import computes no encoding (the peer still does).
``--memory N`` instead imports N photos (copies of the generated ones, each made
distinct by a JPEG comment) and prints the peak memory of the main process and of
the workers (limit 600 MB).

    uv run python bench/import_pipeline.py --photos 20
    uv run python bench/import_pipeline.py --memory 1000
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Only the standard library at the top: the import's workers are spawned, and a spawned
# worker imports the main module again, so a heavy top would bill every worker for the
# benchmark's own imports (2.3 s of CPU each, measured) that the app's command line,
# whose main module is light (tests/test_architecture.py), never pays.
FACES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "faces"
OUT = Path(__file__).resolve().parent / "out"
PEOPLE = ["person-a", "person-b", "person-c", "person-d", "person-e", "person-f"]
LIMIT_MB = 600


def make_inputs(n: int) -> list[Path]:
    """``n`` group photos (4-12 faces, one of 40-59 px), cached between runs."""
    from bench import scenes

    folder = OUT / "groups"
    folder.mkdir(parents=True, exist_ok=True)
    sources = [s for s in scenes.PORTRAITS if "_1." not in s]
    out = []
    for i in range(n):
        path = folder / f"IMG_{i:05d}.jpg"
        if not path.exists():
            rng = random.Random(i)
            widths = [rng.randint(40, 59)] + [
                rng.randint(60, 320) for _ in range(rng.randint(3, 11))
            ]
            scene = scenes.make(i, FACES, widths=widths, sources=sources)
            buf = io.BytesIO()
            scene.image.save(buf, "JPEG", quality=90)
            path.write_bytes(buf.getvalue())
            (folder / f"IMG_{i:05d}.faces").write_text(str(len(scene.faces)))
        out.append(path)
    return out


def distinct(data: bytes, i: int) -> bytes:
    """The same JPEG with a comment segment after its start: another file to the import."""
    text = f"copy {i}".encode()
    return data[:2] + b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text + data[2:]


def enrol_people(vault: Path) -> None:
    """Each fixture person a child with a face-matching consent, enrolled from `_1`."""
    from bench.common import SOCIAL
    from sefton_photos.model import CareStatus, ConsentKind, GivenBy, Whose
    from sefton_photos.session import Session

    with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s:
        for person in PEOPLE:
            child = s.children.add(
                name=f"Child {person[-1].upper()}",
                date_of_birth=date(2012, 1, 1),
                care_status=CareStatus.LOOKED_AFTER,
            )
            pr = s.children.add_person(child_id=child.id, name="Parent", relationship="mother")
            for kind in (ConsentKind.ONE_TO_ONE, ConsentKind.FACE_MATCHING):
                s.consents.add(
                    child_id=child.id,
                    kind=kind,
                    given_by=GivenBy.PARENT_CARER,
                    person_id=pr.id,
                    signed_on=date(2026, 1, 1),
                )
            for whose in (Whose.CHILD, Whose.WORKER):
                s.consents.set_wish(child_id=child.id, whose=whose, wishes_photos=True)
            s.consents.set_wish(
                child_id=child.id, whose=Whose.PARENT_CARER, person_id=pr.id, wishes_photos=True
            )
            s.consents.record_explanation(child_id=child.id, to_whom=Whose.CHILD)
            s.consents.record_explanation(child_id=child.id, to_whom=Whose.PARENT_CARER)
            s.faces.enrol(child_id=child.id, photo=next(FACES.glob(f"{person}_1.*")))


def unenrol_everyone(vault: Path) -> None:
    """Remove the demo vault's own enrolments, so that the import has no one to match."""
    from sqlalchemy import delete

    from bench.common import SOCIAL
    from sefton_photos.schema import casework as cw
    from sefton_photos.session import Session

    with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s, s.vault.unit() as db:
        db.execute(delete(cw.FaceEnrolment))


def run_import(vault: Path, child: int, card: Path, cores: int) -> tuple[float, int, int]:
    """Seconds, photos imported, faces found."""
    from bench.common import DEVICE, SOCIAL
    from sefton_photos.model import Purpose
    from sefton_photos.session import Session

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
    faces = sum(len(o.faces) for o in report.outcomes)
    return elapsed, report.count("imported"), faces


def run_peer(inputs: list[Path], root: Path) -> tuple[float, int]:
    """Seconds and faces found by ``face_recognition --cpus 2 known/ unknown/``."""
    known, unknown = root / "known", root / "unknown"
    known.mkdir()
    unknown.mkdir()
    for person in PEOPLE:
        src = next(FACES.glob(f"{person}_1.*"))
        shutil.copy(src, known / f"{person}{src.suffix}")
    for p in inputs:
        shutil.copy(p, unknown / p.name)
    cli = Path(sys.executable).parent / "face_recognition"
    t = time.perf_counter()
    done = subprocess.run(
        [str(cli), "--cpus", "2", str(known), str(unknown)],
        capture_output=True,
        text=True,
        check=True,
    )
    elapsed = time.perf_counter() - t
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith(str(unknown))]
    faces = sum(1 for ln in lines if not ln.endswith(",no_persons_found"))
    return elapsed, faces


def versus_peer(n: int, cores: int, enrol: bool) -> None:
    from bench.common import remove, throwaway_vault

    inputs = make_inputs(n)
    truth = sum(int(p.with_suffix(".faces").read_text()) for p in inputs)
    print(f"inputs: {n} group photos of 4000x3000 (JPEG q90), {truth} faces of 40-320 px")
    vault, child = throwaway_vault()
    root = Path(tempfile.mkdtemp(prefix="sefton-peer-"))
    try:
        if enrol:
            enrol_people(vault)
        else:
            unenrol_everyone(vault)
        card = vault.parent / "card"
        card.mkdir()
        for p in inputs:
            shutil.copy(p, card / p.name)
        elapsed, imported, faces = run_import(vault, child, card, cores)
        print(
            f"import, {cores} workers, {'6 children enrolled' if enrol else 'no one enrolled'}: "
            f"{imported} photos in {elapsed:.1f} s = "
            f"{imported / elapsed:.2f} photos/s; {faces} faces found (pool start-up included)"
        )
        peer_s, peer_faces = run_peer(inputs, root)
        print(
            f"peer, face_recognition --cpus 2: {n} photos in {peer_s:.1f} s = "
            f"{n / peer_s:.2f} photos/s; {peer_faces} faces found"
        )
        print(
            f"import is {peer_s / elapsed:.2f}x faster than the peer (goal >= 3x); "
            f"faces {faces} vs {peer_faces} of {truth} (goal: at least as many)"
        )
    finally:
        remove(vault)
        shutil.rmtree(root, ignore_errors=True)


def memory(n: int, cores: int) -> None:
    from bench.common import remove, throwaway_vault

    originals = [p.read_bytes() for p in make_inputs(min(n, 20))]
    vault, child = throwaway_vault()
    try:
        enrol_people(vault)
        card = vault.parent / "card"
        card.mkdir()
        for i in range(n):
            (card / f"IMG_{i:05d}.jpg").write_bytes(distinct(originals[i % len(originals)], i))
        elapsed, imported, faces = run_import(vault, child, card, cores)
    finally:
        remove(vault)
    main_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"imported {imported} of {n} photos in {elapsed:.0f} s ({imported / elapsed:.2f}/s), "
        f"{faces} faces"
    )
    print(
        f"peak memory: main process {main_mb:.0f} MB, largest worker {child_mb:.0f} MB "
        f"(limit {LIMIT_MB} MB each)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--memory", type=int, metavar="N", help="import N photos, print peak RSS")
    parser.add_argument(
        "--no-enrol", action="store_true", help="no child enrolled: the import encodes no face"
    )
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    if args.memory:
        memory(args.memory, cores)
    else:
        versus_peer(args.photos, cores, not args.no_enrol)


if __name__ == "__main__":
    main()
