"""Build the Debian package mykey-kiosk from the PyInstaller bundle (installer/build_bundle.py) with dpkg-deb.

    python installer/linux/build_deb.py BUNDLE_DIR [--out DIR] [--compression xz|zstd|gzip|none] [--level N]

Prints the .deb's path on the last line. What goes where:
    /opt/mykey-kiosk/                              the one-folder bundle (kiosk + _internal/)
    /usr/bin/kiosk                                 a wrapper that execs /opt/mykey-kiosk/kiosk
    /usr/bin/mykey-kiosk-session                   the kiosk-only X session's command (systemd unit or a loop)
    /usr/share/applications/mykey-kiosk.desktop    the launcher
    /usr/share/xsessions/mykey-kiosk-session.desktop
    /usr/lib/systemd/user/mykey-kiosk.service      restarts the kiosk after a crash
    /usr/share/doc/mykey-kiosk/                    copyright, README
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACKAGE = "mykey-kiosk"

# what the bundle needs from the system: Qt's xcb platform plugin and OpenGL, fontconfig, D-Bus (all small and in
# every Debian desktop); the card reader daemon and a CJK font for the screens are recommended, not required
DEPENDS = ("libc6 (>= 2.34), libegl1, libgl1, libfontconfig1, libfreetype6, libdbus-1-3, libglib2.0-0, "
           "libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, "
           "libxcb-xinerama0, libxcb-randr0, libxcb-render-util0, libxcb-image0, libxcb-xkb1, libx11-xcb1")
RECOMMENDS = "pcscd, libccid, fonts-noto-cjk, pulseaudio-utils | alsa-utils"

FILES = {  # source (installer/linux) -> path in the package, mode
    "kiosk-wrapper.sh": ("usr/bin/kiosk", 0o755),
    "mykey-kiosk-session": ("usr/bin/mykey-kiosk-session", 0o755),
    "mykey-kiosk.desktop": ("usr/share/applications/mykey-kiosk.desktop", 0o644),
    "mykey-kiosk-session.desktop": ("usr/share/xsessions/mykey-kiosk-session.desktop", 0o644),
    "mykey-kiosk.service": ("usr/lib/systemd/user/mykey-kiosk.service", 0o644),
}


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from kiosk import __version__

    return __version__


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, capture_output=True, text=True).stdout.strip()


def _copy_tree(src: Path, dst: Path) -> None:
    """Hard links where the file system allows (the bundle is ~500 MB), else copies."""
    try:
        shutil.copytree(src, dst, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(dst, ignore_errors=True)
        shutil.copytree(src, dst, symlinks=True)


def control(size_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        f"Architecture: {architecture()}\n"
        "Maintainer: MyKey kiosk project <kiosk@localhost>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {DEPENDS}\n"
        f"Recommends: {RECOMMENDS}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: MyKey counter & store kiosk (municipal points with the My Number Card)\n"
        " The terminal for a municipal counter, a shop, the commerce-association office and the\n"
        " administration, as one self-contained PyInstaller bundle in /opt/mykey-kiosk.\n"
        " `kiosk demo` runs the whole system on this machine; `kiosk self-test` checks the install.\n"
    )


def build(bundle: Path, out: Path, compression: str = "xz", level: int | None = None) -> Path:
    if not (bundle / "kiosk").is_file():
        raise SystemExit(f"{bundle} is not a kiosk bundle (no {bundle / 'kiosk'}); build it with installer/build_bundle.py")
    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version()}_{architecture()}.deb"
    with tempfile.TemporaryDirectory(prefix="mykey-deb-", dir=out) as tmp:
        stage = Path(tmp) / "root"
        _copy_tree(bundle, stage / "opt" / PACKAGE)
        shutil.copy2(ROOT / "installer" / "README.md", stage / "opt" / PACKAGE / "README.md")
        for name, (target, mode) in FILES.items():
            path = stage / target
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / name, path)
            path.chmod(mode)
        doc = stage / "usr" / "share" / "doc" / PACKAGE
        doc.mkdir(parents=True, exist_ok=True)
        (doc / "copyright").write_text(
            "MyKey counter & store kiosk — Apache-2.0.\n"
            "Bundled: Python and its packages under their own licences (see /opt/mykey-kiosk/_internal/*.dist-info),\n"
            "Qt for Python (LGPLv3), IPAex Gothic (IPA Font License v1.0) in /opt/mykey-kiosk/_internal/resources/fonts.\n",
            encoding="utf-8")
        size = sum(p.stat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
        debian = stage / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control(size // 1024 + 1), encoding="utf-8")
        cmd = ["dpkg-deb", "--root-owner-group", f"-Z{compression}"]
        if level is not None:
            cmd.append(f"-z{level}")
        subprocess.run([*cmd, "--build", str(stage), str(deb)], check=True, stdout=subprocess.DEVNULL)
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the mykey-kiosk .deb from the PyInstaller bundle")
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--compression", choices=("xz", "zstd", "gzip", "none"), default="xz")
    parser.add_argument("--level", type=int, default=None)
    args = parser.parse_args(argv)
    print(build(args.bundle.resolve(), args.out.resolve(), args.compression, args.level))
    return 0


if __name__ == "__main__":
    sys.exit(main())
