"""A combo of the approved export locations, with "Choose a sub-folder…" at the end.

Files leave the vault only into a folder inside a location an administrator
approved (R5, policy 5.5.4.5, 5.5.4.6).  The combo lists those locations (from
``session.locations.list()``, fetched by its owner on the vault worker) as
"label — folder".  Its last item, when ``subfolders`` is on, opens the system's
folder chooser at the current location; the folder picked is added to the list
and chosen.  Whether that folder really lies inside an approved location is the
core's decision (``session.locations.check``), shown by the owner in words; this
widget only offers the choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QWidget

CHOOSE = "Choose a sub-folder…"
NONE_APPROVED = "No approved location: ask an administrator to approve a council folder"
LOADING = "Loading the approved locations…"
_CHOOSE_DATA = "\x00choose"


class LocationCombo(QComboBox):
    """``folder_changed`` carries the chosen folder (a Path) or None when there is none."""

    folder_changed = Signal(object)

    def __init__(
        self, name: str, parent: QWidget | None = None, *, subfolders: bool = True
    ) -> None:
        super().__init__(parent)
        self.subfolders = subfolders
        self.setAccessibleName(name)
        self.setAccessibleDescription(
            "Files are written only inside a folder an administrator approved"
        )
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(30)
        self._locations: list[tuple[int, str, str]] = []
        self._previous = -1
        self._filling = False
        self.addItem(LOADING, None)
        self.setEnabled(False)
        self.currentIndexChanged.connect(self._changed)

    # -- contents ------------------------------------------------------------------------------

    def set_locations(self, locations: Sequence[tuple[int, str, str]]) -> None:
        """Fill from ``session.locations.list()``; keeps the chosen folder when still offered."""
        keep = self.folder()
        self._filling = True
        try:
            self.clear()
            self._locations = list(locations)
            for _id, label, path in self._locations:
                self.addItem(f"{label} — {path}", path)
                self.setItemData(
                    self.count() - 1, f"{label}, {path}", Qt.ItemDataRole.AccessibleTextRole
                )
            if not self._locations:
                self.addItem(NONE_APPROVED, None)
            elif self.subfolders:
                self.addItem(CHOOSE, _CHOOSE_DATA)
            self.setEnabled(bool(self._locations))
            index = self.findData(str(keep)) if keep is not None else -1
            self.setCurrentIndex(max(0, index))
            self._previous = self.currentIndex()
        finally:
            self._filling = False
        self.folder_changed.emit(self.folder())

    def forget(self) -> None:
        """Drop the list (on lock); folder paths are not secret, but the list may be stale."""
        self._filling = True
        try:
            self.clear()
            self._locations = []
            self.addItem(LOADING, None)
            self.setEnabled(False)
        finally:
            self._filling = False

    @property
    def locations(self) -> list[tuple[int, str, str]]:
        return list(self._locations)

    def folder(self) -> Path | None:
        data = self.currentData()
        return Path(data) if isinstance(data, str) and data != _CHOOSE_DATA else None

    def choose_folder(self, folder: Path) -> None:
        """Choose ``folder`` (adding it as a sub-folder item when it is not listed yet)."""
        index = self.findData(str(folder))
        if index < 0:
            index = self.count() - 1 if self.subfolders else self.count()
            self._filling = True
            try:
                self.insertItem(index, f"Sub-folder — {folder}", str(folder))
            finally:
                self._filling = False
        self.setCurrentIndex(index)

    # -- choosing ------------------------------------------------------------------------------

    def _changed(self, index: int) -> None:
        if self._filling:
            return
        if self.itemData(index) == _CHOOSE_DATA:
            self._ask_subfolder()
            return
        self._previous = index
        self.folder_changed.emit(self.folder())

    def _ask_subfolder(self) -> None:
        start = self.itemData(self._previous) if self._previous >= 0 else None
        picked = QFileDialog.getExistingDirectory(
            self,
            "Choose a folder inside an approved location",
            start if isinstance(start, str) and start != _CHOOSE_DATA else "",
        )
        if picked:
            self.choose_folder(Path(picked))
        else:
            self._filling = True
            try:
                self.setCurrentIndex(max(0, self._previous))
            finally:
                self._filling = False
