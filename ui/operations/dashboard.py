"""Operations on the dashboard: its numbers for a period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtCore import QObject

    from sefton_photos.services.dashboard import Dashboard
    from sefton_photos.session import Session


def build(
    *, parent: QObject | None, session: Session, since: date, until: date, today: date
) -> VaultOp[Dashboard]:
    """The dashboard for ``since`` to ``until``, ages and deadlines as of ``today``."""
    return VaultOp(
        parent=parent, op=lambda: session.dashboard.build(since=since, until=until, today=today)
    )
