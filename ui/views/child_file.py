"""The right-hand side of the Children page: one child's file, in tabs.

Details (care status, "previously cared for", allocated staff), people with
parental responsibility, consents with their status in words, wishes and
explanations, and the consent check.  The file is loaded on the worker with
``session.children.file`` (each view is audited by the core) and reloaded after
every change made through the dialogs.  Buttons a role cannot use are disabled
with a sentence saying why, but the core still decides each action and its
refusal is what is shown.  :meth:`ChildFileView.clear` drops the file, every
model and every dialog opened from here (the page calls it on lock).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sefton_photos.model import ChildFile, ConsentRecord, Role, User
from sefton_photos.session import Session
from ui import operations
from ui.dialogs.add_consent import AddConsentDialog
from ui.dialogs.child_records import (
    AddPersonDialog,
    RecordExplanationDialog,
    RecordWishDialog,
    WishNotNeededDialog,
)
from ui.dialogs.enrol_faces import ENROL_HELP, ENROL_TEXT, EnrolDialog, open_enrol
from ui.dialogs.vault_form import VaultFormDialog
from ui.dialogs.view_form import FormViewerDialog
from ui.dialogs.withdraw_consent import WithdrawConsentDialog
from ui.models.child_file import (
    ConsentsTableModel,
    ExplanationsTableModel,
    PeopleTableModel,
    WishesTableModel,
    consent_heading,
)
from ui.models.children import age_text, care_words, long_date, previously_cared_for
from ui.ops import Latest, VaultOp, describe
from ui.views.child_records_tab import ChildPhotosTab
from ui.views.consent_check import ConsentCheckPanel
from ui.widgets.message import MessageLabel
from ui.widgets.sections import action_button, record_table, section

EDITORS = (Role.SOCIAL_WORKER, Role.LINE_MANAGER)
READ_ONLY_NOTE = (
    "As a key worker you can read this file, check consent, record a withdrawal and "
    "your own wish as the worker. "
    "Other changes are made by the child's social worker."
)
PLACEHOLDER = "Choose a child in the list, then press Enter (or click) to open their file."


class ChildFileView(QWidget):
    """Tabs of one child's file; ``file_loaded`` after each (re)load, with the file or None."""

    file_loaded = Signal(object)
    changed = Signal()  # a change was saved and the file reloaded

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.file: ChildFile | None = None
        self.staff: list[User] = []
        self.dialog: QDialog | None = None
        self.loading: int | None = None  # the child whose file is on its way
        self._latest = Latest()
        self.can_edit = session.user.role in EDITORS

        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setProperty("role", "hint")
        self.placeholder.setAccessibleName("No file open")
        self.title = QLabel(self)
        self.title.setProperty("role", "subtitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Child's file")
        self.note = QLabel(READ_ONLY_NOTE, self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        self.note.setAccessibleName("What you can do here")
        self.note.setVisible(not self.can_edit)
        self.message = MessageLabel("Child's file message", self)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Sections of the child's file")
        self._make_details()
        self.people_model = PeopleTableModel(parent=self)
        self.people_table = record_table(
            self,
            self.people_model,
            "People with parental responsibility",
            "Name, relationship, current or ended",
        )
        self.add_person_button = action_button(
            self, "Add &person with PR…", "Add person with PR", "Record someone with PR"
        )
        self.tabs.addTab(
            section(self, self.people_table, buttons=(self.add_person_button,)), "People with P&R"
        )
        self.consents_model = ConsentsTableModel(parent=self)
        self.consents_table = record_table(
            self,
            self.consents_model,
            "Consents",
            "Type, from whom, signed, expires, status in words, form on file",
        )
        self.add_consent_button = action_button(
            self, "Add &consent…", "Add consent", "Record written consent and its scanned form"
        )
        self.withdraw_button = action_button(
            self, "&Withdraw consent…", "Withdraw consent", "Withdraw the selected consent now"
        )
        self.view_form_button = action_button(
            self, "&View form", "View form", "Show the selected consent's scanned form"
        )
        self.enrol_button = action_button(self, ENROL_TEXT, "Enrol for face matching", ENROL_HELP)
        consent_buttons = (self.add_consent_button, self.withdraw_button, self.view_form_button)
        self.tabs.addTab(
            section(self, self.consents_table, buttons=(*consent_buttons, self.enrol_button)),
            "C&onsents",
        )
        self._make_wishes()
        self.check_panel = ConsentCheckPanel(session, self)
        self.tabs.addTab(self.check_panel, "Consent chec&k")
        self.photos_tab = ChildPhotosTab(session, self)
        self.tabs.addTab(self.photos_tab, "Photo&s")

        self.wish_button.setEnabled(session.user.role in (*EDITORS, Role.KEY_WORKER))
        for button in (
            self.add_person_button,
            self.add_consent_button,
            self.enrol_button,
            self.explanation_button,
            self.not_needed_button,
        ):
            button.setEnabled(self.can_edit)
            if not self.can_edit:
                button.setToolTip(READ_ONLY_NOTE)

        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.note)
        column.addWidget(self.tabs, 1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

        self.add_person_button.clicked.connect(self.open_add_person)
        self.add_consent_button.clicked.connect(self.open_add_consent)
        self.withdraw_button.clicked.connect(self.open_withdraw)
        self.view_form_button.clicked.connect(self.view_form)
        self.enrol_button.clicked.connect(self.open_enrol)
        self.wish_button.clicked.connect(self.open_record_wish)
        self.explanation_button.clicked.connect(self.open_record_explanation)
        self.not_needed_button.clicked.connect(self.open_wish_not_needed)

    def _make_details(self) -> None:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.details: dict[str, QLabel] = {}
        for key, text in (
            ("name", "Name:"),
            ("born", "Date of birth:"),
            ("care", "Care status:"),
            ("previously", "Previously cared for:"),
            ("social", "Social worker:"),
            ("keys", "Key workers:"),
        ):
            value = QLabel(box)
            value.setWordWrap(True)
            value.setAccessibleName(text.rstrip(":"))
            form.addRow(QLabel(text, box), value)
            self.details[key] = value
        self.details_form = form
        self.tabs.addTab(box, "De&tails")

    def _make_wishes(self) -> None:
        self.wishes_model = WishesTableModel(parent=self)
        self.wishes_table = record_table(
            self,
            self.wishes_model,
            "Wishes",
            "The latest wish of each person about photos",
            stretch=2,
        )
        self.explanations_model = ExplanationsTableModel(parent=self)
        self.explanations_table = record_table(
            self,
            self.explanations_model,
            "Explanations",
            "Whether the purpose was explained, when, or why not",
            stretch=1,
        )
        self.wish_button = action_button(
            self, "Record &wish…", "Record wish", "Record whether someone wishes photos taken"
        )
        self.explanation_button = action_button(
            self,
            "Record &explanation…",
            "Record explanation",
            "Record that the purpose was explained, or why not",
        )
        self.not_needed_button = action_button(
            self,
            "W&ish not needed…",
            "Wish not needed",
            "Record why a person with PR is not asked, or that a carer no longer cares",
        )
        self.wish_buttons = (self.wish_button, self.not_needed_button, self.explanation_button)
        wishes_title = QLabel("Wishes about photos (each person's own, the latest)", self)
        explained_title = QLabel("Purpose of photos explained (the latest of each)", self)
        for label in (wishes_title, explained_title):
            label.setProperty("role", "subtitle")
            label.setWordWrap(True)
        tab = section(
            self,
            wishes_title,
            self.wishes_table,
            explained_title,
            self.explanations_table,
            buttons=self.wish_buttons,
        )
        self.tabs.addTab(tab, "Wishes and e&xplanations")

    # -- loading ---------------------------------------------------------------------------------

    def load(self, child_id: int) -> VaultOp[ChildFile]:
        """Open (or reopen) a child's file on the worker; the core audits the view."""
        ticket = self._latest.ticket()
        self.loading = child_id

        def loaded(child_file: ChildFile) -> None:
            if self._latest.current(ticket):
                self.loading = None
                self.show_file(child_file)
                self.file_loaded.emit(child_file)

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.loading = None
                self._forget()
                self.message.show_error(describe(error))
                self.file_loaded.emit(None)

        op = operations.children.file(parent=self, session=self.session, child_id=child_id)
        return op.success(loaded).failure(failed).run()

    def reload(self) -> VaultOp[ChildFile] | None:
        return self.load(self.file.child.id) if self.file is not None else None

    def show_file(self, child_file: ChildFile) -> None:
        same_child = self.file is not None and self.file.child.id == child_file.child.id
        self.file = child_file
        child = child_file.child
        self.title.setText(f"{child.name}'s file")
        self.title.setAccessibleName(f"{child.name}'s file")
        born = (
            f"{long_date(child.date_of_birth)} (age {age_text(child.date_of_birth, date.today())})"
        )
        values = {
            "name": child.name,
            "born": born,
            "care": care_words(child),
            "previously": "Yes: treated as cared for, so photos are never shown in public "
            "or on social networks (R6, R9).",
            "social": child.social_worker or "None allocated",
            "keys": ", ".join(child.key_workers) or "None allocated",
        }
        for key, value in values.items():
            self.details[key].setText(value)
        self.details_form.setRowVisible(self.details["previously"], previously_cared_for(child))
        self.people_model.set_rows(child_file.people)
        self.consents_model.set_rows(child_file.consents)
        self.wishes_model.set_file(child_file)
        self.explanations_model.set_rows(child_file.explanations)
        if not same_child:
            self.message.clear_message()
            self.check_panel.set_child(child.id, child.name)
            self.photos_tab.set_child(child.id, child.name)
            if not self.can_edit:
                self.tabs.setCurrentWidget(self.check_panel)
        self.stack.setCurrentIndex(1)

    def clear(self) -> None:
        """Forget the file: every model, label and dialog (no name stays in a widget)."""
        self._latest.drop()
        self.loading = None
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)
        self.dialog = None
        self._forget()
        self.message.clear_message()

    def _forget(self) -> None:
        self.file = None
        for model in (
            self.people_model,
            self.consents_model,
            self.wishes_model,
            self.explanations_model,
        ):
            model.clear()
        for label in self.details.values():
            label.clear()
        self.title.clear()
        self.title.setAccessibleName("Child's file")
        self.check_panel.clear()
        self.photos_tab.on_locked()
        self.stack.setCurrentIndex(0)

    # -- dialogs ---------------------------------------------------------------------------------

    def selected_consent(self) -> ConsentRecord | None:
        rows = self.consents_table.selectionModel().selectedRows()
        return self.consents_model.row_at(rows[0].row()) if rows else None

    def select_consent(self, consent_id: int) -> bool:
        row = self.consents_model.row_of(consent_id)
        if row >= 0:
            self.consents_table.selectRow(row)
        return row >= 0

    def _open(self, dialog: VaultFormDialog, done: Callable[[object], str]) -> VaultFormDialog:
        def saved(result: object) -> None:
            if self.file is None:
                return  # locked meanwhile: nothing to show
            self.message.show_info(done(result))
            self.check_panel.outdated()
            op = self.reload()
            if op is not None:
                op.finished.connect(self.changed)

        dialog.saved.connect(saved)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _need_file(self) -> ChildFile | None:
        if self.file is None:
            self.message.show_error(PLACEHOLDER)
        return self.file

    def open_add_person(self) -> VaultFormDialog | None:
        if (f := self._need_file()) is None:
            return None
        dialog = AddPersonDialog(self.session, f.child.id, self)
        return self._open(dialog, lambda p: f"{getattr(p, 'name', 'The person')} was added.")

    def open_add_consent(self) -> VaultFormDialog | None:
        if (f := self._need_file()) is None:
            return None
        return self._open(
            AddConsentDialog(self.session, f, self),
            lambda c: (
                f"{consent_heading(c)} was added."
                if isinstance(c, ConsentRecord)
                else "The consent was added."
            ),
        )

    def open_enrol(self) -> EnrolDialog | None:
        f = self._need_file()
        return None if f is None else open_enrol(self.session, f.child.id, f.child.name, self)

    def open_withdraw(self) -> VaultFormDialog | None:
        if self._need_file() is None:
            return None
        consent = self.selected_consent()
        if consent is None:
            self.message.show_error("Choose a consent in the table first, then Withdraw.")
            return None
        return self._open(
            WithdrawConsentDialog(self.session, consent, self),
            lambda _c: f"Consent #{consent.id} was withdrawn. It no longer counts, from now on.",
        )

    def open_record_wish(self) -> VaultFormDialog | None:
        if (f := self._need_file()) is None:
            return None
        return self._open(
            RecordWishDialog(self.session, f, self), lambda _r: "The wish was recorded."
        )

    def open_wish_not_needed(self) -> VaultFormDialog | None:
        if (f := self._need_file()) is None:
            return None
        return self._open(
            WishNotNeededDialog(self.session, f, self),
            lambda _r: "The reason was recorded: that person's wish is not needed.",
        )

    def open_record_explanation(self) -> VaultFormDialog | None:
        if (f := self._need_file()) is None:
            return None
        return self._open(
            RecordExplanationDialog(self.session, f, self.staff, self),
            lambda _r: "The explanation was recorded.",
        )

    def view_form(self) -> VaultOp[tuple[bytes, str]] | None:
        """Decrypt the selected consent's form in memory and show it (never to disk)."""
        if self._need_file() is None:
            return None
        consent = self.selected_consent()
        if consent is None:
            self.message.show_error("Choose a consent in the table first, then View form.")
            return None
        ticket = self._latest.ticket()

        def show(result: tuple[bytes, str]) -> None:
            if not self._latest.current(ticket):
                return
            data, media = result
            dialog = FormViewerDialog(consent_heading(consent), data, media, self)
            dialog.finished.connect(dialog.deleteLater)
            self.dialog = dialog
            dialog.open()

        def failed(error: BaseException) -> None:
            if self._latest.current(ticket):
                self.message.show_error(describe(error))

        op = operations.consents.form(parent=self, session=self.session, consent_id=consent.id)
        return op.success(show).failure(failed).run()
