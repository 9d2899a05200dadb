"""Approved export locations (administrators): the council folders photos may be written to.

The list comes from ``session.locations.list()``.  "Add location…" asks for a
folder with the system's chooser and hands it to ``session.locations.add``: the
core refuses a folder on a removable drive or inside a personal cloud-sync folder
(Dropbox, personal OneDrive, Google Drive, iCloud), and any it cannot vouch for
(R5, policy 5.5.4.5, 5.5.4.6); its refusal is shown in its own words.  "Remove"
asks first; files already written there stay, new exports can no longer go there.
Every call runs on the vault worker.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.session import Session
from ui import operations
from ui.models.records import LocationsModel
from ui.ops import VaultOp, describe
from ui.widgets.message import MessageLabel
from ui.widgets.sections import record_table


def removal_question(label: str, path: str) -> str:
    return (
        f"Remove “{label}” ({path}) from the approved export locations?\n\n"
        "Files already written there stay where they are. From now on no photo can be "
        "exported or printed into this folder until it is approved again."
    )


class ExportLocationsPanel(QWidget):
    """Table of approved locations; "Add location…", "Remove location…"."""

    loaded = Signal()
    changed = Signal()  # a location was added or removed (and the list reloaded)
    refused = Signal(str)  # the core's words, when it refused a change

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Approved export locations")
        heading = QLabel("Approved export locations", self)
        heading.setProperty("role", "subtitle")
        hint = QLabel(
            "Photos leave the vault only into these council folders (R5, policy 5.5.4.5). "
            "Removable drives and personal cloud-sync folders are always refused.",
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.model = LocationsModel(self)
        self.table = record_table(self, self.model, "Approved export locations", "")
        self.label_edit = QLineEdit(self)
        self.label_edit.setAccessibleName("Label for the new location")
        self.label_edit.setPlaceholderText("e.g. Case records, Bootle North")
        label = QLabel("La&bel (optional):", self)
        label.setBuddy(self.label_edit)
        self.add_button = QPushButton("&Add location…", self)
        self.add_button.setAccessibleName("Add location")
        self.add_button.setAccessibleDescription("Choose a council folder to approve")
        self.remove_button = QPushButton("Re&move location…", self)
        self.remove_button.setAccessibleName("Remove location")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
        self.message = MessageLabel("Locations message", self)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.label_edit, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.add_button.clicked.connect(self.add_location)
        self.remove_button.clicked.connect(self.remove_selected)

    def refresh(self) -> VaultOp[list[tuple[int, str, str]]]:
        def listed(locations: list[tuple[int, str, str]]) -> None:
            self.model.set_locations(locations)
            self.loaded.emit()

        def failed(error: BaseException) -> None:
            self.message.show_error(describe(error))
            self.loaded.emit()

        op = operations.exports.locations(parent=self, session=self.session)
        return op.success(listed).failure(failed).run()

    def forget(self) -> None:
        self.model.clear()
        self.message.clear_message()

    def add_location(self) -> VaultOp[int] | None:
        """Ask for a folder, then approve it (the core may refuse it, in words)."""
        picked = QFileDialog.getExistingDirectory(
            self, "Choose a council folder to approve for exports"
        )
        if not picked:
            self.message.show_info("No folder was added.")
            return None
        folder, label = Path(picked), self.label_edit.text().strip() or None
        self._busy(True)

        def added(_location_id: int) -> None:
            self._busy(False)
            self.label_edit.clear()
            self.message.show_info(f"{folder} is now an approved export location.")
            self.refresh().finished.connect(self.changed)

        op = operations.exports.add_location(
            parent=self, session=self.session, path=folder, label=label
        )
        return op.success(added).failure(self._failed).run()

    def remove_selected(self) -> VaultOp[str] | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.show_error("Choose a location in the table first, then Remove.")
            return None
        location_id, label, path = self.model.location_at(rows[0].row())
        answer = QMessageBox.question(
            self,
            "Remove location",
            removal_question(label, path),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.message.show_info(f"{path} stays approved.")
            return None
        self._busy(True)

        def removed(_path: str) -> None:
            self._busy(False)
            self.message.show_info(f"{path} is no longer an approved export location.")
            self.refresh().finished.connect(self.changed)

        op = operations.exports.remove_location(
            parent=self, session=self.session, location_id=location_id
        )
        return op.success(removed).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.message.show_error(describe(error))
        self.refused.emit(describe(error))

    def _busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy)
