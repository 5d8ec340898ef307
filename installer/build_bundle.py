"""Build the PyInstaller one-folder bundle of `kiosk`: `python installer/build_bundle.py [--dist DIR] [--work DIR]`.

Prints the bundle's directory (DIST/kiosk, holding the `kiosk` executable) on the last line. The Japanese font
IPAex Gothic (fonts-ipaexfont-gothic; on Windows the file installed with IPAex) is copied into the bundle's
resources/fonts, so documents and the screens render Japanese without fonts installed on the counter PC. Runs on
Linux and on Windows with the project's virtualenv (pip install -e ".[dev]" brings PyInstaller).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "kiosk.spec"


def executable(bundle: Path) -> Path:
    return bundle / ("kiosk.exe" if os.name == "nt" else "kiosk")


def build(dist: Path, work: Path, *, quiet: bool = True) -> Path:
    """Run PyInstaller on installer/kiosk.spec; return DIST/kiosk."""
    sys.path.insert(0, str(ROOT))
    from kiosk.printing.fonts import font_path

    env = {**os.environ, "KIOSK_BUNDLE_FONT": str(font_path())}
    env.pop("KIOSK_RESOURCES", None)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist), "--workpath", str(work),
           str(SPEC)]
    if quiet:
        cmd[3:3] = ["--log-level", "WARN"]
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    bundle = dist / "kiosk"
    if not executable(bundle).is_file():
        raise SystemExit(f"PyInstaller finished but {executable(bundle)} is missing")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve(), quiet=not args.verbose)
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file())
    print(f"built in {time.monotonic() - started:.0f} s, {size / 2**20:.0f} MiB", file=sys.stderr)
    print(bundle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
