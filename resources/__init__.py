"""Files that ship with the app (stylesheet, icons), found beside this module.

The front end asks here for a path rather than building one itself, so the
files can move (or be packed into a wheel) without touching the UI code.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent
APP_ICON = "icons/sefton-photos.svg"
STYLESHEET = "style.qss"


def path(name: str) -> Path:
    """The absolute path of a resource file, e.g. ``path("style.qss")``."""
    found = (ROOT / name).resolve()
    if ROOT not in found.parents:
        raise ValueError(f"{name!r} is not inside the resources folder")
    return found


def read_text(name: str) -> str:
    """The text of a resource file (UTF-8)."""
    return path(name).read_text(encoding="utf-8")
