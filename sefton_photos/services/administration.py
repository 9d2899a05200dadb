"""Administration as services, like casework: ``session.audit`` (the audit log and the
vault check) and ``session.settings`` (the vault-wide settings).

Users are ``session.users`` (:class:`sefton_photos.services.users.UsersService`).  Reading the
audit log, checking the vault and changing a setting are for administrators; each is
itself audited, except on a vault opened read-only for inspection, which can record
nothing.
"""

from __future__ import annotations

from sefton_photos import access, audit
from sefton_photos.model import AuditEntry, AuditVerification, CheckFinding
from sefton_photos.model.settings import AUTO_LOCK_MINUTES, YOUNG_PERSON_MIN_AGE, SettingSpec
from sefton_photos.support import erasure, settings, vaultcheck
from sefton_photos.support.context import Service


class AuditService(Service):
    """``session.audit``: the latest entries, the chain verified, the vault checked."""

    def entries(self, *, limit: int = 50) -> list[AuditEntry]:
        self.ctx.require(access.may_read_audit(self.actor.role), "audit.show")
        with self.vault.unit() as db:
            entries = erasure.label_erased(db, audit.latest(db, max(1, limit)))
            self.ctx.audit(db, action="audit.viewed", details={"limit": limit})
        return entries

    def verify(self) -> AuditVerification:
        self.ctx.require(access.may_read_audit(self.actor.role), "audit.verify")
        head = self.vault.read_head()
        with self.vault.unit() as db:
            result = audit.verify(db, head)
            if not self.vault.read_only:
                self.ctx.audit(
                    db,
                    action="audit.verified",
                    details={"ok": result.ok, "entries": result.entries},
                )
        return result

    def check_vault(self) -> list[CheckFinding]:
        self.ctx.require(access.may_check_vault(self.actor.role), "vault.check")
        findings = vaultcheck.run(self.vault)
        if self.vault.read_only:
            return findings
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="vault.checked",
                details={"faults": [f.part for f in findings if not f.ok]},
            )
        return findings


class SettingsService(Service):
    """``session.settings``: the auto-lock time (R8) and the consent age (R3).  The face
    settings are ``session.faces.settings()``; every default is in the one table."""

    def _read(self, spec: SettingSpec[int]) -> int:
        with self.vault.unit() as db:
            return settings.read(db, spec)

    def _change(self, spec: SettingSpec[int], value: int) -> None:
        spec.check(value)
        with self.vault.unit() as db:
            settings.write(db, spec, value)
            self.ctx.audit(db, action="settings.changed", details={spec.key: value})

    def auto_lock_minutes(self) -> int:
        return self._read(AUTO_LOCK_MINUTES)

    def set_auto_lock_minutes(self, *, minutes: int) -> None:
        """R8 (5.5.4.9): administrators; between 1 and 60 minutes."""
        self.ctx.require(access.may_change_settings(self.actor.role), "settings.auto_lock")
        self._change(AUTO_LOCK_MINUTES, minutes)

    def young_person_min_age(self) -> int:
        """R3 (5.5.4.3): below this age a young person's own consent is refused."""
        return self._read(YOUNG_PERSON_MIN_AGE)

    def set_young_person_min_age(self, *, years: int) -> None:
        self.ctx.require(access.may_manage_users(self.actor.role), "settings.young_person_min_age")
        self._change(YOUNG_PERSON_MIN_AGE, years)
