"""The Admin page (administrators only): users, devices, settings, audit log, vault check.

Each section is a tab so the page stays uncluttered at large text sizes.  The page
itself applies no rule: the core refuses anyone but an administrator, and its
refusal would be shown in words here like any other error.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.session import Session
from ui import operations
from ui.ops import VaultOp, describe
from ui.views.admin_audit import AuditTab, CheckTab
from ui.views.admin_devices import DevicesTab
from ui.views.admin_faces import FaceMatchingTab
from ui.views.admin_users import UsersTab
from ui.views.consent_age import ConsentAgeSetting
from ui.views.page import Page
from ui.views.retention import RetentionReview
from ui.widgets.message import MessageLabel


class SettingsTab(QWidget):
    """ "Auto-lock after N minutes" (R8, policy 5.5.4.9)."""

    loaded = Signal()
    saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        label = QLabel("Auto-&lock after", self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 60)
        self.minutes.setValue(5)
        self.minutes.setSuffix(" minutes")
        self.minutes.setAccessibleName("Auto-lock after minutes")
        self.minutes.setAccessibleDescription(
            "Minutes without use before every window locks itself (1 to 60)"
        )
        label.setBuddy(self.minutes)
        self.save_button = QPushButton("&Save auto-lock", self)
        self.save_button.setAccessibleName("Save auto-lock time")
        self.save_button.setAutoDefault(False)
        explain = QLabel(
            "After this many minutes without keyboard or mouse use, Sefton Photos hides "
            "everything and asks for the password again.",
            self,
        )
        explain.setWordWrap(True)
        explain.setProperty("role", "hint")
        self.message = MessageLabel("Settings message", self)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.minutes)
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(explain)
        layout.addWidget(self.message)
        self.consent_age = ConsentAgeSetting(session, self)  # R3
        layout.addWidget(self.consent_age)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def refresh(self) -> VaultOp[int]:
        def done(minutes: int) -> None:
            self.minutes.setValue(minutes)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.message.show_error(describe(error))
            self.loaded.emit()

        self.consent_age.refresh()
        op = operations.admin.auto_lock_minutes(parent=self, session=self.session)
        return op.success(done).failure(failed).run()

    def save(self) -> VaultOp[None]:
        minutes = self.minutes.value()
        session = self.session
        self.save_button.setEnabled(False)

        def done(_result: None) -> None:
            self.save_button.setEnabled(True)
            self.message.show_info(f"Saved: auto-lock after {minutes} minutes.")
            self.saved.emit(minutes)

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.message.show_error(describe(error))

        op = operations.admin.set_auto_lock_minutes(parent=self, session=session, minutes=minutes)
        return op.success(done).failure(failed).run()


class AdminPage(Page):
    """Tabs: Users, Devices, Settings, Face matching, Audit log, Vault check, Records."""

    auto_lock_changed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("admin", "Admin", parent)
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Admin sections")
        self.users_tab = UsersTab(session, self)
        self.devices_tab = DevicesTab(session, self)
        self.settings_tab = SettingsTab(session, self)
        self.faces_tab = FaceMatchingTab(session, self)
        self.audit_tab = AuditTab(session, self)
        self.check_tab = CheckTab(session, self)
        self.records_tab = RetentionReview(session, self)
        self.tabs.addTab(self.users_tab, "&Users")
        self.tabs.addTab(self.devices_tab, "Dev&ices")
        self.tabs.addTab(self.settings_tab, "Se&ttings")
        self.tabs.addTab(self.faces_tab, "Face matchi&ng")
        self.tabs.addTab(self.audit_tab, "Au&dit log")
        self.tabs.addTab(self.check_tab, "Vault chec&k")
        self.tabs.addTab(self.records_tab, "Rec&ords")
        self.body.addWidget(self.tabs, 1)
        self.settings_tab.saved.connect(self.auto_lock_changed)
        self.on_unlocked()

    def on_locked(self) -> None:
        self.users_tab.forget()
        self.devices_tab.forget()
        self.audit_tab.forget()
        self.check_tab.forget()
        self.records_tab.on_locked()
        self.settings_tab.message.clear_message()
        self.settings_tab.consent_age.message.clear_message()
        self.faces_tab.forget()

    def on_unlocked(self) -> None:
        self.users_tab.message.clear_message()
        self.users_tab.refresh()
        self.devices_tab.refresh()
        self.settings_tab.refresh()
        self.faces_tab.refresh()
        self.records_tab.on_unlocked()
