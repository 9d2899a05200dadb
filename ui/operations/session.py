"""Operations on the session itself: sign in, unlock again, lock, close, the check that
a folder holds a vault, and the demo vault made before the first sign-in.

Signing in happens before anything else is loaded: ``sefton_photos.session`` (and
the database libraries under it) is imported on the worker, inside the work, so
the sign-in window paints first (tests/test_architecture.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtCore import QObject

    from sefton_photos.session import Session


def unlock(*, parent: QObject | None, vault: Path, name: str, password: str) -> VaultOp[object]:
    """Sign in to the vault at ``vault``; the answer is the new session."""

    def work() -> object:
        from sefton_photos.session import Session

        return Session.unlock(vault, name=name, password=password)

    return VaultOp(parent=parent, op=work)


def unlock_again(*, parent: QObject | None, session: Session, password: str) -> VaultOp[object]:
    """Unlock a locked session (the same user); the answer is that session."""

    def work() -> object:
        session.unlock_again(password=password)
        return session

    return VaultOp(parent=parent, op=work)


def ensure_demo_vault(*, parent: QObject | None, vault: Path) -> VaultOp[Path]:
    """Create the demo vault at ``vault`` unless it is there (seconds, the first time)."""

    def work() -> Path:
        from sefton_photos import demo

        return demo.ensure_demo_vault(vault)

    return VaultOp(parent=parent, op=work)


def check_folder(*, parent: QObject | None, vault: Path) -> VaultOp[None]:
    """Fails, in the core's words, when the folder holds no usable vault (asks no password)."""

    def probe() -> None:
        from sefton_photos.session import Session

        Session.check_folder(vault)

    return VaultOp(parent=parent, op=probe)


def lock(*, parent: QObject | None, session: Session, reason: str) -> VaultOp[None]:
    """Lock the session: the key leaves memory until the password is typed again."""
    return VaultOp(parent=parent, op=lambda: session.lock(reason=reason))


def close(*, parent: QObject | None, session: Session) -> VaultOp[None]:
    """Close the session (signing out, or the app quitting)."""
    return VaultOp(parent=parent, op=session.close)
