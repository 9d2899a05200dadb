"""The one output path of ``sefton-photos``: JSON with ``--json``, else lines for people.

The choice is made once per invocation (:func:`output`, which ``main`` calls as soon as
the command line is parsed) and kept on the parsed arguments, so every line a command
prints goes the same way.  A command hands its result to :func:`emit`, once; an
import's running commentary goes to :func:`progress`.  With ``--json`` stdout holds
that one JSON document and nothing else, so a script can always parse it (R14, policy
13.1); the reasons for a refusal or failure go to stderr through :func:`error`.  No
other module of the command line prints (``tests/cli/test_cli_output.py`` checks).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from enum import Enum
from typing import Any

_KEY = "_sefton_output"  # where the chosen output is kept on the parsed arguments


def plain(value: Any) -> Any:
    """A result as JSON can hold it: dataclasses, enums, dates and bytes spelled out."""
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


class Output:
    """JSON or text, fixed when made; one result per invocation."""

    def __init__(self, *, as_json: bool) -> None:
        self.as_json = as_json
        self.emitted = False

    def result(self, data: Any, text: str | Sequence[str]) -> None:
        """The command's result: ``data`` as JSON, or ``text`` as lines for people."""
        if self.emitted:
            raise RuntimeError("a command prints one result; this one tried to print a second")
        self.emitted = True
        if self.as_json:
            print(json.dumps(plain(data), indent=2, sort_keys=True))
            return
        for line in [text] if isinstance(text, str) else text:
            print(line)

    def progress(self, line: str, *, done: int, total: int) -> None:
        """A line as the work goes (one per imported file).  With ``--json`` stdout keeps
        its one document: a terminal on stderr sees the count instead."""
        if not self.as_json:
            print(line, flush=True)
        elif sys.stderr.isatty():
            print(f"\r{done}/{total}", end="", file=sys.stderr)


def output(args: argparse.Namespace) -> Output:
    """This invocation's output: chosen from ``--json`` on first use, then kept."""
    found = getattr(args, _KEY, None)
    if not isinstance(found, Output):
        found = Output(as_json=bool(getattr(args, "json", False)))
        setattr(args, _KEY, found)
    return found


def emit(args: argparse.Namespace, data: Any, text: str | Sequence[str]) -> None:
    """The one way a command prints its result: JSON with --json, else lines for people.

    Never both, so ``--json`` output always parses (R14, policy 13.1).
    """
    output(args).result(data, text)


def progress(args: argparse.Namespace, line: str, *, done: int, total: int) -> None:
    """A line while a long command runs (see :meth:`Output.progress`)."""
    output(args).progress(line, done=done, total=total)


def error(*lines: str) -> None:
    """Why the command failed or was refused, for people, on stderr (never stdout)."""
    for line in lines:
        print(line, file=sys.stderr)
