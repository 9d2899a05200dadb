""" "Export…": chosen photos leave the vault only where and as the policy allows.

The person picks the destination (case record, life story book, print, publicity,
social networking site), a folder inside an approved location, and whether to blur
everyone but the consented child.  Every change runs the core's check on the vault
worker (``session.locations.check`` and ``session.exports.preview``) and shows, per
photo, ALLOWED or REFUSED in words with a thumbnail and each reason, BEFORE anything
is written (R14).  "Export" is enabled only when the folder is allowed and at least
one photo is; it runs ``session.exports.run`` once on the worker, as the import does
(progress after each photo; Cancel stops before the next), then shows "Exported as
<neutral name>" or "Refused: not exported", and lists every refused photo with its
rule and clause.  For the print destination, "Print…" prints the exported copy (no
metadata, faces blurred as the policy says), never the original.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.decisions import Decision
from sefton_photos.model import Destination, ExportOutcome, ExportProgress
from sefton_photos.session import Session
from sefton_photos.words import plural
from ui import operations
from ui.dialogs.print_photos import ask_printer, print_images
from ui.ops import Latest, VaultOp, describe
from ui.thumbs import ThumbnailLoader
from ui.widgets.destination_choice import DestinationCombo, destination_phrase, when_allowed
from ui.widgets.export_results import THUMB, ExportResults, ScrolledContent, scrolled
from ui.widgets.location_choice import LocationCombo
from ui.widgets.message import MessageLabel
from ui.widgets.redacted_preview import RedactedPreview


class ExportDialog(QDialog):
    """Destination, folder, blur; a checked preview per photo; Export; Print…."""

    checked = Signal()  # a check (preview) answered, or failed
    exported = Signal(object)  # [ExportOutcome], once every chosen photo was tried (or Cancel)
    progressed = Signal(object)  # an ExportProgress, emitted on the worker, handled here
    printed = Signal(int)  # how many pages were printed

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        child_id: int,
        photo_ids: list[int],
        child_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id = child_id
        self.busy = False
        self.where: Decision | None = None
        self.printable: list[Path] = []
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._latest = Latest()
        self.cancel_event = threading.Event()
        self._ready = False  # the approved locations have been listed
        self._load_error = ""
        title = f"Export photos of {child_name}" if child_name else "Export photos"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            "Choose where the photos go. Each photo is checked against the council's "
            "policy first; nothing is written until you press Export, and then only "
            "clean copies (no hidden details, under neutral file names).",
            self,
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "hint")
        intro.setAccessibleName("About exporting")

        self.destination = DestinationCombo(self)
        self.destination_hint = QLabel(self)
        self.destination_hint.setWordWrap(True)
        self.destination_hint.setProperty("role", "hint")
        self.folder = LocationCombo("Folder", self)
        self.blur = QCheckBox("&Blur everyone except the consented child", self)
        self.blur.setAccessibleName("Blur everyone except the consented child")
        self.blur.setAccessibleDescription(
            "Outside the case record every face not confirmed as a consented child "
            "is always blurred"
        )
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for text, field in (("&Destination:", self.destination), ("&Folder:", self.folder)):
            label = QLabel(text, self)
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.destination:
                form.addRow("", self.destination_hint)
        form.addRow("", self.blur)

        self.folder_message = MessageLabel("Folder check", self)
        self.summary = MessageLabel("Export summary", self)
        self.results = ExportResults(photo_ids, self)
        self.model = self.results.model
        self.preview = RedactedPreview(session, self)  # the blur exactly as written (R11)
        self.results.add_preview(self.preview)
        self.results.table.selectionModel().currentRowChanged.connect(self.show_preview)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setFormat("Exported %v of %m")
        self.progress.hide()
        self.check_button = QPushButton("&Check again", self)
        self.check_button.setAccessibleName("Check again")
        self.export_button = QPushButton("&Export", self)
        self.export_button.setAccessibleName("Export the allowed photos")
        self.export_button.setDefault(True)
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setAccessibleName("Print the exported copies")
        self.cancel_button = QPushButton("Ca&ncel", self)
        self.cancel_button.setAccessibleName("Cancel the export")
        self.cancel_button.setAccessibleDescription(
            "Stops before the next photo; the photos already exported stay exported"
        )
        self.close_button = QPushButton("Close", self)
        self.close_button.setAccessibleName("Close")
        for button in (self.check_button, self.print_button, self.cancel_button):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(self)
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)

        # Everything above the buttons scrolls when the text is large and the screen small
        # (200 % scale); nothing is squeezed below its readable size.
        content = ScrolledContent(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.folder_message)
        column.addWidget(self.summary)
        column.addWidget(self.results, 1)
        scroll = scrolled(content, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

        ratio = QGuiApplication.primaryScreen().devicePixelRatio()
        photos = session.photos
        self.loader = ThumbnailLoader(
            lambda batch: photos.thumbnails(child_id=child_id, photo_ids=batch),
            side=round(THUMB * ratio),
            parent=self,
        )
        self.loader.loaded.connect(lambda images, _asked: self.results.set_thumbnails(images))
        self.loader.request_many(photo_ids)

        self.destination.currentIndexChanged.connect(self._destination_changed)
        self.folder.folder_changed.connect(lambda _folder: self.check())
        self.blur.toggled.connect(lambda _on: self.check())  # the decision names the blur
        self.check_button.clicked.connect(self.check)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_exported)
        self.cancel_button.clicked.connect(self.cancel)
        self.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._destination_changed()
        self._update_buttons()
        self.load_locations()

    # -- choices -------------------------------------------------------------------------------

    def chosen_destination(self) -> Destination:
        return self.destination.destination()

    def _destination_changed(self) -> None:
        destination = self.chosen_destination()
        self.destination_hint.setText(when_allowed(destination))
        self.destination_hint.setAccessibleName(when_allowed(destination))
        self.print_button.setVisible(destination is Destination.PRINT)
        if self._ready:
            self.check()

    def load_locations(self) -> VaultOp[list[tuple[int, str, str]]]:
        def listed(locations: list[tuple[int, str, str]]) -> None:
            self._ready = True
            self.folder.set_locations(locations)

        def failed(error: BaseException) -> None:
            self._ready, self._load_error = True, describe(error)
            self.folder.set_locations([])

        op = operations.exports.locations(parent=self, session=self.session)
        return op.success(listed).failure(failed).run()

    # -- the check (nothing is written) ----------------------------------------------------------

    def check(self) -> VaultOp[tuple[Decision | None, list[tuple[int, Decision]]]] | None:
        """Run the folder check and the per-photo preview on the worker."""
        if self.busy:
            return None
        ticket = self._latest.start()
        destination, folder = self.chosen_destination(), self.folder.folder()
        ids, blur = self.model.photo_ids, self.blur.isChecked()
        self.printable = []
        self.model.checking()
        self.results.refresh()
        self.summary.show_info(
            f"Checking {plural(len(ids), 'photo')} for {destination_phrase(destination)}…"
        )
        self._update_buttons()

        def done(result: tuple[Decision | None, list[tuple[int, Decision]]]) -> None:
            if self._latest.current(ticket):
                self._checked(*result)

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.model.set_preview([])
                self.summary.show_error(describe(error))
                self._update_buttons()
                self.checked.emit()

        op = operations.exports.check(
            parent=self,
            session=self.session,
            photo_ids=ids,
            destination=destination,
            folder=folder,
            blur=blur,
        )
        return op.success(done).failure(failed).run()

    def _checked(self, where: Decision | None, previews: list[tuple[int, Decision]]) -> None:
        self.where = where
        self.model.set_preview(previews)
        if where is None:
            self.folder_message.show_error(
                self._load_error
                or "There is no folder to export to: an administrator must approve a council "
                "folder first (R5, policy 5.5.4.5)."
            )
        elif where.allowed:
            self.folder_message.show_info(
                f"Folder ALLOWED: files will be written to {self.folder.folder()} under "
                "neutral names (sefton-…jpg)."
            )
        else:
            self.folder_message.show_error(f"Folder {where.explain()}")
        allowed = len(self.model.allowed_ids())
        refused = self.model.rowCount() - allowed
        words = destination_phrase(self.chosen_destination())
        if allowed == 0:
            self.summary.show_error(
                f"Nothing can be exported: every photo is REFUSED for {words}. "
                "The reasons, with the rule and clause, are below."
            )
        elif refused:
            self.summary.show_info(
                f"{plural(allowed, 'photo')} ALLOWED and {refused} REFUSED for {words}. "
                "Export writes only the allowed ones; each refusal is recorded (audit log "
                "and your line manager's supervision queue)."
            )
        else:
            self.summary.show_info(f"Every photo is ALLOWED for {words}.")
        self.results.refresh()
        self._update_buttons()
        self.show_preview()
        self.checked.emit()

    def show_preview(self, *_rows: object) -> None:
        """The chosen photo drawn by the core as this destination will have it."""
        photo_id = self.results.current_photo()
        if photo_id is not None and self._ready and not self.busy:
            self.preview.request(photo_id, self.chosen_destination(), self.blur.isChecked())

    def can_export(self) -> bool:
        return (
            not self.busy
            and self.where is not None
            and self.where.allowed
            and bool(self.model.allowed_ids())
            and not self.model.outcomes()
        )

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.can_export())
        self.print_button.setEnabled(not self.busy and bool(self.printable))
        self.check_button.setEnabled(not self.busy)
        self.close_button.setEnabled(not self.busy)
        self.cancel_button.setVisible(self.busy)
        self.cancel_button.setEnabled(self.busy and not self.cancel_event.is_set())
        for field in (self.destination, self.blur):
            field.setEnabled(not self.busy)
        self.folder.setEnabled(not self.busy and bool(self.folder.locations))

    # -- the export ------------------------------------------------------------------------------

    def export(self) -> VaultOp[list[ExportOutcome]] | None:
        """Export every chosen photo in one call on the worker (the core refuses the refused
        ones again); the progress bar moves after each photo, Cancel stops before the next."""
        folder = self.folder.folder()
        if not self.can_export() or folder is None:
            return None
        self.busy, self.cancel_event = True, threading.Event()
        ids, cancel = self.model.photo_ids, self.cancel_event
        destination, blur = self.chosen_destination(), self.blur.isChecked()
        self.progress.setRange(0, len(ids))
        self.progress.setValue(0)
        self.progress.show()
        self.summary.show_info(f"Exporting {plural(len(ids), 'photo')}…")
        self._update_buttons()

        def progress(p: ExportProgress) -> None:
            # Runs on the worker, inside the export: it must never raise into it.
            with contextlib.suppress(RuntimeError):
                self.progressed.emit(p)

        def done(outcomes: list[ExportOutcome]) -> None:
            for outcome in outcomes:
                self.model.set_outcome(outcome)
            self._exported(destination, folder)

        def failed(error: BaseException) -> None:
            self.summary.show_error(
                f"The export stopped after {len(self.model.outcomes())} of "
                f"{plural(len(ids), 'photo')}: {describe(error)}"
            )
            self._exported(destination, folder, stopped=True)

        op = operations.exports.export(
            parent=self,
            session=self.session,
            photo_ids=ids,
            destination=destination,
            out=folder,
            blur=blur,
            progress=progress,
            cancel=cancel,
        )
        return op.success(done).failure(failed).run()

    def _on_progress(self, p: ExportProgress) -> None:
        if self.busy:
            self.model.set_outcome(p.last)
            self.progress.setValue(p.done)

    def cancel(self) -> None:
        """Stop the export before the next photo (the one being written is finished)."""
        if self.busy:
            self.cancel_event.set()
            self.summary.show_info("Cancelling: the photo being written is finished first…")
            self._update_buttons()

    def _exported(self, destination: Destination, folder: Path, *, stopped: bool = False) -> None:
        self.busy = False
        self.progress.hide()
        outcomes = self.model.outcomes()
        written = [o for o in outcomes if o.status == "exported"]
        refused = len(outcomes) - len(written)
        if destination is Destination.PRINT:
            self.printable = self.model.exported_files()
        if not stopped:
            text = f"{plural(len(written), 'photo')} exported to {folder}"
            text += (
                f"; {refused} REFUSED (listed below, with the rule and clause)." if refused else "."
            )
            if left := self.model.rowCount() - len(outcomes):  # Cancel (or closing) came first
                text = f"Cancelled: {text} {plural(left, 'other photo')} not exported."
            if self.printable:
                text += " Press Print… to print the exported copies."
            (self.summary.show_info if written else self.summary.show_error)(text)
        self.results.refresh()
        self._update_buttons()
        self.exported.emit(outcomes)

    # -- printing, text, closing -------------------------------------------------------------------

    def print_exported(self) -> int:
        """Print the exported (clean) copies, one per page; returns the pages printed."""
        files = [f for f in self.printable if f.exists()]
        if not files:
            self.summary.show_error("There is no exported copy to print: export first.")
            return 0
        if not ask_printer(self.printer, self, len(files)):
            self.summary.show_info("Nothing was printed.")
            return 0
        try:
            pages = print_images(self.printer, files)
        except OSError as error:
            self.summary.show_error(str(error))
            return 0
        self.summary.show_info(f"Sent {plural(pages, 'page')} to the printer: the exported copies.")
        self.printed.emit(pages)
        return pages

    def text(self) -> str:
        """Everything the dialog says, in reading order (for screen readers and tests)."""
        parts = [self.destination_hint.text()]
        parts += [m.text() for m in (self.folder_message, self.summary) if m.isVisibleTo(self)]
        return "\n".join(parts + self.results.lines() + self.preview.lines())

    def reject(self) -> None:
        if self.busy:
            return  # the photo being written must finish first
        super().reject()

    def done(self, result: int) -> None:
        """Closing (or the window locking) forgets the thumbnails and stops the export."""
        self.cancel_event.set()
        self.loader.reset()
        self.results.clear()
        self.preview.clear()
        super().done(result)
