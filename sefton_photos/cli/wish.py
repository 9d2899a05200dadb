"""``sefton-photos wish set|not-needed|carer-ended``: wishes about being photographed
(R2, policy 5.5.4.2), per person."""

from __future__ import annotations

import argparse

from sefton_photos.cli.common import choice_of, common_options, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import Whose


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    wish = sub.add_parser("wish", parents=[parent], help="wishes about being photographed (R2)")
    wc = wish.add_subparsers(dest="wish_command", required=True, metavar="COMMAND")
    wset = wc.add_parser("set", parents=[parent], help="record a wish")
    wset.add_argument("--child", type=record_id, required=True)
    wset.add_argument(
        "--who",
        required=True,
        choices=choice_of(Whose),
        help="child; parent_carer (with --person or --carer); worker (your own wish)",
    )
    wset.add_argument("--wishes", required=True, choices=["yes", "no"])
    wset.add_argument("--person", type=record_id, help="the person with PR whose wish it is (id)")
    wset.add_argument("--carer", help="or: the name of a carer without PR whose wish it is")
    wset.add_argument("--notes")
    wset.set_defaults(func=cmd_wish)
    wnot = wc.add_parser(
        "not-needed", parents=[parent], help="why a person with PR is not asked (social worker)"
    )
    wnot.add_argument("--child", type=record_id, required=True)
    wnot.add_argument("--person", type=record_id, required=True, help="the person with PR (id)")
    wnot.add_argument("--reason", required=True)
    wnot.set_defaults(func=cmd_wish_not_needed)
    wend = wc.add_parser(
        "carer-ended",
        parents=[parent],
        help="a carer no longer cares for the child (social worker)",
    )
    wend.add_argument("--child", type=record_id, required=True)
    wend.add_argument("--carer", required=True, help="the carer's name, as on their wish")
    wend.add_argument("--reason", required=True)
    wend.set_defaults(func=cmd_carer_ended)


def cmd_wish(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.consents.set_wish(
            child_id=args.child,
            whose=Whose(args.who),
            wishes_photos=args.wishes == "yes",
            notes=args.notes,
            person_id=args.person,
            carer=args.carer,
        )
    emit(
        args,
        {"child_id": args.child, "whose": args.who, "wishes_photos": args.wishes == "yes"},
        f"Recorded the {Whose(args.who).label}'s wish: {args.wishes}.",
    )
    return 0


def cmd_wish_not_needed(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.consents.record_wish_not_needed(
            child_id=args.child, person_id=args.person, reason=args.reason
        )
    emit(
        args,
        {"child_id": args.child, "person_id": args.person, "wish_not_needed": True},
        f"Recorded why person {args.person}'s wish is not needed.",
    )
    return 0


def cmd_carer_ended(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.consents.record_carer_ended(
            child_id=args.child, carer=args.carer, reason=args.reason
        )
    emit(
        args,
        {"child_id": args.child, "carer": args.carer, "ended": True},
        f"Recorded that {args.carer} no longer cares for the child: earlier wishes stop counting.",
    )
    return 0
