"""``sefton-photos erase``: erase a record that is due, for good (``--confirm``)."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    erase = sub.add_parser("erase", parents=[parent], help="erase a record that is due")
    erase.add_argument("--child", required=True, type=record_id)
    erase.add_argument("--confirm", action="store_true", help="yes, erase it for good")
    erase.set_defaults(func=cmd_erase)


def cmd_erase(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        counts = session.records.erase(child_id=args.child, confirm=args.confirm)
    emit(
        args,
        {"child_id": args.child, "erased": counts},
        f"Erased child {args.child}'s record: "
        + ", ".join(_counted(v, k) for k, v in counts.items())
        + ".",
    )
    return 0


def _counted(count: int, what: str) -> str:
    """'1 photo', '3 photos', '1 supervision item' from the erasure's counts."""
    words = what.replace("_", " ")
    singular = words[:-1] if words.endswith("s") else words
    return plural(count, singular, words)
