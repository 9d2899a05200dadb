"""The window stays responsive during a 500-photo import (issue 7): a QTimer probe that
should fire every 10 ms never waits more than 100 ms while the import runs on the worker."""

from __future__ import annotations

import random
import time
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from sefton_photos.model import ImportReport, Purpose
from sefton_photos.session import Session
from tests.faceworld import DEVICE
from tests.helpers import SOCIAL, children
from ui.ops import VaultOp

PHOTOS = 500
LIMIT_MS = 100.0


def test_no_event_loop_stall_over_100_ms_during_a_500_photo_import(
    qtbot: QtBot, face_vault: Path, tmp_path: Path
) -> None:
    card = tmp_path / "card"
    card.mkdir()
    rng = random.Random(1)
    for i in range(PHOTOS):
        img = Image.new("RGB", (96, 72), tuple(rng.randrange(256) for _ in range(3)))
        img.putpixel((i % 96, i // 96), (255, 255, 255))
        img.save(card / f"IMG_{i:04d}.jpg", quality=85)
    session = Session.unlock(face_vault, name=SOCIAL.name, password=SOCIAL.password)
    child = children(face_vault)["person-a"]
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    probe = QTimer()
    probe.setInterval(10)
    probe.timeout.connect(tick)
    results: list[ImportReport] = []
    op = VaultOp(
        parent=None,
        op=lambda: session.imports.run(
            child_ids=(child,),
            purpose=Purpose.ACTIVITY_RECORD,
            purpose_note="responsiveness",
            device=DEVICE,
            attested=True,
            paths=[card],
            detect_faces=False,
            workers=2,
        ),
    )
    op.success(results.append)
    try:
        with qtbot.waitSignal(op.finished, timeout=600_000):
            last[0] = time.perf_counter()
            probe.start()
            op.run()
        probe.stop()
    finally:
        session.close()
    worst = max(gaps[1:]) if len(gaps) > 1 else 0.0
    top = sorted(range(1, len(gaps)), key=lambda i: -gaps[i])[:5]
    print(
        f"\n{len(gaps)} probe ticks during the import; worst gap {worst:.1f} ms "
        f"(limit {LIMIT_MS:.0f} ms); worst at ticks {top}: {[round(gaps[i]) for i in top]}"
    )
    assert results and results[0].count("imported") == PHOTOS
    assert len(gaps) > 50
    assert worst < LIMIT_MS
