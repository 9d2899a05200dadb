"""The "Import photos" dialog: a capture, in the order the policy sets (REQUIREMENTS, "Capture").

The worker picks the photos (a folder or files), the child or children in them,
the purpose from the fixed list and in their own words (R1), the registered
device (R5) and ticks the attestation (R4) in a :class:`CaptureForm`.  The core
counts what the choice holds (``session.imports.count``, on the worker) and the
form says so before anything is imported.  Once children and a purpose are
chosen (until then the check says "Choose…", never REFUSED), the core's capture
decision (``session.imports.decide``, which reads no file) is shown as ALLOWED
or REFUSED with every reason, as the form is filled in.  "Import" then runs
``session.imports.run`` on the vault worker: progress (from before the first
file) crosses back by a queued signal, "Cancel" sets an event the core checks
between files (what is imported stays, nothing is half-written, the rest stays
on the card), and each file's outcome lands in a results table.  The core
decides again when importing; its refusal is shown here in its own words, never
a traceback.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.decisions import Decision
from sefton_photos.errors import PolicyRefusal
from sefton_photos.model import Child, Device, ImportReport, Progress
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.import_count import PhotoCounter
from ui.dialogs.photo_window import FaceReviewDialog
from ui.models.import_results import ImportResultsModel, summary
from ui.ops import Latest, VaultOp, describe
from ui.widgets.capture_form import NO_PHOTOS, CaptureForm, heading
from ui.widgets.decision_view import DecisionView
from ui.widgets.import_progress import ImportProgress, results_table
from ui.widgets.message import MessageLabel
from ui.widgets.whole_scroll import WholeScrollArea

CHECK_DELAY_MS = 300
CANCELLING = "Cancelling after the current photo…"
NO_PURPOSE = "Choose the purpose of these photos first (R1, policy 5.5.4.1)."


def not_ready_words(missing: list[str]) -> str:
    return (
        f"Choose {' and '.join(missing)}: then the check says whether these photos may be "
        "imported, rule by rule, before anything is read."
    )


class _ProgressBridge(QObject):
    """Lives on the GUI thread; the core's progress callback emits here from the worker."""

    progressed = Signal(object)


class ImportDialog(QDialog):
    """Gather a capture, show the decision, import with progress, cancel and results."""

    loaded = Signal()  # the children and devices are listed
    checked = Signal(object)  # the Decision shown; None: the check failed, or nothing to check
    progressed = Signal(object)  # a Progress, on the GUI thread
    import_finished = Signal(object)  # the ImportReport, or None when the import failed

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        child_ids: Sequence[int] | None = None,
        workers: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.workers = workers  # None: the core's default (every core busy)
        self.busy = False
        self.report: ImportReport | None = None
        self.kept_source = False
        self.cancel_event = threading.Event()
        self.import_op: VaultOp[ImportReport] | None = None
        self._preselect = list(child_ids or ())
        self._check_latest = Latest()
        self._check_running = False
        self._check_again = False
        # A Qt child of the dialog, so it is only ever destroyed on the GUI thread; an emit
        # after the dialog is gone raises RuntimeError, which the callback swallows.
        self.bridge = _ProgressBridge(self)
        self.bridge.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self.setWindowTitle("Import photos")
        self.setAccessibleName("Import photos")
        self._build()
        self._load_choices()

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        # Everything above the buttons scrolls as one: at 100 % it fits 1280 x 720 without
        # a scroll bar; with larger text (200 %) it scrolls rather than clips.
        self.body = QWidget(self)
        self.body.setObjectName("importBody")
        self.form = CaptureForm(self.body)
        self.form_area = WholeScrollArea(self)
        self.form_area.setWidgetResizable(True)
        self.form_area.setAccessibleName("Import form")
        self.form_area.setObjectName("importForm")
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form.setObjectName("captureForm")
        self.setStyleSheet("QWidget#captureForm, QWidget#importBody { background: transparent; }")
        self.form_area.viewport().setAutoFillBackground(False)

        self.check_button = QPushButton("Ch&eck", self)
        self.check_button.setAccessibleName("Check the decision again")
        # Enter checks (harmless); importing takes Alt+I or the Import button on purpose.
        self.check_button.setDefault(True)
        self.decision_view = DecisionView("Decision before import", self)
        self.message = MessageLabel("Import message", self)
        self.progress = ImportProgress(self)
        self.results = ImportResultsModel(self)
        self.results_view = results_table(self.results, self)
        self.summary = MessageLabel("Import summary", self)

        self.import_button = QPushButton("&Import", self)
        self.import_button.setAccessibleName("Import the photos")
        self.cancel_button = QPushButton("&Cancel", self)
        self.cancel_button.setAccessibleName("Cancel the import")
        self.cancel_button.setAccessibleDescription(
            "Stops after the current photo; what is imported stays, the rest stays on the card"
        )
        self.cancel_button.hide()
        self.close_button = QPushButton("Clo&se", self)
        self.close_button.setAccessibleName("Close")
        self.review_button = QPushButton("&Review faces…", self)
        self.review_button.setAccessibleName("Review the faces found in these photos")
        self.review_button.hide()
        self.review_dialog: FaceReviewDialog | None = None
        for button in (
            self.review_button,
            self.import_button,
            self.cancel_button,
            self.close_button,
        ):
            button.setAutoDefault(False)

        check_row = QHBoxLayout()
        check_row.addWidget(heading("3. Check, before anything is imported", self), 1)
        check_row.addWidget(self.check_button)
        right = QVBoxLayout()
        right.addLayout(check_row)
        right.addWidget(self.decision_view, 2)
        right.addWidget(self.message)
        right.addWidget(heading("4. Import", self))
        right.addWidget(self.progress)
        right.addWidget(self.results_view, 3)
        right.addWidget(self.summary)
        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(self.form, 1)
        columns.addLayout(right, 1)
        self.form_area.setWidget(self.body)
        self.buttons = buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        for button in (self.import_button, self.cancel_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.form_area, 1)
        layout.addLayout(buttons)
        self.resize(self.opening_size())

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)
        self.form.changed.connect(self._inputs_changed)
        self.form.paths_changed.connect(self._update_buttons)
        # How many photos the choice holds, counted by the core on the worker.
        self.counter = PhotoCounter(self.session, self.form, self)
        self.counted = self.counter.counted
        self.form.paths_changed.connect(self.counter.count)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.review_button.clicked.connect(self.review_faces)
        self.decision_view.not_ready(not_ready_words(self.form.missing()))
        self._update_buttons()

    def sizeHint(self) -> QSize:
        """Wide enough that the chosen folder and its count stay on a line or two."""
        hint = super().sizeHint()
        return hint.expandedTo(QSize(self.fontMetrics().averageCharWidth() * 140, 0))

    def opening_size(self) -> QSize:
        """All of it without a scroll bar (see :class:`WholeScrollArea`), within the screen
        it opens on; when that is smaller (200 %, a small laptop) the body scrolls."""
        return self.sizeHint().boundedTo(self.screen().availableSize())

    def _load_choices(self) -> None:
        def listed(result: tuple[list[Child], list[Device], bool | None]) -> None:
            children, devices, matching = result
            self.form.set_choices(children, devices, checked=self._preselect)
            if matching is not None:
                self.form.set_matching(matching)
            self.loaded.emit()
            self.check()

        def failed(error: BaseException) -> None:
            self.message.show_error(describe(error))
            self.loaded.emit()

        op = operations.imports.choices(parent=self, session=self.session)
        op.success(listed).failure(failed).run()

    def set_paths(self, paths: Sequence[Path], *, folder: bool) -> None:
        self.form.set_paths(paths, folder=folder)

    # -- the check ------------------------------------------------------------------------------

    def _inputs_changed(self) -> None:
        if self.busy:
            return
        self._check_latest.drop()  # an answer for older inputs must not be shown
        if self.form.missing():
            self.check()  # says what to choose; asks the vault nothing
            return
        self.decision_view.waiting()
        self._check_timer.start()

    def check(self) -> VaultOp[Decision] | None:
        """Ask the core for the capture decision on the worker (it reads no file)."""
        self._check_timer.stop()
        if self.busy:
            return None
        missing = self.form.missing()
        if missing:  # nothing chosen yet: no verdict, least of all REFUSED
            self._check_latest.drop()
            self.decision_view.not_ready(not_ready_words(missing))
            self.checked.emit(None)
            return None
        if self._check_running:
            self._check_again = True
            return None
        ticket = self._check_latest.ticket()
        given = self.form.inputs()
        purpose = given.purpose
        assert purpose is not None  # not missing
        self._check_running = True
        self.message.clear_message()

        def done(decision: Decision) -> None:
            self._check_finished()
            if self._check_latest.current(ticket) and not self.busy:
                self.decision_view.show_decision(decision)
                self.checked.emit(decision)

        def failed(error: BaseException) -> None:
            self._check_finished()
            if self._check_latest.current(ticket):
                self.decision_view.clear()
                self.message.show_error(describe(error))
                self.checked.emit(None)

        op = operations.imports.decide(
            parent=self, session=self.session, given=given, purpose=purpose
        )
        return op.success(done).failure(failed).run()

    def _check_finished(self) -> None:
        self._check_running = False
        if self._check_again:
            self._check_again = False
            self.check()

    # -- importing ------------------------------------------------------------------------------

    def start_import(self) -> VaultOp[ImportReport] | None:
        """Run the import on the worker; the core decides again before reading any file."""
        if self.busy:
            return None
        given = self.form.inputs()
        if not given.paths:
            self.message.show_error(NO_PHOTOS)
            return None
        purpose = given.purpose
        if purpose is None:
            self.message.show_error(NO_PURPOSE)
            return None
        self.cancel_event = threading.Event()
        cancel, bridge, workers = self.cancel_event, self.bridge, self.workers
        self.kept_source = given.keep_source

        def progress(p: Progress) -> None:
            # Runs on the worker, inside the import: it must never raise into it.
            with contextlib.suppress(RuntimeError):
                bridge.progressed.emit(p)

        self._set_busy(True)
        self.report = None
        self.results.clear()
        self.summary.clear_message()
        self.message.clear_message()
        self.progress.start()
        op = operations.imports.run(
            parent=self,
            session=self.session,
            given=given,
            purpose=purpose,
            progress=progress,
            cancel=cancel,
            workers=workers,
        )
        self.import_op = op.success(self._imported).failure(self._import_failed).run()
        return self.import_op

    def _on_progress(self, p: Progress) -> None:
        if self.busy:
            self.progress.update_progress(p)
            if self.cancel_event.is_set():
                self.progress.note(CANCELLING)
            if p.last is not None:  # None: the count, before the first file
                self.results.record(p.last)
                self.results_view.scrollToBottom()
        self.progressed.emit(p)

    def cancel(self) -> None:
        """Ask the core to stop after the current photo (it keeps what it imported)."""
        if not self.busy:
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.progress.note(CANCELLING)

    def _imported(self, report: ImportReport) -> None:
        self._set_busy(False)
        self.report = report
        self.results.set_outcomes(report.outcomes)
        total = len(report.outcomes)
        handled = total - report.count("cancelled")
        self.progress.finish(handled, total)
        if report.cancelled:
            self.progress.note(f"Stopped by Cancel: {handled} of {total} files handled.")
        else:
            self.progress.note(f"Finished: {handled} of {total} files handled.")
        shown = self.summary.show_info if report.capture_id else self.summary.show_error
        shown(summary(report, kept_source=self.kept_source))
        self.form.done_with_paths()  # these are done: choose again to import more
        self.review_button.setVisible(bool(self.faces_to_review()))
        self.close_button.setFocus()
        self.import_finished.emit(report)

    def faces_to_review(self) -> list[int]:
        """Photos of the last import with a face found: each face is reviewed (R11), a
        suggestion confirmed or not, any other face marked as not a consented child."""
        if self.report is None:
            return []
        return [
            o.photo_id
            for o in self.report.outcomes
            if o.status == "imported" and o.photo_id is not None and bool(o.faces)
        ]

    def review_faces(self) -> FaceReviewDialog | None:
        """Matching only suggests (R13), every face is reviewed (R11): open the review."""
        photo_ids = self.faces_to_review()
        if not photo_ids:
            return None
        if self.review_dialog is None:
            self.review_dialog = FaceReviewDialog(self.session, self)
        self.review_dialog.review_photos(photo_ids)
        return self.review_dialog

    def _import_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self.progress.hide()
        if isinstance(error, PolicyRefusal):
            self.decision_view.show_decision(error.decision)
            self.message.show_error("Nothing was imported. " + describe(error))
        else:
            self.message.show_error(describe(error))
        self.import_finished.emit(None)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.review_button.setVisible(False)
        self.form.setEnabled(not busy)
        self.check_button.setEnabled(not busy)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.close_button.setVisible(not busy)
        self._update_buttons()
        if busy:
            self.cancel_button.setFocus()

    def _update_buttons(self) -> None:
        self.import_button.setEnabled(bool(self.form.paths) and not self.busy)

    def reject(self) -> None:
        """Escape or Close: while importing it asks to cancel instead of closing."""
        if self.busy:
            self.cancel()
            return
        self._check_latest.drop()
        if self.review_dialog is not None:
            self.review_dialog.reject()
        super().reject()
