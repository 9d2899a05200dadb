"""``sefton-photos device add|list``, ``import`` and ``photo list|show|detect-faces|review``
(the ``face`` commands are in :mod:`sefton_photos.cli.faces`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sefton_photos.cli import faces
from sefton_photos.cli.common import (
    bounded,
    choice_of,
    common_options,
    emit,
    record_id,
    record_ids,
    signed_in,
    wants_json,
)
from sefton_photos.errors import SeftonError
from sefton_photos.model import Purpose
from sefton_photos.words import plural

if TYPE_CHECKING:
    from sefton_photos.model import FileOutcome, PhotoInfo, Progress


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    device = sub.add_parser("device", parents=[parent], help="registered devices (R5)")
    dc = device.add_subparsers(dest="device_command", required=True, metavar="COMMAND")
    add = dc.add_parser("add", parents=[parent], help="register a council camera or phone")
    add.add_argument("--name", required=True)
    add.add_argument("--serial", help="the serial number the camera writes in EXIF")
    add.add_argument("--make", help="the make the camera writes in EXIF, e.g. Canon")
    add.add_argument("--model", help="the model the camera writes in EXIF, e.g. Canon EOS 2000D")
    add.set_defaults(func=cmd_device_add)
    lst = dc.add_parser("list", parents=[parent], help="registered devices")
    lst.set_defaults(func=cmd_device_list)

    faces.register(sub)

    imp = sub.add_parser("import", parents=[parent], help="move photos into the vault")
    imp.add_argument(
        "--child", required=True, type=record_ids, help="child id, or ids separated by commas"
    )
    imp.add_argument("--purpose", required=True, choices=choice_of(Purpose))
    imp.add_argument("--note", required=True, help="the purpose in your own words (R1, required)")
    imp.add_argument("--device", required=True, help="the registered device's name (R5)")
    imp.add_argument(
        "--attest",
        action="store_true",
        help="the child was clothed, torso covered, dress respected (R4)",
    )
    imp.add_argument("--keep-source", action="store_true", help="do not remove the originals")
    imp.add_argument(
        "--keep-source-reason", help="why the originals stay (required with --keep-source; audited)"
    )
    imp.add_argument(
        "--no-faces",
        action="store_true",
        help="skip face detection (then `photo detect-faces` before any export beyond "
        "the case record, R11)",
    )
    imp.add_argument(
        "--workers", type=bounded(1, 64), help="worker processes (default: one per core)"
    )
    imp.add_argument("paths", nargs="+", type=Path)
    imp.set_defaults(func=cmd_import)

    photo = sub.add_parser("photo", parents=[parent], help="photos in the vault")
    pc = photo.add_subparsers(dest="photo_command", required=True, metavar="COMMAND")
    plist = pc.add_parser("list", parents=[parent], help="a child's photos")
    plist.add_argument("--child", type=record_id, required=True)
    plist.set_defaults(func=cmd_photo_list)
    show = pc.add_parser("show", parents=[parent], help="write a decrypted view (audited)")
    show.add_argument("id", type=record_id)
    show.add_argument(
        "--out", type=Path, required=True, help="a new file in an approved location (R5)"
    )
    show.set_defaults(func=cmd_photo_show)
    det = pc.add_parser(
        "detect-faces",
        parents=[parent],
        help="look for the faces of photos imported without face detection (R11)",
    )
    det.add_argument("ids", type=record_id, nargs="*", help="photo ids")
    det.add_argument("--child", type=record_id, help="every photo of this child")
    det.set_defaults(func=cmd_photo_detect_faces)
    review = pc.add_parser(
        "review",
        parents=[parent],
        help="clear a photo flagged by a withdrawal, on a new consent (R12, policy 5.5.1.3)",
    )
    review.add_argument("id", type=record_id)
    review.add_argument(
        "--consent",
        type=record_id,
        required=True,
        help="the new, current consent that covers it",
    )
    review.set_defaults(func=cmd_photo_review)


def cmd_device_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        device = session.devices.add(
            name=args.name, serial=args.serial, make=args.make, model=args.model
        )
    emit(args, device, f"Registered {device.name}: device id {device.id}")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        devices = session.devices.list()
    emit(
        args,
        devices,
        [
            f"{d.id:>4}  {d.name}  {d.serial or ''}  {'RETIRED' if d.retired else 'registered'}"
            for d in devices
        ],
    )
    return 0


def _line(o: FileOutcome) -> str:
    faces = f", {plural(len(o.faces), 'face')}" if o.faces else ""
    photo = f" as photo {o.photo_id}" if o.photo_id else ""
    why = f": {o.reason}" if o.reason else ""
    return f"{o.status.upper():<9} {o.source}{photo}{faces}{why}"


def cmd_import(args: argparse.Namespace) -> int:
    def progress(p: Progress) -> None:
        if p.last is None:
            return  # the count before the first file
        if not wants_json(args):
            print(_line(p.last), flush=True)
        elif sys.stderr.isatty():
            print(f"\r{p.done}/{p.total}", end="", file=sys.stderr)

    with signed_in(args) as session:
        report = session.imports.run(
            child_ids=args.child,
            purpose=Purpose(args.purpose),
            purpose_note=args.note,
            device=args.device,
            attested=args.attest,
            paths=args.paths,
            keep_source=args.keep_source,
            keep_source_reason=args.keep_source_reason,
            detect_faces=False if args.no_faces else None,
            progress=progress,
            workers=args.workers,
        )
    rows = [
        {
            "source": o.source,
            "status": o.status,
            "photo_id": o.photo_id,
            "reason": o.reason,
            "faces": [
                {
                    "box": list(f.box),
                    "child_id": f.child_id,
                    "distance": f.distance,
                    "status": f.status,
                }
                for f in o.faces
            ],
        }
        for o in report.outcomes
    ]
    hidden = report.count("skipped_hidden")
    counts = (
        f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
        f"{report.count('rejected')} rejected"
        + (f", {report.count('cancelled')} not reached" if report.cancelled else "")
        + (f", {plural(hidden, 'hidden file')} left where they are (listed)" if hidden else "")
    )
    listed = [_line(o) for o in report.outcomes if o.status == "skipped_hidden"]
    if report.capture_id is None:
        # R10 (5.5.3.2) / R14 (13.1): nothing stored, so no capture and no alert to claim.
        emit(args, rows, listed)
        raise SeftonError(
            f"Nothing was imported ({counts}): no capture was logged and your line manager "
            "was not alerted; every source file is where it was (R14, policy 13.1)."
        )
    emit(
        args,
        rows,
        [
            *listed,
            f"Capture {report.capture_id}: {counts}. Your line manager has been alerted (R10).",
        ],
    )
    return 0


def cmd_photo_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        photos = session.photos.list(child_id=args.child)
    emit(
        args,
        photos,
        [
            f"{p.id:>6}  {p.width}x{p.height}  {plural(len(p.faces), 'face')}"
            + (f" ({waiting} waiting for review)" if (waiting := _waiting(p)) else "")
            + f"  imported {p.imported_at:%Y-%m-%d} by {p.imported_by}"
            + (f"  FLAGGED: {p.flagged}" if p.flagged else "")
            for p in photos
        ],
    )
    return 0


def _waiting(p: PhotoInfo) -> int:
    """Faces nobody has reviewed: publicity waits for them (R11, `face list`)."""
    return sum(1 for f in p.faces if not f.reviewed)


def cmd_photo_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        out = session.photos.save_view(photo_id=args.id, out=args.out)
    emit(
        args,
        {"photo_id": args.id, "file": str(out)},
        f"Wrote a view of photo {args.id} to {out} (the view is audited).",
    )
    return 0


def cmd_photo_detect_faces(args: argparse.Namespace) -> int:
    if not args.ids and args.child is None:
        from sefton_photos.cli.common import Misuse

        raise Misuse("Name the photo ids, or --child for every photo of a child.")
    with signed_in(args) as session:
        ids = list(args.ids)
        if args.child is not None:
            ids += session.photos.ids(child_id=args.child)
        found = session.faces.detect(photo_ids=ids)
    already = [pid for pid in dict.fromkeys(ids) if pid not in found]
    lines = [
        f"Photo {pid}: {n} face{'' if n == 1 else 's'} found. Faces a person has not confirmed "
        "as a consented child are blurred beyond the case record (R11)."
        for pid, n in found.items()
    ] + [f"Photo {pid}: faces were already detected." for pid in already]
    emit(args, {"detected": found, "already": already}, lines)
    return 0


def cmd_photo_review(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        outcome = session.reviews.review(photo_id=args.id, consent_id=args.consent)
    if outcome.cleared:
        words = (
            f"Photo {args.id} is no longer flagged: it now rests on consent {args.consent} "
            f"(replacing withdrawn consent {outcome.replaced}; R12, policy 5.5.1.3)."
        )
    else:
        still = ", ".join(str(c) for c in outcome.still_flagged_by)
        words = (
            f"Photo {args.id} now rests on consent {args.consent} for this child, but stays "
            f"flagged: it also relied on withdrawn consent {still} (R12, policy 5.5.1.3)."
        )
    emit(args, outcome, words)
    return 0
