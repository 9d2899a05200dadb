"""``sefton-photos location add|remove|list``: the approved council folders exports
and views may be written to (R5, policy 5.5.4.5)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sefton_photos.cli.common import common_options, record_id, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    location = sub.add_parser("location", parents=[parent], help="approved export locations")
    lc = location.add_subparsers(dest="location_command", required=True, metavar="COMMAND")
    add = lc.add_parser("add", parents=[parent], help="approve a council folder (administrators)")
    add.add_argument("path", type=Path)
    add.add_argument("--label")
    add.set_defaults(func=cmd_location_add)
    rm = lc.add_parser(
        "remove", parents=[parent], help="remove an approved folder (administrators)"
    )
    rm.add_argument("id", type=record_id, help="the location id (see location list)")
    rm.set_defaults(func=cmd_location_remove)
    lst = lc.add_parser("list", parents=[parent], help="approved locations")
    lst.set_defaults(func=cmd_location_list)


def cmd_location_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        location_id = session.locations.add(path=args.path, label=args.label)
    emit(
        args,
        {"id": location_id, "path": str(args.path.resolve())},
        f"Approved {args.path.resolve()} for exports: location id {location_id}",
    )
    return 0


def cmd_location_remove(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        path = session.locations.remove(location_id=args.id)
    emit(
        args,
        {"id": args.id, "path": path, "removed": True},
        f"{path} is no longer an approved export location; past exports keep their record.",
    )
    return 0


def cmd_location_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        rows = session.locations.list()
    emit(
        args,
        [{"id": i, "label": label, "path": path} for i, label, path in rows],
        [f"{i:>4}  {label}  {path}" for i, label, path in rows],
    )
    return 0
