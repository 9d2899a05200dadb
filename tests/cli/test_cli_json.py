"""R14 (policy 13.1): ``--json`` prints JSON and nothing else, for every command.

A script that reads ``--json`` output must never meet a line of prose after the
record.  One case per leaf subcommand of the parser; a new command without a case
fails :func:`test_every_subcommand_has_a_json_case`.
"""

from __future__ import annotations

import argparse
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sefton_photos.cli.main import build_parser, main
from sefton_photos.model import Role
from tests.faceworld import DEVICE
from tests.helpers import ADMIN, KEY, MANAGER, SOCIAL, Person, children


def leaf_commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    found: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += leaf_commands(sub, f"{prefix} {name}".strip())
    return found or [prefix]


class World:
    """A face vault driven only through the CLI, building what each case needs."""

    def __init__(
        self, vault: Path, tmp: Path, faces: Path, mp: pytest.MonkeyPatch, capsys: object
    ) -> None:
        self.vault, self.tmp, self.faces, self.mp, self.capsys = vault, tmp, faces, mp, capsys
        self.child = str(children(vault)["person-a"])
        mp.setenv("SEFTON_VAULT", str(vault))
        mp.setenv("SEFTON_NEW_PASSWORD", "a-new-password-9")

    def run(self, person: Person, *argv: str) -> tuple[int, str, str]:
        self.mp.setenv("SEFTON_USER", person.name)
        self.mp.setenv("SEFTON_PASSWORD", person.password)
        code = main(list(argv))
        out, err = self.capsys.readouterr()  # type: ignore[attr-defined]
        return code, out, err

    def ok(self, person: Person, *argv: str) -> str:
        code, out, err = self.run(person, *argv)
        assert code == 0, err
        return out

    def photo(self) -> str:
        card = self.tmp / "card"
        card.mkdir(exist_ok=True)
        shutil.copy(self.faces / "person-a_2.jpg", card / "a.jpg")
        out = self.ok(
            KEY,
            "import",
            "--child",
            self.child,
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
        return str(json.loads(out)[0]["photo_id"])

    def face_photo(self) -> str:
        """A photo imported with face detection: person A's face, suggested as A."""
        card = self.tmp / "face-card"
        card.mkdir(exist_ok=True)
        shutil.copy(self.faces / "person-a_3.jpg", card / "a.jpg")
        out = self.ok(
            KEY,
            *("import", "--child", self.child, "--purpose", "life_story", "--note", "Book"),
            *("--device", DEVICE, "--attest", "--json", str(card)),
        )
        return str(json.loads(out)[0]["photo_id"])

    def face(self) -> str:
        out = self.ok(KEY, "face", "list", self.face_photo(), "--json")
        return str(json.loads(out)[0]["id"])

    def reviewed_face(self) -> str:
        face = self.face()
        self.ok(KEY, "face", "reject", face)
        return face

    def item(self) -> str:
        self.photo()
        out = self.ok(MANAGER, "supervision", "queue", "--json")
        return str(json.loads(out)[0]["id"])

    def note(self) -> str:
        item = self.item()
        out = self.ok(
            MANAGER,
            "supervision",
            "note",
            "--worker",
            KEY.name,
            "--items",
            item,
            "--text",
            "ok",
            "--json",
        )
        return str(json.loads(out)["id"])

    def share(self) -> str:
        share = self.tmp / "share"
        share.mkdir(exist_ok=True)
        self.ok(ADMIN, "location", "add", str(share))
        return str(share)

    def location(self) -> str:
        folder = self.tmp / "old-share"
        folder.mkdir(exist_ok=True)
        return str(json.loads(self.ok(ADMIN, "location", "add", str(folder), "--json"))["id"])

    def flagged_photo_and_new_consent(self) -> tuple[str, str]:
        """R12: a photo flagged by a withdrawal, and the new consent recorded after it."""
        photo, old = self.photo(), self.consent()
        self.ok(SOCIAL, "consent", "withdraw", old, "--reason", "paused")
        new = self.ok(SOCIAL, *CONSENT_ADD[1:], "--child", self.child, "--json")
        return photo, str(json.loads(new)["id"])

    def person(self) -> str:
        out = self.ok(
            SOCIAL,
            "pr",
            "add",
            "--child",
            self.child,
            "--name",
            "Dad",
            "--relationship",
            "father",
            "--json",
        )
        return str(json.loads(out)["id"])

    def carer(self) -> str:
        self.ok(
            SOCIAL,
            "wish",
            "set",
            "--child",
            self.child,
            "--who",
            "parent_carer",
            "--carer",
            "Cara Carer",
            "--wishes",
            "yes",
        )
        return "Cara Carer"

    def consent(self) -> str:
        out = self.ok(SOCIAL, "consent", "list", "--child", self.child, "--json")
        return str(json.loads(out)[0]["id"])

    def comms(self) -> Person:
        self.ok(ADMIN, "user", "add", "--name", "Cat Comms", "--role", "communications_officer")
        return Person("Cat Comms", "a-new-password-9", Role.COMMUNICATIONS_OFFICER)

    def old_child(self) -> str:
        out = self.ok(
            SOCIAL,
            "child",
            "add",
            "--name",
            "Old Record",
            "--dob",
            "1940-01-01",
            "--care-status",
            "looked_after",
            "--json",
        )
        return str(json.loads(out)["id"])


Case = Callable[[World], tuple[Person, list[str]]]
CONSENT_ADD = [
    "",
    "consent",
    "add",
    "--type",
    "one_to_one",
    "--given-by",
    "social_worker",
    "--signed",
    "2026-01-02",
]

CASES: dict[str, Case] = {
    "init": lambda w: (ADMIN, ["init", "--vault", str(w.tmp / "new"), "--admin", "Pat Admin"]),
    "audit verify": lambda w: (ADMIN, ["audit", "verify"]),
    "audit show": lambda w: (ADMIN, ["audit", "show"]),
    "vault check": lambda w: (ADMIN, ["vault", "check"]),
    "user add": lambda w: (
        ADMIN,
        [
            "user",
            "add",
            "--name",
            "Nia New",
            "--role",
            "key_worker",
            "--line-manager",
            MANAGER.name,
        ],
    ),
    "user list": lambda w: (ADMIN, ["user", "list"]),
    "user passwd": lambda w: (KEY, ["user", "passwd"]),
    "user remove": lambda w: (ADMIN, ["user", "remove", "--name", "Kai Keyes"]),
    "user set-manager": lambda w: (
        ADMIN,
        ["user", "set-manager", "--name", "Kai Keyes", "--line-manager", "Lee Leader"],
    ),
    "child add": lambda w: (
        SOCIAL,
        [
            "child",
            "add",
            "--name",
            "Noor New",
            "--dob",
            "2015-02-03",
            "--care-status",
            "looked_after",
        ],
    ),
    "child list": lambda w: (SOCIAL, ["child", "list"]),
    "child show": lambda w: (SOCIAL, ["child", "show", w.child]),
    "child allocate": lambda w: (
        SOCIAL,
        ["child", "allocate", w.child, "--key-worker", "Kai Keyes"],
    ),
    "child status": lambda w: (
        SOCIAL,
        ["child", "status", w.child, "--care-status", "previously_looked_after"],
    ),
    "pr add": lambda w: (
        SOCIAL,
        ["pr", "add", "--child", w.child, "--name", "Dad", "--relationship", "father"],
    ),
    "wish set": lambda w: (
        SOCIAL,
        ["wish", "set", "--child", w.child, "--who", "worker", "--wishes", "yes"],
    ),
    "explained": lambda w: (SOCIAL, ["explained", "--child", w.child, "--to", "child"]),
    "consent add": lambda w: (
        SOCIAL,
        [
            "consent",
            "add",
            "--child",
            w.child,
            "--type",
            "one_to_one",
            "--given-by",
            "social_worker",
            "--signed",
            "2026-01-02",
        ],
    ),
    "consent withdraw": lambda w: (
        SOCIAL,
        ["consent", "withdraw", w.consent(), "--reason", "asked"],
    ),
    "consent list": lambda w: (SOCIAL, ["consent", "list", "--child", w.child]),
    "consent check": lambda w: (
        KEY,
        ["consent", "check", "--child", w.child, "--purpose", "life_story"],
    ),
    "device add": lambda w: (ADMIN, ["device", "add", "--name", "Camera 9"]),
    "device list": lambda w: (ADMIN, ["device", "list"]),
    "face enrol": lambda w: (
        SOCIAL,
        ["face", "enrol", "--child", w.child, str(w.faces / "person-a_3.jpg")],
    ),
    "face references": lambda w: (SOCIAL, ["face", "references", w.child]),
    "face list": lambda w: (KEY, ["face", "list", w.face_photo()]),
    "face confirm": lambda w: (KEY, ["face", "confirm", w.face(), "--child", w.child]),
    "face reject": lambda w: (KEY, ["face", "reject", w.face()]),
    "face undo": lambda w: (KEY, ["face", "undo", w.reviewed_face()]),
    "face outline": lambda w: (KEY, ["face", "outline", w.face_photo(), "--box", "0,60,60,0"]),
    "face checked": lambda w: (KEY, ["face", "checked", w.face_photo()]),
    "import": lambda w: (
        KEY,
        [
            "import",
            "--child",
            w.child,
            "--purpose",
            "life_story",
            "--note",
            "Book",
            "--device",
            DEVICE,
            "--attest",
            "--no-faces",
            str(shutil.copy(w.faces / "person-a_4.jpg", w.tmp / "b.jpg")),
        ],
    ),
    "photo list": lambda w: (KEY, ["photo", "list", "--child", w.child]),
    "photo show": lambda w: (KEY, ["photo", "show", w.photo(), "--out", w.share() + "/view.jpg"]),
    "supervision queue": lambda w: (MANAGER, ["supervision", "queue"]),
    "supervision note": lambda w: (
        MANAGER,
        ["supervision", "note", "--worker", KEY.name, "--items", w.item(), "--text", "x"],
    ),
    "supervision ack": lambda w: (MANAGER, ["supervision", "ack", w.note()]),
    "supervision addendum": lambda w: (
        MANAGER,
        ["supervision", "addendum", w.note(), "--text", "more"],
    ),
    "supervision export": lambda w: (
        MANAGER,
        [
            "supervision",
            "export",
            "--worker",
            KEY.name,
            "--from",
            "2020-01-01",
            "--to",
            "2030-01-01",
            "--out",
            w.share() + "/record.pdf",
        ],
    ),
    "export": lambda w: (
        KEY,
        ["export", "--photo", w.photo(), "--destination", "case_record", "--out", w.share()],
    ),
    "location add": lambda w: (ADMIN, ["location", "add", str(w.tmp)]),
    "location list": lambda w: (ADMIN, ["location", "list"]),
    "approve": lambda w: (
        w.comms(),
        ["approve", "--photo", w.photo(), "--destination", "publicity"],
    ),
    "sar": lambda w: (
        SOCIAL,
        ["sar", "--child", w.child, "--reference", "SAR-2026-1", "--out", w.share() + "/p.zip"],
    ),
    "location remove": lambda w: (ADMIN, ["location", "remove", w.location()]),
    "photo detect-faces": lambda w: (KEY, ["photo", "detect-faces", w.photo()]),
    "photo review": lambda w: (
        SOCIAL,
        [
            "photo",
            "review",
            *(lambda p: [p[0], "--consent", p[1]])(w.flagged_photo_and_new_consent()),
        ],
    ),
    "wish not-needed": lambda w: (
        SOCIAL,
        ["wish", "not-needed", "--child", w.child, "--person", w.person(), "--reason", "order"],
    ),
    "wish carer-ended": lambda w: (
        SOCIAL,
        ["wish", "carer-ended", "--child", w.child, "--carer", w.carer(), "--reason", "moved"],
    ),
    "settings show": lambda w: (ADMIN, ["settings", "show"]),
    "settings set": lambda w: (ADMIN, ["settings", "set", "--young-person-min-age", "13"]),
    "retention due": lambda w: (ADMIN, ["retention", "due"]),
    "erase": lambda w: (ADMIN, ["erase", "--child", w.old_child(), "--confirm"]),
}


def test_every_subcommand_has_a_json_case() -> None:
    assert sorted(leaf_commands(build_parser())) == sorted(CASES)


@pytest.mark.parametrize("command", sorted(CASES))
def test_json_output_is_json_only(
    command: str,
    face_vault: Path,
    faces_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    world = World(face_vault, tmp_path, faces_dir, monkeypatch, capsys)
    person, argv = CASES[command](world)
    code, out, err = world.run(person, *argv, "--json")
    assert code in (0, 1), err
    assert out.strip(), f"{command} --json printed nothing ({err})"
    json.loads(out)  # the whole of stdout is one JSON document
