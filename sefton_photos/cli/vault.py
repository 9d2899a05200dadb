"""``sefton-photos vault check``: verify every part of the vault and name each fault."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    vault = sub.add_parser("vault", parents=[parent], help="the vault itself")
    vcmds = vault.add_subparsers(dest="vault_command", required=True, metavar="COMMAND")
    check = vcmds.add_parser("check", parents=[parent], help="verify every part of the vault")
    check.set_defaults(func=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    with signed_in(args, inspect=True) as session:
        findings = session.audit.check_vault()
    faults = [f for f in findings if not f.ok]
    emit(
        args,
        findings,
        [f"{'OK   ' if f.ok else 'FAULT'}  {f.part}: {f.detail}" for f in findings]
        + [
            "vault check: "
            + (
                "all parts sound"
                if not faults
                else f"{plural(len(faults), 'fault')} in " + ", ".join(f.part for f in faults)
            )
        ],
    )
    return 0 if all(f.ok for f in findings) else 1
