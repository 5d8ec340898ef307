"""Updates: the terminal reads the cloud's `min_terminal_version` from /v1/health (the real embedded cloud, set to a
higher minimum), refuses to run with a full-screen message in the user's language, and shows its version and the
minimum in the status line."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli.gui import _outdated
from kiosk.sync.client import CloudClient
from kiosk.version import TerminalOutdated, check, is_older, parse
from kiosk_cloud.embedded import start_embedded
from kiosk_cloud.settings import Settings

SHOTS = Path(os.environ.get("KIOSK_TEST_SHOTS", "/tmp/kiosk-version-shots"))


@pytest.fixture
def cloud_with_minimum(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[CloudClient]:
    url = f"sqlite:///{tmp_path / 'cloud.db'}"
    cloud = start_embedded(url, settings=Settings(database_url=url, min_terminal_version=request.param))
    client = CloudClient(cloud.url)
    yield client
    client.close()
    cloud.stop()


def test_versions_compare_numerically() -> None:
    assert parse("1.2.10") == (1, 2, 10) and parse("v2.0.0") == (2,) and parse("") == (0,) and parse("0") == (0,)
    assert is_older("0.9.9", "0.10") and not is_older("0.10.0", "0.9.9") and not is_older("1.0", "1.0.0")
    assert is_older("1.0rc1", "1.0.1") and not is_older(__version__, "0")


@pytest.mark.parametrize("cloud_with_minimum", ["99.0"], indirect=True)
def test_an_older_terminal_refuses_to_run(qapp, cloud_with_minimum: CloudClient) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.update_required import UpdateRequiredWindow

    state = check(cloud_with_minimum)
    assert state.minimum == "99.0" and state.terminal == __version__ and state.outdated
    outdated = _outdated(cloud_with_minimum)
    assert isinstance(outdated, TerminalOutdated)
    SHOTS.mkdir(parents=True, exist_ok=True)
    for language, words in (("ja", ("更新が必要", "情報システム担当", "99.0 以上")),
                            ("en", ("must be updated", "municipality's IT department", "required: 99.0 or later"))):
        window = UpdateRequiredWindow(outdated, language)
        window.resize(1280, 800)
        window.show()
        qapp.processEvents()
        assert all(w in window.text() for w in words), window.text()
        assert __version__ in window.versions.text()
        window.grab().save(str(SHOTS / f"update-required-{language}.png"))
        window.close()
    for window in qapp.topLevelWidgets():
        window.close()
    # refuse_to_run runs the application's event loop to its end: in a process of its own, as the terminal does (a
    # quit loop left the test session's shared application unable to finish a later staff login)
    script = ("import sys\n"
              "from kiosk.app import ensure_qapp\n"
              "from kiosk.ui.update_required import refuse_to_run\n"
              "from kiosk.version import TerminalOutdated\n"
              f"sys.exit(refuse_to_run(ensure_qapp(), TerminalOutdated({__version__!r}, '99.0'), 'en', quit_after=0.2))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 3, done.stderr[-2000:]
    assert "must be updated" in done.stderr and "99.0" in done.stderr


@pytest.mark.parametrize("cloud_with_minimum", [__version__], indirect=True)
def test_a_current_terminal_runs_and_shows_both_versions(qapp, cloud_with_minimum: CloudClient) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.widgets.statusbar import KioskStatusBar

    assert not check(cloud_with_minimum).outdated
    assert _outdated(cloud_with_minimum) is None
    bar = KioskStatusBar()
    bar.set_sync_status(True, 0, "")
    assert bar.version_label.text() == f"v{__version__} (≥ {__version__})"


def test_an_unreachable_cloud_does_not_stop_the_terminal() -> None:
    client = CloudClient("http://127.0.0.1:9")  # nothing listens on the discard port
    try:
        state = check(client)
    finally:
        client.close()
    assert not state.outdated
