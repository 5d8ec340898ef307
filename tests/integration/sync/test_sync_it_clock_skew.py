"""Terminals whose clocks are an hour off, on SQLite and PostgreSQL: a store redeems a fresh voucher offline, takes a
card payment online and one offline with the resident's consent, and a counter's clerk grants points offline; all
sync and are applied exactly once. The validity check, the consent statement's time (the cloud accepts it only within
its clock skew), the staff session's window and the operations' times all use the cloud's time learned from
responses, never the terminal's own clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sync_cloud import Cloud
from sync_consent import consent_for
from sync_ledger import ledger_counts, snapshot

from kiosk.core.consent import to_wire
from kiosk.demo.consent import sign_statement_with
from kiosk.demo.pki import ensure_demo_pki
from kiosk.sync.clock import ClockOffset
from kiosk.sync.services import StoreDesk
from kiosk.sync.terminal import open_terminal


@pytest.mark.parametrize("skew_hours", [1, -1])
def test_terminal_an_hour_off(db_cloud: Cloud, skew_hours: int) -> None:
    cloud = db_cloud
    pki = ensure_demo_pki(cloud.tmp / "demo" / "pki")
    office = cloud.new_terminal("office", f"office{skew_hours}")
    shop = cloud.new_terminal("store", f"shop{skew_hours}")
    counter = cloud.new_terminal("counter", f"counter{skew_hours}")
    with open_terminal(office, demo=True) as o:
        assert o.client is not None
        cloud.clerk(o, "OFC01")
        consent = consent_for(o, pki, "takahashi", 200, action="voucher_issue")
        voucher = o.client.issue_vouchers(consent, 1, 200, 1)["vouchers"][0]
    assert abs(datetime.fromisoformat(voucher["valid_from"]) - datetime.now(UTC)) < timedelta(minutes=1)
    before = snapshot(cloud.process.database_url)
    skewed = ClockOffset(clock=lambda: datetime.now(UTC) + timedelta(hours=skew_hours))
    with open_terminal(shop, demo=True, clock=skewed) as t:
        assert t.engine.probe()
        t.engine.pull_reference()
        offset = t.engine.status().clock_offset_seconds
        assert offset is not None and abs(offset + skew_hours * 3600) < 2
        desk = StoreDesk(t.engine, terminal=t.terminal, answer_wait=0)
        ito = pki.resident("ito")
        assert ito.cert_der is not None
        # online: the statement says the cloud's time, so the cloud (±clock skew) takes it
        statement = desk.consent_statement(1, 120)
        assert abs(datetime.fromisoformat(statement.decode().rsplit("at=", 1)[1]) - datetime.now(UTC)) \
            < timedelta(seconds=5)
        online_key = desk.pay_online(to_wire(statement, sign_statement_with(ito, statement), ito.cert_der), 1, 120).key
        t.engine._online = False  # offline from here on
        outcome = desk.redeem_voucher(voucher["code"])
        assert outcome.accepted and outcome.offline, outcome
        offline_statement = desk.consent_statement(1, 80)
        paid = desk.pay_offline(to_wire(offline_statement, sign_statement_with(ito, offline_statement),
                                        ito.cert_der), 1, 80)
        assert paid.accepted and paid.offline, paid
        for op in t.engine.outbox.peek(10):
            assert abs(op.created_at - datetime.now(UTC)) < timedelta(seconds=5)
        report = t.engine.drain()
        assert [r.status for r in report.results] == ["applied"] * 3, report
        by_key = {r.key: r for r in report.results}
        redeemed_at = datetime.fromisoformat(by_key[outcome.key or ""].result["redeemed_at"])
        assert abs(redeemed_at - datetime.now(UTC)) < timedelta(seconds=10)
    with open_terminal(counter, demo=True, clock=skewed) as c:
        assert c.engine.probe()
        cloud.clerk(c)  # online login; the grant below is queued offline and carries the session
        c.engine._online = False
        grant_key = c.engine.submit("grant", {"programme_id": cloud.programme("Volunteering points")["id"],
                                              "mykey_id": "YMDTRU01", "points": 30}, offline=True)
        report = c.engine.drain()
        assert [(r.key, r.status) for r in report.results] == [(grant_key, "applied")], report
    # exactly once: one ledger row per key, the balances moved by exactly these amounts
    counts = ledger_counts(cloud.process.database_url, before.max_ledger_id)
    assert counts == {online_key: 1, paid.key: 1, grant_key: 1}, counts
    after = snapshot(cloud.process.database_url)
    assert after.balances["ITOYKO04"] == before.balances["ITOYKO04"] - 200
    assert after.balances["YMDTRU01"] == before.balances["YMDTRU01"] + 30
    assert after.redeemed - before.redeemed == {voucher["number"]}
