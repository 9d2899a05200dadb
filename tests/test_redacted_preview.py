"""Issue 11: the export preview and the life story preview show the blur exactly as the
output will have it (R11, policy 5.5.1, 5.5.2).  Real vault, real photos, real detection."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import select

from sefton_photos.errors import InvalidInput, NotFound
from sefton_photos.model import Destination, FaceStatus
from sefton_photos.schema.core import AuditRow
from sefton_photos.session import Session
from tests.helpers import ADMIN, SOCIAL, as_, children, export, import_photo

SIDE = 400


@pytest.fixture
def share(face_vault: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "council-share"
    folder.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=folder, label="Case records")
    return folder


def pixels(data: bytes | Path) -> np.ndarray:
    img = Image.open(io.BytesIO(data) if isinstance(data, bytes) else data).convert("RGB")
    img.thumbnail((SIDE, SIDE))
    return np.asarray(img, dtype=np.int16)


def face_region(arr: np.ndarray, box: tuple[int, int, int, int], scale: float) -> np.ndarray:
    top, right, bottom, left = (round(v * scale) for v in box)
    return arr[top:bottom, left:right]


def test_the_preview_blurs_what_the_export_blurs_and_nothing_else(
    face_vault: Path, share: Path, faces_dir: Path, tmp_path: Path
) -> None:
    a = children(face_vault)["person-a"]
    photo = import_photo(face_vault, faces_dir, tmp_path, [a], "person-a_3.jpg")
    with as_(face_vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        assert face.status is FaceStatus.SUGGESTED  # not confirmed: blurred beyond the record
        view = s.exports.redacted(
            photo_id=photo, destination=Destination.LIFE_STORY_BOOK, max_side=SIDE
        )
        sharp = s.exports.redacted(
            photo_id=photo, destination=Destination.CASE_RECORD, max_side=SIDE
        )
        width = s.photos.info(photo_id=photo).width
    assert view.allowed and view.blurred == 1
    assert sharp.allowed and sharp.blurred == 0
    [out] = export(face_vault, SOCIAL, [photo], Destination.LIFE_STORY_BOOK, share)
    assert out.status == "exported" and out.blurred == 1 and out.file
    shown, written, clear = pixels(view.jpeg), pixels(Path(out.file)), pixels(sharp.jpeg)
    assert shown.shape == written.shape
    # The preview is the output, scaled: only JPEG noise between them.
    assert float(np.abs(shown - written).mean()) < 3.0
    # And the face really is blurred in it: far from the sharp picture there.
    scale = shown.shape[1] / width
    diff = np.abs(face_region(shown, face.box, scale) - face_region(clear, face.box, scale))
    assert float(diff.mean()) > 8.0


def test_a_confirmed_child_stays_sharp_in_the_preview(
    face_vault: Path, share: Path, faces_dir: Path, tmp_path: Path
) -> None:
    a = children(face_vault)["person-a"]
    photo = import_photo(face_vault, faces_dir, tmp_path, [a], "person-a_2.jpg")
    with as_(face_vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        s.faces.confirm(face_id=face.id, child_id=a)
        view = s.exports.redacted(
            photo_id=photo, destination=Destination.LIFE_STORY_BOOK, max_side=SIDE
        )
    assert view.allowed and view.blurred == 0


def test_a_refused_photo_is_previewed_with_every_face_blurred(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    """Deny by default: publicity without approval is refused; its preview hides every face."""
    a = children(face_vault)["person-a"]
    photo = import_photo(face_vault, faces_dir, tmp_path, [a], "person-a_2.jpg")
    with as_(face_vault, SOCIAL) as s:
        [face] = s.photos.info(photo_id=photo).faces
        s.faces.confirm(face_id=face.id, child_id=a)
        view = s.exports.redacted(photo_id=photo, destination=Destination.PUBLICITY)
    assert not view.allowed and view.blurred == 1


def test_a_preview_is_audited_and_absurd_requests_change_nothing(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    a = children(face_vault)["person-a"]
    photo = import_photo(face_vault, faces_dir, tmp_path, [a], "person-a_2.jpg")
    with as_(face_vault, SOCIAL) as s:
        s.exports.redacted(photo_id=photo, destination=Destination.PRINT, max_side=SIDE)
        with pytest.raises(NotFound):
            s.exports.redacted(photo_id=10**9, destination=Destination.PRINT)
        with pytest.raises(InvalidInput, match="64 and 4096"):
            s.exports.redacted(photo_id=photo, destination=Destination.PRINT, max_side=10**6)
    with (
        Session.unlock(face_vault, name=ADMIN.name, password=ADMIN.password) as admin,
        admin.vault.unit() as db,
    ):
        rows = db.scalars(select(AuditRow).where(AuditRow.action == "photo.previewed")).all()
    assert [r.subject for r in rows] == [f"photo {photo}"]


def test_the_life_story_page_picture_is_the_books_and_only_the_childs(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    a, b = ids["person-a"], ids["person-b"]
    photo = import_photo(face_vault, faces_dir, tmp_path, [a], "person-a_3.jpg")
    with as_(face_vault, SOCIAL) as s:
        page = s.lifestory.page_picture(child_id=a, photo_id=photo, max_side=SIDE)
        book = s.exports.redacted(
            photo_id=photo, destination=Destination.LIFE_STORY_BOOK, child_id=a, max_side=SIDE
        )
        assert page.blurred == book.blurred == 1
        assert float(np.abs(pixels(page.jpeg) - pixels(book.jpeg)).mean()) < 1.0
        with pytest.raises(NotFound):  # another child's book never shows this photo
            s.lifestory.page_picture(child_id=b, photo_id=photo)
