"""The consent check panel never shows an answer to a question that was not asked (issue 12).

A verdict belongs to one child and one purpose: choosing another purpose drops it (and any
answer still on its way), so ALLOWED can never stand beside a purpose nobody checked.
"""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from sefton_photos.model import Purpose
from sefton_photos.session import Session
from tests.helpers import SOCIAL, Person, ready_child
from ui import ops
from ui.views.consent_check import ConsentCheckPanel

Opener = Callable[[Person], Session]


def _panel(qtbot: QtBot, session: Session) -> tuple[ConsentCheckPanel, int]:
    child_id, _mum, _consent = ready_child(session)
    panel = ConsentCheckPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_child(child_id, "Robin Tessellate")
    return panel, child_id


def test_choosing_another_purpose_drops_the_verdict(qtbot: QtBot, open_session: Opener) -> None:
    panel, _child = _panel(qtbot, open_session(SOCIAL))
    panel.set_purpose(Purpose.LIFE_STORY)
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        panel.check_button.click()
    assert panel.verdict.isVisible() and panel.verdict.text() == "ALLOWED"

    panel.set_purpose(Purpose.PUBLICITY)
    assert not panel.verdict.isVisible()
    assert panel.decision is None and panel.model.rowCount() == 0
    assert "check again" in panel.message.text().lower()
    assert "publicity" in panel.message.text().lower()
    assert panel.check_button.isEnabled()  # still the same child: one press checks again


def test_an_answer_for_the_old_purpose_arriving_late_is_dropped(
    qtbot: QtBot, open_session: Opener
) -> None:
    panel, _child = _panel(qtbot, open_session(SOCIAL))
    panel.set_purpose(Purpose.LIFE_STORY)
    panel.check_button.click()  # the answer is on its way when the purpose changes
    panel.set_purpose(Purpose.PUBLICITY)
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=10_000)
    assert not panel.verdict.isVisible() and panel.decision is None
    assert panel.check_button.isEnabled()
