"""``python -m ui``: open the desktop app without going through the CLI entry point."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ui.app import launch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui", description="Open Sefton Photos.")
    parser.add_argument("--vault", type=Path, help="the vault folder (default: your data folder)")
    parser.add_argument("--demo", action="store_true", help="open the demo vault")
    args = parser.parse_args(argv)
    return launch(vault=args.vault, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
