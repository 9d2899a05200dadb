"""The Admin page's "Face matching" tab: matching on or off, and how close a match must be.

Faces are always found so that they can be blurred (R11); this switch is only about
*matching* them to enrolled children (R13), which never happens for a child whose
file does not record face-matching consent.  The core decides (administrators only,
a threshold from 0.3 to 0.8) and its refusal is shown in its own words; the spin
box's range only mirrors it for convenience.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.session import Session
from ui import operations
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel

EXPLAIN = (
    "Every face in every photo is always found, so that it can be blurred (R11). "
    "Matching goes further: it suggests which enrolled child a face is, and only "
    "children whose file records face-matching consent are ever matched (R13). A "
    "suggestion is never a decision: a worker confirms each one."
)
THRESHOLD_EXPLAIN = (
    "How close a face must be to a child's reference photo to be suggested as them: "
    "a lower number is stricter (fewer, surer suggestions), a higher one suggests more "
    "and is wrong more often. 0.6 is the usual value; the core accepts 0.30 to 0.80."
)


def settings_words(enabled: bool, threshold: float) -> str:
    if not enabled:
        return (
            "Face matching is off: every face is still found at import and blurred "
            "beyond the case record (R11), but no face is suggested as any child (R13)."
        )
    return f"Face matching is on, with a threshold of {threshold:.2f}."


class FaceMatchingTab(QWidget):
    loaded = Signal()
    saved = Signal(bool, float)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.enabled_box = QCheckBox("&Match faces to enrolled children (R13)", self)
        self.enabled_box.setAccessibleName("Match faces to enrolled children")
        self.enabled_box.setAccessibleDescription(
            "Off: faces are still found and blurred, but never suggested as a child"
        )
        self.enabled_box.setChecked(True)
        label = QLabel("Matching thre&shold", self)
        self.threshold = QDoubleSpinBox(self)
        self.threshold.setRange(0.30, 0.80)
        self.threshold.setSingleStep(0.01)
        self.threshold.setDecimals(2)
        self.threshold.setValue(0.6)
        self.threshold.setAccessibleName("Matching threshold")
        self.threshold.setAccessibleDescription("From 0.30 (strictest) to 0.80")
        label.setBuddy(self.threshold)
        self.save_button = QPushButton("Sa&ve face matching", self)
        self.save_button.setAccessibleName("Save face matching settings")
        self.save_button.setAutoDefault(False)
        explain = QLabel(EXPLAIN, self)
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        explain.setAccessibleName("What face matching does")
        threshold_explain = QLabel(THRESHOLD_EXPLAIN, self)
        threshold_explain.setWordWrap(True)
        threshold_explain.setProperty("role", "hint")
        threshold_explain.setAccessibleName("What the threshold means")
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName("Face matching now")
        self.message = MessageLabel("Face matching message", self)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.threshold)
        row.addStretch(1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(explain)
        layout.addWidget(self.enabled_box)
        layout.addLayout(row)
        layout.addWidget(threshold_explain)
        layout.addLayout(save_row)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.enabled_box.toggled.connect(self.threshold.setEnabled)
        self.save_button.clicked.connect(self.save)

    def _show(self, enabled: bool, threshold: float) -> None:
        self.enabled_box.setChecked(enabled)
        self.threshold.setValue(threshold)
        self.threshold.setEnabled(enabled)
        self.state.setText(settings_words(enabled, threshold))

    def refresh(self) -> VaultOp[tuple[bool, float]]:
        def done(result: tuple[bool, float]) -> None:
            self._show(*result)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.message.show_error(describe(error))
            self.loaded.emit()

        op = operations.faces.settings(parent=self, session=self.session)
        return op.success(done).failure(failed).run()

    def save(self) -> VaultOp[None]:
        enabled, threshold = self.enabled_box.isChecked(), round(self.threshold.value(), 2)
        self.save_button.setEnabled(False)
        self.message.clear_message()

        def done(_result: None) -> None:
            self.save_button.setEnabled(True)
            self._show(enabled, threshold)
            self.message.show_info("Saved. " + settings_words(enabled, threshold))
            self.saved.emit(enabled, threshold)

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.message.show_error(describe(error))

        op = operations.faces.set_settings(
            parent=self, session=self.session, enabled=enabled, threshold=threshold
        )
        return op.success(done).failure(failed).run()

    def forget(self) -> None:
        self.message.clear_message()
