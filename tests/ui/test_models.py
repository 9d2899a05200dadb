"""The item models, tested without any view: users, navigation, demo people, audit, check."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from sefton_photos import demo
from sefton_photos.model import AuditEntry, AuditSeq, CheckFinding, Role
from sefton_photos.session import Session
from tests.helpers import ADMIN, EVERYONE, KEY, MANAGER, SOCIAL
from ui.models.audit import AuditTableModel, FindingsTableModel
from ui.models.demo import DemoUsersModel
from ui.models.navigation import NavigationModel, entries_for
from ui.models.users import UsersTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole
H = Qt.Orientation.Horizontal


def test_users_table_model_shows_the_vaults_users_in_words(admin_session: Session) -> None:
    """Rows come from the real vault; roles are words, empty cells say so."""
    model = UsersTableModel(admin_session.users.list())
    assert model.rowCount() == len(EVERYONE)
    assert model.columnCount() == 4
    assert [model.headerData(c, H, DISPLAY) for c in range(4)] == [
        "Name",
        "Role",
        "Team",
        "Line manager",
    ]
    rows = {
        model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(4)]
        for r in range(model.rowCount())
    }
    assert rows[SOCIAL.name] == [SOCIAL.name, "Social worker", MANAGER.team, MANAGER.name]
    assert rows[KEY.name][1] == "Key worker"
    assert rows[ADMIN.name] == [ADMIN.name, "Administrator", "—", "—"]
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert sorted(names) == sorted(p.name for p in EVERYONE)
    admin_row = names.index(ADMIN.name)
    assert model.data(model.index(admin_row, 3), Qt.ItemDataRole.AccessibleTextRole) == "none"
    assert model.user_at(admin_row).role is Role.ADMINISTRATOR


def test_users_table_model_edges() -> None:
    """Invalid indexes, child rows and vertical headers give nothing; clear empties it."""
    model = UsersTableModel()
    assert model.rowCount() == 0
    assert model.data(model.index(0, 0)) is None
    assert model.data(QModelIndex()) is None
    assert model.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None
    assert model.headerData(9, H, DISPLAY) is None
    assert model.rowCount(model.index(0, 0)) == 0


@pytest.mark.parametrize(
    ("role", "keys"),
    [
        (Role.SOCIAL_WORKER, ["children", "supervision"]),
        (Role.KEY_WORKER, ["children", "supervision"]),
        (Role.LINE_MANAGER, ["children", "supervision"]),
        (Role.ADMINISTRATOR, ["admin"]),
        (Role.COMMUNICATIONS_OFFICER, ["publicity"]),
    ],
)
def test_navigation_entries_depend_on_the_role(role: Role, keys: list[str]) -> None:
    """Each role sees its pages only: administrators no Children, nobody else Admin."""
    model = NavigationModel(role)
    assert model.rowCount() == len(keys)
    assert [model.data(model.index(r), NavigationModel.KeyRole) for r in range(len(keys))] == keys
    assert [e.key for e in entries_for(role)] == keys
    titles = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert ("Admin" in titles) == (role is Role.ADMINISTRATOR)
    staff = role in (Role.SOCIAL_WORKER, Role.KEY_WORKER, Role.LINE_MANAGER)
    assert ("Children" in titles) == staff
    assert ("Supervision" in titles) == staff
    for r in range(model.rowCount()):
        assert model.data(model.index(r), Qt.ItemDataRole.ToolTipRole)


def test_demo_users_model_lists_every_demo_user_with_password() -> None:
    """The demo list shows name, role in words and the published password."""
    model = DemoUsersModel(demo.USERS)
    assert model.rowCount() == len(demo.USERS)
    assert [model.headerData(c, H, DISPLAY) for c in range(3)] == ["Name", "Role", "Password"]
    assert model.data(model.index(0, 0)) == demo.ADMIN.name
    assert model.data(model.index(0, 1)) == "Administrator"
    assert model.data(model.index(0, 2)) == demo.ADMIN.password
    assert model.user_at(1) == demo.USERS[1]
    spoken = model.data(model.index(1, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{demo.USERS[1].name}, Line manager, password {demo.USERS[1].password}"


def test_audit_and_findings_models_say_ok_and_fault_in_words() -> None:
    """Audit rows show number, time, who, action; findings say OK or FAULT, not just colour."""
    entry = AuditEntry(
        seq=AuditSeq(7),
        at=datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        actor="Ada Admin",
        action="user.added",
        subject=None,
        details={},
        prev_hash="0",
        hash="1",
    )
    audit = AuditTableModel([entry])
    assert [audit.data(audit.index(0, c)) for c in range(5)] == [
        "7",
        "2025-01-02 03:04:05",
        "Ada Admin",
        "user.added",
        "—",
    ]
    findings = FindingsTableModel(
        [CheckFinding("database", True, "clean"), CheckFinding("objects", False, "1 bad")]
    )
    assert findings.data(findings.index(0, 1)) == "OK"
    assert findings.data(findings.index(1, 1)) == "FAULT"
    assert findings.data(findings.index(1, 2)) == "1 bad"
    assert findings.data(findings.index(1, 1), Qt.ItemDataRole.ForegroundRole) is not None
