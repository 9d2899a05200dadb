"""``sefton-photos device add|list``, ``face enrol``, ``import`` and ``photo list|show``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sefton_photos.cli.common import choice_of, common_options, print_json, signed_in, wants_json
from sefton_photos.importer import FileOutcome, Progress
from sefton_photos.model import Purpose


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

    face = sub.add_parser("face", parents=[parent], help="face matching (R11, R13)")
    fc = face.add_subparsers(dest="face_command", required=True, metavar="COMMAND")
    enrol = fc.add_parser("enrol", parents=[parent], help="enrol a child from a reference photo")
    enrol.add_argument("--child", type=int, required=True)
    enrol.add_argument("--replace", action="store_true", help="drop earlier references")
    enrol.add_argument("photo", type=Path)
    enrol.set_defaults(func=cmd_enrol)

    imp = sub.add_parser("import", parents=[parent], help="move photos into the vault")
    imp.add_argument("--child", required=True, help="child id, or ids separated by commas")
    imp.add_argument("--purpose", required=True, choices=choice_of(Purpose))
    imp.add_argument("--note", default="", help="the purpose in your own words (R1)")
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
    imp.add_argument("--no-faces", action="store_true", help="skip face detection")
    imp.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    imp.add_argument("paths", nargs="+", type=Path)
    imp.set_defaults(func=cmd_import)

    photo = sub.add_parser("photo", parents=[parent], help="photos in the vault")
    pc = photo.add_subparsers(dest="photo_command", required=True, metavar="COMMAND")
    plist = pc.add_parser("list", parents=[parent], help="a child's photos")
    plist.add_argument("--child", type=int, required=True)
    plist.set_defaults(func=cmd_photo_list)
    show = pc.add_parser("show", parents=[parent], help="write a decrypted view (audited)")
    show.add_argument("id", type=int)
    show.add_argument(
        "--out", type=Path, required=True, help="a new file in an approved location (R5)"
    )
    show.set_defaults(func=cmd_photo_show)


def cmd_device_add(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        device = session.devices.add(
            name=args.name, serial=args.serial, make=args.make, model=args.model
        )
    if wants_json(args):
        print_json(device)
    print(f"Registered {device.name}: device id {device.id}")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        devices = session.devices.list()
    if wants_json(args):
        print_json(devices)
        return 0
    for d in devices:
        print(f"{d.id:>4}  {d.name}  {d.serial or ''}  {'RETIRED' if d.retired else 'registered'}")
    return 0


def cmd_enrol(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        enrolment = session.faces.enrol(
            child_id=args.child, photo=args.photo, replace_existing=args.replace
        )
    print(f"Enrolled child {args.child} for face matching: enrolment id {enrolment}")
    return 0


def _line(o: FileOutcome) -> str:
    faces = f", {len(o.faces)} face(s)" if o.faces else ""
    photo = f" as photo {o.photo_id}" if o.photo_id else ""
    why = f": {o.reason}" if o.reason else ""
    return f"{o.status.upper():<9} {o.source}{photo}{faces}{why}"


def cmd_import(args: argparse.Namespace) -> int:
    try:
        child_ids = tuple(int(x) for x in args.child.split(",") if x.strip())
    except ValueError:
        from sefton_photos.cli.common import Misuse

        raise Misuse("--child takes ids separated by commas, e.g. 3,7") from None

    def progress(p: Progress) -> None:
        if not wants_json(args):
            print(_line(p.last), flush=True)
        elif sys.stderr.isatty():
            print(f"\r{p.done}/{p.total}", end="", file=sys.stderr)

    with signed_in(args) as session:
        report = session.imports.run(
            child_ids=child_ids,
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
    if wants_json(args):
        print_json(
            [
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
        )
    else:
        for o in report.outcomes:
            if o.status == "skipped_hidden":
                print(_line(o))
        print(
            f"Capture {report.capture_id}: {report.count('imported')} imported, "
            f"{report.count('duplicate')} duplicate, {report.count('rejected')} rejected"
            + (f", {report.count('cancelled')} not reached" if report.cancelled else "")
            + (
                f", {report.count('skipped_hidden')} hidden file(s) left where they are (listed)"
                if report.count("skipped_hidden")
                else ""
            )
            + ". Your line manager has been alerted (R10)."
        )
    return 0


def cmd_photo_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        photos = session.photos.list(child_id=args.child)
    if wants_json(args):
        print_json(photos)
        return 0
    for p in photos:
        flag = f"  FLAGGED: {p.flagged}" if p.flagged else ""
        print(
            f"{p.id:>6}  {p.width}x{p.height}  {len(p.faces)} face(s)  "
            f"imported {p.imported_at:%Y-%m-%d} by {p.imported_by}{flag}"
        )
    return 0


def cmd_photo_show(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        out = session.photos.save_view(photo_id=args.id, out=args.out)
    print(f"Wrote a view of photo {args.id} to {out} (the view is audited).")
    return 0
