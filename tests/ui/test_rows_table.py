"""The one read-only table base (:class:`ui.models.rows.RowsTable`), tested without a view.

Every table of the app is a subclass, so what is checked here (rows, headers, roles,
the accessible text of an empty cell, the hooks) holds for all of them; the tables'
own tests check their words.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from ui.models.dashboard import TextTableModel
from ui.models.rows import NONE, RowsTable

DISPLAY = Qt.ItemDataRole.DisplayRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
TIP = Qt.ItemDataRole.ToolTipRole
USER = Qt.ItemDataRole.UserRole
FOREGROUND = Qt.ItemDataRole.ForegroundRole
H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
RED = QColor("#8a1c0a")


@dataclass(frozen=True)
class Pet:
    name: str
    kind: str | None


class Pets(RowsTable[Pet]):
    headers = ("Name", "Kind")

    def texts(self, row: Pet) -> tuple[str, ...]:
        return (row.name, row.kind or NONE)


class TippedPets(Pets):
    tooltips = True
    header_roles = (DISPLAY, ACCESSIBLE)

    def colour(self, row: Pet, column: int) -> QColor | None:
        return RED if column == 1 and row.kind is None else None


class NamesOnly(Pets):
    def columns(self) -> list[str]:
        return ["Name"]


ROWS = (Pet("Rex", "dog"), Pet("Tom", None))


def test_rows_headers_and_display_text() -> None:
    model = Pets(ROWS)
    assert (model.rowCount(), model.columnCount()) == (2, 2)
    assert [model.headerData(c, H, DISPLAY) for c in range(2)] == ["Name", "Kind"]
    assert [[model.index(r, c).data(DISPLAY) for c in range(2)] for r in range(2)] == [
        ["Rex", "dog"],
        ["Tom", NONE],
    ]
    assert model.row_at(1) == ROWS[1] and model.rows == list(ROWS)


def test_user_role_is_the_record_and_an_empty_cell_reads_none() -> None:
    model = Pets(ROWS)
    assert model.index(1, 0).data(USER) is ROWS[1]
    assert model.index(0, 1).data(ACCESSIBLE) == "dog"
    assert model.index(1, 1).data(ACCESSIBLE) == "none"  # not "em dash"


def test_no_tooltip_or_colour_unless_the_table_asks() -> None:
    plain, tipped = Pets(ROWS), TippedPets(ROWS)
    assert plain.index(0, 0).data(TIP) is None and plain.index(1, 1).data(FOREGROUND) is None
    assert tipped.index(0, 0).data(TIP) == "Rex"
    assert tipped.index(1, 1).data(FOREGROUND) == RED
    assert tipped.index(0, 1).data(FOREGROUND) is None
    assert Pets(ROWS).index(0, 0).data(Qt.ItemDataRole.FontRole) is None


def test_header_roles_and_edges() -> None:
    plain, tipped = Pets(ROWS), TippedPets(ROWS)
    assert plain.headerData(0, H, ACCESSIBLE) is None
    assert tipped.headerData(0, H, ACCESSIBLE) == "Name"
    assert plain.headerData(0, V, DISPLAY) is None
    assert plain.headerData(2, H, DISPLAY) is None and plain.headerData(-1, H, DISPLAY) is None
    assert plain.data(QModelIndex()) is None
    assert plain.rowCount(plain.index(0, 0)) == 0 and plain.columnCount(plain.index(0, 0)) == 0
    assert plain.data(plain.createIndex(5, 0)) is None
    assert plain.data(plain.createIndex(0, 2)) is None


def test_a_table_can_hide_columns() -> None:
    model = NamesOnly(ROWS)
    assert model.columnCount() == 1 and model.headerData(0, H, DISPLAY) == "Name"
    assert model.headerData(1, H, DISPLAY) is None
    assert model.data(model.createIndex(0, 1)) is None


def test_set_rows_and_clear_reset_the_model(qtbot: QtBot) -> None:
    model = Pets()
    assert model.rowCount() == 0
    with qtbot.waitSignal(model.modelReset):
        model.set_rows(ROWS)
    assert model.rowCount() == 2
    with qtbot.waitSignal(model.modelReset):
        model.clear()
    assert model.rowCount() == 0 and model.columnCount() == 2


def test_text_table_takes_its_headers_with_its_rows(qtbot: QtBot) -> None:
    """The dashboard's tables: headers change with the data; a short row's cells are empty."""
    model = TextTableModel()
    assert model.columnCount() == 0 and model.headers == []
    with qtbot.waitSignal(model.modelReset):
        model.set_table(["Child", "Captures"], [["Child A", "3"], ["Child B"]])
    assert model.headers == ["Child", "Captures"] and model.columnCount() == 2
    assert model.headerData(1, H, DISPLAY) == "Captures"
    assert model.index(0, 1).data(DISPLAY) == "3" and model.index(0, 1).data(ACCESSIBLE) == "3"
    assert model.index(1, 1).data(DISPLAY) is None
    assert model.index(0, 0).data(USER) is None
    model.rows[0][0] = "changed"  # a copy: the model's own rows stay as they were
    assert model.index(0, 0).data(DISPLAY) == "Child A"
    model.clear()
    assert model.rowCount() == 0 and model.headers == ["Child", "Captures"]
