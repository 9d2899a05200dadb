"""The command line of issue 10: `import --no-faces`, then `photo detect-faces` (R11)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import Run
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, SOCIAL, children


def test_a_no_faces_import_is_refused_beyond_the_case_record_until_faces_are_detected(
    face_cli: Run,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    run = face_cli

    share = tmp_path / "share"
    share.mkdir()
    assert run(ADMIN, "location", "add", str(share))[0] == 0
    child = children(face_vault)["person-a"]
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "group_a-b-unknown.jpg", card / "x.jpg")
    code, out, _ = run(
        KEY,
        "import",
        "--child",
        str(child),
        "--purpose",
        "life_story",
        "--note",
        "Book",
        "--device",
        DEVICE,
        "--attest",
        "--no-faces",
        "--json",
        str(card),
    )
    assert code == 0
    photo = json.loads(out)[0]["photo_id"]
    printing = ("export", "--photo", str(photo), "--destination", "print", "--out", str(share))
    code, out, _ = run(SOCIAL, *printing)
    assert code == 1 and "REFUSED  photo" in out and "R11 (policy 5.5.1, 5.5.2)" in out
    assert f"photo detect-faces {photo}" in out
    assert list(share.iterdir()) == []
    code, out, _ = run(SOCIAL, "photo", "detect-faces", str(photo))
    assert code == 0 and f"Photo {photo}: 3 faces found" in out
    code, out, _ = run(SOCIAL, "photo", "detect-faces", "--child", str(child), "--json")
    assert code == 0 and json.loads(out) == {"detected": {}, "already": [photo]}
    code, out, _ = run(SOCIAL, *printing)
    assert code == 0 and "(3 faces blurred)" in out
