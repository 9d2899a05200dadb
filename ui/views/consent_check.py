"""The consent check a key worker runs before a session (R3, policy 5.5.4.3).

Pick the purpose, press "Check consent": the core judges the child's file today
(R1, R2, R3, R12) and records the check in the audit log (who, when, result).
The answer is shown as one big word, ALLOWED or REFUSED (coloured green or red
through a stylesheet property, but the word is the signal), then every reason
the policy weighed, NOT MET first, each with its rule and clause and what would
make it met.  Used as a tab of the Children page; also usable on its own with
:meth:`ConsentCheckPanel.set_child`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.decisions import Decision
from sefton_photos.model import Purpose
from sefton_photos.session import Session
from ui import operations
from ui.models.reasons import ReasonsModel
from ui.ops import Latest, VaultOp, describe
from ui.widgets.choices import choose, chosen, fill
from ui.widgets.message import MessageLabel

STYLE = """
QLabel#verdict { font-size: 24pt; font-weight: bold; padding: 4px 14px; border-radius: 4px; }
QLabel#verdict[verdict="allowed"] { color: #ffffff; background: #00703c; }
QLabel#verdict[verdict="refused"] { color: #ffffff; background: #d4351c; }
QListView#reasons::item { padding: 6px 4px; border-bottom: 1px solid #b1b4b6; }
"""
NO_CHILD = "Open a child's file to check consent."


def purpose_words(purpose: Purpose) -> str:
    return purpose.label[:1].upper() + purpose.label[1:]


def verdict_sentence(decision: Decision, child: str, purpose: Purpose) -> str:
    if decision.allowed:
        return f"{child} may be photographed today for {purpose.label}. Every rule below is met."
    blocking = len(decision.blocking)
    return (
        f"Do not photograph {child} for {purpose.label} today: {blocking} "
        f"rule{'s are' if blocking != 1 else ' is'} NOT MET (listed first)."
    )


class ConsentCheckPanel(QWidget):
    """Purpose, "Check consent", the verdict in a word and the reasons."""

    checked = Signal(object)  # the Decision, or None when the check failed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: int | None = None
        self.child_name = ""
        self.decision: Decision | None = None
        self._latest = Latest()
        self.setStyleSheet(STYLE)
        self.setAccessibleName("Consent check")

        label = QLabel("P&urpose of the photos:", self)
        self.purpose_combo = QComboBox(self)
        fill(self.purpose_combo, ((purpose_words(p), p) for p in Purpose))
        self.purpose_combo.setAccessibleName("Purpose of the photos")
        self.purpose_combo.setAccessibleDescription(
            "The child-centred purpose of the session (R1, policy 5.5.4.1)"
        )
        label.setBuddy(self.purpose_combo)
        self.check_button = QPushButton("&Check consent", self)
        self.check_button.setAccessibleName("Check consent")
        self.check_button.setAccessibleDescription(
            "Ask whether this child may be photographed today for this purpose; "
            "the check is recorded in the audit log"
        )
        self.check_button.setAutoDefault(False)
        self.for_label = QLabel(NO_CHILD, self)
        self.for_label.setWordWrap(True)
        self.for_label.setProperty("role", "hint")
        self.for_label.setAccessibleName("Whose consent is checked")

        self.verdict = QLabel(self)
        self.verdict.setObjectName("verdict")
        self.verdict.setAccessibleName("Verdict")
        self.verdict.hide()
        self.sentence = QLabel(self)
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName("What the verdict means")
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sentence.hide()
        self.message = MessageLabel("Consent check message", self)

        self.model = ReasonsModel(parent=self)
        self.reasons_view = QListView(self)
        self.reasons_view.setObjectName("reasons")
        self.reasons_view.setModel(self.model)
        self.reasons_view.setAccessibleName("Reasons")
        self.reasons_view.setAccessibleDescription(
            "Every rule the check weighed: met or NOT MET, the rule and clause, and in words"
        )
        self.reasons_view.setWordWrap(True)
        self.reasons_view.setUniformItemSizes(False)
        self.reasons_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.reasons_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.reasons_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reasons_view.setAlternatingRowColors(True)
        self.reasons_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.purpose_combo, 1)
        row.addWidget(self.check_button)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignTop)
        verdict_row.addWidget(self.sentence, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.for_label)
        layout.addLayout(row)
        layout.addLayout(verdict_row)
        layout.addWidget(self.message)
        layout.addWidget(self.reasons_view, 1)
        self.check_button.clicked.connect(self.check)
        self.purpose_combo.currentIndexChanged.connect(self._purpose_changed)
        self._update_enabled()

    # -- which child --------------------------------------------------------------------------

    def set_child(self, child_id: int, name: str) -> None:
        """Check this child from now on; any earlier answer is dropped."""
        self.clear()
        self.child_id, self.child_name = child_id, name
        self.for_label.setText(
            f"Before a session: may {name} be photographed today? Choose the purpose and "
            "check. Each check is recorded in the audit log (R3, policy 5.5.4.3)."
        )
        self._update_enabled()

    def clear(self) -> None:
        """Forget the child and the answer (on lock: no name or reason stays shown)."""
        self.child_id, self.child_name = None, ""
        self._drop_answer()
        self.for_label.setText(NO_CHILD)
        self._update_enabled()

    def outdated(self) -> None:
        """The file changed: drop the answer (it may no longer hold), keep the child."""
        if self.decision is None:
            return
        child_id, name = self.child_id, self.child_name
        if child_id is not None:
            self.set_child(child_id, name)
            self.message.show_info("The file changed since the last check: check again.")

    def _drop_answer(self) -> None:
        """Forget the verdict and any answer still on its way; keep the child."""
        self._latest.drop()
        self.decision = None
        self.model.clear()
        self.verdict.clear()
        self.verdict.hide()
        self.verdict.setAccessibleName("Verdict")
        self.sentence.clear()
        self.sentence.setAccessibleName("What the verdict means")
        self.sentence.hide()
        self.message.clear_message()
        self._update_enabled()

    def _purpose_changed(self) -> None:
        """A verdict answers one purpose: another purpose is another question (issue 12)."""
        had_answer = self.decision is not None or not self.check_button.isEnabled()
        self._drop_answer()
        if had_answer and self.child_id is not None:
            self.message.show_info(
                f"The purpose is now {self.purpose().label}: check again for this purpose."
            )

    def set_purpose(self, purpose: Purpose) -> None:
        choose(self.purpose_combo, purpose)

    def purpose(self) -> Purpose:
        purpose = chosen(self.purpose_combo, Purpose)
        assert purpose is not None
        return purpose

    def _update_enabled(self, busy: bool = False) -> None:
        self.check_button.setEnabled(self.child_id is not None and not busy)

    # -- checking ----------------------------------------------------------------------------------

    def check(self) -> VaultOp[Decision] | None:
        """Ask the core on the worker; the answer (and its audit entry) comes back."""
        if self.child_id is None:
            self.message.show_error(NO_CHILD)
            return None
        child_id, purpose, name = self.child_id, self.purpose(), self.child_name
        ticket = self._latest.ticket()
        self._update_enabled(busy=True)
        self.message.clear_message()

        def done(decision: Decision) -> None:
            if not self._latest.current(ticket):
                return
            self._update_enabled()
            self.show_decision(decision, name, purpose)
            self.checked.emit(decision)

        def failed(error: BaseException) -> None:
            if not self._latest.current(ticket):
                return
            self._update_enabled()
            self.model.clear()
            self.verdict.hide()
            self.sentence.hide()
            self.message.show_error(describe(error))
            self.checked.emit(None)

        op = operations.consents.check(
            parent=self, session=self.session, child_id=child_id, purpose=purpose
        )
        return op.success(done).failure(failed).run()

    def show_decision(self, decision: Decision, child: str, purpose: Purpose) -> None:
        self.decision = decision
        self.verdict.setText(decision.verdict)
        self.verdict.setProperty("verdict", decision.verdict.lower())
        self.verdict.setAccessibleName(f"Verdict: {decision.verdict}")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        self.verdict.show()
        self.sentence.setText(verdict_sentence(decision, child, purpose))
        self.sentence.setAccessibleName(self.sentence.text())
        self.sentence.show()
        self.model.set_decision(decision)
