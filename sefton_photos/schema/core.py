"""The vault's own tables: meta, settings, users, objects, devices, locations, audit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from sefton_photos.schema.base import Base, UTCDateTime


class Meta(Base):
    """Key/value facts about the vault itself: ``format_version``, ``created_at``."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """Vault-wide settings an administrator changes (auto-lock minutes, face matching)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class UserRow(Base):
    """Staff.  Rows are never deleted (the audit refers to them); removal sets removed_at."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))  # normalised, for lookups
    role: Mapped[str] = mapped_column(String(40))
    team: Mapped[str | None] = mapped_column(String(200))
    line_manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index(
            "uq_users_active_name", "name_key", unique=True, sqlite_where=text("removed_at IS NULL")
        ),
    )


class ObjectRow(Base):
    """An encrypted file in objects/: its data key lives here and only here (R8, R13)."""

    __tablename__ = "objects"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    data_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # original | thumbnail | form | export
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Device(Base):
    """A council camera or phone registered by an administrator (R5, 5.5.4.5)."""

    __tablename__ = "devices"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    serial: Mapped[str | None] = mapped_column(String(200))
    make: Mapped[str | None] = mapped_column(String(200))  # EXIF Make (revision 0004)
    model: Mapped[str | None] = mapped_column(String(200))  # EXIF Model
    folder: Mapped[str | None] = mapped_column(Text)
    registered_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ExportLocation(Base):
    """An approved council folder that exports may write to (R5, Export destinations)."""

    __tablename__ = "export_locations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    path: Mapped[str] = mapped_column(Text)
    added_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class AuditRow(Base):
    """One link of the hash chain.  Triggers make the table append-only."""

    __tablename__ = "audit"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_name: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str | None] = mapped_column(String(200))
    child_id: Mapped[int | None] = mapped_column(ForeignKey("children.id"), index=True)
    details: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
