"""The one checkable-list base (:class:`ui.models.checklist.CheckList`), tested without a view.

The children of a capture and the staff to allocate are both this list; what is
checked here (flags, check state, the words read out, ticks kept by key, signals)
holds for both, and each is checked once more in its own words.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from sefton_photos.model import CareStatus, Child, ChildId
from ui.models.checklist import CheckList
from ui.models.child_choice import ChildChoiceModel
from ui.models.staff import StaffChecklistModel

CHECK = Qt.ItemDataRole.CheckStateRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
DISPLAY = Qt.ItemDataRole.DisplayRole


class Fruit(CheckList[tuple[int, str], int]):
    def key(self, row: tuple[int, str]) -> int:
        return row[0]

    def label(self, row: tuple[int, str]) -> str:
        return row[1]


ROWS = [(1, "Apple"), (2, "Pear"), (3, "Plum")]


def test_rows_are_checkable_and_say_whether_they_are_ticked(qtbot: QtBot) -> None:
    model = Fruit(ROWS)
    index = model.index(1)
    assert model.rowCount() == 3 and model.rowCount(index) == 0
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags
    assert index.data(DISPLAY) == "Pear" and index.data(Qt.ItemDataRole.UserRole) == (2, "Pear")
    assert index.data(CHECK) == Qt.CheckState.Unchecked
    assert index.data(ACCESSIBLE) == "Pear, not ticked"
    with (
        qtbot.waitSignal(model.checked_changed),
        qtbot.waitSignal(model.dataChanged) as changed,
    ):
        assert model.setData(index, Qt.CheckState.Checked.value, CHECK)
    assert ACCESSIBLE in changed.args[2] and CHECK in changed.args[2]
    assert index.data(CHECK) == Qt.CheckState.Checked
    assert index.data(ACCESSIBLE) == "Pear, ticked"
    assert model.checked_rows() == [(2, "Pear")]


def test_wrong_roles_rows_and_keys_change_nothing() -> None:
    model = Fruit(ROWS)
    assert not model.setData(model.index(0), "x", Qt.ItemDataRole.EditRole)
    assert not model.setData(model.createIndex(7, 0), Qt.CheckState.Checked, CHECK)
    assert not model.check(99)
    assert model.data(model.createIndex(7, 0)) is None and model.data(QModelIndex()) is None
    assert model.checked_rows() == []


def test_ticks_are_kept_by_key_or_replaced(qtbot: QtBot) -> None:
    model = Fruit(ROWS)
    assert model.check(3) and model.check(1)
    assert model.checked_rows() == [(1, "Apple"), (3, "Plum")]  # list order, not tick order
    with qtbot.waitSignal(model.checked_changed):
        model.set_rows([(3, "Plum"), (2, "Pear")])  # Apple gone: its tick goes too
    assert model.checked_rows() == [(3, "Plum")]
    model.set_rows(ROWS, ticked=[2, 42])  # unknown keys are dropped
    assert model.checked_rows() == [(2, "Pear")]
    assert model.check(2, False) and model.checked_rows() == []
    model.check(1)
    model.clear()
    assert model.rowCount() == 0
    model.set_rows(ROWS)
    assert model.checked_rows() == []  # a cleared list forgot its ticks


def _child(number: int, name: str) -> Child:
    return Child(
        id=ChildId(number),
        name=name,
        date_of_birth=date(2015, 1, 1),
        care_status=CareStatus.LOOKED_AFTER,
        ever_cared_for=True,
        social_worker=None,
        key_workers=(),
    )


def test_children_of_a_capture_in_their_words() -> None:
    kids = [_child(4, "Child A"), _child(9, "Child B")]
    model = ChildChoiceModel()
    model.set_children(kids, checked=[9])
    assert model.checked_ids() == (9,)
    assert model.index(1).data(ACCESSIBLE) == "Child B, in the photos"
    assert model.index(0).data(ACCESSIBLE) == "Child A, not in the photos"
    model.set_children(kids)  # a new list ticks only what it is told to
    assert model.checked_ids() == ()
    assert model.set_checked(4) and model.checked_ids() == (4,)


def test_staff_keep_their_ticks_when_listed_again() -> None:
    model = StaffChecklistModel(["Kai Keyes", "Kim Key"])
    assert model.set_checked("Kim Key")
    model.set_rows(["Kim Key", "Kit Key"])
    assert model.checked() == ["Kim Key"] and model.names == ["Kim Key", "Kit Key"]
    assert model.index(0).data(ACCESSIBLE) == "Kim Key, allocated"
