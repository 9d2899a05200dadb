"""Supervision (R10, policy 5.5.3.2): the line manager's queue and supervision notes.

Every capture, every consent withdrawal that flags photos, and every refused export
puts an item on the worker's line manager's queue; it stays open until a
supervision note records it.  A note is the manager's record of a session with
one worker; both acknowledge it with their own sign-in, after which it is never
edited again: corrections are addenda.  A manager sees only their own team.
Available on a session as ``session.supervision``.
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Action, Addendum, Note, Purpose, QueueItem, Role
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import UserRow
from sefton_photos.services.outputs import OutputsService
from sefton_photos.services.users import active_by_name
from sefton_photos.support import childfile
from sefton_photos.support.context import Service, ServiceContext
from sefton_photos.words import short_date

if TYPE_CHECKING:
    from sefton_photos.services.photos import PhotosService


class SupervisionService(Service):
    def __init__(self, ctx: ServiceContext, *, photos: PhotosService) -> None:
        super().__init__(ctx)
        self.photos = photos  # the thumbnails a queue item shows

    # -- reading -------------------------------------------------------------------------------

    def _item(self, db: OrmSession, row: cw.SupervisionItem, visible: set[int]) -> QueueItem:
        names = {
            u.id: u.name
            for u in db.scalars(
                select(UserRow).where(UserRow.id.in_([row.worker_id, row.manager_id]))
            )
        }
        child = db.get(cw.Child, row.child_id) if row.child_id in visible else None
        capture = db.get(cw.Capture, row.capture_id) if row.capture_id else None
        consent = None
        photos: tuple[int, ...] = ()
        if capture is not None:
            link = db.scalar(
                select(cw.CaptureChild).where(
                    cw.CaptureChild.capture_id == capture.id,
                    cw.CaptureChild.child_id == row.child_id,
                )
            )
            if link is not None and link.consent_id is not None:
                c = db.get(cw.Consent, link.consent_id)
                consent = (
                    f"consent {c.id} ({c.kind.replace('_', '-')}, signed {short_date(c.signed_on)})"
                    if c
                    else None
                )
            photos = tuple(
                db.scalars(
                    select(cw.CapturePhoto.photo_id)
                    .where(cw.CapturePhoto.capture_id == capture.id)
                    .order_by(cw.CapturePhoto.photo_id)
                )
            )
        return QueueItem(
            id=row.id,
            kind=row.kind,
            worker=names.get(row.worker_id, "?"),
            manager=names.get(row.manager_id, "?"),
            child_id=child.id if child else None,
            child_name=child.name if child else None,
            summary=row.summary,
            purpose=Purpose(capture.purpose).label if capture else None,
            purpose_note=capture.purpose_note if capture else None,
            consent=consent,
            photo_ids=photos if child else (),
            created_at=row.created_at,
            note_id=row.note_id,
        )

    def queue(
        self, *, worker: str | None = None, include_recorded: bool = False
    ) -> list[QueueItem]:
        """Open items: a manager's team's (or one worker's); a worker's own; others none."""
        with self.vault.unit() as db:
            query = select(cw.SupervisionItem).order_by(
                cw.SupervisionItem.created_at, cw.SupervisionItem.id
            )
            if self.actor.role is Role.LINE_MANAGER:
                query = query.where(cw.SupervisionItem.manager_id == self.actor.id)
                if worker:
                    row = active_by_name(db, worker)
                    if row is None:
                        raise NotFound(f"There is no user called {worker}.")
                    query = query.where(cw.SupervisionItem.worker_id == row.id)
            elif self.actor.role in (Role.SOCIAL_WORKER, Role.KEY_WORKER):
                query = query.where(cw.SupervisionItem.worker_id == self.actor.id)
            else:
                return []
            if not include_recorded:
                query = query.where(cw.SupervisionItem.note_id.is_(None))
            visible = childfile.visible_child_ids(db, self.actor.id, self.actor.role)
            items = [self._item(db, r, visible) for r in db.scalars(query)]
            self.ctx.audit(
                db,
                action="supervision.queue_viewed",
                details={"items": len(items)},
            )
        return items

    def _note(self, db: OrmSession, row: cw.SupervisionNote) -> Note:
        names = {u.id: u.name for u in db.scalars(select(UserRow))}
        return Note(
            id=row.id,
            manager=names.get(row.manager_id, "?"),
            worker=names.get(row.worker_id, "?"),
            session_date=row.session_date,
            text=row.text,
            item_ids=tuple(
                db.scalars(
                    select(cw.SupervisionItem.id)
                    .where(cw.SupervisionItem.note_id == row.id)
                    .order_by(cw.SupervisionItem.id)
                )
            ),
            actions=tuple(
                Action(a.text, a.due_on)
                for a in db.scalars(
                    select(cw.SupervisionAction)
                    .where(cw.SupervisionAction.note_id == row.id)
                    .order_by(cw.SupervisionAction.id)
                )
            ),
            addenda=tuple(
                Addendum(names.get(a.author_id, "?"), a.text, a.created_at)
                for a in db.scalars(
                    select(cw.SupervisionAddendum)
                    .where(cw.SupervisionAddendum.note_id == row.id)
                    .order_by(cw.SupervisionAddendum.id)
                )
            ),
            created_at=row.created_at,
            manager_ack_at=row.manager_ack_at,
            worker_ack_at=row.worker_ack_at,
        )

    def _own_note(self, db: OrmSession, note_id: int) -> cw.SupervisionNote:
        row = db.get(cw.SupervisionNote, note_id)
        if row is None or self.actor.id not in (row.manager_id, row.worker_id):
            raise NotFound(f"There is no supervision note {note_id} of yours.")
        return row

    def note(self, *, note_id: int) -> Note:
        with self.vault.unit() as db:
            return self._note(db, self._own_note(db, note_id))

    def notes(
        self, *, worker: str | None = None, since: date | None = None, until: date | None = None
    ) -> builtins.list[Note]:
        """Notes the signed-in person is party to (as manager or as the worker)."""
        with self.vault.unit() as db:
            query = select(cw.SupervisionNote).where(
                (cw.SupervisionNote.manager_id == self.actor.id)
                | (cw.SupervisionNote.worker_id == self.actor.id)
            )
            if worker:
                row = active_by_name(db, worker)
                if row is None:
                    raise NotFound(f"There is no user called {worker}.")
                query = query.where(cw.SupervisionNote.worker_id == row.id)
            if since:
                query = query.where(cw.SupervisionNote.session_date >= since)
            if until:
                query = query.where(cw.SupervisionNote.session_date <= until)
            rows = db.scalars(
                query.order_by(cw.SupervisionNote.session_date, cw.SupervisionNote.id)
            ).all()
            return [self._note(db, r) for r in rows]

    # -- writing -------------------------------------------------------------------------------

    def record(
        self,
        *,
        worker: str,
        item_ids: Sequence[int],
        text: str,
        actions: Sequence[tuple[str, date | None]] = (),
        session_date: date | None = None,
    ) -> Note:
        """The manager records a supervision session; the items it covers leave the queue."""
        with self.vault.unit() as db:
            found = active_by_name(db, worker)
            if found is None:
                raise NotFound(f"There is no user called {worker}.")
            decision = access.may_record_supervision(self.actor, found.line_manager_id, found.name)
        self.ctx.require(decision, "supervision.note", f"user {found.id}")
        if not text.strip():
            raise InvalidInput("Write what was discussed.")
        with self.vault.unit() as db:
            who = db.get(UserRow, found.id)
            assert who is not None
            items = [db.get(cw.SupervisionItem, i) for i in dict.fromkeys(item_ids)]
            for i, item in zip(item_ids, items, strict=False):
                if item is None or item.manager_id != self.actor.id or item.worker_id != who.id:
                    raise NotFound(f"Item {i} is not on your queue for {who.name}.")
                if item.note_id is not None:
                    raise InvalidInput(f"Item {i} is already recorded in note {item.note_id}.")
            note = cw.SupervisionNote(
                manager_id=self.actor.id,
                worker_id=who.id,
                session_date=session_date or date.today(),
                text=text.strip(),
                created_at=utcnow(),
            )
            db.add(note)
            db.flush()
            for item in items:
                assert item is not None
                item.note_id = note.id
            for action_text, due in actions:
                if action_text.strip():
                    db.add(
                        cw.SupervisionAction(note_id=note.id, text=action_text.strip(), due_on=due)
                    )
            db.flush()
            self.ctx.audit(
                db,
                action="supervision.note_recorded",
                subject=f"note {note.id}",
                details={
                    "worker": who.name,
                    "items": [i.id for i in items if i],
                    "actions": len(actions),
                },
            )
            return self._note(db, note)

    def acknowledge(self, *, note_id: int) -> Note:
        """Manager and worker each acknowledge the note with their own sign-in."""
        with self.vault.unit() as db:
            row = self._own_note(db, note_id)
            now = utcnow()
            if self.actor.id == row.manager_id and row.manager_ack_at is None:
                row.manager_ack_at = now
            elif self.actor.id == row.worker_id and row.worker_ack_at is None:
                row.worker_ack_at = now
            else:
                raise InvalidInput(f"You have already acknowledged note {note_id}.")
            self.ctx.audit(
                db,
                action="supervision.note_acknowledged",
                subject=f"note {note_id}",
            )
            return self._note(db, row)

    def edit(self, *, note_id: int, text: str) -> Note:
        """Before both acknowledge, the manager may still correct the text."""
        with self.vault.unit() as db:
            author = self._own_note(db, note_id).manager_id
        decision = access.may_edit_supervision_note(self.actor, author)
        self.ctx.require(decision, "supervision.edit", f"note {note_id}")
        with self.vault.unit() as db:
            row = self._own_note(db, note_id)
            if row.manager_ack_at is not None and row.worker_ack_at is not None:
                raise InvalidInput(
                    "Both have acknowledged this note, so it is never changed: "
                    "add an addendum instead."
                )
            if not text.strip():
                raise InvalidInput("Write what was discussed.")
            row.text = text.strip()
            row.manager_ack_at = row.worker_ack_at = None  # what was acknowledged changed
            self.ctx.audit(
                db,
                action="supervision.note_edited",
                subject=f"note {note_id}",
            )
            return self._note(db, row)

    def add_addendum(self, *, note_id: int, text: str) -> Note:
        if not text.strip():
            raise InvalidInput("Write the addendum.")
        with self.vault.unit() as db:
            row = self._own_note(db, note_id)
            db.add(
                cw.SupervisionAddendum(
                    note_id=row.id, author_id=self.actor.id, text=text.strip(), created_at=utcnow()
                )
            )
            db.flush()
            self.ctx.audit(
                db,
                action="supervision.addendum_added",
                subject=f"note {note_id}",
            )
            return self._note(db, row)

    def export(self, *, worker: str, since: date, until: date, out: Path) -> Path:
        """One worker's supervision record for a period, as a PDF (audited)."""
        from sefton_photos.support import reports

        with self.vault.unit() as db:
            who = active_by_name(db, worker)
            if who is None:
                raise NotFound(f"There is no user called {worker}.")
            manager = db.get(UserRow, who.line_manager_id) if who.line_manager_id else None
        party = access.may_export_supervision(self.actor, who.id, who.line_manager_id)
        self.ctx.require(party, "supervision.export", f"user {who.id}")
        if until < since:
            raise InvalidInput("The period ends before it starts.")
        # R5, R8 (policy 5.5.4.5, 5.5.4.9): names and thumbnails, so an approved folder only.
        outputs = OutputsService(self.ctx)
        target = outputs.file(
            out=Path(out), action="supervision.exported", subject=f"user {who.id}"
        )
        notes = self.notes(
            worker=None if self.actor.id == who.id else who.name, since=since, until=until
        )
        notes = [n for n in notes if n.worker == who.name]
        every = {i.id: i for i in self.queue(include_recorded=True) if i.worker == who.name}
        open_items = [i for i in every.values() if i.note_id is None]
        thumbs: dict[int, bytes] = {}
        for item in every.values():
            if item.child_id is not None and item.photo_ids:
                thumbs.update(
                    self.photos.thumbnails(child_id=item.child_id, photo_ids=item.photo_ids[:4])
                )
        data = reports.supervision_record(
            worker=who.name,
            manager=manager.name if manager else "-",
            since=since,
            until=until,
            notes=notes,
            items=every,
            open_items=open_items,
            thumbnails=thumbs,
            made_by=self.actor.name,
        )
        return outputs.write(
            target=target,
            data=data,
            action="supervision.exported",
            subject=f"user {who.id}",
            details={"since": since.isoformat(), "until": until.isoformat(), "notes": len(notes)},
        )


def raise_item(
    db: OrmSession,
    *,
    worker_id: int,
    kind: str,
    summary: str,
    child_id: int | None = None,
    capture_id: int | None = None,
) -> None:
    """Put an item on the worker's line manager's queue (no manager: nothing to alert)."""
    worker = db.get(UserRow, worker_id)
    if worker is None or worker.line_manager_id is None:
        return
    db.add(
        cw.SupervisionItem(
            manager_id=worker.line_manager_id,
            worker_id=worker_id,
            kind=kind,
            capture_id=capture_id,
            child_id=child_id,
            summary=summary,
            created_at=utcnow(),
        )
    )
