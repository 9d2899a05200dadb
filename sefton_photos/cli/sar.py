"""``sefton-photos sar``: a child's subject access package, an AES-256 ZIP (R13)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sefton_photos.cli.common import common_options, record_id, signed_in
from sefton_photos.cli.output import emit


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parent = common_options()
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
