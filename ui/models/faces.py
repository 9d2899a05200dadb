"""The faces found in a photo, said in words (R11, policy 5.5.1 and 5.5.2).

One place for the words, so the boxes drawn on the photo, the list beside it and
the face review say the same thing: the child's name when the face is one of the
capture's children (suggested or confirmed), otherwise that someone else is in
the photo and needs their own consent before any publication.  Colour and the
outline style only repeat the words; they are never the only signal.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from sefton_photos.model import FaceInfo, FaceStatus

Index = QModelIndex | QPersistentModelIndex
SOMEONE_ELSE = "Someone else on file — consent needed before publication"
UNKNOWN = "Unknown person — consent needed before publication"
REJECTED = "Someone else (reviewed) — consent needed before publication"
OUTLINED = "Outlined by a person (the detector missed it) — blurred beyond the case record"
A_CHILD = "A child of this capture"
# Dark enough for white text on them (WCAG AA); consent needed is also drawn dashed.
CHILD_COLOUR = QColor("#1d4f91")
CONFIRMED_COLOUR = QColor("#00703c")
CONSENT_COLOUR = QColor("#b1260f")


def face_words(face: FaceInfo) -> str:
    """What a box's label says."""
    name = face.child_name or A_CHILD
    if face.status is FaceStatus.CONFIRMED:
        return f"{name} (confirmed)"
    if face.status is FaceStatus.SUGGESTED:
        return f"{name} (suggested)"
    if face.status is FaceStatus.OTHER_CHILD:
        return SOMEONE_ELSE
    if face.outlined and face.status is FaceStatus.REJECTED:
        return OUTLINED
    if face.status is FaceStatus.REJECTED:
        return REJECTED
    return UNKNOWN


def face_colour(face: FaceInfo) -> QColor:
    if face.needs_consent:
        return CONSENT_COLOUR
    return CONFIRMED_COLOUR if face.status is FaceStatus.CONFIRMED else CHILD_COLOUR


def face_line(number: int, face: FaceInfo) -> str:
    """One line of the list: "Face 1: Child A (confirmed)"."""
    return f"Face {number}: {face_words(face)}"


class FacesModel(QAbstractListModel):
    """Rows of faces, numbered as on the photo; ``UserRole`` gives the ``FaceInfo``."""

    NeedsConsentRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._faces: list[FaceInfo] = []

    def set_faces(self, faces: Sequence[FaceInfo]) -> None:
        self.beginResetModel()
        self._faces = list(faces)
        self.endResetModel()

    def clear(self) -> None:
        self.set_faces(())

    @property
    def faces(self) -> list[FaceInfo]:
        return list(self._faces)

    def lines(self) -> list[str]:
        return [face_line(i + 1, f) for i, f in enumerate(self._faces)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._faces)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._faces):
            return None
        face = self._faces[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return face_line(index.row() + 1, face)
        if role == Qt.ItemDataRole.ForegroundRole:
            return face_colour(face)
        if role == Qt.ItemDataRole.UserRole:
            return face
        if role == self.NeedsConsentRole:
            return face.needs_consent
        return None
