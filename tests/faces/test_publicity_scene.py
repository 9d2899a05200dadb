"""Issue 11, done when: a generated group photo with faces down to 40 px wide has every
face found and every unconsented face blurred in a publicity export (R11, policy 5.5.1,
5.5.2).  Real vault, real detection, a real export read back."""

from __future__ import annotations

import io
from pathlib import Path

from bench import scenes
from sefton_photos.faces.detect import detect
from sefton_photos.faces.match import distance
from sefton_photos.imaging.decode import decode
from sefton_photos.model import Destination
from tests.helpers import ADMIN, COMMS, SOCIAL, approve, as_, export, import_photo, public_child

WIDTHS = [40, 44, 48, 56, 64, 90, 160, 240]
OTHERS = [n for n in scenes.PORTRAITS if "_1." not in n and not n.startswith("person-a")]


def test_every_face_of_a_crowd_down_to_40_px_is_found_and_blurred_for_publicity(
    face_vault: Path, faces_dir: Path, tmp_path: Path
) -> None:
    share = tmp_path / "press-office"
    share.mkdir()
    with as_(face_vault, ADMIN) as admin:
        admin.locations.add(path=share, label="Press office")
        admin.users.add(
            name=COMMS.name, role=COMMS.role, password=COMMS.password, team="Communications"
        )
    nina = public_child(face_vault)  # publicity consent from everyone with PR (R7)
    scene = scenes.make(11, faces_dir, widths=WIDTHS, sources=OTHERS)
    assert len(scene.faces) == len(WIDTHS)
    jpeg = io.BytesIO()
    scene.image.save(jpeg, format="JPEG", quality=90)
    photo = import_photo(face_vault, faces_dir, tmp_path, [nina], "crowd.jpg", data=jpeg.getvalue())
    with as_(face_vault, SOCIAL) as s:
        faces = s.photos.info(photo_id=photo).faces
        assert len(faces) == len(WIDTHS), "every face, the 40 px ones too, is found"
        for face in faces:  # none of them is Nina: a person says so for each (R11)
            s.faces.reject(face_id=face.id)
        s.faces.mark_checked(photo_id=photo)  # and the whole photo looked at
    approve(face_vault, photo, Destination.PUBLICITY)
    [out] = export(face_vault, SOCIAL, [photo], Destination.PUBLICITY, share)
    assert out.status == "exported" and out.file, out.decision.explain()
    assert out.blurred == len(WIDTHS)
    written = decode(Path(out.file).read_bytes()).image
    left = detect(written, min_face=30)
    references = [
        detect(decode((faces_dir / f"{p}_1.jpg").read_bytes()).image)[0].encoding
        for p in ("person-b", "person-c", "person-d")
    ]
    near = [round(distance(f.encoding, ref), 2) for f in left for ref in references if f.encoding]
    assert all(d > 0.6 for d in near), near
    assert len(left) == 0, [f.box for f in left]
