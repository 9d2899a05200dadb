"""``sefton-photos init``, ``audit verify|show`` and ``vault check``."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import (
    common_options,
    new_password,
    print_json,
    signed_in,
    vault_path,
    wants_json,
)


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
    show.add_argument("--limit", type=int, default=20)
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
    if wants_json(args):
        print_json({"vault": str(vault_path(args)), "admin": admin})
    print(
        f"Created a vault at {vault_path(args)} with administrator {admin.name}: user id {admin.id}"
    )
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with signed_in(args, inspect=True) as session:
        result = session.verify_audit()
    if wants_json(args):
        print_json(result)
    else:
        print(result.message)
    return 0 if result.ok else 1


def cmd_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        entries = session.audit_entries(limit=args.limit)
    if wants_json(args):
        print_json(entries)
        return 0
    for e in reversed(entries):
        who = e.actor or "-"
        what = f" {e.subject}" if e.subject else ""
        print(f"{e.seq:>6}  {e.at:%Y-%m-%d %H:%M:%S}  {who}: {e.action}{what}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with signed_in(args, inspect=True) as session:
        findings = session.check_vault()
    if wants_json(args):
        print_json(findings)
    else:
        for f in findings:
            print(f"{'OK   ' if f.ok else 'FAULT'}  {f.part}: {f.detail}")
        faults = [f for f in findings if not f.ok]
        print(
            "vault check: "
            + (
                "all parts sound"
                if not faults
                else f"{len(faults)} fault(s) in " + ", ".join(f.part for f in faults)
            )
        )
    return 0 if all(f.ok for f in findings) else 1
