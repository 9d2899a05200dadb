"""The Admin page's setting for R3 (policy 5.5.4.3): the youngest age at which a young
person's own consent counts.

Kept apart from the auto-lock row so that each setting loads and saves on its own.
The core decides (administrators only, 10 to 17 years) and its refusal is shown in
words; the spin box's range only mirrors it for convenience.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from sefton_photos.session import Session
from ui import operations
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel


class ConsentAgeSetting(QWidget):
    saved = Signal(int)
    failed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        label = QLabel("Young person's own consent from &age", self)
        self.years = QSpinBox(self)
        self.years.setRange(10, 17)
        self.years.setValue(12)
        self.years.setSuffix(" years")
        self.years.setAccessibleName("Young person's own consent from age")
        self.years.setAccessibleDescription(
            "Below this age a young person's own consent is refused (R3, policy 5.5.4.3)"
        )
        label.setBuddy(self.years)
        self.save_button = QPushButton("Save &minimum age", self)
        self.save_button.setAccessibleName("Save minimum age for own consent")
        self.save_button.setAutoDefault(False)
        explain = QLabel(
            "Below this age a young person's own consent is refused when it is entered "
            "and does not count if already on file; above it, the assessment of their "
            "understanding is still required (R3, policy 5.5.4.3).",
            self,
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        self.message = MessageLabel("Minimum age message", self)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.years)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> VaultOp[int]:
        op = operations.admin.young_person_min_age(parent=self, session=self.session)
        return op.success(self.years.setValue).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.message.show_error(describe(error))
        self.failed.emit()

    def save(self) -> VaultOp[None]:
        years, session = self.years.value(), self.session
        self.save_button.setEnabled(False)

        def done(_result: None) -> None:
            self.save_button.setEnabled(True)
            self.message.show_info(
                f"Saved: a young person's own consent needs them to be at least {years}."
            )
            self.saved.emit(years)

        op = operations.admin.set_young_person_min_age(parent=self, session=session, years=years)
        return op.success(done).failure(self._failed).run()
