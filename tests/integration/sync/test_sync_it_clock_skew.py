"""A store terminal whose clock is an hour off redeems a fresh voucher offline and syncs it: the validity check
and the operation's time both use the cloud's time learned from responses."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from sync_cloud import Cloud

from kiosk.demo.pki import ensure_demo_pki
from kiosk.sync.clock import ClockOffset
from kiosk.sync.services import StoreDesk
from kiosk.sync.terminal import open_terminal


@pytest.mark.parametrize("skew_hours", [1, -1])
def test_terminal_an_hour_off(cloud: Cloud, skew_hours: int) -> None:
    pki = ensure_demo_pki(cloud.tmp / "demo" / "pki")
    office = cloud.new_terminal("office", f"office{skew_hours}")
    shop = cloud.new_terminal("store", f"shop{skew_hours}")
    with open_terminal(office, demo=True) as o:
        assert o.client is not None
        cloud.clerk(o, "OFC01")
        resident = pki.resident("takahashi")
        challenge = o.client.auth_challenge()
        signature = resident.private_key().sign(base64.b64decode(challenge["challenge"]), padding.PKCS1v15(),
                                                hashes.SHA256())
        assert resident.cert_der is not None
        token = o.client.auth_verify(challenge["challenge_id"], resident.cert_der, signature)["auth_token"]
        voucher = o.client.issue_vouchers(token, 1, 200, 1)["vouchers"][0]
    assert abs(datetime.fromisoformat(voucher["valid_from"]) - datetime.now(UTC)) < timedelta(minutes=1)
    skewed = ClockOffset(clock=lambda: datetime.now(UTC) + timedelta(hours=skew_hours))
    with open_terminal(shop, demo=True, clock=skewed) as t:
        assert t.engine.probe()
        t.engine.pull_reference()
        offset = t.engine.status().clock_offset_seconds
        assert offset is not None and abs(offset + skew_hours * 3600) < 2
        t.engine._online = False  # offline from here on
        outcome = StoreDesk(t.engine).redeem_voucher(voucher["code"])
        assert outcome.accepted and outcome.offline, outcome
        created_at = t.engine.outbox.peek(1)[0].created_at
        assert abs(created_at - datetime.now(UTC)) < timedelta(seconds=5)
        report = t.engine.drain()
        assert [r.status for r in report.results] == ["applied"], report
        redeemed_at = datetime.fromisoformat(report.results[0].result["redeemed_at"])
        assert abs(redeemed_at - created_at) < timedelta(seconds=2)
