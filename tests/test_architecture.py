"""The project's own rules, checked as tests: layering, lint and types."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run_tool(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)


def test_import_contracts_hold() -> None:
    """The core never imports Qt or ui/; ui/ never opens the database (pyproject.toml)."""
    done = run_tool(str(BIN / "lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_core_module_has_its_layer() -> None:
    """The layers contract (issue 13) only binds the modules it names: a new module of
    sefton_photos/ must be given its layer in pyproject.toml, not slip past it."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    named = {m.strip() for layer in layers for m in layer.replace("|", ":").split(":")}
    package = REPO / "sefton_photos"
    modules = {
        f"sefton_photos.{p.stem if p.is_file() else p.name}"
        for p in package.iterdir()
        if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").exists()
    }
    assert sorted(modules - named) == []


def test_face_encodings_are_packed_in_one_place() -> None:
    """Issue 13: an encoding becomes bytes (and bytes an encoding) only in facerows.py
    (``pack``/``unpack``); nothing else of the core or the UI packs numbers by hand."""
    packing = ("import struct", "from struct", "frombuffer(", "import array", "from array")
    allowed = {
        "sefton_photos/support/facerows.py",
        "sefton_photos/support/aeszip.py",
    }  # aeszip: zip headers
    offenders = [
        name
        for path in [*REPO.glob("sefton_photos/**/*.py"), *REPO.glob("ui/**/*.py")]
        if (name := path.relative_to(REPO).as_posix()) not in allowed
        and any(p in path.read_text(encoding="utf-8") for p in packing)
    ]
    assert offenders == []


def test_ruff_is_clean() -> None:
    done = run_tool(str(BIN / "ruff"), "check", ".")
    assert done.returncode == 0, done.stdout + done.stderr
    done = run_tool(str(BIN / "ruff"), "format", "--check", ".")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean() -> None:
    done = run_tool(str(BIN / "mypy"))
    assert done.returncode == 0, done.stdout + done.stderr


# No exemptions: the rules are one package, sefton_photos/policy/, split by subject (it
# grew past 800 lines as one module).  Migrations are generated and not counted.
EXEMPT: dict[str, int] = {}


def test_modules_stay_small() -> None:
    """Modules under about 400 lines (a little slack; the exemptions above say why)."""
    big = []
    for path in [*REPO.glob("sefton_photos/**/*.py"), *REPO.glob("ui/**/*.py")]:
        if "migrations/versions" in path.as_posix():
            continue
        name = path.relative_to(REPO).as_posix()
        lines = len(path.read_text().splitlines())
        if lines > EXEMPT.get(name, 450):
            big.append(f"{name}: {lines}")
    assert not big, big


def test_the_command_line_starts_without_the_heavy_libraries() -> None:
    """`sefton-photos --help` and `--version` stay fast (issue 12: 3.6 s of CPU before):
    argument parsing loads no database, migration, PDF, face or Qt library; each command
    imports what it needs when it runs."""
    heavy = [
        "sqlalchemy",
        "alembic",
        "reportlab",
        "sqlcipher3",
        "PIL",
        "face_recognition",
        "numpy",
        "PySide6",
        "cryptography",
        "sefton_photos.session",
    ]
    probe = (
        "import sys, sefton_photos.cli.main as m\n"
        "m.build_parser()\n"
        f"print([n for n in {heavy!r} if n in sys.modules])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr


def test_the_sign_in_window_needs_no_database_library_to_paint() -> None:
    """`ui.app` paints sign-in before the session loads (issue 12: under 1.5 s): the
    session, the main window and the database, PDF and face libraries come later (on the
    warm-up thread and the vault worker)."""
    heavy = [
        "sqlalchemy",
        "alembic",
        "reportlab",
        "sqlcipher3",
        "face_recognition",
        "numpy",
        "sefton_photos.session",
        "ui.main_window",
    ]
    probe = f"import sys, ui.app\nprint([n for n in {heavy!r} if n in sys.modules])"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
