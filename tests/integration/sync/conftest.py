from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_cloud import Cloud
from sync_cloudproc import CloudProcess

from kiosk.sync.client import CloudClient
from kiosk_cloud.demo import init_demo


@pytest.fixture
def cloud(tmp_path: Path) -> Iterator[Cloud]:
    process = CloudProcess(tmp_path / "cloud.db")
    info = init_demo(process.database_url, tmp_path / "demo")
    process.start()
    admin = CloudClient(process.url)
    answer = admin.enrol(info.enrolment_codes["admin"], "test admin")
    admin.set_token(answer["token"])
    admin.staff_login("ADM01", "demo-pass")  # an admin clerk (issue 8): enrolment codes, reports, admin calls
    try:
        yield Cloud(process, info, admin, tmp_path)
    finally:
        admin.close()
        process.stop()
