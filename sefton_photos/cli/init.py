"""``sefton-photos init``: create a vault whose first user is an administrator."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, new_password, vault_path
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    init = sub.add_parser(
        "init", parents=[parent], help="create a vault whose first user is an administrator"
    )
    init.add_argument("--admin", required=True, help="the administrator's name")
    init.set_defaults(func=cmd_init)


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
