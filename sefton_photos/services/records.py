"""The child's whole record (R13): subject access, retention, erasure.

A subject access package holds everything kept about one child, with other people's
faces blurred and a reason written for every redaction, in an AES-256 ZIP whose
passphrase is shown once (:mod:`sefton_photos.services.subject_access`).  Retention: a
looked-after (or once looked-after) child's record is kept until their 75th birthday,
any other until their 25th, unless a date is set on the file.  An administrator erases
a record that is due, with confirmation: everything of the child is deleted in one
transaction and its objects crypto-shredded (:mod:`sefton_photos.support.erasure`); the audit
entries, which name people by id only, remain.  Available as ``session.records``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from sefton_photos import access
from sefton_photos.decisions import Reason, refuse
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Role
from sefton_photos.schema import casework as cw
from sefton_photos.services import subject_access
from sefton_photos.services.outputs import OutputsService
from sefton_photos.support import childfile, erasure
from sefton_photos.support.context import Service

R13 = ("R13", "UK GDPR art. 15, 17")


@dataclass(frozen=True, slots=True)
class RetentionDue:
    child_id: int
    child_name: str
    retain_until: date
    basis: str


def retain_until(row: cw.Child, ever_cared_for: bool) -> tuple[date, str]:
    if row.retain_until is not None:
        return row.retain_until, "date set on the file"
    years = 75 if ever_cared_for else 25
    born = row.date_of_birth
    try:
        until = born.replace(year=born.year + years)
    except ValueError:  # 29 February
        until = born.replace(year=born.year + years, day=28)
    return until, f"{years}th birthday ({'looked after' if ever_cared_for else 'default'})"


class RecordsService(Service):
    def _admin(self, what: str, action: str, subject: str | None = None) -> None:
        decision = access.may_govern_records(self.actor.role, what)
        self.ctx.require(decision, action, subject)

    # -- retention -----------------------------------------------------------------------------

    def due(self, *, today: date | None = None) -> list[RetentionDue]:
        self._admin("review retention", "retention.review")
        today = today or date.today()
        out = []
        with self.vault.unit() as db:
            for row in db.scalars(select(cw.Child).where(cw.Child.erased_at.is_(None))):
                child = childfile.to_child(db, row)
                until, basis = retain_until(row, child.ever_cared_for)
                if until <= today:
                    out.append(RetentionDue(row.id, row.name, until, basis))
            self.ctx.audit(
                db,
                action="retention.reviewed",
                details={"due": len(out)},
            )
        return sorted(out, key=lambda d: d.retain_until)

    def erase(self, *, child_id: int, confirm: bool, today: date | None = None) -> dict[str, int]:
        """Erase a record that is due: crypto-shred, purge face data, keep the audit."""
        self._admin("erase a record", "child.erase", f"child {child_id}")
        if not confirm:
            raise InvalidInput("Erasing cannot be undone: confirm it (--confirm).")
        due = {d.child_id for d in self.due(today=today)}
        if child_id not in due:
            self.ctx.require(
                refuse(
                    Reason(
                        *R13,
                        f"Child {child_id}'s record is not due for "
                        "erasure under the retention schedule",
                    )
                ),
                "child.erase",
                f"child {child_id}",
            )
        with self.vault.unit() as db:
            if db.get(cw.Child, child_id) is None:
                raise NotFound(f"There is no child {child_id}.")
            erased = erasure.erase_child(db, child_id)
            self.ctx.audit(
                db,
                action="child.erased",
                child_id=child_id,
                subject=f"child {child_id}",
                details=dict(erased.counts),
            )
        # Crypto-shred: the keys went with the commit; now the files. A crash here leaves
        # files nobody can decrypt: `vault check` reports them (never deleted unasked).
        for object_id in erased.object_ids:
            try:
                self.vault.objects.delete(object_id)
            except OSError:  # keyless noise already; reported by `vault check`
                continue
        return erased.counts

    # -- subject access -----------------------------------------------------------------------

    def subject_access(self, *, child_id: int, out: Path, reference: str) -> tuple[Path, str]:
        """Write the AES-256 ZIP package for the request ``reference`` (required, audited);
        returns its path and the passphrase, which is shown once and stored nowhere."""
        subject_access.check_reference(reference)
        if self.actor.role is not Role.ADMINISTRATOR:
            self.ctx.guard_edit(child_id, "sar.export")
        # R5 (policy 5.5.4.5, 5.5.4.9): even sealed, the package goes to an approved folder.
        outputs = OutputsService(self.ctx)
        target = outputs.file(out=Path(out), action="sar.exported", subject=f"child {child_id}")
        with self.vault.unit() as db:
            package = subject_access.build_package(
                self.vault, db, child_id=child_id, reference=reference
            )
        path = outputs.write(
            target=target,
            data=package.data,
            action="sar.exported",
            subject=f"child {child_id}",
            child_id=child_id,
            details=package.details,
        )
        return path, package.passphrase
