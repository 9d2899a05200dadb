"""``sefton-photos audit verify|show``: the hash-chained audit log, checked and read."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import bounded, common_options, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    aud = sub.add_parser("audit", parents=[parent], help="the hash-chained audit log")
    acmds = aud.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    verify = acmds.add_parser("verify", parents=[parent], help="verify the chain and its head")
    verify.set_defaults(func=cmd_verify)
    show = acmds.add_parser("show", parents=[parent], help="the latest entries")
    show.add_argument("--limit", type=bounded(1, 100_000), default=20)
    show.set_defaults(func=cmd_show)


def cmd_verify(args: argparse.Namespace) -> int:
    with signed_in(args, inspect=True) as session:
        result = session.audit.verify()
    emit(args, result, result.message)
    return 0 if result.ok else 1


def cmd_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        entries = session.audit.entries(limit=args.limit)
    emit(
        args,
        entries,
        [
            f"{e.seq:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {e.actor or '-'}: {e.action}"
            + (f" {e.subject}" if e.subject else "")
            for e in reversed(entries)
        ],
    )
    return 0
