"""The Children page's item models, tested without any view or vault.

The records are the core's own dataclasses, built here with fixed dates so that
ages and statuses are exact; what is checked is the words each cell says.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QModelIndex, Qt

from sefton_photos.decisions import Decision, Reason
from sefton_photos.model import (
    CareStatus,
    Child,
    ChildFile,
    ChildId,
    ConsentId,
    ConsentKind,
    ConsentRecord,
    Destination,
    ExplanationRecord,
    GivenBy,
    PersonId,
    Purpose,
    ResponsiblePerson,
    Role,
    User,
    UserId,
    Whose,
    WishRecord,
)
from ui.models.child_file import (
    ConsentsTableModel,
    ExplanationsTableModel,
    PeopleTableModel,
    WishesTableModel,
    consent_title,
)
from ui.models.children import ChildrenListModel, age_on, care_words
from ui.models.reasons import ReasonsModel
from ui.models.staff import StaffChecklistModel, names_with_role

TODAY = date(2025, 6, 15)
AT = datetime(2025, 6, 1, 9, 30, tzinfo=UTC)
DISPLAY = Qt.ItemDataRole.DisplayRole
H = Qt.Orientation.Horizontal


def child(
    name: str = "Robin Tessellate",
    status: CareStatus = CareStatus.FOSTER,
    *,
    ever: bool = True,
    born: date = date(2012, 6, 16),
) -> Child:
    return Child(ChildId(1), name, born, status, ever, "Sam Social", ("Kim Key",))


def consent(
    consent_id: int = 3,
    *,
    given_by: GivenBy = GivenBy.PARENT_CARER,
    giver: str | None = "Mel Tessellate",
    signed: date = date(2025, 6, 1),
    expires: date | None = None,
    withdrawn: datetime | None = None,
    corrected_by: int | None = None,
    form: bool = True,
) -> ConsentRecord:
    return ConsentRecord(
        id=ConsentId(consent_id),
        child_id=ChildId(1),
        kind=ConsentKind.ONE_TO_ONE,
        given_by=given_by,
        person_id=PersonId(1) if given_by is GivenBy.PARENT_CARER else None,
        giver_name=giver,
        giver_may_consent=True,
        understanding_assessment=None,
        purposes=(Purpose.LIFE_STORY,),
        destinations=(Destination.CASE_RECORD,),
        signed_on=signed,
        expires_on=expires,
        carers_notified_on=None,
        has_form=form,
        recorded_by="Sam Social",
        recorded_at=AT,
        withdrawn_at=withdrawn,
        withdrawn_by="Sam Social" if withdrawn else None,
        withdrawal_reason="no longer agrees" if withdrawn else None,
        corrects_id=None,
        corrected_by=ConsentId(corrected_by) if corrected_by else None,
    )


def cells(model: ConsentsTableModel | WishesTableModel | ExplanationsTableModel | PeopleTableModel):
    return [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


# -- the children list -----------------------------------------------------------------------


def test_children_list_says_name_birth_age_and_care_status_in_words() -> None:
    """Each row: the name, "Born … · age …" and a badge in words; previously cared for noted."""
    model = ChildrenListModel(
        [
            child(),
            child("Ash Brook", CareStatus.NOT_LOOKED_AFTER, ever=True, born=date(2010, 6, 15)),
            child("Cal Dune", CareStatus.NOT_LOOKED_AFTER, ever=False, born=date(2025, 1, 1)),
        ],
        today=TODAY,
    )
    assert model.rowCount() == 3
    first = model.index(0)
    assert model.data(first, model.NameRole) == "Robin Tessellate"
    assert model.data(first, model.BornRole) == "Age 12 · born 16 June 2012"  # birthday tomorrow
    assert model.data(first, model.BadgeRole) == "Foster"
    assert model.data(first, DISPLAY) == "Robin Tessellate\nAge 12 · born 16 June 2012\nFoster"
    second = model.index(1)
    assert model.data(second, model.BornRole).startswith("Age 15 ·")  # birthday today
    assert model.data(second, model.BadgeRole) == "Not looked after"
    assert model.data(second, model.NoteRole) == "previously cared for"
    assert model.data(second, model.CaredForRole) is True  # R6/R9 treat them alike
    assert (
        "not looked after, previously cared for"
        in model.data(second, Qt.ItemDataRole.AccessibleTextRole).lower()
    )
    third = model.index(2)
    assert model.data(third, model.BornRole).startswith("Age under 1 ·")
    assert model.data(third, model.NoteRole) == ""
    assert model.data(third, model.CaredForRole) is False
    assert model.row_of(1) == 0 and model.row_of(99) == -1
    assert model.child_at(2).name == "Cal Dune"


def test_children_list_edges_and_clear() -> None:
    """Invalid indexes give nothing; clear() empties the model (used on lock)."""
    model = ChildrenListModel([child()], today=TODAY)
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(5)) is None
    assert model.rowCount(model.index(0)) == 0
    assert model.data(model.index(0), Qt.ItemDataRole.DecorationRole) is None
    model.clear()
    assert model.rowCount() == 0 and model.names() == []


@pytest.mark.parametrize(
    ("status", "ever", "words"),
    [
        (CareStatus.LOOKED_AFTER, True, "Looked after"),
        (CareStatus.PREVIOUSLY_LOOKED_AFTER, True, "Previously looked after"),
        (CareStatus.ADOPTED, True, "Adopted"),
        (CareStatus.NOT_LOOKED_AFTER, False, "Not looked after"),
        (CareStatus.NOT_LOOKED_AFTER, True, "Not looked after, previously cared for"),
    ],
)
def test_care_words(status: CareStatus, ever: bool, words: str) -> None:
    """The care status is always said in words; "previously cared for" only when it applies."""
    assert care_words(child(status=status, ever=ever)) == words


def test_age_counts_birthdays_on_the_day() -> None:
    """Whole years: not yet on the day before the birthday, yes on the day."""
    assert age_on(date(2012, 6, 15), TODAY) == 13
    assert age_on(date(2012, 6, 16), TODAY) == 12
    assert age_on(date(2012, 2, 29), date(2013, 2, 28)) == 0


# -- the file's tables -------------------------------------------------------------------------


def test_consents_table_says_each_status_in_words() -> None:
    """active / withdrawn / expired / corrected / not yet valid, and form on file yes/no."""
    model = ConsentsTableModel(
        [
            consent(1),
            consent(2, withdrawn=AT),
            consent(3, expires=TODAY),  # the first day it no longer holds
            consent(4, corrected_by=5),
            consent(5, signed=date(2025, 7, 1), form=False),
            consent(6, given_by=GivenBy.YOUNG_PERSON, giver=None),
        ],
        today=TODAY,
    )
    assert [model.headerData(c, H, DISPLAY) for c in range(model.columnCount())] == [
        "No.",
        "Type",
        "From whom",
        "Signed",
        "Expires",
        "Status",
        "Form on file",
    ]
    rows = cells(model)
    assert rows[0] == [
        "#1",
        "one-to-one",
        "Mel Tessellate (parent/carer)",
        "1 Jun 2025",
        "no expiry date",
        "active",
        "yes",
    ]
    assert [r[5] for r in rows] == [
        "active",
        "withdrawn",
        "expired",
        "corrected",
        "not yet valid",
        "active",
    ]
    assert rows[2][4] == "15 Jun 2025"
    assert rows[4][6] == "no"
    assert rows[5][2] == "The young person (own consent)"
    status = model.index(1, ConsentsTableModel.STATUS)
    assert model.data(status, Qt.ItemDataRole.ForegroundRole) is not None  # colour repeats it
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole).id == 1
    assert model.row_of(4) == 3 and model.row_of(99) == -1
    assert consent_title(model.row_at(0)) == (
        "consent #1: one-to-one, from Mel Tessellate (parent/carer), signed 1 Jun 2025"
    )
    model.clear()
    assert model.rowCount() == 0


def test_people_wishes_and_explanations_tables_in_words() -> None:
    """People: current/ended; wishes: yes/NO with who and when; explanations: when or why not."""
    people = PeopleTableModel(
        [
            ResponsiblePerson(PersonId(1), ChildId(1), "Mel Tessellate", "mother", True),
            ResponsiblePerson(PersonId(2), ChildId(1), "Dee Tessellate", "father", False),
        ]
    )
    assert cells(people) == [
        ["Mel Tessellate", "mother", "current"],
        ["Dee Tessellate", "father", "ended"],
    ]
    assert [p.name for p in people.current()] == ["Mel Tessellate"]

    wishes = WishesTableModel()
    wishes.set_file(
        ChildFile(
            child=Child(
                ChildId(1), "Robin", date(2014, 1, 1), CareStatus.FOSTER, True, "Sam Social", ()
            ),
            people=(
                ResponsiblePerson(PersonId(1), ChildId(1), "Mel Tessellate", "mother", True),
                ResponsiblePerson(PersonId(2), ChildId(1), "Dee Tessellate", "father", True),
            ),
            consents=(),
            wishes=(
                WishRecord(Whose.CHILD, False, None, "Said no", "Sam Social", AT),
                WishRecord(
                    Whose.PARENT_CARER, True, "Mel Tessellate", None, "Sam Social", AT,
                    person_id=PersonId(1),
                ),
            ),
            explanations=(),
        )
    )  # fmt: skip
    assert cells(wishes) == [
        ["The child", "NO: does not wish photos", "Said no", "1 Jun 2025 by Sam Social"],
        ["Mel Tessellate (mother)", "yes", "—", "1 Jun 2025 by Sam Social"],
        ["Dee Tessellate (father)", "not recorded yet", "—", "—"],
    ]
    assert wishes.data(wishes.index(1, 2), Qt.ItemDataRole.AccessibleTextRole) == "none"

    explanations = ExplanationsTableModel(
        [
            ExplanationRecord(
                Whose.CHILD, True, date(2025, 5, 30), None, None, False, "Sam Social", AT
            ),
            ExplanationRecord(
                Whose.PARENT_CARER, False, None, "In hospital", "Sam Social", True, "Kim Key", AT
            ),
        ]
    )
    assert cells(explanations) == [
        ["The child", "yes, on 30 May 2025", "1 Jun 2025 by Sam Social"],
        [
            "The parent/carer",
            "not explained: In hospital; permitted by Sam Social",
            "1 Jun 2025 by Kim Key",
        ],
    ]
    assert explanations.headerData(0, Qt.Orientation.Vertical, DISPLAY) is None


# -- the consent check's reasons ---------------------------------------------------------------


def test_reasons_model_puts_not_met_first_with_rule_and_clause() -> None:
    """One row per reason: met / NOT MET in words, "R3 · policy 5.5.4.3", the words."""
    decision = Decision(
        False,
        (
            Reason("R1", "5.5.4.1", "Life story work is a child-centred purpose.", met=True),
            Reason(
                "R12",
                "5.5.1.3",
                "consent #3 was withdrawn on 1 Jun 2025",
                remedy="record a new written consent, if it is freely given.",
            ),
            Reason("ACCESS", "requirements, Who uses it", "You are allocated.", met=True),
        ),
    )
    model = ReasonsModel()
    model.set_decision(decision)
    assert model.rowCount() == 3
    first = model.index(0)
    assert model.data(first, model.StateRole) == "NOT MET"
    assert model.data(first, model.RuleRole) == "R12 · policy 5.5.1.3"
    assert model.data(first, model.MetRole) is False
    assert model.data(first, model.WordsRole) == (
        "consent #3 was withdrawn on 1 Jun 2025. "
        "To allow: record a new written consent, if it is freely given."
    )
    assert model.data(first, DISPLAY).startswith("NOT MET · R12 · policy 5.5.1.3\n")
    assert model.lines()[1] == (
        "met · R1 · policy 5.5.4.1: Life story work is a child-centred purpose."
    )
    assert model.data(model.index(2), model.RuleRole) == "ACCESS · requirements, Who uses it"
    assert model.data(first, Qt.ItemDataRole.ForegroundRole) != model.data(
        model.index(1), Qt.ItemDataRole.ForegroundRole
    )
    assert model.reason_at(0).rule == "R12"
    assert model.data(model.index(7)) is None
    model.clear()
    assert model.rowCount() == 0 and model.lines() == []


# -- staff to allocate ---------------------------------------------------------------------------


def test_staff_checklist_ticks_names_and_filters_by_role() -> None:
    """Only key workers are offered; ticking by CheckStateRole gives the checked names."""
    users = [
        User(UserId(i), name, role, None, None, None, AT)
        for i, (name, role) in enumerate(
            [
                ("Kim Key", Role.KEY_WORKER),
                ("Kai Keyes", Role.KEY_WORKER),
                ("Sam Social", Role.SOCIAL_WORKER),
            ]
        )
    ]
    model = StaffChecklistModel(names_with_role(users, Role.KEY_WORKER))
    assert model.names == ["Kai Keyes", "Kim Key"]
    index = model.index(1)
    assert model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked() == ["Kim Key"]
    assert model.data(index, Qt.ItemDataRole.AccessibleTextRole) == "Kim Key, allocated"
    assert not model.setData(index, "x", Qt.ItemDataRole.EditRole)
    assert not model.set_checked("Nobody")
    assert model.set_checked("Kim Key", False) and model.checked() == []
    model.clear()
    assert model.rowCount() == 0
