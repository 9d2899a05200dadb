"""Staff accounts: add, list, change password, change line manager, remove (with a vault
key rotation).

Each change is one transaction with its audit entry.  Who may do what is asked of
:mod:`sefton_photos.policy`; a refusal is audited and raised with its reasons.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import aliased

from sefton_photos import access
from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Role, User, UserId
from sefton_photos.schema import casework as cw
from sefton_photos.schema.base import utcnow
from sefton_photos.schema.core import UserRow
from sefton_photos.support.context import Service
from sefton_photos.vault.keyslots import normalise_name

MIN_PASSWORD = 10
MAX_NAME = 200


def check_password(password: str, *, name: str) -> None:
    """R8 (5.5.4.9): the password is what keeps the vault key; it must not be trivial."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"A password needs at least {MIN_PASSWORD} characters.")
    if normalise_name(name) in normalise_name(password):
        raise InvalidInput("A password must not contain the user's name.")


def check_name(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise InvalidInput("A user needs a name.")
    if len(clean) > MAX_NAME or any(ord(c) < 32 for c in name):
        raise InvalidInput("That name is too long or holds control characters.")
    return clean


def to_user(row: UserRow, manager: UserRow | None) -> User:
    return User(
        id=UserId(row.id),
        name=row.name,
        role=Role(row.role),
        team=row.team,
        line_manager_id=UserId(row.line_manager_id) if row.line_manager_id else None,
        line_manager_name=manager.name if manager else None,
        created_at=row.created_at,
    )


def active_by_name(db: OrmSession, name: str) -> UserRow | None:
    return db.scalar(
        select(UserRow).where(
            UserRow.name_key == normalise_name(name), UserRow.removed_at.is_(None)
        )
    )


def get_user(db: OrmSession, user_id: int) -> User:
    row = db.get(UserRow, user_id)
    if row is None:
        raise NotFound(f"There is no user with id {user_id}.")
    manager = db.get(UserRow, row.line_manager_id) if row.line_manager_id else None
    return to_user(row, manager)


def list_users(db: OrmSession) -> list[User]:
    manager = aliased(UserRow)
    rows = db.execute(
        select(UserRow, manager)
        .outerjoin(manager, UserRow.line_manager_id == manager.id)
        .where(UserRow.removed_at.is_(None))
        .order_by(UserRow.name)
    ).all()
    return [to_user(r, m) for r, m in rows]


class UsersService(Service):
    """Staff accounts, for ``session.users``: administrators manage them; anyone changes
    their own password."""

    def list(self) -> list[User]:
        with self.vault.unit() as db:
            return list_users(db)

    def add(
        self,
        *,
        name: str,
        role: Role,
        password: str,
        team: str | None = None,
        line_manager: str | None = None,
    ) -> User:
        self.ctx.require(access.may_manage_users(self.actor.role), "user.add", name)
        name = check_name(name)
        check_password(password, name=name)
        if line_manager:
            with self.vault.unit() as db:
                proposed = active_by_name(db, line_manager)
                if proposed is None:
                    raise NotFound(
                        f"There is no user called {line_manager} to be the line manager."
                    )
                decision = access.may_be_line_manager(Role(proposed.role))
            self.ctx.require(decision, "user.add", name)
        with self.vault.unit() as db:
            if active_by_name(db, name) is not None:
                raise InvalidInput(f"There is already a user called {name}.")
            manager_row = None
            if line_manager:
                manager_row = active_by_name(db, line_manager)
                if manager_row is None or manager_row.role != Role.LINE_MANAGER.value:
                    raise NotFound(f"There is no line manager called {line_manager}.")
            elif access.needs_line_manager(role):
                raise InvalidInput(
                    f"A {role.label.lower()} needs a line manager: every capture alerts them "
                    "(R10, policy 5.5.3.2)."
                )
            if team is None and manager_row is not None:
                team = manager_row.team
            private, public = self.vault.slots.add(
                name=name, password=password, vault_key=self.vault.vault_key
            )
            del private
            row = UserRow(
                name=name,
                name_key=normalise_name(name),
                role=role.value,
                team=team.strip() if team else None,
                line_manager_id=manager_row.id if manager_row else None,
                public_key=public,
                created_at=utcnow(),
            )
            db.add(row)
            db.flush()
            self.ctx.audit(
                db,
                action="user.added",
                subject=name,
                details={
                    "role": role.value,
                    "team": row.team,
                    "line_manager": manager_row.name if manager_row else None,
                },
            )
            try:
                self.vault.save_slots()  # inside the transaction: a failed save rolls the row back
            except BaseException:
                self.vault.slots.remove(name)
                raise
            return to_user(row, manager_row)

    def change_password(self, *, current: str, new: str) -> None:
        """Only the private key of this user is wrapped again; nobody else is touched."""
        check_password(new, name=self.actor.name)
        opened = self.vault.slots.open(self.actor.name, current)  # proves the current password
        with self.vault.unit() as db:
            self.vault.slots.rewrap(name=self.actor.name, opened=opened, new_password=new)
            self.ctx.audit(
                db,
                action="user.password_changed",
                subject=self.actor.name,
            )
            self.vault.save_slots()

    def remove(self, *, name: str) -> None:
        """Remove the slot, mark the row removed, rotate the vault key for everyone else."""
        self.ctx.require(access.may_manage_users(self.actor.role), "user.remove", name)
        with self.vault.unit() as db:
            row = active_by_name(db, name)
            if row is None:
                raise NotFound(f"There is no user called {name}.")
            if row.id == self.actor.id:
                raise InvalidInput("You cannot remove yourself; ask another administrator.")
            others = db.scalars(
                select(UserRow).where(UserRow.removed_at.is_(None), UserRow.id != row.id)
            ).all()
            if row.role == Role.ADMINISTRATOR and not any(
                u.role == Role.ADMINISTRATOR for u in others
            ):
                raise InvalidInput("The last administrator cannot be removed.")
            reports = [u.name for u in others if u.line_manager_id == row.id]
            if reports:
                raise InvalidInput(
                    f"{row.name} is the line manager of {', '.join(sorted(reports))}. Give them "
                    "another line manager first, so no capture goes unsupervised (R10, policy "
                    "5.5.3.2)."
                )
            row.removed_at = utcnow()
            trusted = {u.public_key for u in others}
            self.ctx.audit(
                db,
                action="user.removed",
                subject=row.name,
                details={"role": row.role},
            )
        self.vault.slots.remove(name)
        self.vault.rotate(trusted_publics=trusted)
        with self.vault.unit() as db:
            self.ctx.audit(
                db,
                action="vault.key_rotated",
                details={"reason": "user removed", "remaining_slots": len(self.vault.slots.slots)},
            )

    def set_line_manager(self, *, name: str, line_manager: str) -> User:
        """Give a worker another line manager (R10, policy 5.5.3.2), administrators only.

        The worker's open supervision items move to the new line manager with them, so no
        capture waits on a queue nobody reads; items already covered by a note stay where
        they are.  A team that followed the old manager's follows the new one's.
        """
        self.ctx.require(access.may_manage_users(self.actor.role), "user.set_manager", name)
        with self.vault.unit() as db:
            proposed = active_by_name(db, line_manager)
            if proposed is None:
                raise NotFound(f"There is no user called {line_manager} to be the line manager.")
            decision = access.may_be_line_manager(Role(proposed.role))
        self.ctx.require(decision, "user.set_manager", name)
        with self.vault.unit() as db:
            row = active_by_name(db, name)
            if row is None:
                raise NotFound(f"There is no user called {name}.")
            manager_row = active_by_name(db, line_manager)
            if manager_row is None or manager_row.role != Role.LINE_MANAGER.value:
                raise NotFound(f"There is no line manager called {line_manager}.")
            if manager_row.id == row.id:
                raise InvalidInput("Nobody can be their own line manager.")
            old = db.get(UserRow, row.line_manager_id) if row.line_manager_id else None
            if old is not None and old.id == manager_row.id:
                raise InvalidInput(f"{manager_row.name} is already {row.name}'s line manager.")
            row.line_manager_id = manager_row.id
            if row.team is None or (old is not None and row.team == old.team):
                row.team = manager_row.team
            moved = 0
            for item in db.scalars(
                select(cw.SupervisionItem).where(
                    cw.SupervisionItem.worker_id == row.id, cw.SupervisionItem.note_id.is_(None)
                )
            ):
                item.manager_id = manager_row.id
                moved += 1
            self.ctx.audit(
                db,
                action="user.line_manager_changed",
                subject=row.name,
                details={
                    "from": old.name if old else None,
                    "to": manager_row.name,
                    "team": row.team,
                    "open_items_moved": moved,
                },
            )
            return to_user(row, manager_row)
