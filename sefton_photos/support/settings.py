"""Reading and writing the vault-wide settings of :mod:`sefton_photos.model.settings`.

Both work inside a caller's transaction (the consent check reads the consent age, an
import reads the face settings); ``session.settings``
(:class:`sefton_photos.services.administration.SettingsService`) is where an administrator
changes them, audited.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session as OrmSession

from sefton_photos.model.settings import SettingSpec
from sefton_photos.schema.core import Setting

T = TypeVar("T", bool, int, float)


def read(db: OrmSession, spec: SettingSpec[T]) -> T:
    """The vault's value of ``spec``, or its default if it was never set."""
    row = db.get(Setting, spec.key)
    return spec.parse(row.value) if row else spec.default


def write(db: OrmSession, spec: SettingSpec[T], value: T) -> None:
    db.merge(Setting(key=spec.key, value=spec.text(spec.check(value))))
