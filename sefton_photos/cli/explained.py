"""``sefton-photos explained``: record that the purpose was explained, or why not (R2)."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import common_options, iso_date, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import Whose


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    expl = sub.add_parser(
        "explained", parents=[parent], help="record that the purpose was explained, or why not (R2)"
    )
    expl.add_argument("--child", type=record_id, required=True)
    expl.add_argument("--to", required=True, choices=["child", "parent_carer"])
    expl.add_argument("--on", type=iso_date, help="when it was explained (default today)")
    expl.add_argument("--not-explained-reason")
    expl.add_argument("--permitted-by", help="the social worker who permitted not explaining")
    expl.set_defaults(func=cmd_explained)


def cmd_explained(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.consents.record_explanation(
            child_id=args.child,
            to_whom=Whose(args.to),
            explained_on=args.on,
            not_explained_reason=args.not_explained_reason,
            permitted_by=args.permitted_by,
        )
    emit(
        args,
        {"child_id": args.child, "to": args.to, "explained": not args.not_explained_reason},
        "Recorded."
        if not args.not_explained_reason
        else "Recorded that the purpose was not explained, with the reason and permission.",
    )
    return 0
