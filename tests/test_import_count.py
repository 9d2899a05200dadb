"""Before and during an import (issue 12): the count of a card before anything is read,
a first progress report before the first file is done, and duplicates removed from the
card said so file by file."""

from __future__ import annotations

from pathlib import Path

from sefton_photos.model import Progress
from sefton_photos.support.import_count import count_importable
from tests.helpers import children, jpeg, run, social


def test_the_count_walks_the_card_as_the_import_will(tmp_path: Path) -> None:
    card = tmp_path / "card"
    for n in range(3):
        jpeg(card / "DCIM" / f"IMG_000{n}.JPG", shade=n)
    jpeg(card / "DCIM" / "scan.png")
    (card / "notes.txt").write_text("not a photo")
    (card / ".DS_Store").write_bytes(b"\0")
    jpeg(card / ".Trashes" / "IMG_9.JPG")
    counted = count_importable([card])
    assert (counted.files, counted.photos, counted.others, counted.hidden) == (5, 4, 1, 2)
    one = jpeg(tmp_path / "loose.jpg")
    assert count_importable([one]).files == 1 and count_importable([one]).hidden == 0
    assert count_importable([card, card]).files == 5  # a folder named twice counts once


def test_the_session_counts_and_the_import_reports_before_the_first_file(
    face_vault: Path, tmp_path: Path
) -> None:
    ids = children(face_vault)
    card = tmp_path / "card"
    for n in range(3):
        jpeg(card / f"IMG_{n}.JPG", shade=40 + n)
    seen: list[Progress] = []
    with social(face_vault) as s:
        assert s.imports.count(paths=[card]).photos == 3
        run(s, [ids["person-a"]], [card], detect_faces=False, workers=0, progress=seen.append)
    first = seen[0]
    assert (first.done, first.total, first.last) == (0, 3, None)
    assert [p.done for p in seen[1:]] == [1, 2, 3]
    assert all(p.last is not None for p in seen[1:])


def test_a_duplicate_removed_from_the_card_says_so(face_vault: Path, tmp_path: Path) -> None:
    ids = children(face_vault)
    first = jpeg(tmp_path / "one" / "IMG_1.JPG", shade=77)
    again = jpeg(tmp_path / "two" / "IMG_1_copy.JPG", shade=77)
    with social(face_vault) as s:
        done = run(s, [ids["person-a"]], [first], detect_faces=False, workers=0)
        report = run(s, [ids["person-a"]], [again], detect_faces=False, workers=0)
    assert done.outcomes[0].status == "imported" and done.outcomes[0].source_removed
    [outcome] = report.outcomes
    assert outcome.status == "duplicate" and outcome.source_removed
    assert outcome.photo_id == done.outcomes[0].photo_id
    assert not again.exists()
