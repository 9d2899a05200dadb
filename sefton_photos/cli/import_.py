"""``sefton-photos import``: move photos from a registered device into the vault.

Named ``import_`` because ``import`` is a Python keyword.  A line per file as the
import goes (a count on stderr with ``--json``), then the capture and its counts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sefton_photos.cli.common import (
    bounded,
    choice_of,
    common_options,
    record_ids,
    signed_in,
)
from sefton_photos.cli.output import emit, progress
from sefton_photos.errors import SeftonError
from sefton_photos.model import Purpose
from sefton_photos.words import plural

if TYPE_CHECKING:
    from sefton_photos.model import FileOutcome, Progress


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
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


def _line(o: FileOutcome) -> str:
    faces = f", {plural(len(o.faces), 'face')}" if o.faces else ""
    photo = f" as photo {o.photo_id}" if o.photo_id else ""
    why = f": {o.reason}" if o.reason else ""
    return f"{o.status.upper():<9} {o.source}{photo}{faces}{why}"


def cmd_import(args: argparse.Namespace) -> int:
    def progressed(p: Progress) -> None:
        if p.last is not None:  # None: the count before the first file
            progress(args, _line(p.last), done=p.done, total=p.total)

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
            progress=progressed,
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
