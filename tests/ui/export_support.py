"""Helpers of the export and records screens' tests (kept out of the shared conftest)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    """Alt+letter keys used by more than one button or label of one window."""
    seen: dict[str, list[str]] = {}
    for widget in [*root.findChildren(QAbstractButton), *root.findChildren(QLabel)]:
        if found := re.search(r"&(\w)", widget.text()):
            seen.setdefault(found.group(1).lower(), []).append(widget.text())
    return {key: texts for key, texts in seen.items() if len(texts) > 1}
