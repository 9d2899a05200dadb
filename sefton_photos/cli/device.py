"""``sefton-photos device add|list``: the council cameras and phones photos may come
from (R5)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from sefton_photos.cli.common import (
    common_options,
    signed_in,
)
from sefton_photos.cli.output import emit

if TYPE_CHECKING:
    pass


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
