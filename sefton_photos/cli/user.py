"""``sefton-photos user add|list|passwd|set-manager|remove``."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, new_password, password, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import Role


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    user = sub.add_parser("user", help="manage staff accounts", parents=[parent])
    cmds = user.add_subparsers(dest="user_command", required=True, metavar="COMMAND")

    add = cmds.add_parser("add", parents=[parent], help="add a user (administrators)")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--team")
    add.add_argument("--line-manager")
    add.set_defaults(func=cmd_add)

    lst = cmds.add_parser("list", parents=[parent], help="list users")
    lst.set_defaults(func=cmd_list)

    passwd = cmds.add_parser("passwd", parents=[parent], help="change your own password")
    passwd.set_defaults(func=cmd_passwd)

    manager = cmds.add_parser(
        "set-manager",
        parents=[parent],
        help="give a worker another line manager (administrators; R10)",
    )
    manager.add_argument("--name", required=True)
    manager.add_argument("--line-manager", required=True)
    manager.set_defaults(func=cmd_set_manager)

    remove = cmds.add_parser(
        "remove", parents=[parent], help="remove a user and rotate the vault key (administrators)"
    )
    remove.add_argument("--name", required=True)
    remove.set_defaults(func=cmd_remove)


def cmd_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        secret = new_password("SEFTON_NEW_PASSWORD")
        user = session.users.add(
            name=args.name,
            role=Role(args.role),
            password=secret,
            team=args.team,
            line_manager=args.line_manager,
        )
    emit(args, user, f"Added {user.name} ({user.role.label.lower()}): user id {user.id}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        users = session.users.list()
    emit(
        args,
        users,
        [
            f"{u.id:>4}  {u.name}  ({u.role.label.lower()}"
            + (f", team {u.team}" if u.team else "")
            + (f", line manager {u.line_manager_name}" if u.line_manager_name else "")
            + ")"
            for u in users
        ],
    )
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        current = password("Current password: ")
        session.users.change_password(current=current, new=new_password("SEFTON_NEW_PASSWORD"))
    emit(
        args,
        {"password_changed": True},
        "Password changed. Only your own key slot was rewritten.",
    )
    return 0


def cmd_set_manager(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        user = session.users.set_line_manager(name=args.name, line_manager=args.line_manager)
    emit(
        args,
        user,
        f"{user.name}'s line manager is now {user.line_manager_name}; their open "
        "supervision items went with them.",
    )
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.users.remove(name=args.name)
    emit(
        args,
        {"removed": args.name, "key_rotated": True},
        f"Removed {args.name}. The vault key was rotated: their old password opens nothing.",
    )
    return 0
