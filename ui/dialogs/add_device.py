"""The "Register device" dialog of the Admin page (R5, policy 5.5.4.5).

It asks for the name staff will pick when importing, and the make, model and
serial number as the camera writes them in its photos (the core compares them
with each photo's EXIF when both are known).  ``session.devices.add`` runs on the
vault worker; a refusal (a name already registered, not an administrator) stays
in the open dialog in the core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import Device
from sefton_photos.session import Session
from ui.ops import VaultOp, describe
from ui.qtcompat import emit
from ui.widgets.message import MessageLabel


class AddDeviceDialog(QDialog):
    """Emits :attr:`added` with the new ``Device`` and accepts once the core agreed."""

    added = Signal(object)  # the new Device

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.busy = False
        self.current_op: VaultOp[Device] | None = None
        self.setWindowTitle("Register device")
        self.setAccessibleName("Register device")
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Device name")
        self.name_edit.setAccessibleDescription("The name staff choose when they import photos")
        self.name_edit.setPlaceholderText("e.g. Council camera 4")
        self.make_edit = QLineEdit(self)
        self.make_edit.setAccessibleName("Make")
        self.make_edit.setPlaceholderText("Optional, e.g. Canon")
        self.model_edit = QLineEdit(self)
        self.model_edit.setAccessibleName("Model")
        self.model_edit.setPlaceholderText("Optional, e.g. PowerShot G7 X")
        self.serial_edit = QLineEdit(self)
        self.serial_edit.setAccessibleName("Serial number")
        self.serial_edit.setPlaceholderText("Optional, as written on the device")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, field in (
            ("&Name:", self.name_edit),
            ("&Make:", self.make_edit),
            ("M&odel:", self.model_edit),
            ("&Serial number:", self.serial_edit),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
        hint = QLabel(
            "Only photos from registered council devices can be imported (R5, policy "
            "5.5.4.5). When the make and model are given, a photo the camera says came "
            "from another device is refused.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.message = MessageLabel("Register device message", self)
        self.buttons = QDialogButtonBox(self)
        self.add_button = QPushButton("&Register", self)
        self.add_button.setAccessibleName("Register the device")
        self.add_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.name_edit.setFocus()

    def submit(self) -> VaultOp[Device] | None:
        """Ask the core to register the device, on the worker."""
        if self.busy:
            return None
        devices = self.session.devices
        name, make = self.name_edit.text(), self.make_edit.text()
        model, serial = self.model_edit.text(), self.serial_edit.text()
        self._set_busy(True)
        self.message.clear_message()
        op: VaultOp[Device] = VaultOp(
            parent=self,
            op=lambda: devices.add(name=name, serial=serial, make=make, model=model),
        )
        self.current_op = op.success(self._added).failure(self._failed).run()
        return self.current_op

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.add_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def _added(self, device: Device) -> None:
        self._set_busy(False)
        emit(self.added, device)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.message.show_error(describe(error))
        self.name_edit.setFocus()

    def reject(self) -> None:
        """No cancel while the worker is registering: the answer must arrive first."""
        if not self.busy:
            super().reject()
