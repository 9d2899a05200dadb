"""How many photos the chosen folder or files hold, said before anything is imported.

The core walks the folders as the import will (``session.imports.count``); a card
or a network folder can be large, so the count runs on the vault worker and the
answer for an older choice is dropped.  The form shows it in words under the
chosen folder ("The folder holds 40 photos; 2 hidden files will stay on the card.").
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from sefton_photos.session import Session
from sefton_photos.support.import_count import ImportCount
from ui import operations
from ui.ops import Latest, VaultOp, describe
from ui.widgets.capture_form import CaptureForm, count_words

COUNTING = "Counting the photos…"


class PhotoCounter(QObject):
    """Counts ``form.paths`` whenever asked; emits :attr:`counted` (None when it failed)."""

    counted = Signal(object)  # the ImportCount of the chosen paths, or None

    def __init__(self, session: Session, form: CaptureForm, parent: QObject) -> None:
        super().__init__(parent)
        self.session = session
        self.form = form
        self.latest = Latest()
        self.last: ImportCount | None = None

    def count(self) -> VaultOp[ImportCount] | None:
        ticket = self.latest.start()
        self.last = None
        paths, folder = list(self.form.paths), self.form.from_folder
        if not paths:
            return None
        self.form.show_count(COUNTING)

        def done(count: ImportCount) -> None:
            if self.latest.current(ticket):
                self.last = count
                self.form.show_count(count_words(count, folder=folder))
                self.counted.emit(count)

        def failed(error: BaseException) -> None:
            if self.latest.current(ticket):
                self.form.show_count(describe(error))
                self.counted.emit(None)

        op = operations.imports.count(parent=self, session=self.session, paths=paths)
        return op.success(done).failure(failed).run()
