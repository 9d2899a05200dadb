"""The devices table of the Admin page: the council cameras and phones (R5, 5.5.4.5).

It holds the plain list of :class:`~sefton_photos.model.Device` the page got from
``session.devices.list()`` on the worker; it never asks the vault.  A retired
device says "Retired 1 Dec 2026" in words (its grey colour only repeats them);
one still in use says "In use".
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor

from sefton_photos.model import Device
from sefton_photos.words import short_date
from ui.models.rows import NONE, RowsTable

HEADERS = ("Name", "Make and model", "Serial number", "Registered", "Status")
IN_USE = "In use"
RETIRED_COLOUR = QColor("#383f43")


def make_and_model(device: Device) -> str:
    return " ".join(part for part in (device.make, device.model) if part) or NONE


def registered_words(device: Device) -> str:
    """The day only: who registered it is in the audit log (and the table fits at 200 %)."""
    return short_date(device.registered_at.date())


def status_words(device: Device) -> str:
    if not device.retired:
        return IN_USE
    if device.retired_at is None:
        return "Retired"
    return f"Retired {short_date(device.retired_at.date())}"


class DevicesTableModel(RowsTable[Device]):
    """Read-only rows of devices, those in use first; ``UserRole`` gives the ``Device``."""

    headers = HEADERS

    def set_devices(self, devices: Sequence[Device]) -> None:
        self.set_rows(sorted(devices, key=lambda d: (d.retired, d.name.casefold())))

    @property
    def devices(self) -> list[Device]:
        return self.rows

    def device_at(self, row: int) -> Device:
        return self.row_at(row)

    def row_of(self, name: str) -> int | None:
        for row, device in enumerate(self.rows):
            if device.name == name and not device.retired:
                return row
        return None

    def texts(self, device: Device) -> tuple[str, ...]:
        return (
            device.name,
            make_and_model(device),
            device.serial or NONE,
            registered_words(device),
            status_words(device),
        )

    def colour(self, device: Device, column: int) -> QColor | None:
        return RETIRED_COLOUR if device.retired else None
