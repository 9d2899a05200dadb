"""Kill the process at random points of an import and an export, many times, and prove
every time that nothing was lost or half-written (DEVELOPERS.md, crash-safe; R5).

30 import and 20 export kills by default (50 in all); ``pytest --soak`` runs 1,000.
Each kill is followed by a reopen: SQLCipher integrity, every object decrypts, no
object without a row or row without an object, the audit chain intact, and no
source removed without its copy.
"""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from PIL import Image

from sefton_photos.model import Destination, Purpose
from sefton_photos.session import Session
from tests.conftest import COUNTS
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, SOCIAL, assert_sound, children, start


def kills(config: pytest.Config) -> int:
    """Kills per kind: 30 imports and 20 exports (50 in all) by default."""
    return 600 if config.getoption("--soak") else 30


def small_photos(folder: Path, n: int, seed: int) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        img = Image.new("RGB", (320, 240), tuple(rng.randrange(256) for _ in range(3)))
        img.putpixel((rng.randrange(320), rng.randrange(240)), (i % 256, seed % 256, 7))
        path = folder / f"IMG_{seed:04d}_{i:03d}.jpg"
        img.save(path, quality=80)
        out[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def kill_at_random(proc: subprocess.Popen[str], rng: random.Random, lines: int) -> None:
    """Wait for "ready", let a random number of files finish, then SIGKILL mid-way."""
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    for line in proc.stdout:
        if line.startswith("ready"):
            break
    target = rng.randrange(0, lines)
    seen = 0
    while seen < target and time.monotonic() < deadline:
        if not proc.stdout.readline():
            break
        seen += 1
    time.sleep(rng.random() * 0.05)  # somewhere inside the next file's work
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


@pytest.mark.kills
def test_killing_imports_loses_nothing(
    face_vault: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rng = random.Random(2026)
    child = children(face_vault)["person-a"]
    every: dict[str, str] = {}
    for run in range(kills(request.config)):
        card = tmp_path / f"card{run}"
        hashes = small_photos(card, 4, run)
        every.update({f"{run}/{k}": v for k, v in hashes.items()})
        proc = start(
            "import", str(face_vault), SOCIAL.name, SOCIAL.password, str(child), str(card), DEVICE
        )
        kill_at_random(proc, rng, 4)
        stored = assert_sound(face_vault)
        for name, digest in hashes.items():
            assert (card / name).exists() or digest in stored, f"run {run}: {name} lost"
    COUNTS.append(f"{kills(request.config)} import kills: no source lost, vault sound each time")


@pytest.mark.kills
def test_killing_exports_leaves_nothing_half_written(
    face_vault: Path, faces_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    rng = random.Random(7)
    ids = children(face_vault)
    share = tmp_path / "share"
    share.mkdir()
    with Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin:
        admin.locations.add(path=share)
    card = tmp_path / "card"
    card.mkdir()
    for name in ("person-b_1.jpg", "person-b_2.jpg"):
        shutil.copy(faces_dir / name, card / name)
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        s.imports.run(
            child_ids=(ids["person-b"],),
            purpose=Purpose.LIFE_STORY,
            purpose_note="x",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=0,
        )
    runs = kills(request.config) * 2 // 3
    for run in range(runs):
        out = share / f"run{run}"
        out.mkdir()
        proc = start(
            "export", str(face_vault), SOCIAL.name, SOCIAL.password, str(ids["person-b"]), str(out)
        )
        kill_at_random(proc, rng, 4)
        assert_sound(face_vault)
        for f in out.glob("*.jpg"):
            Image.open(f).verify()  # every file that has its final name is whole
    with Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password) as s:
        for out in share.iterdir():
            s.exports.run(photo_ids=[], destination=Destination.CASE_RECORD, out=out)
    assert not list(share.rglob("*.partial")), "a killed write's leftovers are swept"
    COUNTS.append(f"{runs} export kills: every exported file whole, vault sound each time")
