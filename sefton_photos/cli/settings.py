"""``sefton-photos settings show|set``: the vault-wide settings an administrator keeps.

Today: the youngest age at which a young person's own consent counts (R3, policy
5.5.4.3).  Showing them is open to any signed-in user (they are not secret, and a
worker may need to know why a consent was refused); changing them is for
administrators, audited by the core.
"""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    settings = sub.add_parser("settings", parents=[parent], help="vault-wide settings")
    cmds = settings.add_subparsers(dest="settings_command", required=True, metavar="COMMAND")
    show = cmds.add_parser("show", parents=[parent], help="the current settings")
    show.set_defaults(func=cmd_show)
    change = cmds.add_parser("set", parents=[parent], help="change a setting (administrators)")
    change.add_argument(
        "--young-person-min-age",
        type=int,
        required=True,
        metavar="YEARS",
        help="below this age a young person's own consent is refused (R3; default 12)",
    )
    change.set_defaults(func=cmd_set)


def cmd_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        values = {
            "young_person_min_age": session.settings.young_person_min_age(),
            "auto_lock_minutes": session.settings.auto_lock_minutes(),
        }
    emit(
        args,
        values,
        [
            f"young person's own consent from age: {values['young_person_min_age']} (R3)",
            f"auto-lock after: {values['auto_lock_minutes']} minutes (R8)",
        ],
    )
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.settings.set_young_person_min_age(years=args.young_person_min_age)
    emit(
        args,
        {"young_person_min_age": args.young_person_min_age},
        f"A young person's own consent now needs them to be at least "
        f"{args.young_person_min_age} (R3, policy 5.5.4.3).",
    )
    return 0
