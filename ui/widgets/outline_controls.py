"""The buttons and words beside a photo for faces the detector missed (R11, 5.5.1, 5.5.2).

"Outline a missed face" starts the outline tool on the photo; "Save the outline"
sends it to the core (Enter on the photo does the same); "Every face is outlined"
records that the person looked at the whole photo.  The line of words says whether
that check was made, since a publicity or social-network export waits for it.
The view that holds these calls the core; this widget only shows and asks.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from sefton_photos.model import PhotoInfo

CHECKED = "Checked whole by a person for faces the detector missed."
NOT_CHECKED = (
    "Not yet checked whole for faces the detector missed: look at the whole photo, outline "
    "any face without an outline, then mark it checked. The public sees it only after "
    "that (R11, policy 5.5.1 and 5.5.2)."
)


def checked_words(info: PhotoInfo | None) -> str:
    if info is None:
        return ""
    return CHECKED if info.faces_checked else NOT_CHECKED


class OutlineControls(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline_button = QPushButton("Outline a &missed face", self)
        self.outline_button.setAccessibleName("Outline a face the detector missed")
        self.save_button = QPushButton("Save outlin&e", self)
        self.save_button.setAccessibleName("Save the new outline (Enter on the photo)")
        self.checked_button = QPushButton("Every face is outlined: chec&ked", self)
        self.checked_button.setAccessibleName(
            "I looked at the whole photo: every face in it is outlined"
        )
        self.words = QLabel(self)
        self.words.setWordWrap(True)
        self.words.setAccessibleName("Checked for missed faces")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.outline_button, self.save_button, self.checked_button):
            button.setAutoDefault(False)
            layout.addWidget(button)
        layout.addWidget(self.words)
        self.show_state(None, drafting=False, busy=False)

    def show_state(self, info: PhotoInfo | None, *, drafting: bool, busy: bool) -> None:
        here = info is not None and not busy
        self.outline_button.setEnabled(here and not drafting)
        self.save_button.setEnabled(here and drafting)
        self.checked_button.setEnabled(
            here and not drafting and info is not None and not info.faces_checked
        )
        self.words.setText(checked_words(info))
