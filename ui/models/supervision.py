"""Item models of supervision notes: the notes list, a note's agreed actions, an item's photos.

R10 (policy 5.5.3.2): what was discussed in supervision is recorded in a note that
both the line manager and the worker acknowledge with their own sign-in; after
that it is sealed and only addenda are added.  A note's status is said in words
from the point of view of whoever is reading it ("Awaiting your acknowledgement").
The models hold what the page was given; they never ask the vault.  Thumbnails
are kept as pixmaps in memory only (R8, policy 5.5.4.9) and dropped by ``clear``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QImage, QPixmap

from sefton_photos.model import Note, QueueItem
from ui.models.queue import kind_words, long_date
from ui.models.rows import ACCESSIBLE, DISPLAY, RowsTable

Index = QModelIndex | QPersistentModelIndex
SEALED = "Acknowledged by both — sealed"
NO_DUE_DATE = "no due date"


def note_status(note: Note, viewer: str) -> str:
    """The note's acknowledgement state, in words, for ``viewer`` (manager or worker)."""
    if note.sealed:
        return SEALED
    is_manager = viewer == note.manager
    mine = note.manager_ack_at if is_manager else note.worker_ack_at
    theirs = note.worker_ack_at if is_manager else note.manager_ack_at
    other = note.worker if is_manager else note.manager
    if mine is None and theirs is None:
        return f"Awaiting {other}'s acknowledgement and yours"
    if mine is None:
        return "Awaiting your acknowledgement"
    return f"Awaiting {other}'s acknowledgement"


def needs_my_acknowledgement(note: Note, viewer: str) -> bool:
    return (note.manager_ack_at if viewer == note.manager else note.worker_ack_at) is None


def note_title(note: Note, viewer: str) -> str:
    other = note.worker if viewer == note.manager else note.manager
    return (
        f"Note {note.id}: session of {long_date(note.session_date)} with {other} — "
        f"{note_status(note, viewer)}"
    )


def note_details(note: Note, viewer: str, items: Mapping[int, QueueItem]) -> str:
    """Everything in the note, as plain text for a read-only box."""
    lines = [
        f"Supervision note {note.id}",
        f"Session of {long_date(note.session_date)}: {note.manager} (line manager) "
        f"with {note.worker}.",
        f"Status: {note_status(note, viewer)}.",
        "",
        note.text,
        "",
    ]
    if note.item_ids:
        lines.append("Items recorded:")
        for item_id in note.item_ids:
            item = items.get(item_id)
            if item is None:
                lines.append(f"• Item {item_id}")
            else:
                child = f", {item.child_name}" if item.child_name else ""
                lines.append(f"• Item {item_id}: {kind_words(item.kind)}{child} — {item.summary}")
    else:
        lines.append("Items recorded: none.")
    lines.append("")
    if note.actions:
        lines.append("Actions agreed:")
        for action in note.actions:
            due = f"due by {long_date(action.due_on)}" if action.due_on else NO_DUE_DATE
            lines.append(f"• {action.text} ({due})")
    else:
        lines.append("Actions agreed: none.")
    for addendum in note.addenda:
        lines += [
            "",
            f"Addendum by {addendum.author} on {long_date(addendum.created_at.date())}:",
            addendum.text,
        ]
    return "\n".join(lines)


class NotesListModel(QAbstractListModel):
    """Notes the reader is party to; ``UserRole`` gives the ``Note``."""

    def __init__(
        self, viewer: str, notes: Sequence[Note] = (), parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.viewer = viewer
        self._notes = list(notes)

    def set_notes(self, notes: Sequence[Note]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self.endResetModel()

    def clear(self) -> None:
        self.set_notes(())

    @property
    def notes(self) -> list[Note]:
        return list(self._notes)

    def note_at(self, row: int) -> Note:
        return self._notes[row]

    def row_of(self, note_id: int) -> int:
        return next((r for r, n in enumerate(self._notes) if n.id == note_id), -1)

    def status_of(self, row: int) -> str:
        return note_status(self._notes[row], self.viewer)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return note_title(note, self.viewer)
        if role == Qt.ItemDataRole.ToolTipRole:
            return note_status(note, self.viewer)
        if role == Qt.ItemDataRole.UserRole:
            return note
        return None


ACTION_HEADERS = ("Action", "Due by")


class ActionsTableModel(RowsTable[tuple[str, date | None]]):
    """The actions agreed in a session, each with an optional due date (rows added/removed)."""

    headers = ACTION_HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__((), parent)

    def add(self, text: str, due: date | None) -> int:
        """Append an action; returns its row (-1 and nothing added when the text is empty)."""
        if not text.strip():
            return -1
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append((text.strip(), due))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> bool:
        if not 0 <= row < len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def actions(self) -> list[tuple[str, date | None]]:
        return self.rows

    def texts(self, row: tuple[str, date | None]) -> tuple[str, ...]:
        text, due = row
        return (text, long_date(due) if due else NO_DUE_DATE)

    def accessible(self, row: tuple[str, date | None], column: int) -> str:
        return self.texts(row)[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role in (Qt.ItemDataRole.DisplayRole, ACCESSIBLE, Qt.ItemDataRole.EditRole):
            return super().data(index, ACCESSIBLE if role == ACCESSIBLE else DISPLAY)
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The action's words can be corrected in place (the due date is set when adding)."""
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != 0
            or not 0 <= index.row() < len(self._rows)
            or not str(value).strip()
        ):
            return False
        _old, due = self._rows[index.row()]
        self._rows[index.row()] = (str(value).strip(), due)
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 0 else flags


class ThumbnailsModel(QAbstractListModel):
    """The photos of one queue item; pixmaps arrive later (``set_images``), in memory only."""

    PhotoIdRole = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.child_name = ""
        self._ids: list[int] = []
        self._pixmaps: dict[int, QPixmap] = {}
        self.loading = False

    def set_photos(self, photo_ids: Sequence[int], child_name: str) -> None:
        self.beginResetModel()
        self._ids = list(photo_ids)
        self._pixmaps = {}
        self.child_name = child_name
        self.loading = bool(self._ids)
        self.endResetModel()

    def set_images(self, images: Mapping[int, QImage]) -> None:
        """The decoded thumbnails came back; rows asked for but not answered say so."""
        self.loading = False
        for photo_id, image in images.items():
            if photo_id in self._ids and not image.isNull():
                self._pixmaps[photo_id] = QPixmap.fromImage(image)
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def clear(self) -> None:
        self.set_photos((), "")

    @property
    def photo_ids(self) -> list[int]:
        return list(self._ids)

    def loaded_ids(self) -> list[int]:
        return [i for i in self._ids if i in self._pixmaps]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def _words(self, photo_id: int) -> str:
        text = f"Photo {photo_id} of {self.child_name}" if self.child_name else f"Photo {photo_id}"
        if photo_id in self._pixmaps:
            return text
        return text + (", loading" if self.loading else ", no picture to show")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        photo_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"Photo {photo_id}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._words(photo_id)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._pixmaps.get(photo_id)
        if role == self.PhotoIdRole:
            return photo_id
        return None
