""" "Export record (PDF)…": one worker's supervision record for a period, saved as a PDF.

The worker or their line manager may export it (the core decides, and audits the
export).  The dialog asks for the period, then for a file name with the system's
save dialog, then runs ``session.supervision.export`` on the vault worker: making
the PDF decrypts thumbnails in memory, which must not freeze the window.  A
refusal or a failed write is shown in words in the dialog.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.session import Session
from ui import operations
from ui.dialogs.busy import WorkerDialog
from ui.dialogs.supervision_note import date_edit, fit_to_text, to_date
from ui.ops import VaultOp
from ui.widgets.message import MessageLabel

DEFAULT_PERIOD = timedelta(weeks=13)


def default_file_name(worker: str, since: date, until: date) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", worker.lower()).strip("-") or "worker"
    return f"supervision-record-{slug}-{since.isoformat()}-to-{until.isoformat()}.pdf"


class ExportRecordDialog(WorkerDialog):
    """Period from/to, then a file name; emits :attr:`exported` with the written path."""

    exported = Signal(object)  # Path

    def __init__(
        self,
        session: Session,
        worker: str,
        *,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = worker
        self.folder = folder or Path.home()
        title = f"Export the supervision record of {worker}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        today = date.today()
        intro = QLabel(
            f"The record lists {worker}'s supervision notes in the period, with their "
            "actions and addenda, and every item raised, with small pictures of the "
            "photos you may see. Save it only where your team keeps case records.",
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        intro.setAccessibleName("About the record")
        self.since_edit = date_edit(self, "Period from", today - DEFAULT_PERIOD)
        self.until_edit = date_edit(self, "Period to", today)
        form = QFormLayout()
        for text, field in (("Period &from:", self.since_edit), ("Period &to:", self.until_edit)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        self.message = MessageLabel("Export message", self)
        self.export_button = QPushButton("&Choose file and export…", self)
        self.export_button.setAccessibleName("Choose file and export")
        self.export_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.busy_buttons = (self.export_button, self.cancel_button)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.since_edit.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        fit_to_text(self, 60)
        super().showEvent(event)

    def submit(self) -> VaultOp[Path] | None:
        """Ask where to save, then export on the worker; None if no file was chosen."""
        if self.busy:
            return None
        since, until = to_date(self.since_edit), to_date(self.until_edit)
        suggested = self.folder / default_file_name(self.worker, since, until)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, "Save the supervision record", str(suggested), "PDF document (*.pdf)"
        )
        if not chosen:
            self.message.show_info("Not exported: no file was chosen.")
            return None
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        op = operations.supervision.export(
            parent=self, session=self.session, worker=self.worker, since=since, until=until, out=out
        )
        self.message.show_info("Making the PDF…")
        return self.run_op(op, self._done)

    def _done(self, path: Path) -> None:
        self.exported.emit(path)
        self.accept()
