from __future__ import annotations

import pytest

from kiosk.demo import DemoPKI, ensure_demo_pki


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPKI:
    return ensure_demo_pki(tmp_path_factory.mktemp("card-pki") / "pki")
