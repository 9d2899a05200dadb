"""The Admin page's Devices tab, a worker's line manager, and the saved auto-lock (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sefton_photos.model import Device, DeviceId
from sefton_photos.session import Session
from tests.helpers import KEY, MANAGER, MANAGER2, Person
from tests.ui.conftest import MessageBoxes
from ui.dialogs.line_manager import managers_for
from ui.models.devices import DevicesTableModel
from ui.views.admin import AdminPage

DEVICE = "Council camera 7"


def _device(name: str, *, retired_at: datetime | None = None, **kw: str) -> Device:
    return Device(
        id=DeviceId(1),
        name=name,
        serial=kw.get("serial"),
        registered_by="Ada Admin",
        registered_at=datetime(2026, 12, 1, 9, 30, tzinfo=UTC),
        retired=retired_at is not None,
        make=kw.get("make"),
        model=kw.get("model"),
        retired_at=retired_at,
    )


def _page(qtbot: QtBot, session: Session) -> AdminPage:
    page = AdminPage(session)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.users_tab.model.rowCount() > 0, timeout=5000)
    page.tabs.setCurrentWidget(page.devices_tab)
    return page


def test_the_devices_model_says_everything_in_words_without_a_view() -> None:
    """Name, make and model, serial, registered (short date and by whom), in use or retired."""
    model = DevicesTableModel()
    model.set_devices(
        [
            _device("Old phone", retired_at=datetime(2026, 12, 3, tzinfo=UTC)),
            _device("Camera 2", make="Canon", model="G7 X", serial="SN-22"),
        ]
    )
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Name", "Make and model", "Serial number", "Registered", "Status"]
    rows = [[model.data(model.index(r, c)) for c in range(5)] for r in range(model.rowCount())]
    assert rows == [
        ["Camera 2", "Canon G7 X", "SN-22", "1 Dec 2026", "In use"],
        ["Old phone", "—", "—", "1 Dec 2026", "Retired 3 Dec 2026"],
    ]
    assert model.data(model.index(1, 2), Qt.ItemDataRole.AccessibleTextRole) == "none"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole).name == "Camera 2"
    assert model.row_of("Camera 2") == 0 and model.row_of("Old phone") is None


def test_register_a_device_through_the_dialog(qtbot: QtBot, admin_session: Session) -> None:
    page = _page(qtbot, admin_session)
    tab = page.devices_tab
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.add_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.name_edit.setText(DEVICE)
    dialog.make_edit.setText("Canon")
    dialog.model_edit.setText("PowerShot G7 X")
    dialog.serial_edit.setText("SP-7")
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    found = {d.name: d for d in admin_session.devices.list()}[DEVICE]
    assert (found.make, found.model, found.serial) == ("Canon", "PowerShot G7 X", "SP-7")
    assert DEVICE in [d.name for d in tab.model.devices]
    assert tab.message.text() == f"{DEVICE} is registered: photos can be imported from it."


def test_a_refused_registration_stays_in_the_dialog(qtbot: QtBot, admin_session: Session) -> None:
    admin_session.devices.add(name=DEVICE)
    page = _page(qtbot, admin_session)
    dialog = page.devices_tab.open_add_dialog()
    dialog.name_edit.setText(DEVICE.upper())
    op = dialog.submit()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert dialog.isVisible() and dialog.message.kind == "error"
    assert dialog.message.text() == f"A device called {DEVICE.upper()} is already registered."


def test_retire_a_device_after_confirmation(
    qtbot: QtBot, admin_session: Session, message_boxes: MessageBoxes
) -> None:
    admin_session.devices.add(name=DEVICE)
    page = _page(qtbot, admin_session)
    tab = page.devices_tab
    qtbot.waitUntil(lambda: tab.model.row_of(DEVICE) is not None, timeout=5000)
    assert tab.select_name(DEVICE)
    assert tab.retire_selected() is None  # the recorder answers No first
    assert tab.message.text() == f"{DEVICE} stays registered."
    message_boxes.answer = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        qtbot.mouseClick(tab.retire_button, Qt.MouseButton.LeftButton)
    assert [k for k, t, _ in message_boxes.calls] == ["question", "question"]
    assert "Photos already imported from it stay" in message_boxes.calls[-1][2]
    retired = {d.name: d for d in admin_session.devices.list()}[DEVICE]
    assert retired.retired and retired.retired_at is not None
    shown = tab.model.devices[-1]
    assert shown.name == DEVICE and shown.retired
    row = len(tab.model.devices) - 1
    assert tab.model.data(tab.model.index(row, 4)).startswith("Retired ")
    tab.table.selectRow(row)
    assert tab.retire_selected() is None
    assert tab.message.text() == f"{DEVICE} is already retired."


def test_devices_refusal_for_a_non_administrator_is_in_words(
    qtbot: QtBot, open_session: Callable[[Person], Session], message_boxes: MessageBoxes
) -> None:
    page = _page(qtbot, open_session(MANAGER))
    dialog = page.devices_tab.open_add_dialog()
    dialog.name_edit.setText("My own phone")
    op = dialog.submit()
    assert op is not None
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert dialog.message.text().startswith("REFUSED:")
    assert "Only an administrator can register or retire council devices" in dialog.message.text()


def test_change_a_workers_line_manager_on_the_users_tab(
    qtbot: QtBot, admin_session: Session
) -> None:
    """Change line manager… offers the other line managers; the vault has the new one."""
    page = _page(qtbot, admin_session)
    page.tabs.setCurrentWidget(page.users_tab)
    tab = page.users_tab
    tab.table.clearSelection()
    assert tab.open_manager_dialog() is None
    assert "Choose a user" in tab.message.text()
    assert tab.select_name(KEY.name)
    qtbot.mouseClick(tab.manager_button, Qt.MouseButton.LeftButton)
    dialog = tab.manager_dialog
    assert dialog is not None and dialog.isVisible()
    assert [dialog.manager_combo.itemText(i) for i in range(dialog.manager_combo.count())] == [
        MANAGER2.name
    ]
    assert dialog.set_manager(MANAGER2.name)
    with qtbot.waitSignal(tab.changed, timeout=10_000):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert {u.name: u for u in admin_session.users.list()}[KEY.name].line_manager_name == (
        MANAGER2.name
    )
    assert tab.message.text() == f"{KEY.name}'s line manager is now {MANAGER2.name}."
    shown = {u.name: u for u in tab.model.users}[KEY.name]
    assert shown.line_manager_name == MANAGER2.name


def test_managers_offered_leave_out_the_current_one(admin_session: Session) -> None:
    users = admin_session.users.list()
    key = next(u for u in users if u.name == KEY.name)
    assert managers_for(key, users) == [MANAGER2.name]


def test_auto_lock_minutes_load_the_saved_value(qtbot: QtBot, admin_session: Session) -> None:
    """The Settings tab shows what the vault holds, not the default 5."""
    admin_session.settings.set_auto_lock_minutes(minutes=23)
    page = AdminPage(admin_session)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.settings_tab.loaded, timeout=5000):
        page.show()
    assert page.settings_tab.minutes.value() == 23
    page.settings_tab.minutes.setValue(41)
    with qtbot.waitSignal(page.settings_tab.saved, timeout=5000):
        page.settings_tab.save_button.click()
    assert admin_session.settings.auto_lock_minutes() == 41
    again = AdminPage(admin_session)
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.settings_tab.loaded, timeout=5000):
        again.show()
    assert again.settings_tab.minutes.value() == 41


def test_every_new_control_has_an_accessible_name(qtbot: QtBot, admin_session: Session) -> None:
    from tests.ui.helpers import unnamed

    page = _page(qtbot, admin_session)
    assert unnamed(page.devices_tab) == []
    assert unnamed(page.devices_tab.open_add_dialog()) == []
    page.tabs.setCurrentWidget(page.users_tab)
    assert page.users_tab.select_name(KEY.name)
    dialog = page.users_tab.open_manager_dialog()
    assert dialog is not None and unnamed(dialog) == []
