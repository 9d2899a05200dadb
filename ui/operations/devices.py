"""Operations on registered cameras and phones: list them, register one, retire one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.ops import VaultOp

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from sefton_photos.model import Device
    from sefton_photos.session import Session


def listing(*, parent: QObject | None, session: Session) -> VaultOp[list[Device]]:
    """Every registered device."""
    return VaultOp(parent=parent, op=session.devices.list)


def retire(*, parent: QObject | None, session: Session, name: str) -> VaultOp[Device]:
    """Retire a device: nobody can import from it any more."""
    devices = session.devices
    return VaultOp(parent=parent, op=lambda: devices.retire(name=name))


def add(
    *, parent: QObject | None, session: Session, name: str, serial: str, make: str, model: str
) -> VaultOp[Device]:
    """Register a camera or phone staff may import from."""
    devices = session.devices
    return VaultOp(
        parent=parent,
        op=lambda: devices.add(name=name, serial=serial, make=make, model=model),
    )
