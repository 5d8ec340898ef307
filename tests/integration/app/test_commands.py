"""The real commands in subprocesses: `kiosk demo` starts (offscreen) and `kiosk screenshots` renders every screen."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

KIOSK = [str(Path(sys.executable).parent / "kiosk")]  # the installed console script


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    return env


def test_demo_starts_fresh_then_again_on_its_data(tmp_path):
    data = tmp_path / "demo"
    for _ in range(2):  # the first run initialises the demo, the second reuses it (new cloud port, same token)
        done = subprocess.run([*KIOSK, "demo", "--data-dir", str(data), "--quit-after", "2"], env=_env(tmp_path),
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr[-2000:]
    assert (data / "demo-info.json").exists()
    marker = data / "terminal" / "marker"
    marker.write_text("x")
    done = subprocess.run([*KIOSK, "demo", "--data-dir", str(data), "--reset", "--quit-after", "1"],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not marker.exists()
    assert (data / "terminal" / "terminal.db").exists()
    assert (data / "keyring" / "demo-credentials.cfg").exists()


def test_run_without_enrolment_says_so(tmp_path):
    env = _env(tmp_path)
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    done = subprocess.run([*KIOSK, "run", "--data-dir", str(tmp_path / "t")], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "登録されていません" in done.stderr and "not enrolled" in done.stderr


@pytest.mark.slow
def test_screenshots_of_every_screen_at_both_sizes(tmp_path):
    out = tmp_path / "shots"
    done = subprocess.run([*KIOSK, "screenshots", "--out", str(out)], env=_env(tmp_path), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    for size in ((1280, 800), (1920, 1080)):
        files = sorted(p for p in (out / f"{size[0]}x{size[1]}").glob("*.png")
                       if "-pdf-" not in p.name)  # printed documents rendered beside the screens: their own size
        pdf_pages = sorted((out / f"{size[0]}x{size[1]}").glob("*-pdf-*.png"))
        assert len(files) >= 25 and pdf_pages  # the office's and the administration's PDFs are looked at too
        for path in files:
            image = QImage(str(path))
            assert (image.width(), image.height()) == size, path.name
