"""The Audit log and Vault check tabs of the Admin page.

Reading the audit log is itself audited, so the log is loaded when asked for
("Show audit log"), not each time the page appears.  Verification and the vault
check say OK or FAULT in words; colour only repeats it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import AuditEntry, AuditVerification, CheckFinding
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui import operations
from ui.models.audit import AuditTableModel, FindingsTableModel
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel

AUDIT_LIMIT = 200


def _table(parent: QWidget, name: str, description: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setAccessibleDescription(description)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def verification_text(result: AuditVerification) -> str:
    return f"{'OK' if result.ok else 'FAULT'}: {result.message}"


def findings_summary(findings: list[CheckFinding]) -> tuple[bool, str]:
    faults = [f.part for f in findings if not f.ok]
    if not faults:
        return True, f"OK: all {len(findings)} parts of the vault are sound."
    return False, f"FAULT in {plural(len(faults), 'part')}: {', '.join(faults)}. See the table."


class AuditTab(QWidget):
    """The latest entries of the audit log, and "Verify audit chain"."""

    loaded = Signal()
    verified = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = AuditTableModel(parent=self)
        self.table = _table(self, "Audit log", f"The latest {AUDIT_LIMIT} audit entries")
        self.table.setModel(self.model)
        self.show_button = QPushButton("&Show audit log", self)
        self.show_button.setAccessibleName("Show audit log")
        self.show_button.setAccessibleDescription(
            f"Load the latest {AUDIT_LIMIT} entries (the viewing is audited too)"
        )
        self.verify_button = QPushButton("&Verify audit chain", self)
        self.verify_button.setAccessibleName("Verify audit chain")
        self.verify_button.setAccessibleDescription(
            "Check that no audit entry was changed or removed"
        )
        for button in (self.show_button, self.verify_button):
            button.setAutoDefault(False)
        self.message = MessageLabel("Audit message", self)
        row = QHBoxLayout()
        row.addWidget(self.show_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.show_button.clicked.connect(self.load)
        self.verify_button.clicked.connect(self.verify)

    def load(self) -> VaultOp[list[AuditEntry]]:
        session = self.session
        self.show_button.setEnabled(False)

        def done(entries: list[AuditEntry]) -> None:
            self.show_button.setEnabled(True)
            self.model.set_rows(entries)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.show_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.loaded.emit()

        op = operations.admin.audit_entries(parent=self, session=session, limit=AUDIT_LIMIT)
        return op.success(done).failure(failed).run()

    def verify(self) -> VaultOp[AuditVerification]:
        self.verify_button.setEnabled(False)

        def done(result: AuditVerification) -> None:
            self.verify_button.setEnabled(True)
            text = verification_text(result)
            if result.ok:
                self.message.show_info(text)
            else:
                self.message.show_error(text)
            self.verified.emit()

        def failed(error: BaseException) -> None:
            self.verify_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.verified.emit()

        op = operations.admin.verify_audit(parent=self, session=self.session)
        return op.success(done).failure(failed).run()

    def forget(self) -> None:
        self.model.clear()
        self.message.clear_message()


class CheckTab(QWidget):
    """ "Check vault": every part of the vault, OK or FAULT, with the detail."""

    checked = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = FindingsTableModel(parent=self)
        self.table = _table(self, "Vault check results", "What was checked, OK or FAULT")
        self.table.setModel(self.model)
        self.check_button = QPushButton("&Check vault", self)
        self.check_button.setAccessibleName("Check vault")
        self.check_button.setAccessibleDescription(
            "Check the key slots, the database, every stored object and the audit log"
        )
        self.check_button.setAutoDefault(False)
        self.message = MessageLabel("Vault check message", self)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.check_button.clicked.connect(self.check)

    def check(self) -> VaultOp[list[CheckFinding]]:
        self.check_button.setEnabled(False)
        self.message.show_info("Checking the vault…")

        def done(findings: list[CheckFinding]) -> None:
            self.check_button.setEnabled(True)
            self.model.set_rows(findings)
            ok, text = findings_summary(findings)
            if ok:
                self.message.show_info(text)
            else:
                self.message.show_error(text)
            self.checked.emit()

        def failed(error: BaseException) -> None:
            self.check_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.checked.emit()

        op = operations.admin.check_vault(parent=self, session=self.session)
        return op.success(done).failure(failed).run()

    def forget(self) -> None:
        self.model.clear()
        self.message.clear_message()
