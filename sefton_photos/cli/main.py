"""Entry point of ``sefton-photos``: parse, dispatch, turn errors into exit codes.

Exit 0 on success; 1 on a refusal or failure, with a one-line reason on stderr;
2 on misuse.  With no subcommand it starts the desktop front end, found through
the ``sefton_photos.frontends`` entry point so the core never imports Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sefton_photos import __version__
from sefton_photos.cli import (
    approve,
    audit,
    child,
    consent,
    device,
    erase,
    explained,
    export,
    face,
    import_,
    init,
    location,
    photo,
    pr,
    retention,
    sar,
    settings,
    supervision,
    user,
    vault,
    wish,
)
from sefton_photos.cli.common import Misuse, common_options, reject_undecodable
from sefton_photos.cli.output import error, output
from sefton_photos.errors import SeftonError

# One module per top-level command, named for it (``import_``: ``import`` is a keyword),
# in the order ``--help`` lists them.
COMMANDS = (
    init,
    audit,
    vault,
    user,
    child,
    pr,
    wish,
    explained,
    consent,
    device,
    face,
    import_,
    photo,
    supervision,
    export,
    location,
    approve,
    sar,
    retention,
    erase,
    settings,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise Misuse(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sefton-photos",
        parents=[common_options()],
        description="Sefton Photos: an encrypted, policy-aware photo vault for "
        "children's social care. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the app on the demo vault (created on first use)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command.register(sub)
    return parser


def run_gui(vault: Path | None, demo: bool) -> int:
    from importlib.metadata import entry_points

    found = [ep for ep in entry_points(group="sefton_photos.frontends") if ep.name == "qt"]
    if not found:
        raise SeftonError(
            "The desktop front end is not installed; use the commands instead "
            "(sefton-photos --help)."
        )
    launch = found[0].load()
    return int(launch(vault=vault, demo=demo))


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        reject_undecodable(args)
        output(args)  # JSON or text, chosen once for the whole invocation
        if args.command is None:
            return run_gui(getattr(args, "vault", None), args.demo)
        return int(args.func(args))
    except Misuse as exc:
        error(f"sefton-photos: {exc}", "Try 'sefton-photos --help'.")
        return 2
    except SeftonError as exc:
        error(f"sefton-photos: {exc}")
        return 1
    except KeyboardInterrupt:
        error("sefton-photos: interrupted; nothing half-written was kept.")
        return 1
    except Exception as exc:  # never a traceback to the user
        if os.environ.get("SEFTON_DEBUG"):
            raise
        # The exception's text is not printed: it may quote a child's name or a note
        # (a ReportLab layout error did). R14 (13.1): say what happened, in words.
        error(
            f"sefton-photos: the command stopped on an internal fault ({type(exc).__name__}). "
            "Its details are not shown here because they may hold personal data; "
            "please report it to ICT (SEFTON_DEBUG=1 shows them)."
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
