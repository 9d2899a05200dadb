"""Make every screenshot in docs/screenshots, at 100 % and at 200 %.

Run from the repository root::

    uv run python docs/screenshots/make_all.py

It runs each ``make_*.py`` script here with ``--scale 1`` and then ``--scale 2``
(make_admin_import_screenshots.py makes both scales itself), one after another,
each in its own process with its own throwaway demo vault, on the offscreen
platform.  It takes five to six minutes on two cores (each run 25 to 50 s; the
photo script enrols faces and imports thirty photos, twice).  ``--only NAME`` runs the scripts whose
name contains NAME (``--only children`` for make_children_screenshots.py).  A
script that fails is named at the end; the others still run.
README.md here says which picture shows what.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BOTH_SCALES_ITSELF = {"make_admin_import_screenshots.py"}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_SCALE_FACTOR", None)
    scripts = sorted(p for p in HERE.glob("make_*.py") if p.name != "make_all.py")
    if args.only:
        scripts = [p for p in scripts if any(n in p.name for n in args.only)]
    failed: list[str] = []
    for script in scripts:
        for scale in (1,) if script.name in BOTH_SCALES_ITSELF else (1, 2):
            began = time.monotonic()
            command = [sys.executable, str(script)]
            if script.name not in BOTH_SCALES_ITSELF:
                command += ["--scale", str(scale)]
            print(f"== {script.name} {' '.join(command[2:])}", flush=True)
            code = subprocess.run(command, check=False, env=env).returncode
            print(f"   {time.monotonic() - began:.0f} s", flush=True)
            if code:
                failed.append(" ".join([script.name, *command[2:]]))
    for name in failed:
        print(f"FAILED: {name}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
