"""``sefton-photos init``, ``audit verify|show`` and ``vault check``."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import (
    bounded,
    common_options,
    emit,
    new_password,
    signed_in,
    vault_path,
)
from sefton_photos.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    init = sub.add_parser(
        "init", parents=[parent], help="create a vault whose first user is an administrator"
    )
    init.add_argument("--admin", required=True, help="the administrator's name")
    init.set_defaults(func=cmd_init)

    aud = sub.add_parser("audit", parents=[parent], help="the hash-chained audit log")
    acmds = aud.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    verify = acmds.add_parser("verify", parents=[parent], help="verify the chain and its head")
    verify.set_defaults(func=cmd_verify)
    show = acmds.add_parser("show", parents=[parent], help="the latest entries")
    show.add_argument("--limit", type=bounded(1, 100_000), default=20)
    show.set_defaults(func=cmd_show)

    vault = sub.add_parser("vault", parents=[parent], help="the vault itself")
    vcmds = vault.add_subparsers(dest="vault_command", required=True, metavar="COMMAND")
    check = vcmds.add_parser("check", parents=[parent], help="verify every part of the vault")
    check.set_defaults(func=cmd_check)


def cmd_init(args: argparse.Namespace) -> int:
    secret = new_password("SEFTON_NEW_PASSWORD", "SEFTON_PASSWORD")
    from sefton_photos.session import Session

    session = Session.create_vault(vault_path(args), admin_name=args.admin, password=secret)
    try:
        admin = session.user
    finally:
        session.close()
    emit(
        args,
        {"vault": str(vault_path(args)), "admin": admin},
        f"Created a vault at {vault_path(args)} with administrator {admin.name}: "
        f"user id {admin.id}",
    )
    return 0


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
