"""The PyInstaller one-folder bundle, built from this checkout, runs on its own: `kiosk --version`, and
`kiosk self-test` opens every screen offscreen in demo mode and exits 0 (and 1 when its resources are missing)."""

from __future__ import annotations

import subprocess

import pytest
from conftest import bundle_env

from kiosk import __version__

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # the session's first test waits for the build


def test_version(bundle, tmp_path):
    done = subprocess.run([str(bundle.path / "kiosk"), "--version"], env=bundle_env(tmp_path), cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == f"kiosk {__version__}"


def test_bundle_holds_its_resources(bundle):
    internal = bundle.path / "_internal"
    for name in ("resources/theme/kiosk.qss", "resources/translations/kiosk_ja.qm", "resources/sounds/ok.wav",
                 "resources/municipalities/municipalities.csv", "resources/fonts/ipaexg.ttf"):
        assert (internal / name).is_file(), name
    # Alembic reads migration scripts as files, on both sides of the demo
    assert list((internal / "kiosk" / "sync" / "migrations" / "versions").glob("*.py"))
    assert list((internal / "kiosk_cloud" / "migrations" / "versions").glob("*.py"))
    assert not (internal / "resources" / "translations" / "kiosk_ja.ts").exists()  # sources stay out


def test_self_test_opens_every_screen(bundle, tmp_path):
    done = subprocess.run([str(bundle.path / "kiosk"), "self-test"], env=bundle_env(tmp_path), cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    out = done.stdout
    assert "(bundle," in out  # it ran frozen, from the bundle's own resources
    assert f"resources: {bundle.path / '_internal' / 'resources'}" in out
    for screen in ("roles", "counter_home", "grant", "settings", "store_pay", "office_issue", "admin_reports"):
        assert f"ok    screen {screen}\n" in out
    assert "端末の役割を選んでください" in out  # the Japanese translation was loaded
    assert "FAIL" not in out
    assert "self-test passed" in out


def test_self_test_fails_without_its_resources(bundle, tmp_path):
    empty = tmp_path / "no-resources"
    empty.mkdir()
    done = subprocess.run([str(bundle.path / "kiosk"), "self-test"], env=bundle_env(tmp_path, KIOSK_RESOURCES=str(empty)),
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout[-3000:] + done.stderr[-3000:]
    assert "FAIL  resources:" in done.stdout and f"missing under {empty}" in done.stdout
    assert "self-test FAILED" in done.stdout
