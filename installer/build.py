"""Build the one-folder app with PyInstaller into dist/SeftonPhotos, then smoke-test it.

    uv run --extra installer python installer/build.py [--no-smoke]

The smoke test starts the built app's command line against a throwaway demo vault
(offscreen), checks the vault, and opens the GUI long enough to show the sign-in.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build() -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--distpath",
            str(ROOT / "dist"),
            "--workpath",
            str(ROOT / "build"),
            str(ROOT / "installer" / "sefton_photos.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    exe = (
        ROOT / "dist" / "SeftonPhotos" / ("SeftonPhotos.exe" if os.name == "nt" else "SeftonPhotos")
    )
    assert exe.exists(), exe
    return exe


def smoke(exe: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "SEFTON_VAULT": f"{tmp}/v",
            "SEFTON_USER": "Ada Admin",
            "SEFTON_PASSWORD": "smoke-test-password",
        }
        for argv in (
            ["init", "--admin", "Ada Admin"],
            ["vault", "check"],
            ["audit", "verify"],
            ["user", "list", "--json"],
        ):
            done = subprocess.run(
                [str(exe), *argv], env=env, capture_output=True, text=True, timeout=300, check=False
            )
            print(f"$ SeftonPhotos {' '.join(argv)} -> {done.returncode}")
            print(done.stdout.strip() or done.stderr.strip())
            assert done.returncode == 0, done.stderr
        # The window on a fresh demo vault: it must still be up (no crash) after 25 s.
        gui_env = {**env, "XDG_DATA_HOME": f"{tmp}/data", "LOCALAPPDATA": f"{tmp}/data"}
        gui = subprocess.Popen(
            [str(exe), "--demo"],
            env=gui_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            gui.wait(timeout=25)
            raise AssertionError(f"the app exited early: {gui.stdout.read() if gui.stdout else ''}")
        except subprocess.TimeoutExpired:
            print("$ SeftonPhotos --demo -> running after 25 s (offscreen)")
        finally:
            gui.kill()
            gui.wait()
        demo = Path(tmp) / "data"
        assert any(demo.rglob("keyslots.json")), "the demo vault was created"
    print("smoke test passed")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-smoke", action="store_true")
    args = parser.parse_args()
    exe = build()
    if not args.no_smoke:
        smoke(exe)
