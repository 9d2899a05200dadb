"""``sefton-photos export``: photos out, only as the policy allows (R5-R7, R9, R11,
R12, R14); each photo's outcome, and every refusal with its rule and clause."""

from __future__ import annotations

import argparse
from pathlib import Path

from sefton_photos.cli.common import choice_of, common_options, record_ids, signed_in
from sefton_photos.cli.output import emit
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
