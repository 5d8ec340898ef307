"""The typed cloud client against the real server: answers, typed errors, cloud time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sync_cloud import Cloud
from sync_cloudproc import free_port

from kiosk.sync.client import CloudClient
from kiosk.sync.errors import CloudRejected, CloudUnavailable
from kiosk.sync.terminal import open_terminal

JST = timezone(timedelta(hours=9))


def test_reads_and_reports(cloud: Cloud) -> None:
    admin = cloud.admin
    assert admin.me()["role"] == "admin"
    assert [p["code"] for p in admin.point_types()["point_types"]] == ["fuchu", "fuchu-kosodate"]
    month = datetime.now(JST).strftime("%Y-%m")  # reports count by the municipality's (Japan) month
    report = admin.report_grants(month)
    assert report["month"] == month and report["totals"]["total"] > 0
    csv_text = admin.report_grants_csv(month)
    assert csv_text.splitlines()[0].startswith("programme_id")
    assert admin.conflicts()["conflicts"] == []
    counter_dir = cloud.new_terminal("counter", "client-counter")
    with open_terminal(counter_dir, demo=True) as t:
        assert t.client is not None
        cloud.clerk(t)  # a counter reads a resident's balance with its clerk logged in (issue 8)
        balance = t.client.balances("YMDTRU01")
        assert balance["mykey_id"] == "YMDTRU01"
        assert sum(a["balance"] for a in balance["accounts"]) == 2000  # demo: 1500 check-up + 500 premium


def test_typed_errors(cloud: Cloud) -> None:
    with pytest.raises(CloudRejected) as exc:
        cloud.admin.get_mykey_id("ZZZZZZZZ")
    assert exc.value.status == 404 and exc.value.code and exc.value.message_ja
    with CloudClient(cloud.url, "1.not-a-real-secret") as stranger:
        with pytest.raises(CloudRejected) as denied:
            stranger.me()
        assert denied.value.status == 401
        with pytest.raises(CloudRejected) as bad_code:
            stranger.enrol("NOSUCHCODE00", "x")
        assert bad_code.value.status in (400, 404, 409, 422) and bad_code.value.message_ja
    with CloudClient(f"http://127.0.0.1:{free_port()}", "t", timeout=1.0) as nowhere, \
            pytest.raises(CloudUnavailable):
        nowhere.health()
    with CloudClient(cloud.url) as anonymous, pytest.raises(CloudRejected) as no_token:
        anonymous.point_types()
    assert no_token.value.code == "not_enrolled"


def test_cloud_time_is_learned(cloud: Cloud) -> None:
    with CloudClient(cloud.url) as client:
        assert client.clock.offset is None
        assert client.health()["status"] == "ok"
        offset = client.clock.offset
        assert offset is not None and abs(offset.total_seconds()) < 1.5
