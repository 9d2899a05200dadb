"""What every command shares: the vault and user options, passwords, argument types.

Printing is not here: :mod:`sefton_photos.cli.output` is the one output path."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sefton_photos import paths
from sefton_photos.errors import InvalidInput

if TYPE_CHECKING:  # the session pulls in SQLAlchemy, Alembic, ReportLab: not for --help
    from sefton_photos.session import Session


class Misuse(Exception):
    """The command line itself is wrong: exit status 2."""


def common_options() -> argparse.ArgumentParser:
    """--vault, --user, --json: accepted before or after the subcommand."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--vault",
        type=Path,
        default=argparse.SUPPRESS,
        help="vault folder (default: $SEFTON_VAULT, else the data folder)",
    )
    parent.add_argument(
        "--user", default=argparse.SUPPRESS, help="your user name (default: $SEFTON_USER)"
    )
    parent.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print records as JSON"
    )
    return parent


def vault_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "vault", None) or paths.default_vault())


def user_name(args: argparse.Namespace) -> str:
    name = getattr(args, "user", None) or os.environ.get("SEFTON_USER")
    if not name:
        raise Misuse("Say who you are: --user NAME or $SEFTON_USER.")
    return str(name)


def password(prompt: str = "Password: ", env: str = "SEFTON_PASSWORD") -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise Misuse(f"No password: set ${env} or run the command in a terminal.")
    return getpass.getpass(prompt)


def new_password(*envs: str) -> str:
    for env in envs:
        value = os.environ.get(env)
        if value is not None:
            return value
    if not sys.stdin.isatty():
        raise Misuse(f"No new password: set ${envs[0]} or run the command in a terminal.")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Repeat the new password: ") != first:
        raise InvalidInput("The two passwords differ. Nothing was changed.")
    return first


@contextmanager
def signed_in(args: argparse.Namespace, *, inspect: bool = False) -> Iterator[Session]:
    from sefton_photos.session import Session

    session = Session.unlock(
        vault_path(args), name=user_name(args), password=password(), inspect=inspect
    )
    try:
        yield session
    finally:
        session.close()


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD (a bad date is misuse: exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


SQLITE_MAX_ID = 2**63 - 1  # the largest integer SQLite stores


def _whole(text: str, low: int, high: int, what: str) -> int:
    value = text.strip()
    if not (value.isascii() and value.isdigit()) or not low <= int(value) <= high:
        shown = value if value.isascii() and len(value) <= 30 else "that value"
        raise argparse.ArgumentTypeError(
            f"{shown!r} is not {what}: give a whole number from {low} to {high}"
        )
    return int(value)


def record_id(text: str) -> int:
    """argparse type of one id: a whole number from 1 to SQLite's 64-bit maximum."""
    return _whole(text, 1, SQLITE_MAX_ID, "an id")


def record_ids(text: str) -> tuple[int, ...]:
    """argparse type of ids separated by commas: each a :func:`record_id`, none twice."""
    ids = tuple(record_id(part) for part in text.split(",") if part.strip())
    if not ids:
        raise argparse.ArgumentTypeError("give at least one id, e.g. 3 or 3,7")
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise argparse.ArgumentTypeError(
            f"id {', '.join(map(str, twice))} is given more than once: give each id once"
        )
    return ids


def bounded(low: int, high: int) -> Any:
    """argparse type of a count (a limit, a number of workers) within sane bounds."""

    def parse(text: str) -> int:
        return _whole(text, low, high, "a count")

    return parse


def reject_undecodable(args: argparse.Namespace) -> None:
    """Text arguments must be real text: a non-UTF-8 argv reaches Python as lone
    surrogates, which cannot be stored, compared or printed.  Paths are exempt (the
    file system takes any bytes).  The value is not echoed: it may be a child's name."""
    for dest, value in vars(args).items():
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if isinstance(v, str) and not _encodable(v):
                option = "--" + dest.replace("_", "-")
                raise Misuse(
                    f"{option} is not valid text (it holds bytes that are not UTF-8); "
                    "nothing was changed. Type it again in a UTF-8 terminal."
                )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def choice_of(enum_cls: Any) -> list[str]:
    return [m.value for m in enum_cls]
