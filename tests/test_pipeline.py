"""The per-file work of an import finds faces of 40 px in a 12 MP JPEG (R11, issue 11).

The import decodes a JPEG at half scale; this checks, on a real file, that every face
of 40-320 px is still found, in the original's pixels, and that with no one to match
(``encode_faces=False``) no encoding is computed.
"""

from __future__ import annotations

from pathlib import Path

from bench import scenes
from sefton_photos.imaging.decode import decode
from sefton_photos.support.pipeline import DETECT_FROM, process_file


def test_a_12_mp_jpeg_has_every_face_found_at_half_scale(faces_dir: Path, tmp_path: Path) -> None:
    scene = scenes.make(11, faces_dir, widths=scenes.widths_between(16, 40, 320))
    path = tmp_path / "IMG_0001.jpg"
    scene.image.save(path, "JPEG", quality=90)
    p = process_file(str(path), True, encode_faces=False)
    assert p.ok, p.reason
    assert (p.width, p.height) == (4000, 3000)
    assert decode(path.read_bytes(), at_least=DETECT_FROM).image.size == (2000, 1500)
    hit, extra = scenes.matched(scene.faces, [f.box for f in p.faces])
    assert len(hit) == len(scene.faces) == 16, [
        t.width for i, t in enumerate(scene.faces) if i not in hit
    ]
    assert extra == []
    assert all(f.encoding == () for f in p.faces), "no one enrolled: nothing encoded"


def test_faces_are_encoded_when_asked(faces_dir: Path, tmp_path: Path) -> None:
    scene = scenes.make(12, faces_dir, widths=[90, 200], corners=False)
    path = tmp_path / "IMG_0002.jpg"
    scene.image.save(path, "JPEG", quality=90)
    p = process_file(str(path), True)
    assert len(p.faces) == 2
    assert all(len(f.encoding) == 128 for f in p.faces)
    assert process_file(str(path), False).faces == []
