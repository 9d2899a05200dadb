"""System libraries Qt needs but cannot bring with it, checked before the first window.

PySide6 wheels carry Qt, but Qt's X11 platform plugin loads ``libxcb-cursor.so.0`` from the
system. Without it Qt prints "Could not load the Qt platform plugin xcb" and aborts the
process, which tells a social worker nothing. So before the QApplication exists we try to
load each library the chosen platform needs and, when one is missing, say which package to
install (README, "Prerequisites").
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class SystemLibrary:
    soname: str  # what the dynamic loader is asked for
    debian: str  # the package on Debian and Ubuntu
    fedora: str  # the package on Fedora and RHEL


XCB_LIBRARIES = (SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),)


def uses_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """True when Qt will use its X11 (xcb) plugin for this process."""
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not env.get("WAYLAND_DISPLAY")  # Qt 6 prefers Wayland when a session offers it


def missing(libraries: Sequence[SystemLibrary]) -> list[SystemLibrary]:
    """The libraries the dynamic loader cannot find (each is really loaded to check)."""
    absent = []
    for library in libraries:
        try:
            ctypes.CDLL(library.soname)
        except OSError:
            absent.append(library)
    return absent


def problem(
    env: Mapping[str, str] | None = None,
    libraries: Sequence[SystemLibrary] = XCB_LIBRARIES,
    platform: str = sys.platform,
) -> str | None:
    """What to install before the window can open, in words; None when nothing is missing."""
    if not uses_xcb(os.environ if env is None else env, platform):
        return None
    absent = missing(libraries)
    if not absent:
        return None
    names = ", ".join(lib.soname for lib in absent)
    debian = " ".join(lib.debian for lib in absent)
    fedora = " ".join(lib.fedora for lib in absent)
    return (
        f"The app cannot open its window: the system library {names} is missing. "
        f"Install it (Debian or Ubuntu: sudo apt install {debian}; Fedora: sudo dnf install "
        f"{fedora}) and start Sefton Photos again. The commands (sefton-photos --help) work "
        "without it."
    )
