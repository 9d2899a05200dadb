"""R2 (policy 5.5.4.2) in the child's file tab: each person's wish, listed and recorded.

Against a real vault: the Wishes tab lists the child, every person with PR (their
wish, why it is not needed, or "not recorded yet"), carers and workers with notes;
the Record wish dialog names whose wish it is; a key worker records their own.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from sefton_photos.model import Purpose, Whose
from tests.helpers import KEY, SOCIAL, ready_child
from tests.ui.helpers import (
    Opener,
    children_page,
    column_texts,
    open_child,
    run_check,
    save_and_reload,
)
from ui.dialogs.child_records import RecordWishDialog, WishNotNeededDialog


def _rows(view: object) -> dict[str, list[str]]:
    model = view.wishes_model  # type: ignore[attr-defined]
    columns = [column_texts(model, c) for c in range(4)]
    return {row[0]: list(row) for row in zip(*columns, strict=True)}


def test_each_persons_wish_is_listed_and_the_fathers_no_stays(
    qtbot: QtBot, open_session: Opener
) -> None:
    social = open_session(SOCIAL)
    child_id, _, _ = ready_child(social)
    dad = social.children.add_person(
        child_id=child_id, name="Den Tessellate", relationship="father"
    )
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    rows = _rows(view)
    assert rows["Den Tessellate (father)"][1] == "not recorded yet"
    assert rows["Mel Tessellate (mother)"][1] == "yes"
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "REFUSED"

    view.open_record_wish()
    wish = view.dialog
    assert isinstance(wish, RecordWishDialog)
    wish.set_whose(Whose.PARENT_CARER)
    assert "(no particular person)" not in [
        wish.person_combo.itemText(i) for i in range(wish.person_combo.count())
    ]
    assert wish.set_person(dad.id)
    wish.no.setChecked(True)
    wish.notes_edit.setPlainText("Not on social media")
    save_and_reload(qtbot, page, wish)
    view.open_record_wish()
    wish = view.dialog
    assert isinstance(wish, RecordWishDialog)
    wish.set_whose(Whose.PARENT_CARER)
    wish.set_carer("Fay Foster")
    wish.yes.setChecked(True)
    save_and_reload(qtbot, page, wish)
    rows = _rows(view)
    assert rows["Den Tessellate (father)"][1:3] == [
        "NO: does not wish photos",
        "Not on social media",
    ]
    assert rows["Mel Tessellate (mother)"][1] == "yes"
    assert rows["Fay Foster (carer)"][1] == "yes"
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "REFUSED"
    said = "\n".join(view.check_panel.model.lines())
    assert "Den Tessellate (father) does not wish" in said


def test_a_social_worker_records_why_a_wish_is_not_needed(
    qtbot: QtBot, open_session: Opener
) -> None:
    social = open_session(SOCIAL)
    child_id, _, _ = ready_child(social)
    dad = social.children.add_person(
        child_id=child_id, name="Den Tessellate", relationship="father"
    )
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    dialog = view.open_wish_not_needed()
    assert isinstance(dialog, WishNotNeededDialog)
    assert dialog.set_person(dad.id)
    assert dialog.submit() is None and "Say why" in dialog.message.text()
    dialog.reason_edit.setPlainText("Court order: no contact")
    save_and_reload(qtbot, page, dialog)
    assert _rows(view)["Den Tessellate (father)"][1] == "not needed: Court order: no contact"
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "ALLOWED"


def test_a_key_worker_records_their_own_wish_as_worker(qtbot: QtBot, open_session: Opener) -> None:
    social = open_session(SOCIAL)
    ready_child(social)
    social.close()
    key = open_session(KEY)
    page = children_page(qtbot, key)
    open_child(qtbot, page)
    view = page.file_view
    assert view.wish_button.isEnabled()
    assert not view.not_needed_button.isEnabled()
    view.open_record_wish()
    wish = view.dialog
    assert isinstance(wish, RecordWishDialog)
    assert wish.whose_combo.count() == 1  # only as the worker: their own wish
    wish.no.setChecked(True)
    wish.notes_edit.setPlainText("The child was upset today")
    save_and_reload(qtbot, page, wish)
    rows = _rows(view)
    assert rows[f"{KEY.name} (worker)"][1:3] == [
        "NO: does not wish photos",
        "The child was upset today",
    ]
    assert rows[f"{SOCIAL.name} (worker)"][1] == "yes"


def test_a_carer_no_longer_caring_is_recorded_and_their_no_stops_counting(
    qtbot: QtBot, open_session: Opener
) -> None:
    social = open_session(SOCIAL)
    child_id, _, _ = ready_child(social)
    social.consents.set_wish(
        child_id=child_id, whose=Whose.PARENT_CARER, carer="Fay Foster", wishes_photos=False
    )
    page = children_page(qtbot, social)
    open_child(qtbot, page)
    view = page.file_view
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "REFUSED"
    dialog = view.open_wish_not_needed()
    assert isinstance(dialog, WishNotNeededDialog)
    assert dialog.set_carer("Fay Foster")
    dialog.reason_edit.setPlainText("Placement ended")
    save_and_reload(qtbot, page, dialog)
    assert _rows(view)["Fay Foster (carer)"][1].endswith(
        "(no longer the child's carer: Placement ended; no longer counts)"
    )
    assert run_check(qtbot, page, Purpose.LIFE_STORY) == "ALLOWED"
