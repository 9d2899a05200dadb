"""R3 (policy 5.5.4.3) on the Admin page: the minimum age for a young person's own
consent, loaded from and saved to the vault; a value the core refuses is said in words."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sefton_photos.session import Session
from tests.ui.helpers import admin_page


def test_the_minimum_age_is_shown_and_saved(qtbot: QtBot, admin_session: Session) -> None:
    page = admin_page(qtbot, admin_session)
    setting = page.settings_tab.consent_age
    qtbot.waitUntil(lambda: setting.years.value() == 12, timeout=5000)
    assert setting.years.accessibleName()
    setting.years.setValue(14)
    with qtbot.waitSignal(setting.saved, timeout=5000):
        setting.save_button.click()
    assert admin_session.settings.young_person_min_age() == 14
    assert setting.message.text() == (
        "Saved: a young person's own consent needs them to be at least 14."
    )
    setting.years.setMaximum(40)
    setting.years.setValue(30)
    with qtbot.waitSignal(setting.failed, timeout=5000):
        setting.save_button.click()
    assert "between 10 and 17" in setting.message.text()
    assert admin_session.settings.young_person_min_age() == 14
