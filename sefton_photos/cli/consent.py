"""``sefton-photos consent add|withdraw|list|check``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from sefton_photos.cli.common import choice_of, common_options, iso_date, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import ConsentKind, GivenBy, Purpose


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    consent = sub.add_parser("consent", parents=[parent], help="written consent (R3, R12)")
    cmds = consent.add_subparsers(dest="consent_command", required=True, metavar="COMMAND")
    add = cmds.add_parser("add", parents=[parent], help="record a written consent")
    add.add_argument("--child", type=record_id, required=True)
    add.add_argument("--type", required=True, choices=choice_of(ConsentKind))
    add.add_argument("--given-by", required=True, choices=choice_of(GivenBy))
    add.add_argument("--person", type=record_id, help="PR person id (given by a parent/carer)")
    add.add_argument("--giver", help="the social worker who gave it (default: you)")
    add.add_argument("--assessment", help="young person's age and understanding, assessed")
    add.add_argument("--signed", required=True, type=iso_date)
    add.add_argument("--expires", type=iso_date, help="first day it no longer holds")
    add.add_argument(
        "--notified", type=iso_date, help="group activity: when carers/social workers were notified"
    )
    add.add_argument(
        "--purpose",
        action="append",
        choices=choice_of(Purpose),
        help="limit the consent to these purposes (repeatable)",
    )
    add.add_argument("--form", type=Path, help="the scanned form (PDF, JPEG, PNG, TIFF)")
    add.add_argument("--corrects", type=record_id, help="the consent id this record corrects")
    add.set_defaults(func=cmd_add)
    withdraw = cmds.add_parser("withdraw", parents=[parent], help="withdraw, at once")
    withdraw.add_argument("id", type=record_id)
    withdraw.add_argument("--reason", required=True)
    withdraw.set_defaults(func=cmd_withdraw)
    lst = cmds.add_parser("list", parents=[parent], help="a child's consents, with status")
    lst.add_argument("--child", type=record_id, required=True)
    lst.set_defaults(func=cmd_list)
    check = cmds.add_parser(
        "check", parents=[parent], help="may this child be photographed for this purpose today?"
    )
    check.add_argument("--child", type=record_id, required=True)
    check.add_argument("--purpose", required=True, choices=choice_of(Purpose))
    check.set_defaults(func=cmd_check)


def cmd_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        record = session.consents.add(
            child_id=args.child,
            kind=ConsentKind(args.type),
            given_by=GivenBy(args.given_by),
            signed_on=args.signed,
            person_id=args.person,
            giver=args.giver,
            understanding_assessment=args.assessment,
            expires_on=args.expires,
            carers_notified_on=args.notified,
            purposes=tuple(Purpose(p) for p in args.purpose) if args.purpose else None,
            form=args.form,
            corrects=args.corrects,
        )
    emit(
        args,
        record,
        f"Recorded {record.kind.label} consent for child {record.child_id}: consent id {record.id}",
    )
    return 0


def cmd_withdraw(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        record = session.consents.withdraw(consent_id=args.id, reason=args.reason)
    emit(args, record, f"Consent {record.id} is withdrawn, with effect now (R12, policy 5.5.1.3).")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        records = session.consents.list(child_id=args.child)
    today = date.today()
    emit(
        args,
        records,
        [
            f"{r.id:>5}  {r.kind.label:<14} {r.status(today).upper():<13} from "
            f"{r.giver_name or r.given_by.label}, signed {r.signed_on}"
            + (f", expires {r.expires_on}" if r.expires_on else "")
            + (f", withdrawn: {r.withdrawal_reason}" if r.withdrawn_at else "")
            for r in records
        ]
        or ["No consents on this child's file."],
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        decision = session.consents.check(child_id=args.child, purpose=Purpose(args.purpose))
    emit(args, decision.as_dict(), [decision.verdict] + [r.line() for r in decision.reasons])
    return 0 if decision.allowed else 1
