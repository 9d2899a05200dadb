"""The manager's dashboard against a real vault: charts and tables hold the same numbers.

Kim Key has two captures and Sam Social one (made through the core); the dashboard
is built by ``session.dashboard.build`` on the vault worker.  Ages are checked by
looking at the same items from later days (the view's ``today``), never by sleeping.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.model import ConsentKind, GivenBy
from sefton_photos.services.dashboard import week_of
from tests.helpers import KEY, MANAGER, MANAGER2, SOCIAL, Person, children
from tests.ui import supervision_support as support
from ui.models.dashboard import BUCKETS, Series, short_date, weeks_between
from ui.models.queue import long_date
from ui.views.dashboard import AGES_CHART, CAPTURES_CHART, DashboardView
from ui.views.supervision import SupervisionPage
from ui.widgets.bar_chart import BarChart

WAIT = 10_000
TODAY = date.today()


@pytest.fixture
def people(qapp: QApplication) -> Iterator[support.Sessions]:
    with support.sessions() as keeper:
        yield keeper


@pytest.fixture
def team(
    face_template: Path,
    faces_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> Path:
    return support.team_vault(face_template, faces_dir, tmp_path_factory, tmp_path)


def loaded(qtbot: QtBot, view: DashboardView) -> DashboardView:
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        assert view.refresh() is not None
    return view


def dashboard_for(
    qtbot: QtBot, people: support.Sessions, vault: Path, person: Person
) -> DashboardView:
    view = people.keep(DashboardView(people.sign_in(vault, person)))
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    return loaded(qtbot, view)


def test_the_dashboard_tab_charts_captures_and_has_the_same_numbers_in_a_table(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """Opening the Dashboard tab builds it; the captures chart holds 2 for Kim Key and 1 for
    Sam Social this week and 0 in every other week, and the table says the same."""
    page = people.keep(SupervisionPage(people.sign_in(team, MANAGER)))
    qtbot.addWidget(page)
    page.show()
    assert page.tabs is not None and page.dashboard is not None
    view = page.dashboard
    assert view.board is None, "nothing is built before the tab is opened"
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        page.tabs.setCurrentWidget(view)
    drawn = view.captures_chart.drawn()
    assert view.board is not None
    weeks = len(weeks_between(view.board.since, view.board.until))
    assert len(drawn.categories) == weeks >= 12
    assert drawn.categories[-1] == short_date(week_of(TODAY))
    assert dict(drawn.sets) == {
        KEY.name: (0,) * (weeks - 1) + (2,),
        SOCIAL.name: (0,) * (weeks - 1) + (1,),
    }
    table = view.captures.model
    assert table.headers == ["Week", KEY.name, SOCIAL.name, "Total"]
    assert table.rows == [[f"Week of {long_date(week_of(TODAY))}", "2", "1", "3"]]
    assert view.captures.table.isVisibleTo(view) and not view.captures.empty.isVisibleTo(view)
    assert view.captures_chart.chart_view.accessibleName() == CAPTURES_CHART
    legend = [m.label() for m in view.captures_chart.chart.legend().markers()]
    assert legend == [KEY.name, SOCIAL.name]
    assert view.captures_chart.accessibleName() == (
        "Chart: captures per week per worker; the table below has the same numbers"
    )
    assert view.ages_chart.accessibleName() == AGES_CHART
    assert view.ages_chart.drawn() == Series(BUCKETS, (("Open items", (3, 0, 0, 0)),))
    assert view.ages.model.rows == [
        ["under 1 week", "3"],
        ["1-2 weeks", "0"],
        ["2-4 weeks", "0"],
        ["over 4 weeks", "0"],
    ]
    assert support.unnamed(view) == []


@pytest.mark.parametrize(
    ("days_later", "bucket"),
    [
        (0, "under 1 week"),
        (6, "under 1 week"),
        (7, "1-2 weeks"),
        (20, "2-4 weeks"),
        (28, "over 4 weeks"),
    ],
)
def test_open_items_move_through_the_age_buckets(
    qtbot: QtBot, team: Path, people: support.Sessions, days_later: int, bucket: str
) -> None:
    """Seen ``days_later``, all three open items are in ``bucket``, in the chart and the table."""
    session = people.sign_in(team, MANAGER)
    view = people.keep(DashboardView(session, today=lambda: TODAY + timedelta(days=days_later)))
    qtbot.addWidget(view)
    loaded(qtbot, view)
    expected = tuple(3 if b == bucket else 0 for b in BUCKETS)
    assert view.ages_chart.drawn().values_of("Open items") == expected
    assert [int(n) for _age, n in view.ages.model.rows] == list(expected)
    assert sum(sum(v) for _n, v in view.captures_chart.drawn().sets) == 3, "still in the period"


def test_expiring_consents_and_flagged_photos_are_listed_in_words(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """A consent expiring in 10 days and a photo flagged by a withdrawal appear in their
    lists; another team's manager sees neither, and is told so in words."""
    ids = children(team)
    with support.unlock(team, SOCIAL) as s:
        person = s.children.file(child_id=ids["person-e"]).people[0]
        expiring = s.consents.add(
            child_id=ids["person-e"],
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=person.id,
            signed_on=TODAY - timedelta(days=300),
            expires_on=TODAY + timedelta(days=10),
        )
        relied_on = next(
            c for c in s.consents.list(child_id=ids["person-a"]) if c.kind.value == "one_to_one"
        )
        s.consents.withdraw(consent_id=relied_on.id, reason="Carer objects")
    view = dashboard_for(qtbot, people, team, MANAGER)
    assert view.expiring.model.rows == [
        [
            "Child E",
            f"one-to-one (consent {expiring.id})",
            f"{long_date(TODAY + timedelta(days=10))}, in 10 days",
        ]
    ]
    assert view.board is not None and len(view.board.flagged) == 1
    flagged = view.board.flagged[0]
    assert view.flagged.model.rows == [
        ["Child A", f"Photo {flagged.photo_id}", flagged.reason, long_date(TODAY)]
    ]
    assert view.flagged.model.headers == ["Child", "Photo", "Reason", "Flagged since"]
    assert not view.expiring.empty.isVisibleTo(view) and not view.flagged.empty.isVisibleTo(view)

    other = dashboard_for(qtbot, people, team, MANAGER2)
    for section in (other.expiring, other.flagged, other.captures):
        assert section.model.rowCount() == 0
        assert section.empty.isVisibleTo(other) and section.empty.text()
    assert other.captures_chart.drawn().sets == ()


def test_a_period_that_ends_before_it_starts_is_refused_in_words(
    qtbot: QtBot, team: Path, people: support.Sessions
) -> None:
    """From after To: a sentence, and no call into the vault; lock then forgets everything."""
    view = dashboard_for(qtbot, people, team, MANAGER)
    assert view.captures.model.rowCount() == 1
    view.set_period(TODAY, TODAY - timedelta(days=1))
    assert view.refresh() is None
    assert view.message.kind == "error" and "ends before it starts" in view.message.text()
    view.forget()
    assert view.board is None and view.captures.model.rowCount() == 0
    assert view.captures_chart.drawn() == Series((), ())
    assert view.ages.model.rowCount() == 0
    assert not view.message.isVisibleTo(view)


def test_the_chart_draws_the_series_it_was_given(qtbot: QtBot) -> None:
    """The chart holds and paints the same numbers (read back from QtCharts itself)."""
    chart = BarChart("Open items by age", AGES_CHART)
    qtbot.addWidget(chart)
    series = Series(("a", "b"), (("Kim", (1, 4)), ("Sam", (0, 2))))
    chart.set_series(series)
    chart.resize(600, 400)
    assert chart.drawn() == series
    assert chart.chart_view.accessibleName() == AGES_CHART
    image = chart.grab().toImage()
    assert not image.isNull()
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 5) for y in range(0, 400, 5)}
    assert "#1d4f91" in colours, "the first set's bars are drawn"
