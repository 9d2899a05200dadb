"""What every command shares: the vault and user options, passwords, output."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
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


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


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


def plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return {k: plain(v) for k, v in asdict(value).items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    return value


def print_json(value: Any) -> None:
    print(json.dumps(plain(value), indent=2, sort_keys=True))


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD (a bad date is misuse: exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None


def choice_of(enum_cls: Any) -> list[str]:
    return [m.value for m in enum_cls]
