"""The unlocked vault and the signed-in user: the one object the UI and the CLI hold.

A session opens (``create_vault``, ``unlock``), locks and unlocks again, and closes;
everything else the product offers is a service on it, casework and administration
alike: ``children``, ``consents``, ``devices``, ``faces``, ``imports``, ``photos``,
``supervision``, ``dashboard``, ``locations``, ``exports``, ``records``, ``lifestory``,
``reviews``, ``users``, ``audit`` and ``settings``.  Every service shares the one
:class:`~sefton_photos.support.context.ServiceContext` built at sign-in (the vault, the actor,
the one way to audit and to refuse); each operation takes keyword-only arguments,
checks the policy, does its work in a transaction with its audit entry, and returns
dataclasses from :mod:`sefton_photos.model`.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import audit
from sefton_photos.model import User
from sefton_photos.model.settings import AUTO_LOCK_MINUTES, YOUNG_PERSON_MIN_AGE
from sefton_photos.schema.core import UserRow
from sefton_photos.services import users
from sefton_photos.services.administration import AuditService, SettingsService
from sefton_photos.services.children import ChildrenService
from sefton_photos.services.consents import ConsentsService
from sefton_photos.services.dashboard import DashboardService
from sefton_photos.services.devices import DevicesService
from sefton_photos.services.exporter import ExportService
from sefton_photos.services.facedata import FacesService
from sefton_photos.services.importer import ImportService
from sefton_photos.services.lifestory import LifeStoryService
from sefton_photos.services.locations import LocationsService
from sefton_photos.services.photos import PhotosService
from sefton_photos.services.records import RecordsService
from sefton_photos.services.review import ReviewService
from sefton_photos.services.supervision import SupervisionService
from sefton_photos.services.users import UsersService
from sefton_photos.support.context import ServiceContext
from sefton_photos.vault.attempts import Clock
from sefton_photos.vault.vault import FORMAT_VERSION, Vault

DEFAULT_AUTO_LOCK_MINUTES = AUTO_LOCK_MINUTES.default
DEFAULT_YOUNG_PERSON_MIN_AGE = YOUNG_PERSON_MIN_AGE.default


def _first_entries(db: OrmSession, admin: UserRow) -> None:
    """The audit log of a new vault begins with its creation and its administrator."""
    audit.append(
        db,
        action="vault.created",
        actor_id=admin.id,
        actor_name=admin.name,
        details={"format_version": FORMAT_VERSION},
    )
    audit.append(
        db,
        action="user.added",
        actor_id=admin.id,
        actor_name=admin.name,
        subject=admin.name,
        details={"role": "administrator"},
    )


class Session:
    """Each area of casework and of administration is a service, built once on one
    :class:`ServiceContext` (this vault, this user): ``session.children`` (the child's
    file), ``session.consents`` (consents, wishes, explanations, the consent check),
    ``session.devices``, ``session.imports``, ``session.faces``, ``session.photos`` ...
    and ``session.users``, ``session.audit`` (the log and the vault check) and
    ``session.settings``."""

    def __init__(self, vault: Vault, user: User) -> None:
        self.vault = vault
        self.user = user
        self.ctx = ctx = ServiceContext(vault=vault, actor=user)
        self.children = ChildrenService(ctx)
        self.consents = ConsentsService(ctx, children=self.children)
        self.devices = DevicesService(ctx)
        self.faces = FacesService(ctx)
        self.imports = ImportService(ctx)
        self.photos = PhotosService(ctx)
        self.supervision = SupervisionService(ctx, photos=self.photos)
        self.dashboard = DashboardService(ctx)
        self.locations = LocationsService(ctx)
        self.exports = ExportService(ctx, locations=self.locations)
        self.records = RecordsService(ctx)
        self.lifestory = LifeStoryService(ctx, exports=self.exports)
        self.reviews = ReviewService(ctx)  # R12: flagged photos
        self.users = UsersService(ctx)
        self.audit = AuditService(ctx)
        self.settings = SettingsService(ctx)

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def create_vault(cls, path: Path, *, admin_name: str, password: str) -> Session:
        admin_name = users.check_name(admin_name)
        users.check_password(password, name=admin_name)
        vault, admin_id = Vault.create(
            Path(path), admin_name=admin_name, password=password, first_entries=_first_entries
        )
        with vault.unit() as db:
            user = users.get_user(db, admin_id)
        return cls(vault, user)

    @staticmethod
    def check_folder(path: Path) -> None:
        """Is there a vault at ``path``?  Raises VaultMissing / VaultTampered / VaultTooNew
        without asking for a password or writing anything."""
        Vault.check_folder(Path(path))

    @classmethod
    def unlock(
        cls,
        path: Path,
        *,
        name: str,
        password: str,
        clock: Clock = time.time,
        inspect: bool = False,
    ) -> Session:
        """Sign in.  Failed sign-ins recorded since the last unlock go into the audit now.

        ``inspect=True`` is for ``audit verify`` and ``vault check``: a vault whose audit
        log no longer matches its sealed head still opens, read-only, so the damage can
        be examined and named (see :meth:`Vault.open`).
        """
        vault = Vault.open(Path(path), name=name, password=password, clock=clock, inspect=inspect)
        try:
            with vault.unit() as db:
                row = db.scalar(select(UserRow).where(UserRow.public_key == vault.user_public))
                assert row is not None  # Vault.open proved it
                user = users.get_user(db, row.id)
                if vault.read_only:
                    return cls(vault, user)
                for note in vault.drain_attempts():
                    audit.append(
                        db,
                        action="session.sign_in_failed",
                        subject=str(note.get("name", "")),
                        details=note,
                    )
                audit.append(db, action="session.signed_in", actor_id=user.id, actor_name=user.name)
                if vault.settled:  # the new keys of a rotation cut short were promoted
                    audit.append(
                        db,
                        action="vault.key_rotated",
                        actor_id=user.id,
                        actor_name=user.name,
                        details={"reason": vault.settled},
                    )
            session = cls(vault, user)
            session._finish_interrupted_removals()
            return session
        except BaseException:
            vault.close()
            raise

    def _finish_interrupted_removals(self) -> None:
        """A removal cut short before its key rotation is completed at the next unlock."""
        with self.vault.unit() as db:
            active = set(db.scalars(select(UserRow.public_key).where(UserRow.removed_at.is_(None))))
        stale = [s.public for s in self.vault.slots.slots if s.public not in active]
        if not stale:
            return
        for public in stale:
            self.vault.slots.remove_public(public)
        self.vault.rotate(trusted_publics=active)
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="vault.key_rotated",
                details={
                    "reason": "completing an interrupted user removal",
                    "slots_removed": len(stale),
                },
            )

    # -- locking ---------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return not self.vault.is_open

    @property
    def problem(self) -> str | None:
        """Why this vault opened read-only, in words (a rolled-back or tampered vault), so
        every screen can say it before any change is refused (R14, policy 13.1)."""
        return self.vault.problem if self.vault.read_only else None

    @property
    def locked(self) -> bool:
        return not self.vault.unlocked

    def lock(self, *, reason: str = "by hand") -> None:
        """R8 (5.5.4.9): forget the keys; the window must ask for the password again."""
        if self.locked:
            return
        try:
            with self.vault.unit() as db:
                self.ctx.audit(
                    db,
                    action="session.locked",
                    details={"reason": reason},
                )
        finally:
            self.vault.forget_keys()  # the keys go even if the audit write failed

    def unlock_again(self, *, password: str, clock: Clock = time.time) -> None:
        self.vault.reopen(self.user.name, password, clock)
        with self.vault.unit() as db:
            for note in self.vault.drain_attempts():
                audit.append(
                    db,
                    action="session.sign_in_failed",
                    subject=str(note.get("name", "")),
                    details=note,
                )
            self.ctx.audit(
                db,
                action="session.unlocked",
            )

    def close(self) -> None:
        if self.closed:
            return
        try:
            if not self.locked and not self.vault.read_only:
                with self.vault.unit() as db:
                    self.ctx.audit(
                        db,
                        action="session.signed_out",
                    )
        finally:
            self.vault.close()  # the folder lock is released whatever happened
