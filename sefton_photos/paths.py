"""Where vaults live by default: the platform's per-user data folder.

Windows (the councils' platform): ``%LOCALAPPDATA%\\Sefton Photos``; macOS:
``~/Library/Application Support/Sefton Photos``; elsewhere ``$XDG_DATA_HOME``
or ``~/.local/share/sefton-photos``.  ``$SEFTON_VAULT`` overrides the vault.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Sefton Photos"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Sefton Photos"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "sefton-photos"


def default_vault() -> Path:
    env = os.environ.get("SEFTON_VAULT")
    return Path(env) if env else data_dir() / "vault"


def demo_vault() -> Path:
    return data_dir() / "demo-vault"
