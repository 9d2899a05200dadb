"""``sefton-photos supervision queue|note|ack|export`` (R10, policy 5.5.3.2)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sefton_photos.cli.common import (
    Misuse,
    common_options,
    iso_date,
    record_id,
    record_ids,
    signed_in,
)
from sefton_photos.cli.output import emit, plain


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    sup = sub.add_parser("supervision", parents=[parent], help="queue and supervision notes")
    cmds = sup.add_subparsers(dest="supervision_command", required=True, metavar="COMMAND")
    queue = cmds.add_parser("queue", parents=[parent], help="open items (yours or your team's)")
    queue.add_argument("--worker")
    queue.set_defaults(func=cmd_queue)
    note = cmds.add_parser("note", parents=[parent], help="record a supervision note")
    note.add_argument("--worker", required=True)
    note.add_argument(
        "--items", required=True, type=record_ids, help="item ids separated by commas"
    )
    note.add_argument("--text", required=True)
    note.add_argument("--action", action="append", default=[], help="an agreed action")
    note.add_argument(
        "--due",
        action="append",
        default=[],
        type=iso_date,
        help="due date of the action given in the same position",
    )
    note.add_argument("--date", type=iso_date, help="date of the session (default today)")
    note.set_defaults(func=cmd_note)
    ack = cmds.add_parser("ack", parents=[parent], help="acknowledge a note")
    ack.add_argument("note_id", type=record_id)
    ack.set_defaults(func=cmd_ack)
    addendum = cmds.add_parser("addendum", parents=[parent], help="add to a note")
    addendum.add_argument("note_id", type=record_id)
    addendum.add_argument("--text", required=True)
    addendum.set_defaults(func=cmd_addendum)
    export = cmds.add_parser("export", parents=[parent], help="a worker's record as a PDF")
    export.add_argument("--worker", required=True)
    export.add_argument("--from", dest="since", required=True, type=iso_date)
    export.add_argument("--to", dest="until", required=True, type=iso_date)
    export.add_argument(
        "--out", required=True, type=Path, help="a new file in an approved location (R5)"
    )
    export.set_defaults(func=cmd_export)


def cmd_queue(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        items = session.supervision.queue(worker=args.worker)
    emit(
        args,
        [{**plain(i), "age_days": i.age_days()} for i in items],
        [
            f"{i.id:>5}  {i.created_at:%Y-%m-%d}  {i.age_days():>3} d  {i.worker:<18} "
            f"{i.kind:<10} {i.child_name or '-'}: {i.summary}"
            for i in items
        ]
        or ["No open supervision items."],
    )
    return 0


def cmd_note(args: argparse.Namespace) -> int:
    if len(args.due) > len(args.action):
        raise Misuse("each --due follows the --action it belongs to")
    dues = args.due + [None] * (len(args.action) - len(args.due))
    with signed_in(args) as session:
        note = session.supervision.record(
            worker=args.worker,
            item_ids=list(args.items),
            text=args.text,
            actions=list(zip(args.action, dues, strict=True)),
            session_date=args.date,
        )
    emit(args, note, f"Recorded the supervision note for {note.worker}: note id {note.id}")
    return 0


def cmd_ack(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        note = session.supervision.acknowledge(note_id=args.note_id)
    both = " Both have acknowledged it: it can no longer be changed." if note.sealed else ""
    emit(args, note, f"Acknowledged note {note.id}.{both}")
    return 0


def cmd_addendum(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        note = session.supervision.add_addendum(note_id=args.note_id, text=args.text)
    emit(args, note, f"Added an addendum to note {note.id}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        out = session.supervision.export(
            worker=args.worker, since=args.since, until=args.until, out=args.out
        )
    emit(args, {"file": str(out)}, f"Wrote the supervision record to {out}")
    return 0
