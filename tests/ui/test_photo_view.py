"""The photo view and the face review over a real import of the group photo with an
unknown person: boxes drawn with a label in words on each face (R11), the review
flag in words (R12), and suggestions confirmed or corrected through the core."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from sefton_photos.model import ConsentKind, FaceStatus
from sefton_photos.session import Session
from tests.ui.photo_support import children, group_photo_id, open_photo_view
from ui.models.faces import CHILD_COLOUR, REJECTED, UNKNOWN
from ui.views.face_review import FaceReview


@pytest.fixture
def social(group_social: Session) -> Session:
    return group_social


def _close(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 40 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_boxes_are_drawn_and_the_unknown_face_is_labelled_in_words(
    qtbot: QtBot, kept: list[object], social: Session, group_vault: Path
) -> None:
    """Three faces: the two children by name (suggested) with solid boxes, the third
    "Unknown person — consent needed before publication" with a dashed one (R11)."""
    view = open_photo_view(qtbot, kept, social, group_photo_id(group_vault))
    lines = view.faces_model.lines()
    assert len(lines) == 3
    assert sorted(line.split(": ", 1)[1] for line in lines) == sorted(
        ["Child A (suggested)", "Child B (suggested)", UNKNOWN]
    )
    assert UNKNOWN == "Unknown person — consent needed before publication"
    drawings = view.canvas.drawings()
    assert [d.dashed for d in drawings] == [f.needs_consent for f in view.faces_model.faces]
    assert sum(d.dashed for d in drawings) == 1
    assert any(d.text.endswith(UNKNOWN) for d in drawings if d.dashed)
    target = view.canvas.target()
    for d in drawings:
        assert target.contains(d.box), "each box lies on the photo"
    for i, a in enumerate(drawings):
        for b in drawings[i + 1 :]:
            assert not a.label.intersects(b.label), "labels never cover each other"
    picture = view.canvas.grab().toImage()
    solid = next(d for d in drawings if not d.dashed)
    edge = picture.pixelColor(round(solid.box.center().x()), round(solid.box.top()))
    assert _close(edge, CHILD_COLOUR), edge.name()
    assert "Unknown person" in view.canvas.accessibleDescription()
    assert not view.banner.isVisible()
    view.on_locked()
    assert view.canvas.image is None and view.faces_model.rowCount() == 0


def test_a_photo_taken_under_a_withdrawn_consent_says_so(
    qtbot: QtBot, kept: list[object], social: Session, group_vault: Path
) -> None:
    """R12: after the consent it relied on is withdrawn, the view shows the flag in words."""
    child = children(group_vault)["person-a"]
    for consent in social.consents.list(child_id=child):
        if consent.kind is not ConsentKind.FACE_MATCHING:
            social.consents.withdraw(consent_id=consent.id, reason="mother asked")
    view = open_photo_view(qtbot, kept, social, group_photo_id(group_vault))
    assert view.banner.isVisible() and view.banner.kind == "error"
    assert view.banner.text().startswith("Flagged for review (R12, policy 5.5.1.3): consent ")


def test_face_review_confirms_a_suggestion_and_records_someone_else(
    qtbot: QtBot, kept: list[object], social: Session, group_vault: Path
) -> None:
    """Confirm as Child A, then "Not this child" on Child B and "Not a consented child"
    on the unknown face: the core records each (a rejection is someone else, R11), the
    review says so in words; Undo takes a decision back; a refusal of the core is shown
    as it is."""
    ids = children(group_vault)
    photo_id = group_photo_id(group_vault)
    review = FaceReview(social)
    qtbot.addWidget(review)
    kept.append(review)
    review.resize(900, 600)
    review.show()
    with qtbot.waitSignal(review.loaded, timeout=10_000) as loaded:
        review.set_photo(photo_id)
    assert loaded.args == [3]
    assert review.summary.text().startswith(
        "3 faces to review in 1 photo, 2 suggested as a child of this capture."
    )
    rows = {r.face.child_name: r for r in review.rows.values()}
    a_row, b_row, unknown = rows["Child A"], rows["Child B"], rows[None]
    assert a_row.confirm_button.text() == "Confirm as Child A"
    qtbot.waitUntil(unknown.isVisible)  # rows are shown once the event loop runs
    assert not unknown.confirm_button.isVisible(), "no child to confirm an unknown face as"
    assert unknown.reviewed_button.isVisible()
    assert unknown.reviewed_button.text() == "Not a consented child (stays blurred)"
    assert not a_row.undo_button.isVisible()
    assert not a_row.picture.pixmap().isNull(), "the face is shown cropped"
    assert not a_row.spot.pixmap().isNull(), "and outlined on a small copy of its photo"
    assert a_row.where.text().startswith("From this photo, ")

    with qtbot.waitSignal(review.reviewed, timeout=10_000) as reviewed:
        qtbot.mouseClick(a_row.confirm_button, Qt.MouseButton.LeftButton)
    assert reviewed.args[0].status is FaceStatus.CONFIRMED and reviewed.args[0].reviewed
    assert a_row.words.text() == f"Face {a_row.number}: Confirmed as Child A."
    assert not a_row.confirm_button.isVisible() and a_row.undo_button.isVisible()

    with qtbot.waitSignal(review.reviewed, timeout=10_000) as refused:
        review.confirm(b_row.face.id, ids["person-a"])
    assert refused.args == [None]
    assert review.message.text() == "Another face in this photo is already that child."

    with qtbot.waitSignal(review.reviewed, timeout=10_000) as rejected:
        qtbot.mouseClick(b_row.not_button, Qt.MouseButton.LeftButton)
    assert rejected.args[0].status is FaceStatus.REJECTED
    assert b_row.words.text() == f"Face {b_row.number}: {REJECTED} (R11)."
    assert review.summary.text().startswith("1 face to review in 1 photo.")
    with qtbot.waitSignal(review.reviewed, timeout=10_000):
        qtbot.mouseClick(unknown.reviewed_button, Qt.MouseButton.LeftButton)
    assert unknown.face.status is FaceStatus.REJECTED and unknown.undo_button.isVisible()
    assert review.summary.text() == "Every face in 1 photo has been reviewed."
    stored = {f.id: f for f in social.photos.info(photo_id=photo_id).faces}
    assert stored[a_row.face.id].status is FaceStatus.CONFIRMED
    assert stored[a_row.face.id].child_id == ids["person-a"]
    assert stored[b_row.face.id].needs_consent and stored[b_row.face.id].reviewed

    with qtbot.waitSignal(review.reviewed, timeout=10_000) as undone:
        qtbot.mouseClick(a_row.undo_button, Qt.MouseButton.LeftButton)
    assert undone.args[0].status is FaceStatus.SUGGESTED and not undone.args[0].reviewed
    assert a_row.confirm_button.isVisible() and not a_row.undo_button.isVisible()
    again = {f.id: f for f in social.photos.info(photo_id=photo_id).faces}
    assert not again[a_row.face.id].reviewed
    assert again[a_row.face.id].status is FaceStatus.SUGGESTED, "back to the suggestion"
    review.on_locked()
    assert review.rows == {}


def test_the_review_says_why_no_suggestion_was_made(
    qtbot: QtBot, kept: list[object], social: Session, group_vault: Path
) -> None:
    """The unknown face says, in the core's words, why matching suggested no one."""
    review = FaceReview(social)
    qtbot.addWidget(review)
    kept.append(review)
    review.show()
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        review.set_photo(group_photo_id(group_vault))
    unknown = next(r for r in review.rows.values() if r.face.child_id is None)
    qtbot.waitUntil(unknown.isVisible)
    reason = unknown.face.unmatched_reason
    assert reason, "the core gives a reason"
    assert unknown.reason.isVisible() and unknown.reason.text() == f"Why no suggestion: {reason}"
    suggested = next(r for r in review.rows.values() if r.face.child_id is not None)
    assert not suggested.reason.isVisible()


def test_photos_tab_lists_opens_a_photo_and_forgets_on_lock(
    qtbot: QtBot, kept: list[object], social: Session, group_vault: Path
) -> None:
    """The Photos tab of a child's file: the count in words, Import photos… with the
    child ticked, Enter opens the photo window (faces drawn, review listed), and a
    lock closes the window and empties the grid."""
    from tests.ui.helpers import unnamed
    from ui.views.child_photos import ChildPhotosPanel

    child = children(group_vault)["person-a"]
    panel = ChildPhotosPanel(social)
    qtbot.addWidget(panel)
    kept.append(panel)
    panel.resize(900, 600)
    panel.show()
    with qtbot.waitSignal(panel.grid.photos_listed, timeout=10_000):
        panel.set_child(child, "Child A")
    assert panel.count_label.text().startswith("1 photo of Child A, newest first by date taken.")
    dialog = panel.open_import()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.form.children_model.rowCount() > 0, timeout=10_000)
    assert dialog.form.children_model.checked_ids() == (child,)
    dialog.reject()
    panel.grid.setFocus()
    with qtbot.waitSignal(panel.photo_opened, timeout=5000) as opened:
        qtbot.keyClick(panel.grid, Qt.Key.Key_Return)
    window = opened.args[0]
    qtbot.waitUntil(lambda: window.view.info is not None and len(window.review.rows) == 3)
    assert UNKNOWN in " ".join(window.view.faces_model.lines())
    assert unnamed(panel) == [] and unnamed(window) == [], "every control is named"
    panel.on_locked()
    assert not window.isVisible() and window.photo_id is None
    assert window.view.canvas.image is None and window.review.rows == {}
    assert panel.grid.photos.rowCount() == 0
    assert panel.count_label.text() == "Open a child's file to see their photos."
