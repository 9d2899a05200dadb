"""What the UI test modules share: checks of a whole window, and steps on its pages.

Accessible names and Alt+letter clashes are checked on many screens; the children
page, the import dialog and the admin page are driven the same way by several
modules.  UI test modules import these from here, never from one another (issue 13).
Fixtures (``social``, ``kept``) are in tests/ui/conftest.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sefton_photos.model import Purpose
from sefton_photos.session import Session
from tests.helpers import Person
from ui import ops
from ui.dialogs.import_photos import ImportDialog
from ui.dialogs.vault_form import VaultFormDialog
from ui.main_window import MainWindow
from ui.views.admin import AdminPage
from ui.views.children import ChildrenPage

# -- accessible names ----------------------------------------------------------------


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView)


def _inside_a_composite(widget: QWidget) -> bool:
    owner = widget.parentWidget()
    while owner is not None:
        if isinstance(owner, (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)):
            return True
        owner = owner.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """Controls under ``root`` that a screen reader could not name: should be none."""
    missing = []
    for kind in CONTROLS:
        for widget in root.findChildren(kind):
            # Qt's own sub-widgets (a spin box's line edit, a table's corner button) are
            # described by their owner.
            if _inside_a_composite(widget):
                continue
            if widget.objectName().startswith("qt_"):  # e.g. the menu bar's overflow button
                continue
            if not widget.accessibleName():
                missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


# -- Alt+letter mnemonics ------------------------------------------------------------


MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, what) for every control reachable by Alt+letter in the window now."""
    found: list[tuple[str, str]] = []

    def reachable(widget: QWidget) -> bool:
        # a disabled control keeps its letter: it is enabled again without a new label
        return widget.isVisibleTo(window)

    for button in window.findChildren(QAbstractButton):
        if reachable(button) and (letter := _letter(button.text())):
            found.append((letter, f"button {button.text()!r}"))
    for label in window.findChildren(QLabel):
        if label.buddy() is not None and reachable(label) and (letter := _letter(label.text())):
            found.append((letter, f"label {label.text()!r}"))
    for box in window.findChildren(QGroupBox):
        if reachable(box) and (letter := _letter(box.title())):
            found.append((letter, f"group {box.title()!r}"))
    for bar in window.findChildren(QTabBar):
        if reachable(bar):
            for i in range(bar.count()):
                if bar.isTabVisible(i) and (letter := _letter(bar.tabText(i))):
                    found.append((letter, f"tab {bar.tabText(i)!r}"))
    menu_bar = getattr(window, "menuBar", None)
    if callable(menu_bar) and isinstance(window, MainWindow):
        for action in window.menuBar().actions():
            if action.isVisible() and (letter := _letter(action.text())):
                found.append((letter, f"menu {action.text()!r}"))
    return found


def clashes(window: QWidget) -> list[str]:
    """Alt+letters that more than one reachable control of ``window`` answers to."""
    by_letter: dict[str, list[str]] = {}
    for letter, what in mnemonics(window):
        by_letter.setdefault(letter, []).append(what)
    return [f"Alt+{k.upper()}: {', '.join(v)}" for k, v in sorted(by_letter.items()) if len(v) > 1]


# -- the children page ---------------------------------------------------------------


Opener = Callable[[Person], Session]


CHILD = "Robin Tessellate"  # the child of ready_child()


def wait_idle(qtbot: QtBot) -> None:
    """Until the vault worker has no job left."""
    qtbot.waitUntil(lambda: ops.pending() == 0, timeout=10_000)


def children_page(qtbot: QtBot, session: Session) -> ChildrenPage:
    """The children page on screen, its first load done."""
    page = ChildrenPage(session)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    wait_idle(qtbot)
    return page


def open_child(qtbot: QtBot, page: ChildrenPage, name: str = CHILD) -> None:
    """Choose the child with the keyboard and press Enter, as a keyboard user would."""
    assert page.select_name(name)
    page.list_view.setFocus()
    with qtbot.waitSignal(page.file_view.file_loaded, timeout=10_000) as loaded:
        qtbot.keyClick(page.list_view, Qt.Key.Key_Return)
    assert loaded.args[0] is not None
    assert page.file_view.file is not None and page.file_view.file.child.name == name


def save_and_reload(qtbot: QtBot, page: ChildrenPage, dialog: VaultFormDialog) -> None:
    """Press the dialog's main button and wait until the file was reloaded."""
    results: list[int] = []
    dialog.finished.connect(results.append)
    with qtbot.waitSignal(page.file_view.changed, timeout=10_000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert results == [QDialog.DialogCode.Accepted.value]


def refused(qtbot: QtBot, dialog: VaultFormDialog) -> str:
    dialog.ok_button.click()
    assert dialog.current_op is not None
    with qtbot.waitSignal(dialog.current_op.finished, timeout=10_000):
        pass
    assert dialog.isVisible()
    assert dialog.message.kind == "error"
    return dialog.message.text()


def column_texts(model: QAbstractItemModel, column: int) -> list[str]:
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def run_check(qtbot: QtBot, page: ChildrenPage, purpose: Purpose) -> str:
    panel = page.file_view.check_panel
    page.file_view.tabs.setCurrentWidget(panel)
    panel.set_purpose(purpose)
    with qtbot.waitSignal(panel.checked, timeout=10_000):
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    return panel.verdict.text()


# -- the import dialog ---------------------------------------------------------------


def import_dialog(
    qtbot: QtBot, kept: list[object], session: Session, child_ids: list[int]
) -> ImportDialog:
    dialog = ImportDialog(session, child_ids=child_ids, workers=0)
    qtbot.addWidget(dialog)
    kept.append(dialog)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):  # listed, then a first check
        dialog.show()
    return dialog


def fill_capture(qtbot: QtBot, dialog: ImportDialog, *, attest: bool = True) -> None:
    """Purpose, own words, attestation; then wait for the live check of those inputs."""
    form = dialog.form
    assert form.set_purpose(Purpose.LIFE_STORY)
    form.purpose_edit.setText("Memory book of the summer")
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        form.attest_box.setChecked(attest)
        if not attest:
            dialog.check()


# -- the admin page ------------------------------------------------------------------


def admin_page(qtbot: QtBot, session: Session) -> AdminPage:
    """The admin page on screen, its users listed."""
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.users_tab.model.rowCount() > 0, timeout=5000)
    return page
