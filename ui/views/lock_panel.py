"""What the main window shows instead of every page while it is locked (R8, 5.5.4.9).

The pages are swapped out, not covered, so nothing of them is visible or grabbed
behind this panel.  It asks the locked user for their password (on the worker,
through :class:`~ui.widgets.unlock_form.UnlockForm`) and offers "Sign out" for
someone else who needs the computer.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sefton_photos.session import Session
from ui.widgets.unlock_form import UnlockForm

REASONS = {
    "idle": "It locked itself because nobody used it for a while.",
    "by hand": "It was locked by hand.",
}


class LockPanel(QWidget):
    """Title, why it locked, the password form and a sign-out button."""

    sign_out_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockOuter")
        self.setAccessibleName("Locked")
        card = QFrame(self)
        card.setObjectName("lockPanel")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(720)

        title = QLabel("Sefton Photos is locked", card)
        title.setProperty("role", "title")
        title.setAccessibleName("Sefton Photos is locked")
        self.reason = QLabel("", card)
        self.reason.setWordWrap(True)
        self.reason.setAccessibleName("Why it is locked")
        who = QLabel(f"Enter the password of {session.user.name} to carry on.", card)
        who.setWordWrap(True)
        self.form = UnlockForm(session=session, parent=card)
        self.sign_out_button = QPushButton("Sign &out", card)
        self.sign_out_button.setAccessibleName("Sign out")
        self.sign_out_button.setAccessibleDescription(
            "Close this session so someone else can sign in"
        )
        self.sign_out_button.setAutoDefault(False)
        self.sign_out_button.clicked.connect(self.sign_out_requested)

        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(self.reason)
        inner.addWidget(who)
        inner.addWidget(self.form)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.sign_out_button)
        inner.addLayout(row)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(card, 3)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.setTabOrder(self.form.unlock_button, self.sign_out_button)

    def prepare(self, reason: str) -> None:
        """Shown afresh: say why, empty the password, put the cursor in it."""
        self.reason.setText(REASONS.get(reason, f"It was locked ({reason})."))
        self.form.set_busy(False)
        self.form.reset()
        self.form.password_edit.setFocus()
