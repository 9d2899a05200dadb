"""``sefton-photos child add|list|show|allocate|status``: children's files."""

from __future__ import annotations

import argparse
from datetime import date

from sefton_photos.cli.common import choice_of, common_options, iso_date, record_id, signed_in
from sefton_photos.cli.output import emit
from sefton_photos.model import CareStatus, ChildFile, wish_lines


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    child = sub.add_parser("child", parents=[parent], help="children's files")
    cmds = child.add_subparsers(dest="child_command", required=True, metavar="COMMAND")
    add = cmds.add_parser("add", parents=[parent], help="open a child's file")
    add.add_argument("--name", required=True)
    add.add_argument("--dob", required=True, type=iso_date, help="date of birth, YYYY-MM-DD")
    add.add_argument("--care-status", required=True, choices=choice_of(CareStatus))
    add.add_argument("--social-worker")
    add.add_argument("--key-worker", action="append", default=[])
    add.set_defaults(func=cmd_add)
    lst = cmds.add_parser("list", parents=[parent], help="the children you may see")
    lst.add_argument("--search")
    lst.set_defaults(func=cmd_list)
    show = cmds.add_parser("show", parents=[parent], help="one child's whole file")
    show.add_argument("id", type=record_id)
    show.set_defaults(func=cmd_show)
    alloc = cmds.add_parser("allocate", parents=[parent], help="allocate staff to a child")
    alloc.add_argument("id", type=record_id)
    alloc.add_argument("--key-worker")
    alloc.add_argument("--social-worker")
    alloc.add_argument("--remove-key-worker")
    alloc.set_defaults(func=cmd_allocate)
    status = cmds.add_parser("status", parents=[parent], help="change a child's care status")
    status.add_argument("id", type=record_id)
    status.add_argument("--care-status", required=True, choices=choice_of(CareStatus))
    status.set_defaults(func=cmd_status)


def cmd_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        child = session.children.add(
            name=args.name,
            date_of_birth=args.dob,
            care_status=CareStatus(args.care_status),
            social_worker=args.social_worker,
            key_workers=args.key_worker,
        )
    emit(args, child, f"Opened the file of {child.name}: child id {child.id}")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        children = session.children.list(search=args.search)
    emit(
        args,
        children,
        [
            f"{c.id:>5}  {c.name}  born {c.date_of_birth}  {c.care_status.label}  "
            f"social worker {c.social_worker or '-'}"
            for c in children
        ]
        or ["No children allocated to you or your team."],
    )
    return 0


def file_lines(f: ChildFile) -> list[str]:
    c = f.child
    lines = [
        f"{c.name} (child {c.id}), born {c.date_of_birth}, {c.care_status.label}"
        + (" (previously cared for)" if c.ever_cared_for and not c.care_status.cared_for else ""),
        f"  social worker: {c.social_worker or '-'}; "
        f"key workers: {', '.join(c.key_workers) or '-'}",
    ]
    for p in f.people:
        lines.append(
            f"  PR person {p.id}: {p.name} ({p.relationship})" + ("" if p.current else " [ended]")
        )
    for k in f.consents:
        lines.append(
            f"  consent {k.id}: {k.kind.label} from {k.giver_name or k.given_by.label}, "
            f"signed {k.signed_on}, {k.status(date.today()).upper()}"
            + (f", expires {k.expires_on}" if k.expires_on else "")
            + (", form on file" if k.has_form else "")
        )
    for line in wish_lines(f):
        lines.append(
            f"  wish of {line.who}: {line.answer}" + (f" ({line.notes})" if line.notes else "")
        )
    for e in f.explanations:
        text = (
            f"explained on {e.explained_on}"
            if e.explained
            else f"not explained: {e.not_explained_reason} (permitted by {e.permitted_by})"
        )
        lines.append(f"  purpose explained to {e.to_whom.label}: {text}")
    return lines


def cmd_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        f = session.children.file(child_id=args.id)
    emit(args, f, file_lines(f))
    return 0


def cmd_allocate(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        child = session.children.allocate(
            child_id=args.id,
            key_worker=args.key_worker,
            social_worker=args.social_worker,
            remove_key_worker=args.remove_key_worker,
        )
    emit(
        args,
        child,
        f"Child {child.id}: social worker {child.social_worker or '-'}; key workers "
        f"{', '.join(child.key_workers) or '-'}",
    )
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        child = session.children.set_care_status(
            child_id=args.id, care_status=CareStatus(args.care_status)
        )
    emit(args, child, f"Child {child.id} is now {child.care_status.label}.")
    return 0
