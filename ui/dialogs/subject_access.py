""" "Subject access…": everything kept about one child, in one encrypted package (R13).

An administrator, or the child's own social worker, chooses where to save the
package (the system's save dialog); ``session.records.subject_access`` runs on the
vault worker: it gathers the file, consents and their scanned forms, the audit
entries, the supervision items and the photos, blurs other people's faces with a
reason written for each (R11), and writes an AES-256 ZIP (7-Zip and WinZip open
it) under a passphrase; the request's reference, typed here, is required and kept
with the audit entry.  The dialog
then shows that passphrase ONCE, in a read-only field that can be selected, with
the words to give it to the requester separately from the package; it is not
stored anywhere, and closing the dialog forgets it.  The core decides who may
ask; a refusal is shown in its words.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.session import Session
from ui import operations
from ui.dialogs.busy import WorkerDialog
from ui.ops import VaultOp
from ui.widgets.message import MessageLabel

SUFFIX = ".zip"
FILTER = f"Subject access package, AES-256 ZIP (*{SUFFIX})"
HANDOVER = (
    "Give this passphrase to the requester separately from the package: for example "
    "read it out over the phone, never in the same email or on the same drive. It is "
    "not stored anywhere: once this window is closed it cannot be shown again, and a "
    "new package (with a new passphrase) would have to be made."
)


def default_name(child_id: int, today: date | None = None) -> str:
    """A neutral file name: no child's name in it (R7)."""
    return f"subject-access-child-{child_id}-{(today or date.today()).isoformat()}{SUFFIX}"


class SubjectAccessDialog(WorkerDialog):
    """Choose the file, make the package, show the passphrase once."""

    made = Signal(object)  # the Path written (never the passphrase)
    failure_words = "No package was made. "

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        child_id: int,
        child_name: str = "",
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id = child_id
        self.folder = folder or Path.home()
        who = child_name or f"child {child_id}"
        title = f"Subject access request: {who}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            f"The package holds everything Sefton Photos keeps about {who}: the file, "
            "consents and their scanned forms, the audit entries, supervision items and "
            "the photos, with other people's faces blurred and a reason written for each "
            "redaction, and the face-matching data held. It is an AES-256 ZIP (7-Zip or "
            "WinZip open it), encrypted with a passphrase that is shown once, here.",
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        intro.setAccessibleName("About the subject access package")
        self.message = MessageLabel("Subject access message", self)
        self.progress = self.add_busy_bar("Making the package")

        self.reference_label = QLabel("Request &reference (e.g. SAR-2026-014):", self)
        self.reference = QLineEdit(self)
        self.reference.setAccessibleName("Request reference")
        self.reference.setMaxLength(40)
        self.reference_label.setBuddy(self.reference)

        self.passphrase_label = QLabel("&Passphrase (shown once):", self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setReadOnly(True)
        self.passphrase.setAccessibleName("Passphrase, shown once")
        self.passphrase.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.passphrase_label.setBuddy(self.passphrase)
        self.handover = QLabel(HANDOVER, self)
        self.handover.setWordWrap(True)
        self.handover.setAccessibleName(HANDOVER)
        for widget in (self.passphrase_label, self.passphrase, self.handover):
            widget.hide()

        self.make_button = QPushButton("&Choose file and make the package…", self)
        self.make_button.setAccessibleName("Choose file and make the package")
        self.make_button.setDefault(True)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close")
        self.busy_buttons = (self.make_button, self.close_button)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.make_package)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(intro)
        layout.addWidget(self.reference_label)
        layout.addWidget(self.reference)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.passphrase_label)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.handover)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def make_package(self) -> VaultOp[tuple[Path, str]] | None:
        """Ask where to save, then make the package on the worker."""
        if self.busy:
            return None
        reference = self.reference.text().strip()
        if not reference:
            self.message.show_error(
                "No package was made: type the request's reference first (R13)."
            )
            self.reference.setFocus()
            return None
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            "Save the subject access package",
            str(self.folder / default_name(self.child_id)),
            FILTER,
        )
        if not chosen:
            self.message.show_info("No package was made: no file was chosen.")
            return None
        out = Path(chosen)
        if out.suffix.lower() != SUFFIX:
            out = out.with_name(out.name + SUFFIX)
        op = operations.records.subject_access(
            parent=self, session=self.session, child_id=self.child_id, out=out, reference=reference
        )
        self.message.show_info("Making the package: gathering, blurring and encrypting…")
        return self.run_op(op, self._made)

    def _made(self, result: tuple[Path, str]) -> None:
        path, passphrase = result
        self.message.show_info(f"The package was written: {path}")
        self.passphrase.setText(passphrase)
        for widget in (self.passphrase_label, self.passphrase, self.handover):
            widget.show()
        self.reference.setReadOnly(True)
        self.make_button.hide()  # one package, one passphrase: a new one needs a new window
        self.close_button.setDefault(True)
        self.passphrase.setFocus()
        self.passphrase.selectAll()
        self.made.emit(Path(path))

    def done(self, result: int) -> None:
        """Closing forgets the passphrase (it was shown once, and is stored nowhere)."""
        self.passphrase.clear()
        super().done(result)
