"""The Photos tab of the child's file: the grid, and what can be done with the photos.

Import and open come from :class:`ui.views.child_photos.ChildPhotosPanel`; this adds the
ways a photo may leave the vault (export, the life story book) and the child's whole
record (subject access).  Every one of them asks the core first and shows its answer.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sefton_photos.session import Session
from ui.dialogs.export_photos import ExportDialog
from ui.dialogs.subject_access import SubjectAccessDialog
from ui.views.child_photos import ChildPhotosPanel
from ui.views.life_story import LifeStoryEditor


class ChildPhotosTab(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Photos of the child")
        self.panel = ChildPhotosPanel(session, self)
        self.export_button = QPushButton("&Export…", self)
        self.export_button.setAccessibleName("Export the child's photos")
        self.export_button.setAccessibleDescription(
            "See, photo by photo, what the policy allows before anything is written"
        )
        self.book_button = QPushButton("Life stor&y book…", self)
        self.book_button.setAccessibleName("Make a life story book")
        self.sar_button = QPushButton("S&ubject access…", self)
        self.sar_button.setAccessibleName("Subject access package")
        self.selection_label = QLabel(self)
        self.selection_label.setProperty("role", "hint")
        self.selection_label.setAccessibleName("Photos chosen")
        self.selection_label.setWordWrap(True)  # never what sets the window's width
        row = QHBoxLayout()
        for button in (self.export_button, self.book_button, self.sar_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addWidget(self.selection_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.panel, 1)
        self.editor: LifeStoryEditor | None = None
        self.export_button.clicked.connect(self.open_export)
        self.book_button.clicked.connect(self.open_book)
        self.sar_button.clicked.connect(self.open_sar)
        self.panel.grid.chosen_changed.connect(self._chosen_changed)
        self._update()

    @property
    def child(self) -> tuple[int, str] | None:
        cid = self.panel.child_id
        return None if cid is None else (cid, self.panel.child_name)

    def set_child(self, child_id: int, name: str) -> None:
        self.panel.set_child(child_id, name)
        if self.editor is not None:
            self.editor.set_child(child_id, name)
        self._update()

    def _update(self) -> None:
        for button in (self.export_button, self.book_button, self.sar_button):
            button.setEnabled(self.child is not None)

    def _chosen_changed(self, chosen: int, total: int) -> None:
        if total == 0:
            self.selection_label.clear()
            return
        noun = "photo" if total == 1 else "photos"
        if chosen:
            self.selection_label.setText(f"{chosen} of {total} {noun} chosen: Export takes these.")
        else:
            self.selection_label.setText(
                f"No photo chosen: Export takes all {total}. Ctrl or Shift+click chooses "
                "several, Ctrl+A all."
            )

    def open_export(self) -> ExportDialog | None:
        """Export exactly the chosen photos; with none chosen, every photo of the child."""
        if self.child is None:
            return None
        cid, name = self.child
        ids = self.panel.grid.selected_photo_ids() or list(self.panel.grid.photos.photo_ids)
        dialog = ExportDialog(self.session, self, child_id=cid, photo_ids=ids, child_name=name)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_book(self) -> LifeStoryEditor | None:
        if self.child is None:
            return None
        cid, name = self.child
        if self.editor is None:
            self.editor = LifeStoryEditor(self.session, cid, name)
            self.editor.setWindowTitle("Life story book")
        else:
            self.editor.set_child(cid, name)
        self.editor.show()
        self.editor.raise_()
        return self.editor

    def open_sar(self) -> SubjectAccessDialog | None:
        if self.child is None:
            return None
        cid, name = self.child
        dialog = SubjectAccessDialog(self.session, self, child_id=cid, child_name=name)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def on_locked(self) -> None:
        self.panel.on_locked()
        if self.editor is not None:
            self.editor.on_locked()
            self.editor.hide()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
