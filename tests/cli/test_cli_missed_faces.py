"""`face outline` and `face checked` on the command line (R11, policy 5.5.1, 5.5.2; R14)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import Run
from tests.faceworld import DEVICE
from tests.helpers import KEY, children


def test_a_missed_face_is_outlined_and_the_photo_checked_with_odd_input_said_in_words(
    face_cli: Run,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
) -> None:
    run = face_cli

    child = children(face_vault)["person-a"]
    card = tmp_path / "card"
    card.mkdir()
    shutil.copy(faces_dir / "person-a_2.jpg", card / "a.jpg")
    code, out, _ = run(
        KEY, "import", "--child", str(child), "--purpose", "life_story", "--note", "Book",
        "--device", DEVICE, "--attest", "--json", str(card),
    )  # fmt: skip
    assert code == 0
    photo = str(json.loads(out)[0]["photo_id"])
    code, out, _ = run(KEY, "face", "list", photo)
    assert code == 0 and "Nobody has checked photo" in out and f"face checked {photo}" in out

    for bad in ("1,2,3", "a,b,c,d", "", "1;2;3;4"):
        code, out, err = run(KEY, "face", "outline", photo, "--box", bad)
        assert code == 2 and "TOP,RIGHT,BOTTOM,LEFT" in err and "Traceback" not in err, bad
    code, out, err = run(KEY, "face", "outline", photo, "--box", "0,99999,50,0")
    assert code != 0 and "626 x 1200" in out + err and "Traceback" not in out + err
    code, out, err = run(KEY, "face", "outline", "999999", "--box", "0,50,50,0")
    assert code != 0 and "no photo 999999" in out + err

    code, out, _ = run(KEY, "face", "outline", photo, "--box", "10,60,60,10")
    assert code == 0 and "outlined by a person" in out and "blurred" in out
    code, out, _ = run(KEY, "face", "checked", photo)
    assert code == 0 and f"Photo {photo}: checked whole" in out
    code, out, _ = run(KEY, "face", "list", photo)
    assert code == 0 and f"Photo {photo} was checked whole" in out
    assert out.count("face ") >= 2  # the detector's face and the outlined one
