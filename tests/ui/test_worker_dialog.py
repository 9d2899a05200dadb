"""The base of the dialogs that wait on the vault (:class:`ui.dialogs.busy.WorkerDialog`).

Every such dialog's own test checks its words; this checks the shared part once, on a
bare subclass: busy while the worker runs (buttons off, bar shown, Escape ignored),
then the subclass's step, or the core's refusal in the dialog with the dialog open.
"""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sefton_photos.errors import InvalidInput
from ui.dialogs.busy import WorkerDialog
from ui.ops import VaultOp
from ui.widgets.message import MessageLabel


class Probe(WorkerDialog):
    failure_words = "Nothing was saved. "

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = MessageLabel("Probe message", self)
        self.ok_button = QPushButton("OK", self)
        self.cancel_button = QPushButton("Cancel", self)
        self.busy_buttons = (self.ok_button, self.cancel_button)
        self.bar = self.add_busy_bar("Saving")
        self.answers: list[object] = []

    def answered(self, answer: object) -> None:
        self.answers.append((answer, self.busy))
        self.accept()


def _probe(qtbot: QtBot) -> Probe:
    dialog = Probe()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_busy_while_the_worker_runs_then_the_subclass_step(qtbot: QtBot) -> None:
    dialog = _probe(qtbot)
    assert dialog.current_op is None and not dialog.bar.isVisible()
    assert dialog.bar.accessibleName() == "Saving"
    release = threading.Event()

    def work() -> str:
        assert release.wait(10)
        return "saved"

    op = dialog.run_op(VaultOp(parent=dialog, op=work), dialog.answered)
    assert dialog.current_op is op and dialog.busy
    assert not dialog.ok_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert dialog.bar.isVisible()
    dialog.reject()  # Escape / Cancel while saving: ignored, the answer must arrive first
    assert dialog.isVisible()
    with qtbot.waitSignal(op.finished, timeout=10_000):
        release.set()
    assert dialog.answers == [("saved", False)]  # no longer busy when the step runs
    assert dialog.ok_button.isEnabled() and not dialog.bar.isVisible()
    assert not dialog.isVisible()


def test_a_refusal_is_shown_in_the_open_dialog(qtbot: QtBot) -> None:
    dialog = _probe(qtbot)

    def work() -> None:
        raise InvalidInput("The date is after today.")

    op = dialog.run_op(VaultOp(parent=dialog, op=work), dialog.answered)
    with qtbot.waitSignal(op.finished, timeout=10_000):
        pass
    assert dialog.answers == [] and dialog.isVisible() and not dialog.busy
    assert dialog.message.kind == "error"
    assert dialog.message.text() == "Nothing was saved. The date is after today."
    assert dialog.ok_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert not dialog.bar.isVisible()
    dialog.reject()
    assert not dialog.isVisible()
