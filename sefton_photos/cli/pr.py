"""``sefton-photos pr add``: record a person with parental responsibility for a child (R3)."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, record_id, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    pr = sub.add_parser("pr", parents=[parent], help="people with parental responsibility")
    prc = pr.add_subparsers(dest="pr_command", required=True, metavar="COMMAND")
    pr_add = prc.add_parser("add", parents=[parent], help="record a person with PR")
    pr_add.add_argument("--child", type=record_id, required=True)
    pr_add.add_argument("--name", required=True)
    pr_add.add_argument("--relationship", required=True)
    pr_add.set_defaults(func=cmd_pr_add)


def cmd_pr_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        person = session.children.add_person(
            child_id=args.child, name=args.name, relationship=args.relationship
        )
    emit(
        args,
        person,
        f"Recorded {person.name} ({person.relationship}) with parental responsibility: "
        f"person id {person.id}",
    )
    return 0
