"""The Devices tab of the Admin page: the register of council devices (R5, policy 5.5.4.5).

Only photos from a registered device are imported, so an administrator keeps the
list: "Register device…" opens :class:`~ui.dialogs.add_device.AddDeviceDialog`
(``session.devices.add``), "Retire device…" asks first and then calls
``session.devices.retire``.  A retired device stays in the table, and in the audit
log, but can no longer be chosen when importing.  Every call runs on the vault
worker; a refusal from the core is shown in its own words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Device
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.add_device import AddDeviceDialog
from ui.models.devices import DevicesTableModel
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel
from ui.widgets.sections import record_table


def retire_question(name: str) -> str:
    return (
        f"Retire “{name}”?\n\n"
        "Photos already imported from it stay in the vault. From now on nobody can "
        "import from it; register it again if it comes back into use."
    )


class DevicesTab(QWidget):
    """Devices table, "Register device…", "Retire device…", "Reload devices"."""

    loaded = Signal()
    changed = Signal()  # a device was registered or retired (and the table reloaded)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.add_dialog: AddDeviceDialog | None = None
        self.model = DevicesTableModel(parent=self)
        self.table = record_table(self, self.model, "Registered devices", "")
        self.table.setAccessibleDescription(
            "The council cameras and phones photos may be imported from"
        )
        hint = QLabel(
            "Photos are imported only from these council cameras and phones (R5, policy "
            "5.5.4.5). A retired device stays listed but can no longer be chosen.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.add_button = QPushButton("&Register device…", self)
        self.add_button.setAccessibleName("Register device")
        self.add_button.setAccessibleDescription("Add a council camera or phone to the register")
        self.retire_button = QPushButton("R&etire device…", self)
        self.retire_button.setAccessibleName("Retire device")
        self.retire_button.setAccessibleDescription(
            "Stop imports from the selected device; its photos stay"
        )
        self.refresh_button = QPushButton("Re&load devices", self)
        self.refresh_button.setAccessibleName("Refresh the devices table")
        for button in (self.add_button, self.retire_button, self.refresh_button):
            button.setAutoDefault(False)
        self.message = MessageLabel("Devices message", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.retire_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.retire_button.clicked.connect(self.retire_selected)
        self.refresh_button.clicked.connect(self.refresh)

    def refresh(self) -> VaultOp[list[Device]]:
        """Reload the table from ``session.devices.list()`` on the worker."""
        self.refresh_button.setEnabled(False)

        def listed(devices: list[Device]) -> None:
            self.refresh_button.setEnabled(True)
            self.model.set_devices(devices)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.refresh_button.setEnabled(True)
            self.message.show_error(describe(error))
            self.loaded.emit()

        op = operations.devices.listing(parent=self, session=self.session)
        return op.success(listed).failure(failed).run()

    def forget(self) -> None:
        self.model.clear()
        self.message.clear_message()

    def select_name(self, name: str) -> bool:
        """Select the row of the device in use called ``name``; True if found."""
        row = self.model.row_of(name)
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def selected_device(self) -> Device | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.device_at(rows[0].row()) if rows else None

    def open_add_dialog(self) -> AddDeviceDialog:
        dialog = AddDeviceDialog(self.session, parent=self)
        dialog.added.connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        self.add_dialog = dialog
        dialog.open()
        return dialog

    def _added(self, device: Device) -> None:
        self.message.show_info(f"{device.name} is registered: photos can be imported from it.")
        self.refresh().finished.connect(self.changed)

    def retire_selected(self) -> VaultOp[Device] | None:
        device = self.selected_device()
        if device is None:
            self.message.show_error("Choose a device in the table first, then Retire device.")
            return None
        if device.retired:
            self.message.show_error(f"{device.name} is already retired.")
            return None
        answer = QMessageBox.question(
            self,
            "Retire device",
            retire_question(device.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.show_info(f"{device.name} stays registered.")
            return None
        name = device.name
        self._busy(True)

        def retired(_device: Device) -> None:
            self._busy(False)
            self.message.show_info(f"{name} is retired: nobody can import from it now.")
            self.refresh().finished.connect(self.changed)

        def failed(error: BaseException) -> None:
            self._busy(False)
            self.message.show_error(describe(error))

        op = operations.devices.retire(parent=self, session=self.session, name=name)
        return op.success(retired).failure(failed).run()

    def _busy(self, busy: bool) -> None:
        for button in (self.add_button, self.retire_button, self.refresh_button):
            button.setEnabled(not busy)
