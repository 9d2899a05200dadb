"""``sefton-photos approve``: a communications officer approves a photo for publicity
or social networking (R7, policy 5.5.4.8)."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import Destination


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    approve = sub.add_parser(
        "approve", parents=[parent], help="approve a photo for publicity (communications officers)"
    )
    approve.add_argument("--photo", required=True, type=record_id)
    approve.add_argument("--destination", required=True, choices=["publicity", "social_network"])
    approve.set_defaults(func=cmd_approve)


def cmd_approve(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        approval = session.exports.approve(
            photo_id=args.photo, destination=Destination(args.destination)
        )
    emit(
        args,
        {"id": approval, "photo_id": args.photo, "destination": args.destination},
        f"Approved photo {args.photo} for {args.destination}: approval id {approval}",
    )
    return 0
