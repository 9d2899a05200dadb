"""R3 (policy 5.5.4.3) in the Add consent dialog: the core's refusal of a consent from
someone who may not give it is shown in words, and nothing is recorded."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from sefton_photos.model import CareStatus, ConsentKind, GivenBy
from tests.helpers import KEY, SOCIAL
from tests.ui.helpers import Opener, children_page, open_child, refused
from ui.dialogs.add_consent import AddConsentDialog


def test_a_toddlers_own_consent_is_refused_with_the_minimum_age(
    qtbot: QtBot, open_session: Opener
) -> None:
    social = open_session(SOCIAL)
    child = social.children.add(
        name="Tod Littleton",
        date_of_birth=date.today() - timedelta(days=800),
        care_status=CareStatus.FOSTER,
        key_workers=[KEY.name],
    )
    page = children_page(qtbot, social)
    open_child(qtbot, page, "Tod Littleton")
    dialog = page.file_view.open_add_consent()
    assert isinstance(dialog, AddConsentDialog)
    dialog.set_kind(ConsentKind.ONE_TO_ONE)
    dialog.set_given_by(GivenBy.YOUNG_PERSON)
    dialog.assessment_edit.setPlainText("Smiled when asked")
    text = refused(qtbot, dialog)
    assert "aged 2" in text and "at least 12" in text and "R3, policy 5.5.4.3" in text
    assert social.consents.list(child_id=child.id) == []
