"""Run in a subprocess by tests/test_faults.py: import or export until killed.

Prints "ready" once signed in, then one line per finished file, so the test can
kill it at a random point (SIGKILL: no clean-up of any kind runs).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from sefton_photos.model import Destination, Purpose
from sefton_photos.session import Session


def kill_right_after_naming() -> None:
    """SIGKILL this process at the first thing it does after giving an exported file its
    final name (an audit hook: the kill lands exactly between naming and what follows)."""
    named: list[bool] = []

    def hook(event: str, args: tuple[object, ...]) -> None:
        if event == "os.kill":
            return  # the kill below raises its own event
        if named:
            os.kill(os.getpid(), signal.SIGKILL)
        if event in ("os.rename", "os.link") and len(args) > 1:
            name = os.path.basename(str(args[1]))
            if name.startswith("sefton-") and name.endswith(".jpg"):
                named.append(True)

    sys.addaudithook(hook)


def main() -> None:
    mode, vault, user, password, child, target = sys.argv[1:7]
    with Session.unlock(Path(vault), name=user, password=password) as s:
        print("ready", flush=True)
        if mode == "export-kill-at-name":
            kill_right_after_naming()
            s.exports.run(
                photo_ids=s.photos.ids(child_id=int(child)),
                destination=Destination.CASE_RECORD,
                out=Path(target),
            )
        elif mode == "import":
            s.imports.run(
                child_ids=(int(child),),
                purpose=Purpose.LIFE_STORY,
                purpose_note="fault test",
                device=sys.argv[7],
                attested=True,
                paths=[Path(target)],
                detect_faces=False,
                workers=0,
                progress=lambda p: p.last and print(p.last.status, flush=True),
            )
        else:
            photos = s.photos.ids(child_id=int(child))
            while True:
                for outcome in s.exports.run(
                    photo_ids=photos, destination=Destination.CASE_RECORD, out=Path(target)
                ):
                    print(outcome.status, flush=True)


if __name__ == "__main__":
    main()
