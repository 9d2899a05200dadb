"""What every ``make_*.py`` script here shares: the scale, the offscreen screen, saving.

Each script takes ``--scale 1`` (the default: ``name.png``) or ``--scale 2``
(``name-200.png``, drawn under ``QT_SCALE_FACTOR=2``).  :func:`start` must be
called before anything else makes the ``QApplication``: Qt reads the scale and the
screen only then.  The screen is an offscreen one of ``SCREEN`` logical pixels at
either scale (the plugin's own is 800 x 800, which would squeeze any dialog that fits
itself to the screen), so a 200 % picture is laid out in the same logical size as
the 100 % one and shows what doubling every pixel does: blurred or tiny icons,
thumbnails and previews drawn at the wrong pixel ratio, text that no longer fits.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
SCREEN = QSize(2560, 1600)  # logical pixels, at 100 % and at 200 %
SCALE = 1


def arguments(parser: argparse.ArgumentParser | None = None) -> argparse.Namespace:
    """The script's arguments, with ``--scale`` added."""
    parser = parser or argparse.ArgumentParser()
    parser.add_argument(
        "--scale", type=int, choices=(1, 2), default=1, help="2: the -200.png pictures"
    )
    return parser.parse_args()


def offscreen_screen(folder: Path, width: int, height: int) -> str:
    """An offscreen screen of the given physical size."""
    config = folder / f"sefton-screen-{width}x{height}.json"
    screen = {"name": "shots", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    return f"offscreen:configfile={config}"


def start(scale: int, screen: QSize = SCREEN) -> QApplication:
    """The application, at ``scale`` (1 or 2) on an offscreen screen of ``screen``
    logical pixels; call it before any other ``QApplication`` exists."""
    global SCALE
    SCALE = scale
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(
        Path(tempfile.gettempdir()), screen.width() * scale, screen.height() * scale
    )
    from ui.app import setup_application

    app = QApplication(sys.argv)
    setup_application(app)
    return app


def file_name(name: str) -> str:
    """``name.png`` at 100 %, ``name-200.png`` at 200 %."""
    return f"{name}.png" if SCALE == 1 else f"{name}-{SCALE * 100}.png"


def save(widget: QWidget, name: str, out: Path = HERE) -> Path:
    """Grab ``widget`` into ``out/name.png`` (``name-200.png`` at 200 %)."""
    path = out / file_name(name)
    widget.grab().save(str(path))
    print(f"wrote {path}")
    return path
