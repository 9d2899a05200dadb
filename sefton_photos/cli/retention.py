"""``sefton-photos retention due``: the records the retention schedule says are due
for erasure."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    retention = sub.add_parser("retention", parents=[parent], help="the retention schedule")
    rc = retention.add_subparsers(dest="retention_command", required=True, metavar="COMMAND")
    due = rc.add_parser("due", parents=[parent], help="records due for erasure")
    due.set_defaults(func=cmd_due)


def cmd_due(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        due = session.records.due()
    emit(
        args,
        due,
        [f"{d.child_id:>5}  {d.child_name}  due {d.retain_until} ({d.basis})" for d in due]
        or ["No records are due for erasure."],
    )
    return 0
