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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL admin URL: KIOSK_TEST_PG_URL, else a throwaway cluster. Skips locally, fails under CI."""
    from sync_dbcloud import pg_admin_url

    yield from pg_admin_url()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_cloud(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cloud]:
    """The cloud subprocess on SQLite and on PostgreSQL (a fresh database on the session's cluster)."""
    from sync_dbcloud import fresh_database, running_cloud

    url = None if request.param == "sqlite" else fresh_database(request.getfixturevalue("pg_server"))
    with running_cloud(tmp_path, url) as c:
        yield c
