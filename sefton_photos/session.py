"""The unlocked vault and the signed-in user: the one object the UI and the CLI hold.

Every operation the product offers is a method here with keyword-only arguments;
each one checks the policy, does its work in a transaction with its audit entry,
and returns dataclasses from :mod:`sefton_photos.model`.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access, audit, consent_age, erasure, users, vaultcheck
from sefton_photos.children import ChildrenService
from sefton_photos.consents import ConsentsService
from sefton_photos.dashboard import DashboardService
from sefton_photos.devices import DevicesService
from sefton_photos.errors import InvalidInput, VaultLocked
from sefton_photos.exporter import ExportService
from sefton_photos.facedata import FacesService
from sefton_photos.guard import require
from sefton_photos.importer import ImportService
from sefton_photos.lifestory import LifeStoryService
from sefton_photos.locations import LocationsService
from sefton_photos.model import AuditEntry, AuditVerification, CheckFinding, Role, User
from sefton_photos.photos import PhotosService
from sefton_photos.records import RecordsService
from sefton_photos.review import ReviewService
from sefton_photos.schema.core import Setting, UserRow
from sefton_photos.supervision import SupervisionService
from sefton_photos.vault.attempts import Clock
from sefton_photos.vault.vault import FORMAT_VERSION, Vault

DEFAULT_AUTO_LOCK_MINUTES = 5
DEFAULT_YOUNG_PERSON_MIN_AGE = consent_age.DEFAULT_YOUNG_PERSON_MIN_AGE


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
    """Users, audit and settings are methods here; each area of casework is a service:
    ``session.children`` (the child's file), ``session.consents`` (consents, wishes,
    explanations, the consent check), ``session.devices``, ``session.imports``,
    ``session.faces`` and ``session.photos``."""

    def __init__(self, vault: Vault, user: User) -> None:
        self.vault = vault
        self.user = user
        self.children = ChildrenService(vault, user)
        self.consents = ConsentsService(self.children)
        self.devices = DevicesService(vault, user)
        self.faces = FacesService(self.children)
        self.imports = ImportService(self.children)
        self.photos = PhotosService(self.children)
        self.supervision = SupervisionService(vault, user, self.photos)
        self.dashboard = DashboardService(vault, user)
        self.locations = LocationsService(vault, user)
        self.exports = ExportService(self.children, self.locations)
        self.records = RecordsService(self.children, self.photos)
        self.lifestory = LifeStoryService(self.exports)
        self.reviews = ReviewService(self.children)  # R12: flagged photos

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
            audit.append(
                db,
                action="vault.key_rotated",
                actor_id=self.user.id,
                actor_name=self.user.name,
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
                audit.append(
                    db,
                    action="session.locked",
                    actor_id=self.user.id,
                    actor_name=self.user.name,
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
            audit.append(
                db, action="session.unlocked", actor_id=self.user.id, actor_name=self.user.name
            )

    def close(self) -> None:
        if self.closed:
            return
        try:
            if not self.locked and not self.vault.read_only:
                with self.vault.unit() as db:
                    audit.append(
                        db,
                        action="session.signed_out",
                        actor_id=self.user.id,
                        actor_name=self.user.name,
                    )
        finally:
            self.vault.close()  # the folder lock is released whatever happened

    # -- users -----------------------------------------------------------------------------

    def list_users(self) -> list[User]:
        with self.vault.unit() as db:
            return users.list_users(db)

    def add_user(
        self,
        *,
        name: str,
        role: Role,
        password: str,
        team: str | None = None,
        line_manager: str | None = None,
    ) -> User:
        return users.add_user(
            self.vault,
            self.user,
            name=name,
            role=role,
            password=password,
            team=team,
            line_manager=line_manager,
        )

    def set_line_manager(self, *, name: str, line_manager: str) -> User:
        """Administrators: give ``name`` another line manager (R10, policy 5.5.3.2)."""
        return users.set_line_manager(self.vault, self.user, name=name, line_manager=line_manager)

    def remove_user(self, *, name: str) -> None:
        users.remove_user(self.vault, self.user, name=name)

    def change_password(self, *, current: str, new: str) -> None:
        users.change_password(self.vault, self.user, current=current, new=new)

    # -- audit and checks ----------------------------------------------------------------------

    def audit_entries(self, *, limit: int = 50) -> list[AuditEntry]:
        require(self.vault, self.user, access.may_read_audit(self.user.role), "audit.show")
        with self.vault.unit() as db:
            entries = erasure.label_erased(db, audit.latest(db, max(1, limit)))
            audit.append(
                db,
                action="audit.viewed",
                actor_id=self.user.id,
                actor_name=self.user.name,
                details={"limit": limit},
            )
        return entries

    def verify_audit(self) -> AuditVerification:
        require(self.vault, self.user, access.may_read_audit(self.user.role), "audit.verify")
        head = self.vault.read_head()
        with self.vault.unit() as db:
            result = audit.verify(db, head)
            if not self.vault.read_only:
                audit.append(
                    db,
                    action="audit.verified",
                    actor_id=self.user.id,
                    actor_name=self.user.name,
                    details={"ok": result.ok, "entries": result.entries},
                )
        return result

    def check_vault(self) -> list[CheckFinding]:
        require(self.vault, self.user, access.may_check_vault(self.user.role), "vault.check")
        findings = vaultcheck.run(self.vault)
        if self.vault.read_only:
            return findings
        with self.vault.unit() as db:
            audit.append(
                db,
                action="vault.checked",
                actor_id=self.user.id,
                actor_name=self.user.name,
                details={"faults": [f.part for f in findings if not f.ok]},
            )
        return findings

    # -- settings ----------------------------------------------------------------------------

    def auto_lock_minutes(self) -> int:
        with self.vault.unit() as db:
            value = db.get(Setting, "auto_lock_minutes")
        return int(value.value) if value else DEFAULT_AUTO_LOCK_MINUTES

    def set_auto_lock_minutes(self, *, minutes: int) -> None:
        require(
            self.vault, self.user, access.may_change_settings(self.user.role), "settings.auto_lock"
        )
        if not 1 <= minutes <= 60:
            raise InvalidInput("Auto-lock must be between 1 and 60 minutes (R8, policy 5.5.4.9).")
        with self.vault.unit() as db:
            db.merge(Setting(key="auto_lock_minutes", value=str(minutes)))
            audit.append(
                db,
                action="settings.changed",
                actor_id=self.user.id,
                actor_name=self.user.name,
                details={"auto_lock_minutes": minutes},
            )

    def young_person_min_age(self) -> int:
        """R3 (5.5.4.3): below this age a young person's own consent is refused."""
        with self.vault.unit() as db:
            return consent_age.read(db)

    def set_young_person_min_age(self, *, years: int) -> None:
        require(
            self.vault,
            self.user,
            access.may_manage_users(self.user.role),
            "settings.young_person_min_age",
        )
        consent_age.check(years)
        with self.vault.unit() as db:
            consent_age.write(db, years)
            audit.append(
                db,
                action="settings.changed",
                actor_id=self.user.id,
                actor_name=self.user.name,
                details={"young_person_min_age": years},
            )

    def require_unlocked(self) -> None:
        if self.locked:
            raise VaultLocked("Sefton Photos is locked. Enter your password to continue.")
