"""The import benchmark measures the import as the app runs it (issue 11).

Pool workers are spawned, and a spawned worker imports the main module again: a
benchmark whose top imports the session, the database or the face libraries bills
each worker for them (2.3 s of CPU, measured), which the app's command line, whose
main module is light, never pays.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_the_import_benchmark_main_module_is_as_light_as_the_command_lines() -> None:
    heavy = ["sqlalchemy", "sqlcipher3", "PIL", "numpy", "cv2", "dlib", "sefton_photos.session"]
    probe = (
        "import runpy, sys\n"
        "runpy.run_path('bench/import_pipeline.py', run_name='__mp_main__')\n"
        f"print([n for n in {heavy!r} if n in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
