"""The real cloud subprocess on SQLite or on PostgreSQL (a throwaway cluster, as the cloud tests start one:
tests/integration/cloud/pg.py). Without PostgreSQL the PostgreSQL half skips locally and FAILS under CI."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from sync_cloud import Cloud
from sync_cloudproc import CloudProcess

from kiosk.sync.client import CloudClient
from kiosk_cloud.demo import init_demo


def _pg_module() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "cloud" / "pg.py"
    spec = importlib.util.spec_from_file_location("kiosk_tests_cloud_pg", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pg = _pg_module()


def pg_admin_url() -> Iterator[str]:
    """KIOSK_TEST_PG_URL, else a throwaway cluster for the session (generator for a session fixture)."""
    yield from pg.admin_url_or_skip()


def fresh_database(admin_url: str) -> str:
    return str(pg.fresh_database(admin_url))


@contextmanager
def running_cloud(tmp_path: Path, database_url: str | None = None, *, log_level: str = "warning",
                  env: dict[str, str] | None = None, verbose: bool = False) -> Iterator[Cloud]:
    """`kiosk-cloud serve` on `database_url` (default: a SQLite file in tmp_path) with the demo data, an admin
    terminal enrolled and its admin clerk logged in."""
    process = CloudProcess(tmp_path / "cloud.db", database_url=database_url, log_level=log_level, env=env,
                           verbose=verbose)
    info = init_demo(process.database_url, tmp_path / "demo")
    process.start()
    admin = CloudClient(process.url)
    try:
        answer = admin.enrol(info.enrolment_codes["admin"], "test admin")
        admin.set_token(answer["token"])
        admin.staff_login("ADM01", "demo-pass")
        yield Cloud(process, info, admin, tmp_path)
    except BaseException:
        if process.log.exists():  # the cloud's side of a failure (a 500's traceback)
            print(f"--- cloud log (last 4000 characters) ---\n{process.log.read_text(errors='replace')[-4000:]}")
        raise
    finally:
        admin.close()
        process.stop()
