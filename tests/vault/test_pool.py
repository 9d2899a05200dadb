"""One SQLCipher connection per thread (vault/pool.py): reused, never shared, closed on lock."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from sefton_photos.errors import VaultTampered
from sefton_photos.session import Session
from tests.helpers import ADMIN


def raw_connection(session: Session, *, reading: bool = False) -> Any:
    with session.vault.unit(reading=reading) as db:
        conn = db.connection().connection.dbapi_connection
        db.execute(text("SELECT count(*) FROM users")).one()
    return conn


def test_a_thread_keeps_its_connection_between_units_of_work(vault_dir: Path) -> None:
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        first = raw_connection(s)
        assert raw_connection(s) is first
        assert raw_connection(s, reading=True) is not first  # the reader engine has its own


def test_another_thread_never_gets_this_threads_connection(vault_dir: Path) -> None:
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        mine = raw_connection(s)
        theirs: list[Any] = []
        worker = threading.Thread(target=lambda: theirs.append(raw_connection(s)))
        worker.start()
        worker.join()
        assert theirs and theirs[0] is not mine
        assert raw_connection(s) is mine


def test_a_nested_unit_of_work_gets_a_connection_of_its_own(vault_dir: Path) -> None:
    with (
        Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s,
        s.vault.unit(reading=True) as outer,
    ):
        outer_conn = outer.connection().connection.dbapi_connection
        inner_conn = raw_connection(s, reading=True)
        assert inner_conn is not outer_conn
        assert outer.execute(text("SELECT count(*) FROM users")).scalar_one() >= 1


def test_locking_closes_every_connection_that_held_the_key(vault_dir: Path) -> None:
    with Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password) as s:
        conn = raw_connection(s)
        s.vault.forget_keys()
        with pytest.raises(Exception, match=r"[Cc]losed"):
            conn.execute("SELECT 1")
        s.vault.reopen(ADMIN.name, ADMIN.password)
        assert raw_connection(s) is not conn


def test_a_database_replaced_while_open_is_seen_at_the_next_unit(
    vault_dir: Path, tmp_path: Path
) -> None:
    """A cached connection must not go on reading or writing a file that is no longer the
    vault (an older copy put back by hand is a rollback: it must be refused, not missed)."""
    other = tmp_path / "other"
    Session.create_vault(other, admin_name=ADMIN.name, password=ADMIN.password).close()
    s = Session.unlock(vault_dir, name=ADMIN.name, password=ADMIN.password)
    try:
        raw_connection(s)
        shutil.copyfile(other / "vault.db", vault_dir / "vault.db.new")
        (vault_dir / "vault.db.new").replace(vault_dir / "vault.db")
        with pytest.raises(VaultTampered), s.vault.unit() as db:
            db.execute(text("SELECT count(*) FROM users")).all()
    finally:
        s.vault.close()
