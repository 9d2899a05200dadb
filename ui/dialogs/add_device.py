"""The "Register device" dialog of the Admin page (R5, policy 5.5.4.5).

It asks for the name staff will pick when importing, and the make, model and
serial number as the camera writes them in its photos (the core compares them
with each photo's EXIF when both are known).  ``session.devices.add`` runs on the
vault worker through :class:`~ui.dialogs.vault_form.VaultFormDialog`; a refusal (a
name already registered, not an administrator) stays in the open dialog in the
core's own words.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from sefton_photos.session import Session
from ui import operations
from ui.dialogs.vault_form import VaultFormDialog, Work


class AddDeviceDialog(VaultFormDialog):
    """Emits :attr:`added` with the new ``Device`` and accepts once the core agreed."""

    added = Signal(object)  # the new Device

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Register device", "&Register", parent)
        self.session = session
        self.add_button = self.ok_button
        self.add_button.setAccessibleName("Register the device")
        self.name_edit = self._field("&Name:", "Device name", "e.g. Council camera 4")
        self.name_edit.setAccessibleDescription("The name staff choose when they import photos")
        self.make_edit = self._field("&Make:", "Make", "Optional, e.g. Canon")
        self.model_edit = self._field("M&odel:", "Model", "Optional, e.g. PowerShot G7 X")
        self.serial_edit = self._field(
            "&Serial number:", "Serial number", "Optional, as written on the device"
        )
        self.add_hint(
            "Only photos from registered council devices can be imported (R5, policy "
            "5.5.4.5). When the make and model are given, a photo the camera says came "
            "from another device is refused."
        )
        self.saved.connect(lambda device: self.added.emit(device))
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        self.name_edit.setFocus()

    def _field(self, label: str, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.add_row(label, edit, name)
        return edit

    def prepare(self) -> Work | None:
        return operations.devices.add(
            parent=self,
            session=self.session,
            name=self.name_edit.text(),
            serial=self.serial_edit.text(),
            make=self.make_edit.text(),
            model=self.model_edit.text(),
        )

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.name_edit.setFocus()
