"""The Supervision and dashboard item models, tested without any view.

Rows are made of the core's own dataclasses (``QueueItem``, ``Note``,
``Dashboard``), as the page gets them from the vault worker.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QImage, QPixmap
from PySide6.QtTest import QAbstractItemModelTester

from sefton_photos.model import Action, Addendum, Note, QueueItem
from sefton_photos.services.dashboard import Dashboard, Expiring, Flagged, week_of
from ui.models.dashboard import (
    TextTableModel,
    age_rows,
    by_child_rows,
    captures_rows,
    captures_series,
    expiring_rows,
    flagged_rows,
    weeks_between,
)
from ui.models.queue import (
    QueueModel,
    WorkersListModel,
    age_words,
    kind_words,
    summarise,
)
from ui.models.supervision import (
    SEALED,
    ActionsTableModel,
    NotesListModel,
    ThumbnailsModel,
    note_details,
    note_status,
)

DISPLAY = Qt.ItemDataRole.DisplayRole
SPOKEN = Qt.ItemDataRole.AccessibleTextRole
CHECK = Qt.ItemDataRole.CheckStateRole
H = Qt.Orientation.Horizontal
TODAY = date(2026, 5, 20)  # a Wednesday
NOW = datetime(2026, 5, 20, 10, 0, tzinfo=UTC)


def item(
    item_id: int, kind: str = "capture", days_old: int = 0, worker: str = "Kim Key", **kw: object
) -> QueueItem:
    values: dict[str, object] = dict(
        id=item_id,
        kind=kind,
        worker=worker,
        manager="Mo Manager",
        child_id=7,
        child_name="Child A",
        summary=f"Capture {item_id}: record of an activity",
        purpose="record of an activity",
        purpose_note="Football match",
        consent="consent 3 (one-to-one, signed 2026-01-05)",
        photo_ids=(11, 12),
        created_at=NOW - timedelta(days=days_old),
        note_id=None,
    )
    values.update(kw)
    return QueueItem(**values)  # type: ignore[arg-type]


def note(manager_ack: bool = False, worker_ack: bool = False) -> Note:
    return Note(
        id=4,
        manager="Mo Manager",
        worker="Kim Key",
        session_date=TODAY,
        text="Talked it through.",
        item_ids=(1, 9),
        actions=(Action("Share with the carer", TODAY + timedelta(7)), Action("Ask again", None)),
        addenda=(Addendum("Kim Key", "Carer has them.", NOW),),
        created_at=NOW,
        manager_ack_at=NOW if manager_ack else None,
        worker_ack_at=NOW if worker_ack else None,
    )


def cells(model: QAbstractItemModel, row: int, role: int = DISPLAY) -> list[object]:
    return [model.data(model.index(row, c), role) for c in range(model.columnCount())]


def test_queue_model_says_every_cell_in_words_and_ticks_items() -> None:
    """Kind, age and date are words; a missing child or consent is said, not left blank;
    ticking works through setData and survives a reload of the same items."""
    items = [
        item(1, days_old=3),
        item(2, "withdrawal", 1, child_name=None, child_id=None, consent=None, purpose=None),
    ]
    model = QueueModel(items, today=lambda: TODAY)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert [model.headerData(c, H) for c in range(8)] == [
        "Include",
        "Date",
        "Age",
        "Kind",
        "Child",
        "Purpose",
        "Consent relied on",
        "Summary",
    ]
    assert cells(model, 0)[1:] == [
        "17 May 2026",
        "3 days",
        "Capture",
        "Child A",
        "Record of an activity: Football match",
        "consent 3 (one-to-one, signed 2026-01-05)",
        "Capture 1: record of an activity",
    ]
    spoken = cells(model, 1, SPOKEN)
    assert spoken[:5] == [
        "not ticked",
        "19 May 2026",
        "1 day",
        "Consent withdrawn",
        "not shown to you",
    ]
    assert spoken[5:7] == ["none", "none"]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.setData(model.index(1, 0), Qt.CheckState.Checked, CHECK)
    assert not model.setData(model.index(1, 2), Qt.CheckState.Checked, CHECK)
    assert model.data(model.index(1, 0), CHECK) == Qt.CheckState.Checked
    assert model.ticked_ids() == [2]
    model.set_items([items[1], item(3)])
    assert model.ticked_ids() == [2], "ticks kept for items still there"
    model.set_items([item(3)])
    assert model.ticked_ids() == []
    model.tick_all(True)
    assert model.ticked_ids() == [3]
    assert model.data(model.index(5, 0)) is None and model.data(QModelIndex()) is None


def test_a_read_only_queue_has_no_tick_column() -> None:
    """A worker's own queue: seven columns from Date, nothing checkable, ticks refused."""
    model = QueueModel([item(1)], checkable=False, today=lambda: TODAY)
    assert model.columnCount() == 7 and model.headerData(0, H) == "Date"
    assert model.data(model.index(0, 0)) == "20 May 2026"
    assert model.data(model.index(0, 0), CHECK) is None
    assert not model.set_ticked(0, True) and model.ticked_ids() == []
    assert model.column_of(0) == -1 and model.column_of(7) == 6


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("capture", "Capture"),
        ("withdrawal", "Consent withdrawn"),
        ("refused_export", "Export refused"),
        ("new_kind", "New kind"),
    ],
)
def test_kinds_in_words(kind: str, words: str) -> None:
    """Each kind of queue item has a name in words (an unknown one is made readable)."""
    assert kind_words(kind) == words


def test_ages_in_words() -> None:
    """Never a bare number: under 1 day, 1 day, n days."""
    assert [age_words(n) for n in (0, 1, 2, 30)] == ["under 1 day", "1 day", "2 days", "30 days"]


def test_workers_list_counts_open_items_and_the_oldest() -> None:
    """Every team member is listed, with their open items and the oldest's age in words;
    recorded items do not count."""
    items = [item(1, days_old=3), item(2, days_old=9), item(3, days_old=40, note_id=5)]
    workers = summarise(["Sam Social", "Kim Key"], items, today=TODAY)
    model = WorkersListModel(workers)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    texts = [model.data(model.index(r)) for r in range(model.rowCount())]
    assert texts == ["Kim Key — 2 open items, oldest 9 days", "Sam Social — no open items"]
    assert model.data(model.index(0), Qt.ItemDataRole.UserRole) == "Kim Key"
    assert model.data(model.index(0), SPOKEN) == texts[0]
    assert model.row_of("Sam Social") == 1 and model.row_of("Nobody") == -1
    model.clear()
    assert model.rowCount() == 0


@pytest.mark.parametrize(
    ("manager_ack", "worker_ack", "as_manager", "as_worker"),
    [
        (
            False,
            False,
            "Awaiting Kim Key's acknowledgement and yours",
            "Awaiting Mo Manager's acknowledgement and yours",
        ),
        (True, False, "Awaiting Kim Key's acknowledgement", "Awaiting your acknowledgement"),
        (False, True, "Awaiting your acknowledgement", "Awaiting Mo Manager's acknowledgement"),
        (True, True, SEALED, SEALED),
    ],
)
def test_note_status_is_said_for_whoever_reads_it(
    manager_ack: bool, worker_ack: bool, as_manager: str, as_worker: str
) -> None:
    """The same note reads differently to its manager and its worker, always in words."""
    n = note(manager_ack, worker_ack)
    assert note_status(n, "Mo Manager") == as_manager
    assert note_status(n, "Kim Key") == as_worker
    model = NotesListModel("Kim Key", [n])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.status_of(0) == as_worker
    title = str(model.data(model.index(0)))
    assert title.endswith(as_worker) and "with Mo Manager" in title
    assert model.data(model.index(0), Qt.ItemDataRole.UserRole) is n


def test_note_details_list_items_actions_and_addenda() -> None:
    """The full text names the items (with what is known of them), each action with its due
    date or "no due date", and each addendum with its author."""
    text = note_details(note(True, True), "Mo Manager", {1: item(1)})
    assert "Status: Acknowledged by both — sealed." in text
    assert "• Item 1: Capture, Child A — Capture 1: record of an activity" in text
    assert "• Item 9" in text
    assert "• Share with the carer (due by 27 May 2026)" in text
    assert "• Ask again (no due date)" in text
    assert "Addendum by Kim Key on 20 May 2026:\nCarer has them." in text


def test_actions_model_adds_edits_and_removes_rows() -> None:
    """Empty actions are not added; words can be corrected in place; rows are removed."""
    model = ActionsTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert model.add("   ", None) == -1
    assert model.add(" Share the photos ", TODAY) == 0
    assert model.add("Ask again", None) == 1
    assert cells(model, 0) == ["Share the photos", "20 May 2026"]
    assert cells(model, 1) == ["Ask again", "no due date"]
    assert model.setData(model.index(1, 0), "Ask Riley again")
    assert not model.setData(model.index(1, 0), "  ")
    assert not model.setData(model.index(1, 1), "tomorrow")
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.remove(0) and not model.remove(5)
    assert model.actions() == [("Ask Riley again", None)]
    assert [model.headerData(c, H) for c in range(2)] == ["Action", "Due by"]


def test_thumbnails_model_holds_pictures_in_memory_and_forgets_them() -> None:
    """Rows say loading until pictures arrive; ids not answered say so; clear drops all."""
    model = ThumbnailsModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_photos([11, 12], "Child A")
    assert model.data(model.index(0), SPOKEN) == "Photo 11 of Child A, loading"
    assert model.data(model.index(0), Qt.ItemDataRole.DecorationRole) is None
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    image.fill(QColor("#1d4f91"))
    model.set_images({11: image, 99: image})
    assert model.loaded_ids() == [11]
    pixmap = model.data(model.index(0), Qt.ItemDataRole.DecorationRole)
    assert isinstance(pixmap, QPixmap) and pixmap.width() == 8
    assert model.data(model.index(1), SPOKEN) == "Photo 12 of Child A, no picture to show"
    assert model.data(model.index(1)) == "Photo 12"
    assert model.data(model.index(1), ThumbnailsModel.PhotoIdRole) == 12
    model.clear()
    assert model.rowCount() == 0 and model.loaded_ids() == [] and model.child_name == ""


def board() -> Dashboard:
    this_week = week_of(TODAY)
    return Dashboard(
        since=TODAY - timedelta(weeks=2),
        until=TODAY,
        open_item_ages={"Kim Key": [0, 6, 7, 13, 14], "Sam Social": [27, 28, 90]},
        captures_per_week={
            "Sam Social": {this_week: 1},
            "Kim Key": {this_week: 2, this_week - timedelta(weeks=2): 4},
        },
        captures_by_child_purpose=[("Child A", "life story work", 3)],
        expiring=[Expiring(7, "Child A", 3, "one-to-one", TODAY + timedelta(days=1))],
        flagged=[Flagged(12, 7, "Child A", "consent 3 withdrawn", NOW)],
    )


def test_dashboard_builders_give_the_charts_and_tables_the_same_numbers() -> None:
    """Every week of the period is a chart category; the table lists the weeks with captures
    and their totals; the age buckets split at 7, 14 and 28 days."""
    b = board()
    assert weeks_between(b.since, b.until) == [
        date(2026, 5, 4),
        date(2026, 5, 11),
        date(2026, 5, 18),
    ]
    series = captures_series(b)
    assert series.categories == ("4 May", "11 May", "18 May")
    assert series.sets == (("Kim Key", (4, 0, 2)), ("Sam Social", (0, 0, 1)))
    headers, rows = captures_rows(b)
    assert headers == ["Week", "Kim Key", "Sam Social", "Total"]
    assert rows == [["Week of 4 May 2026", "4", "0", "4"], ["Week of 18 May 2026", "2", "1", "3"]]
    assert age_rows(b)[1] == [
        ["under 1 week", "2"],
        ["1-2 weeks", "2"],
        ["2-4 weeks", "2"],
        ["over 4 weeks", "2"],
    ]
    assert expiring_rows(b, TODAY)[1] == [
        ["Child A", "one-to-one (consent 3)", "21 May 2026, in 1 day"]
    ]
    assert flagged_rows(b)[1] == [["Child A", "Photo 12", "consent 3 withdrawn", "20 May 2026"]]
    assert by_child_rows(b)[1] == [["Child A", "life story work", "3"]]


def test_text_table_model_is_read_only_words() -> None:
    """Cells are their own accessible text; out-of-range asks give nothing; clear keeps headers."""
    model = TextTableModel(["Child", "Photo"], [["Child A", "Photo 12"]])
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert cells(model, 0) == ["Child A", "Photo 12"]
    assert cells(model, 0, SPOKEN) == ["Child A", "Photo 12"]
    assert model.data(model.index(0, 0), Qt.ItemDataRole.EditRole) is None
    assert (
        model.headerData(1, H) == "Photo" and model.headerData(0, Qt.Orientation.Vertical) is None
    )
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    model.clear()
    assert model.rowCount() == 0 and model.headers == ["Child", "Photo"]
