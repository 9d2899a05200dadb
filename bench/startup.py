"""Start-up time: `sefton-photos --help` / `--version`, and launch → sign-in window painted.

Each figure is the median of several fresh processes, printed beside its goal (issue 12:
under 0.3 s for --help, under 1.5 s to a painted sign-in window) and beside the floor
measured in the same run: a bare `python -c pass` and a bare QApplication with one empty
window. Run on an idle machine:

    uv run python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PAINTED = """
import sys, time
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication
{setup}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", time.time(), flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Painted()
window.installEventFilter(watch)
app.exec()
"""
BARE = """
app = QApplication(sys.argv)
from PySide6.QtWidgets import QWidget
window = QWidget(); window.show()
"""
SIGN_IN = """
from pathlib import Path
import ui.app
if (missing := ui.app.system_libs.problem()) is not None:
    sys.exit(missing)
app = QApplication(sys.argv)
ui.app.setup_application(app)
controller = ui.app.AppController(Path(sys.argv[1]))
window = controller.start()
ui.app.warm_up()
"""


def median_seconds(argv: list[str], runs: int) -> float:
    """Wall time of whole processes, spawn to exit."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{argv[:3]} failed: {done.stdout}{done.stderr}")
    return statistics.median(times)


def median_to_paint(argv: list[str], runs: int) -> float:
    """Wall time from spawning the process to its window's first paint event."""
    times = []
    for _ in range(runs):
        start = time.time()
        with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as child:
            assert child.stdout is not None
            line = child.stdout.readline().split()
            child.kill()
        if not line or line[0] != "painted":
            raise SystemExit(f"{argv[:3]} never painted")
        times.append(float(line[1]) - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    py = sys.executable
    cli = [py, "-m", "sefton_photos.cli.main"]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    floor = median_seconds([py, "-c", "pass"], args.runs)
    help_s = median_seconds([*cli, "--help"], args.runs)
    version_s = median_seconds([*cli, "--version"], args.runs)
    print(f"python -c pass (floor)      {floor * 1000:7.0f} ms")
    print(f"sefton-photos --help        {help_s * 1000:7.0f} ms   goal < 300 ms")
    print(f"sefton-photos --version     {version_s * 1000:7.0f} ms   goal < 300 ms")

    with tempfile.TemporaryDirectory() as folder:
        bare = median_to_paint([py, "-c", PAINTED.format(setup=BARE)], args.runs)
        sign_in = median_to_paint([py, "-c", PAINTED.format(setup=SIGN_IN), folder], args.runs)
    print(f"bare QApplication painted   {bare * 1000:7.0f} ms   (floor)")
    print(
        f"sign-in window painted      {sign_in * 1000:7.0f} ms   goal < 1500 ms, "
        f"{sign_in / bare:.2f}x the bare window"
    )


if __name__ == "__main__":
    main()
