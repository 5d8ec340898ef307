"""The installed terminal: the PyInstaller one-folder bundle is built ONCE per test session from this checkout
(installer/build_bundle.py; about 2–3 minutes on 2 cores), then the .deb from it (zstd, for speed; releases use xz).

Without PyInstaller or dpkg-deb the tests skip on a developer's machine and fail under CI (CI=true)."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "installer" / "linux"))


def _missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"packaging tests need {reason} under CI")
    pytest.skip(f"needs {reason}")


@dataclass(frozen=True)
class Built:
    path: Path
    seconds: float


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Built:
    if importlib.util.find_spec("PyInstaller") is None:
        _missing("PyInstaller (pip install -e '.[dev]')")
    import build_bundle

    base = tmp_path_factory.mktemp("pyinstaller")
    started = time.monotonic()
    path = build_bundle.build(base / "dist", base / "work")
    seconds = time.monotonic() - started
    shutil.rmtree(base / "work", ignore_errors=True)
    print(f"\nbundle built in {seconds:.0f} s: {path}", file=sys.stderr)
    return Built(path, seconds)


@pytest.fixture(scope="session")
def deb(bundle: Built, tmp_path_factory: pytest.TempPathFactory) -> Built:
    if shutil.which("dpkg-deb") is None:
        _missing("dpkg-deb")
    import build_deb

    started = time.monotonic()
    path = build_deb.build(bundle.path, tmp_path_factory.mktemp("deb"), compression="zstd", level=3)
    return Built(path, time.monotonic() - started)


def bundle_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The bundle run as a fresh user: its own HOME and data directories, offscreen, no source tree on the path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KIOSK_", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "xdg"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path / "run"))
    (tmp_path / "run").mkdir(mode=0o700, exist_ok=True)
    env.update(extra)
    return env
