from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cardtest_pcscd import Pcscd, start_pcscd

from kiosk.demo import DemoPKI, ensure_demo_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPKI:
    return ensure_demo_pki(tmp_path_factory.mktemp("pki") / "pki")


@pytest.fixture(scope="session")
def _pcscd_daemons(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Pcscd]]:
    started: list[Pcscd] = []
    yield started
    for daemon in started:
        daemon.stop()


@pytest.fixture
def pcscd(_pcscd_daemons: list[Pcscd], tmp_path_factory: pytest.TempPathFactory) -> Pcscd:
    """A running pcscd with the vpcd readers (reused, or started; again if an auto-exit ended it)."""
    log = str(Path(tmp_path_factory.mktemp("pcscd")) / "pcscd.log")
    daemon, reason = start_pcscd(log)
    if daemon is None:
        if os.environ.get("CI"):
            pytest.fail(f"pcscd with vsmartcard-vpcd is required in CI: {reason}")
        pytest.skip(reason)
    if daemon.process is not None:
        _pcscd_daemons.append(daemon)
    return daemon
