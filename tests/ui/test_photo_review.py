"""R12 (policy 5.5.1.3): the photo view's review row clears a flag only on a new consent,
through the core; a refusal is shown in its words and the photo stays flagged."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sefton_photos.model import ConsentKind, GivenBy
from tests.ui.photo_support import children, copy_in, import_now, keeping, signed_in
from ui.views.photo_view import PhotoView


def test_the_photo_view_reviews_a_flagged_photo_on_a_new_consent(
    qtbot: QtBot, face_vault: Path, faces_dir: Path, tmp_path: Path, qapp: QApplication
) -> None:
    child = children(face_vault)["person-c"]
    with keeping(qapp) as kept, signed_in(face_vault, qapp) as s:
        report = import_now(s, [child], copy_in(["person-c_2.jpg"], faces_dir, tmp_path / "c"))
        photo = report.outcomes[0].photo_id
        assert photo is not None
        old = next(
            c.id for c in s.consents.list(child_id=child) if c.kind is ConsentKind.ONE_TO_ONE
        )
        s.consents.withdraw(consent_id=old, reason="Changed their mind")
        view = PhotoView(s, max_side=512)
        qtbot.addWidget(view)
        kept.append(view)
        view.show()
        with qtbot.waitSignal(view.loaded, timeout=20_000):
            view.show_photo(photo)
        assert view.banner.isVisible() and view.review_row.isVisible()

        view.review_consent.setValue(old)  # the withdrawn consent itself: refused
        op = view.review()
        assert op is not None
        qtbot.waitUntil(lambda: "stays flagged" in view.message.text(), timeout=20_000)
        assert "5.5.1.3" in view.message.text() and view.banner.isVisible()

        person = s.children.file(child_id=child).people[0].id
        fresh = s.consents.add(
            child_id=child,
            kind=ConsentKind.ONE_TO_ONE,
            given_by=GivenBy.PARENT_CARER,
            person_id=person,
            signed_on=date.today(),
        ).id
        view.review_consent.setValue(fresh)
        with qtbot.waitSignals([view.reviewed, view.loaded], timeout=20_000):
            view.review_button.click()
        assert not view.review_row.isVisible() and not view.banner.isVisible()
        assert "no longer flagged" in view.message.text()
        assert s.photos.info(photo_id=photo).flagged is None
