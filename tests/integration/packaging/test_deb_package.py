"""The .deb built with dpkg-deb from the bundle: its files (dpkg-deb -c), its control fields, and — unpacked, not
installed — the bundle it carries runs, the .desktop files validate and systemd accepts the user unit."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from conftest import ROOT, bundle_env

from kiosk import __version__

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def _listing(deb) -> dict[str, tuple[str, str]]:
    """path -> (mode, owner) from `dpkg-deb -c`."""
    out = subprocess.run(["dpkg-deb", "-c", str(deb.path)], check=True, capture_output=True, text=True).stdout
    entries = {}
    for line in out.splitlines():
        mode, owner, _size, _date, _time, path, *_ = line.split()
        entries[path.removeprefix(".")] = (mode, owner)
    return entries


def test_deb_contents(deb):
    entries = _listing(deb)
    for path in ("/opt/mykey-kiosk/kiosk", "/usr/bin/kiosk", "/usr/bin/mykey-kiosk-session"):
        assert entries[path][0] == "-rwxr-xr-x", path
    for path in ("/usr/share/applications/mykey-kiosk.desktop", "/usr/share/xsessions/mykey-kiosk-session.desktop",
                 "/usr/lib/systemd/user/mykey-kiosk.service", "/usr/share/doc/mykey-kiosk/copyright",
                 "/opt/mykey-kiosk/_internal/resources/theme/kiosk.qss",
                 "/opt/mykey-kiosk/_internal/resources/translations/kiosk_ja.qm",
                 "/opt/mykey-kiosk/_internal/resources/fonts/ipaexg.ttf",
                 "/opt/mykey-kiosk/_internal/resources/municipalities/municipalities.csv"):
        assert entries[path][0] == "-rw-r--r--", path
    assert {owner for _, owner in entries.values()} == {"root/root"}
    assert not [p for p in entries if p.startswith(("/home", "/root", "/tmp", "/work"))]


def test_deb_control_fields(deb):
    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", str(deb.path), name], check=True, capture_output=True,
                              text=True).stdout.strip()

    assert field("Package") == "mykey-kiosk"
    assert field("Version") == __version__
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert field("Architecture") == arch
    assert "libxcb-cursor0" in field("Depends")  # Qt 6's xcb platform plugin needs it
    assert int(field("Installed-Size")) > 100_000  # KiB: the whole bundle is in it
    assert deb.path.name == f"mykey-kiosk_{__version__}_{arch}.deb"


def test_unpacked_deb_runs_and_its_desktop_files_and_unit_are_valid(deb, tmp_path):
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb.path), str(root)], check=True)
    done = subprocess.run([str(root / "opt/mykey-kiosk/kiosk"), "--version"], env=bundle_env(tmp_path),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == f"kiosk {__version__}", done.stderr[-2000:]
    wrapper = (root / "usr/bin/kiosk").read_text()
    assert re.search(r'^exec /opt/mykey-kiosk/kiosk "\$@"$', wrapper, re.M)
    assert "Exec=kiosk run" in (root / "usr/share/applications/mykey-kiosk.desktop").read_text()
    assert "Exec=/usr/bin/mykey-kiosk-session" in (root / "usr/share/xsessions/mykey-kiosk-session.desktop").read_text()
    subprocess.run(["sh", "-n", str(root / "usr/bin/mykey-kiosk-session")], check=True)

    validate = shutil.which("desktop-file-validate")
    if validate:  # desktop-file-utils (./dev installs it)
        for name in ("usr/share/applications/mykey-kiosk.desktop", "usr/share/xsessions/mykey-kiosk-session.desktop"):
            done = subprocess.run([validate, str(root / name)], capture_output=True, text=True)
            assert done.returncode == 0 and "error" not in done.stdout.lower(), done.stdout + done.stderr

    unit = (root / "usr/lib/systemd/user/mykey-kiosk.service").read_text()
    assert "Restart=on-failure" in unit  # a crash is restarted; leaving with the administrator PIN (exit 0) is not
    assert "ExecStart=/usr/bin/kiosk run" in unit
    analyze = shutil.which("systemd-analyze")
    if analyze:
        # the same unit, pointing at the unpacked wrapper (verify checks that the command exists)
        local = tmp_path / "mykey-kiosk.service"
        local.write_text(unit.replace("/usr/bin/kiosk", str(root / "usr/bin/kiosk")))
        done = subprocess.run([analyze, "verify", str(local)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_installer_files_are_in_the_checkout():
    for name in ("installer/kiosk.spec", "installer/windows/mykey-kiosk.iss", "installer/linux/mykey-kiosk.service"):
        assert (ROOT / name).is_file(), name
