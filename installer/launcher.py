"""Entry point of the frozen app: the same command line as ``sefton-photos``.

Frozen builds have no package metadata for entry points, so the Qt front end is
registered directly; ``freeze_support`` lets the import pool's workers start.
"""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from sefton_photos.cli import main as cli
    from ui.app import launch

    def run_gui(vault, demo):  # type: ignore[no-untyped-def]
        return int(launch(vault=vault, demo=demo))

    cli.run_gui = run_gui  # type: ignore[assignment]
    sys.exit(cli.main())
