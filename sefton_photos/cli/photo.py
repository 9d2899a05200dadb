"""``sefton-photos photo list|show|detect-faces|review``: photos in the vault."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sefton_photos.cli.common import (
    common_options,
    record_id,
    signed_in,
)
from sefton_photos.cli.output import emit
from sefton_photos.words import plural

if TYPE_CHECKING:
    from sefton_photos.model import PhotoInfo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
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
