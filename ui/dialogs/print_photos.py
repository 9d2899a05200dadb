"""Printing exported photos: the clean copies the export wrote, never the originals.

An export to the print destination writes a re-encoded copy (no metadata, faces
without consent blurred, R7, R11) into an approved folder; that copy is what is
printed, one per page, scaled to fit.  The system's print dialog is asked first
(tests stub its ``exec``).  The export itself was audited by the core with the
destination "print".
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from sefton_photos.words import plural


def accepted(result: object) -> bool:
    """Whether a dialog's ``exec()`` answer (an int or a DialogCode) means Accepted."""
    value = getattr(result, "value", result)
    return isinstance(value, int) and value == QDialog.DialogCode.Accepted.value


def ask_printer(printer: QPrinter, parent: QWidget | None, pages: int) -> bool:
    """The system's print dialog; True when the person pressed Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print {plural(pages, 'exported photo')}")
    # R5, R8 (policy 5.5.4.5, 5.5.4.9): "print to file" would write the photos anywhere,
    # past the approved-location check; files are written by an export instead.
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    return accepted(dialog.exec())


def print_images(printer: QPrinter, files: Sequence[Path]) -> int:
    """Paint each image file on its own page; returns how many were printed.

    Raises ``OSError`` when the printer cannot be started.
    """
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("The printer could not be started: nothing was printed.")
    pages = 0
    try:
        for path in files:
            image = QImage(str(path))
            if image.isNull():
                continue
            if pages:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.topLeft(), size)
            target.moveCenter(area.center())
            painter.drawImage(target, image)
            pages += 1
    finally:
        painter.end()
    return pages
