"""``sefton-photos export``, ``location add|remove|list``, ``approve``, ``sar``, ``retention due``,
``erase`` (R5-R7, R9, R11-R13)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sefton_photos.cli.common import (
    choice_of,
    common_options,
    emit,
    record_id,
    record_ids,
    signed_in,
)
from sefton_photos.model import Destination
from sefton_photos.words import plural


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    export = sub.add_parser("export", parents=[parent], help="photos out, as the policy allows")
    export.add_argument(
        "--photo", required=True, type=record_ids, help="photo ids separated by commas"
    )
    export.add_argument("--destination", required=True, choices=choice_of(Destination))
    export.add_argument("--out", required=True, type=Path, help="a folder in an approved location")
    export.add_argument("--blur-all-but-consented", action="store_true")
    export.set_defaults(func=cmd_export)

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

    approve = sub.add_parser(
        "approve", parents=[parent], help="approve a photo for publicity (communications officers)"
    )
    approve.add_argument("--photo", required=True, type=record_id)
    approve.add_argument("--destination", required=True, choices=["publicity", "social_network"])
    approve.set_defaults(func=cmd_approve)

    sar = sub.add_parser("sar", parents=[parent], help="the subject access package of a child")
    sar.add_argument("--child", required=True, type=record_id)
    sar.add_argument(
        "--out",
        required=True,
        type=Path,
        help="a new .zip (AES-256) in an approved location (R5)",
    )
    sar.add_argument(
        "--reference", required=True, help="the request's reference, e.g. SAR-2026-014 (R13)"
    )
    sar.set_defaults(func=cmd_sar)

    retention = sub.add_parser("retention", parents=[parent], help="the retention schedule")
    rc = retention.add_subparsers(dest="retention_command", required=True, metavar="COMMAND")
    due = rc.add_parser("due", parents=[parent], help="records due for erasure")
    due.set_defaults(func=cmd_due)

    erase = sub.add_parser("erase", parents=[parent], help="erase a record that is due")
    erase.add_argument("--child", required=True, type=record_id)
    erase.add_argument("--confirm", action="store_true", help="yes, erase it for good")
    erase.set_defaults(func=cmd_erase)


def cmd_export(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        outcomes = session.exports.run(
            photo_ids=list(args.photo),
            destination=Destination(args.destination),
            out=args.out,
            blur_all_but_consented=args.blur_all_but_consented,
        )
    lines: list[str] = []
    for o in outcomes:
        if o.status == "exported":
            blurred = f" ({plural(o.blurred, 'face')} blurred)" if o.blurred else ""
            lines.append(f"EXPORTED photo {o.photo_id} -> {o.file}{blurred}")
        else:
            lines.append(f"REFUSED  photo {o.photo_id}")
            lines += [f"  {reason.line()}" for reason in o.decision.blocking]
    emit(
        args,
        [
            {
                "photo_id": o.photo_id,
                "status": o.status,
                "file": o.file,
                "blurred_faces": o.blurred,
                "reasons": [r.as_dict() for r in o.decision.reasons],
            }
            for o in outcomes
        ],
        lines,
    )
    return 0 if all(o.status == "exported" for o in outcomes) else 1


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


def cmd_sar(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        path, passphrase = session.records.subject_access(
            child_id=args.child, out=args.out, reference=args.reference
        )
    emit(
        args,
        {"file": str(path), "passphrase": passphrase},
        [
            f"Wrote the subject access package (an AES-256 ZIP: 7-Zip or WinZip open it) to {path}",
            f"Passphrase (give it separately, it is shown once): {passphrase}",
        ],
    )
    return 0


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
