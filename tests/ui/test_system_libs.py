"""A missing system library is named, with what to install, before Qt can abort (issue 12)."""

from __future__ import annotations

import ctypes

from ui import system_libs
from ui.system_libs import SystemLibrary

ABSENT = SystemLibrary("libsefton-photos-absent.so.7", "libsefton-absent7", "sefton-absent")


def test_qt_uses_xcb_only_on_linux_without_another_platform() -> None:
    assert system_libs.uses_xcb({}, "linux")
    assert system_libs.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not system_libs.uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not system_libs.uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux")
    assert not system_libs.uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not system_libs.uses_xcb({}, "win32")


def test_a_missing_library_is_named_with_the_package_to_install() -> None:
    words = system_libs.problem({"QT_QPA_PLATFORM": "xcb"}, [ABSENT], "linux")
    assert words is not None
    assert "libsefton-photos-absent.so.7" in words
    assert "sudo apt install libsefton-absent7" in words
    assert "sudo dnf install sefton-absent" in words
    assert "sefton-photos --help" in words


def test_nothing_is_said_when_the_library_loads_or_xcb_is_not_used() -> None:
    libc = SystemLibrary("libc.so.6", "libc6", "glibc")
    ctypes.CDLL(libc.soname)  # present on every Linux this runs on
    assert system_libs.problem({"QT_QPA_PLATFORM": "xcb"}, [libc], "linux") is None
    assert system_libs.problem({"QT_QPA_PLATFORM": "offscreen"}, [ABSENT], "linux") is None
