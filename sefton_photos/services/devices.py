"""Registered devices (R5, policy 5.5.4.5): the council cameras and phones photos may
come from.  Administrators register and retire them; everyone may list them.
Available on a session as ``session.devices``."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Device, DeviceId
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import Device as DeviceRow
from sefton_photos.schema.core import UserRow
from sefton_photos.services.users import check_name
from sefton_photos.support.context import Service


def to_device(db: OrmSession, row: DeviceRow) -> Device:
    by = db.get(UserRow, row.registered_by)
    return Device(
        id=DeviceId(row.id),
        name=row.name,
        serial=row.serial,
        registered_by=by.name if by else "?",
        registered_at=row.registered_at,
        retired=row.retired_at is not None,
        make=row.make,
        model=row.model,
        retired_at=row.retired_at,
    )


def find_active(db: OrmSession, name: str) -> DeviceRow | None:
    key = " ".join(name.split()).casefold()
    for row in db.scalars(select(DeviceRow).where(DeviceRow.retired_at.is_(None))):
        if row.name.casefold() == key:
            return row
    return None


class DevicesService(Service):
    def add(
        self,
        *,
        name: str,
        serial: str | None = None,
        make: str | None = None,
        model: str | None = None,
    ) -> Device:
        self.ctx.require(access.may_manage_devices(self.actor.role), "device.add", name)
        name = check_name(name)
        with self.vault.unit() as db:
            if find_active(db, name) is not None:
                raise InvalidInput(f"A device called {name} is already registered.")
            row = DeviceRow(
                name=name,
                serial=(serial or "").strip() or None,
                make=(make or "").strip() or None,
                model=(model or "").strip() or None,
                registered_by=self.actor.id,
                registered_at=utcnow(),
            )
            db.add(row)
            db.flush()
            self.ctx.audit(
                db,
                action="device.registered",
                subject=f"device {row.id}",
                details={
                    "name": name,
                    "serial": row.serial,
                    "make": row.make,
                    "model": row.model,
                },
            )
            return to_device(db, row)

    def list(self) -> list[Device]:
        with self.vault.unit() as db:
            rows = db.scalars(select(DeviceRow).order_by(DeviceRow.name)).all()
            return [to_device(db, r) for r in rows]

    def retire(self, *, name: str) -> Device:
        self.ctx.require(
            access.may_manage_devices(self.actor.role),
            "device.retire",
            name,
        )
        with self.vault.unit() as db:
            row = find_active(db, name)
            if row is None:
                raise NotFound(f"There is no registered device called {name}.")
            row.retired_at = utcnow()
            self.ctx.audit(
                db,
                action="device.retired",
                subject=f"device {row.id}",
            )
            return to_device(db, row)
