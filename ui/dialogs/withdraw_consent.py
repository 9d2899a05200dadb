"""The "Withdraw consent" dialog (R12, policy 5.5.1.3).

Consent can be withdrawn at any time, and anyone allocated to the child may
record it (a child's "no" must not wait for the social worker).  The dialog says
what follows before anything is done: the withdrawal takes effect at once, new
captures and exports that relied on the consent are refused, photos taken under
it are flagged for review, and a face-matching consent's face data is deleted
(R13).  A reason is required; the core records who withdrew it and when.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from sefton_photos.model import ConsentKind, ConsentRecord
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.vault_form import VaultFormDialog, Work
from ui.models.child_file import consent_heading, consent_title

EFFECT = (
    "Withdrawal takes effect at once (R12, policy 5.5.1.3): from now on, new captures "
    "and exports that relied on this consent are refused, and photos already taken "
    "under it will be flagged for review. The consent stays on the file, marked "
    "withdrawn, with your name, the time and the reason."
)
FACE_EFFECT = " The face data kept under this consent is deleted (R13)."


class WithdrawConsentDialog(VaultFormDialog):
    """Emits ``saved`` with the withdrawn ``ConsentRecord``."""

    def __init__(
        self, session: Session, consent: ConsentRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__("Withdraw consent", "&Withdraw consent", parent)
        self.session = session
        self.consent = consent
        which = QLabel(consent_heading(consent), self)
        which.setWordWrap(True)
        which.setAccessibleName(f"Consent to withdraw: {consent_title(consent)}")
        self.add_row("Consent:", which, "Consent")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(
            "For example: the mother phoned to say she no longer agrees"
        )
        self.reason_edit.setMinimumHeight(self.fontMetrics().height() * 4)
        self.reason_edit.setAccessibleDescription("Required: why the consent was withdrawn")
        self.add_row("&Reason (required):", self.reason_edit, "Reason for the withdrawal")
        effect = EFFECT + (FACE_EFFECT if consent.kind is ConsentKind.FACE_MATCHING else "")
        self.effect_label = self.add_hint(effect)
        self.reason_edit.setFocus()

    def prepare(self) -> Work | None:
        reason = self.reason_edit.toPlainText().strip()
        if not reason:
            self.problem("Say why the consent was withdrawn.", self.reason_edit)
            return None
        return operations.consents.withdraw(
            parent=self, session=self.session, consent_id=self.consent.id, reason=reason
        )
