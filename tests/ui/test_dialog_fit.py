"""Issue 12: no dialog clips its words.  The Add consent explanation (Face matching above
all) was cut at top and bottom at 100 % and 200 %: every wrapped label now gets the
height its lines need at the dialog's width, and no two fields overlap, whatever is chosen."""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from sefton_photos.model import CareStatus, ConsentKind, GivenBy
from tests.helpers import KEY, SOCIAL
from tests.ui.helpers import Opener
from ui.dialogs.add_consent import AddConsentDialog


def clipped_labels(dialog: QWidget) -> list[str]:
    return [
        label.text()[:40]
        for label in dialog.findChildren(QLabel)
        if label.isVisibleTo(dialog)
        and label.wordWrap()
        and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]


def overlapping_rows(dialog: AddConsentDialog) -> list[tuple[str, str]]:
    form = dialog.form
    fields = []
    for row in range(form.rowCount()):
        for role in (form.ItemRole.LabelRole, form.ItemRole.FieldRole, form.ItemRole.SpanningRole):
            item = form.itemAt(row, role)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisibleTo(dialog) and widget not in fields:
                fields.append(widget)  # a spanning row answers for both roles
    fields.sort(key=lambda w: w.geometry().top())
    out = []
    for a, b in pairwise(fields):
        if a.geometry().intersects(b.geometry()):
            out.append((a.accessibleName() or type(a).__name__, b.accessibleName()))
    return out


def test_the_add_consent_words_are_never_clipped(qtbot: QtBot, open_session: Opener) -> None:
    social = open_session(SOCIAL)
    child = social.children.add(
        name="Fay Fitwell",
        date_of_birth=date(2012, 3, 4),
        care_status=CareStatus.FOSTER,
        key_workers=[KEY.name],
    )
    for kind in ConsentKind:
        # As a worker meets it: the kind chosen, then the dialog shown; then each giver.
        dialog = AddConsentDialog(social, social.children.file(child_id=child.id))
        qtbot.addWidget(dialog)
        dialog.set_kind(kind)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert clipped_labels(dialog) == [], kind
        for given in GivenBy:
            dialog.set_given_by(given)
            assert clipped_labels(dialog) == [], (kind, given)
            assert overlapping_rows(dialog) == [], (kind, given)
        if kind is ConsentKind.FACE_MATCHING:
            assert "R13" in dialog.scope_label.text()
        dialog.close()
