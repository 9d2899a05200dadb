"""Unlock time, consent-check latency, and unlocking a vault with many photos.

Limits measured in the same run: Argon2id alone (the floor of any unlock), and one
empty unit of work (the floor of any database call).  The big vault gets N photo
rows (and their object rows) inserted in bulk, which is what opening scales with;
the object files themselves are never read at open.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid

from sqlalchemy import select

from bench.common import SOCIAL, remove, throwaway_vault
from sefton_photos.model import Purpose
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import ObjectRow
from sefton_photos.session import Session
from sefton_photos.vault import crypto


def timed(fn, n: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def ms(xs: list[float]) -> str:
    xs = sorted(xs)
    return (
        f"median {statistics.median(xs) * 1000:.1f} ms, "
        f"p95 {xs[int(len(xs) * 0.95) - 1] * 1000:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=50_000)
    args = parser.parse_args()
    vault, child = throwaway_vault()
    try:
        argon = timed(
            lambda: crypto.password_key("x" * 12, os.urandom(16), crypto.MINIMUM_ARGON2), 5
        )
        unlock = timed(lambda: Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]).close(), 5)
        print(f"Argon2id alone (the floor): {ms(argon)}")
        print(
            f"unlock + sign-out, small vault: {ms(unlock)} "
            f"= {statistics.median(unlock) / statistics.median(argon):.2f}x the floor"
        )
        with Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]) as s:

            def empty() -> None:
                with s.vault.unit(reading=True) as db:
                    db.execute(select(1))

            floor = timed(empty, 200)
            checks = timed(
                lambda: s.consents.check(child_id=child, purpose=Purpose.LIFE_STORY), 200
            )
            print(f"one unit of work with one query (the floor): {ms(floor)}")
            print(
                f"consent check (decision + logged + audited): {ms(checks)} "
                f"= {statistics.median(checks) / statistics.median(floor):.1f}x the floor"
            )
            t = time.perf_counter()
            with s.vault.unit() as db:
                capture = cw.Capture(
                    worker_id=s.user.id,
                    purpose="life_story",
                    purpose_note="bench",
                    attested=True,
                    logged_at=utcnow(),
                )
                db.add(capture)
                db.flush()
                db.add(cw.CaptureChild(capture_id=capture.id, child_id=child))
                now = utcnow()
                ids = [uuid.uuid4().hex for _ in range(args.photos)]
                db.add_all(
                    [
                        ObjectRow(
                            id=oid,
                            data_key=os.urandom(32),
                            sha256="0" * 64,
                            size=3_000_000,
                            kind="original",
                            created_at=now,
                        )
                        for oid in ids
                    ]
                )
                db.flush()  # objects first: photos refer to them
                db.add_all(
                    [
                        cw.Photo(
                            original_object_id=oid,
                            content_sha256=f"{i:064x}",
                            media_type="image/jpeg",
                            width=4000,
                            height=3000,
                            imported_by=s.user.id,
                            imported_at=now,
                        )
                        for i, oid in enumerate(ids)
                    ]
                )
                db.flush()
            print(
                f"bulk insert of {args.photos} photo rows: {time.perf_counter() - t:.1f} s "
                f"(set-up, not a product path)"
            )
        size = (vault / "vault.db").stat().st_size / 1e6
        big = timed(lambda: Session.unlock(vault, name=SOCIAL[0], password=SOCIAL[1]).close(), 3)
        print(
            f"unlock with {args.photos} photos ({size:.0f} MB database): {ms(big)} "
            f"= {statistics.median(big) / statistics.median(argon):.2f}x the Argon2id floor"
        )
    finally:
        remove(vault)


if __name__ == "__main__":
    main()
