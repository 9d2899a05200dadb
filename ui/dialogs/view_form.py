"""Shows a scanned consent form, decrypted in memory only (R8, policy 5.5.4.9).

``session.consents.form`` returns the form's bytes and media type; this dialog
turns an image into a picture on screen straight from those bytes and says what
a PDF is ("PDF, 12 KB") without opening it: nothing decrypted is ever written to
disk, so there is no temporary file to hand to another program.  When the dialog
closes (or the window locks) the picture and the bytes are dropped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

KINDS = {
    "application/pdf": "PDF",
    "image/jpeg": "JPEG image",
    "image/png": "PNG image",
    "image/tiff": "TIFF image",
}


def form_summary(data: bytes, media: str) -> str:
    """``PDF, 12 KB``: the kind of file and its size, in words."""
    kib = max(1, round(len(data) / 1024))
    return f"{KINDS.get(media, media)}, {kib} KB"


class FormViewerDialog(QDialog):
    """An image form as a picture; a PDF as its kind and size."""

    def __init__(self, title: str, data: bytes, media: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Scanned consent form")
        self.setAccessibleName("Scanned consent form")
        self.summary = form_summary(data, media)
        heading = QLabel(f"{title}\n{self.summary}", self)
        heading.setWordWrap(True)
        heading.setProperty("role", "subtitle")
        heading.setAccessibleName(f"{title}, {self.summary}")
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName("The scanned form")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setProperty("role", "hint")
        image = QImage.fromData(data) if media.startswith("image/") else QImage()
        self.shown_as_image = not image.isNull()
        self._image = image  # in memory only, dropped by forget()
        if self.shown_as_image:
            self.picture.setPixmap(QPixmap.fromImage(image))
            self.note.setText(
                "Decrypted in memory only; nothing was saved to disk. The picture is fitted "
                "to the window: make the window larger to read it at full size."
            )
        else:
            self.picture.setText(self.summary)
            what = (
                "This form is a PDF."
                if media == "application/pdf"
                else ("This image cannot be shown on this computer.")
            )
            self.note.setText(
                f"{what} Sefton Photos never saves a decrypted form to disk, so it is "
                "not opened in another program. Print or view the paper original if needed."
            )
        self.note.setAccessibleName(self.note.text())
        self.scroller = scroll = QScrollArea(self)
        scroll.setWidget(self.picture)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName("Form")
        scroll.viewport().installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAccessibleName("Close the form")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.horizontalAdvance("M") * 64, metrics.height() * 40)
        self.finished.connect(self.forget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the picture whenever the visible area changes size."""
        if watched is self.scroller.viewport() and event.type() == QEvent.Type.Resize:
            self.fit()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Scale the picture to the visible area, never above its own size."""
        if not self.shown_as_image:
            return
        area = self.scroller.viewport().size().shrunkBy(QMargins(4, 4, 4, 4))
        image = self._image
        if image.width() > area.width() or image.height() > area.height():
            image = image.scaled(
                area,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        self.picture.setPixmap(QPixmap.fromImage(image))

    def forget(self) -> None:
        """Drop the decrypted picture and image."""
        self.picture.clear()
        self._image = QImage()
        self.shown_as_image = False
