"""``sefton-photos face enrol|references|list|confirm|reject|undo|outline|checked``: face
matching and the review a person signs off, faces the detector missed included (R11,
policy 5.5.1, 5.5.2; R13, UK GDPR).

Every line is printed through ``emit`` (``--json`` prints the records and nothing
else).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from sefton_photos.cli.common import Misuse, common_options, record_id, signed_in
from sefton_photos.cli.output import emit

if TYPE_CHECKING:
    from sefton_photos.model import FaceInfo


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
    face = sub.add_parser("face", parents=[parent], help="face matching and review (R11, R13)")
    fc = face.add_subparsers(dest="face_command", required=True, metavar="COMMAND")
    enrol = fc.add_parser(
        "enrol",
        parents=[parent],
        help="enrol a child from a reference: a file, or one of the child's photos",
    )
    enrol.add_argument("--child", type=record_id, required=True)
    enrol.add_argument("--replace", action="store_true", help="drop earlier references")
    enrol.add_argument("--photo-id", type=record_id, help="one of the child's vault photos")
    enrol.add_argument(
        "--face-id", type=record_id, help="the child's face, when the photo shows several"
    )
    enrol.add_argument("photo", type=Path, nargs="?", help="a reference photo file")
    enrol.set_defaults(func=cmd_enrol)
    refs = fc.add_parser(
        "references", parents=[parent], help="a child's references (stale after a year)"
    )
    refs.add_argument("child", type=record_id, metavar="CHILD_ID")
    refs.set_defaults(func=cmd_references)
    lst = fc.add_parser(
        "list", parents=[parent], help="a photo's faces: who, reviewed, why no suggestion"
    )
    lst.add_argument("photo", type=record_id, metavar="PHOTO_ID")
    lst.set_defaults(func=cmd_list)
    confirm = fc.add_parser("confirm", parents=[parent], help="confirm a face as a child")
    confirm.add_argument("face", type=record_id, metavar="FACE_ID")
    confirm.add_argument("--child", type=record_id, required=True, help="a child of the capture")
    confirm.set_defaults(func=cmd_confirm)
    reject = fc.add_parser(
        "reject", parents=[parent], help="'not this child': the face is someone else"
    )
    reject.add_argument("face", type=record_id, metavar="FACE_ID")
    reject.set_defaults(func=cmd_reject)
    undo = fc.add_parser(
        "undo", parents=[parent], help="undo a review: back to what face matching said"
    )
    undo.add_argument("face", type=record_id, metavar="FACE_ID")
    undo.set_defaults(func=cmd_undo)
    outline = fc.add_parser(
        "outline", parents=[parent], help="outline a face the detector missed (it is blurred)"
    )
    outline.add_argument("photo", type=record_id, metavar="PHOTO_ID")
    outline.add_argument(
        "--box",
        type=box,
        required=True,
        metavar="TOP,RIGHT,BOTTOM,LEFT",
        help="the face's box in the photo's pixels",
    )
    outline.set_defaults(func=cmd_outline)
    checked = fc.add_parser(
        "checked",
        parents=[parent],
        help="you looked at the whole photo: every face in it is outlined (R11)",
    )
    checked.add_argument("photo", type=record_id, metavar="PHOTO_ID")
    checked.set_defaults(func=cmd_checked)


def box(text: str) -> tuple[int, int, int, int]:
    """TOP,RIGHT,BOTTOM,LEFT: four whole numbers (the service checks they fit the photo)."""
    parts = text.split(",")
    try:
        top, right, bottom, left = (int(p.strip()) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a box: give four whole numbers, TOP,RIGHT,BOTTOM,LEFT "
            "(for example 120,480,400,200)."
        ) from None
    return top, right, bottom, left


def describe(f: FaceInfo) -> str:
    who = f" as {f.child_name} (child {f.child_id})" if f.child_id else ""
    state = "reviewed" if f.reviewed else "waiting for review"
    if f.outlined:
        state += ", outlined by a person (the detector missed it)"
    why = f"; no suggestion: {f.unmatched_reason}" if f.unmatched_reason else ""
    return f"face {f.id:>6}  {f.status.label}{who}  {state}{why}"


def cmd_enrol(args: argparse.Namespace) -> int:
    if (args.photo is None) == (args.photo_id is None):
        raise Misuse("Give a reference photo file, or --photo-id (one of them).")
    with signed_in(args) as session:
        enrolment = session.faces.enrol(
            child_id=args.child,
            photo=args.photo,
            photo_id=args.photo_id,
            face_id=args.face_id,
            replace_existing=args.replace,
        )
    emit(
        args,
        {"child_id": args.child, "enrolment_id": enrolment},
        f"Enrolled child {args.child} for face matching: enrolment id {enrolment}",
    )
    return 0


def cmd_references(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        refs = session.faces.references(child_id=args.child)
    lines = [
        f"{r.id:>6}  from {r.source or 'an unrecorded source'}, "
        f"taken {f'{r.taken_at:%Y-%m-%d}' if r.taken_at else 'on an unknown date'}, "
        f"enrolled {r.enrolled_at:%Y-%m-%d} by {r.enrolled_by}"
        + ("  STALE: children's faces change fast, re-enrol" if r.stale else "")
        for r in refs
    ]
    emit(args, refs, lines or [f"Child {args.child} is not enrolled for face matching."])
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        info = session.photos.info(photo_id=args.photo)
    lines = [describe(f) for f in info.faces] or [f"Photo {args.photo} has no faces found."]
    emit(args, list(info.faces), [*lines, checked_words(args.photo, info.faces_checked)])
    return 0


def checked_words(photo: int, checked: bool) -> str:
    if checked:
        return f"Photo {photo} was checked whole by a person for faces the detector missed."
    return (
        f"Nobody has checked photo {photo} whole for faces the detector missed: it waits for "
        f"that before the public sees it (`face outline {photo} --box ...`, then "
        f"`face checked {photo}`; R11)."
    )


def cmd_outline(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        face = session.faces.outline(photo_id=args.photo, box=args.box)
    emit(
        args,
        face,
        f"Outlined: {describe(face)}. It is blurred beyond the case record; check the "
        f"whole photo again when every face is outlined (`face checked {args.photo}`, R11).",
    )
    return 0


def cmd_checked(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        session.faces.mark_checked(photo_id=args.photo)
    emit(
        args,
        {"photo_id": args.photo, "faces_checked": True},
        f"Photo {args.photo}: checked whole for faces the detector missed (R11).",
    )
    return 0


def cmd_confirm(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        face = session.faces.confirm(face_id=args.face, child_id=args.child)
    emit(args, face, f"Confirmed: {describe(face)}")
    return 0


def cmd_reject(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        face = session.faces.reject(face_id=args.face)
    emit(
        args,
        face,
        f"Not this child: {describe(face)}. It is blurred beyond the case record (R11).",
    )
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    with signed_in(args) as session:
        face = session.faces.undo(face_id=args.face)
    emit(args, face, f"Review undone: {describe(face)}")
    return 0
