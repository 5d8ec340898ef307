"""The sync layer against the real kiosk_cloud server (subprocess, SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from sqlalchemy import select
from sqlalchemy.orm import Session
from sync_cloud import Cloud
from sync_consent import consent_for

from kiosk.core.consent import to_wire
from kiosk.demo.pki import ensure_demo_pki
from kiosk.sync.models import Operation
from kiosk.sync.outbox import QueuedOperation
from kiosk.sync.services import StoreDesk
from kiosk.sync.terminal import TerminalSync, open_terminal

YAMADA = "YMDTRU01"


def test_grants_drain_apply_and_replay(cloud: Cloud) -> None:
    data_dir = cloud.new_terminal("counter", "counter-1")
    programme = cloud.programme("Volunteering points")
    with open_terminal(data_dir, demo=True, batch_size=7) as t:
        cloud.clerk(t)  # the clerk logs in (issue 8): the queued grants carry the session
        assert t.engine.probe() and t.engine.online
        keys = [t.engine.submit("grant", {"programme_id": programme["id"], "mykey_id": YAMADA, "points": 10 + i})
                for i in range(20)]
        t.engine.submit("grant", {"programme_id": programme["id"], "mykey_id": "NOSUCHID", "points": 5})
        t.engine.submit("grant", {"programme_id": programme["id"], "mykey_id": YAMADA, "points": 1,
                                  "unexpected": True})
        report = t.engine.drain()
        assert report.error is None and report.remaining == 0
        assert [r.status for r in report.results[:20]] == ["applied"] * 20
        assert [r.key for r in report.results[:20]] == keys
        assert [r.status for r in report.results[20:]] == ["rejected", "rejected"]
        letters = t.engine.outbox.dead_letters()
        assert len(letters) == 2 and all(d.message_ja for d in letters)
        assert letters[1].code == "validation_error"
        counts = cloud.ledger_counts()
        assert all(counts[k] == 1 for k in keys)
        # a replay of the same keys applies nothing
        assert t.client is not None
        replay = t.client.sync(_as_queued(t, keys))
        assert {r.status for r in replay} == {"replayed"}
        assert cloud.ledger_counts() == counts
        # the reference data came along and the status reports its age
        assert t.engine.pull_reference() > 0
        status = t.engine.status()
        assert status.reference_counts["voucher_key"] >= 1 and status.reference_counts["shop"] >= 6
        assert status.reference_age_seconds is not None and status.reference_age_seconds < 60
        assert status.last_sync_at is not None and status.dead_letters == 2


def _as_queued(t: TerminalSync, keys: list[str]) -> list[QueuedOperation]:
    def load(session: Session) -> list[QueuedOperation]:
        ops = {o.key: o for o in session.scalars(select(Operation).where(Operation.key.in_(keys)))}
        return [QueuedOperation(0, k, ops[k].kind, ops[k].payload, ops[k].created_at, 0) for k in keys]

    return t.store.read(load)


def test_store_offline_then_back_reports_conflicts(cloud: Cloud) -> None:
    """Two shops redeem the same voucher offline and a card overspends offline: the cloud records conflicts."""
    pki = ensure_demo_pki(cloud.tmp / "demo" / "pki")
    office = cloud.new_terminal("office", "office-1")
    shop_a = cloud.new_terminal("store", "shop-a")
    shop_b = cloud.new_terminal("store", "shop-b")
    # issue a voucher from ito's balance through the office terminal (resident auth with the demo card key)
    with open_terminal(office, demo=True) as o:
        assert o.client is not None
        cloud.clerk(o, "OFC01")
        issued = o.client.issue_vouchers(consent_for(o, pki, "ito", 300, action="voucher_issue"), 1, 300, 1)
        code = issued["vouchers"][0]["code"]
    outcomes = []
    for data_dir in (shop_a, shop_b):
        with open_terminal(data_dir, demo=True) as t:
            assert t.engine.probe()
            t.engine.pull_reference()
            t.engine._online = False  # the shop is offline now (as after a failed probe)
            desk = StoreDesk(t.engine, terminal=t.terminal)
            outcomes.append(desk.redeem_voucher(code))
            again = desk.redeem_voucher(code)
            assert again.code == "voucher_already_used_here"
            # ito (2000 points of point type 1) pays offline within the daily limit, twice at two shops: the
            # statement is the desk's, signed by ito's card; the operation carries the proof to the cloud
            statement = desk.consent_statement(1, 1500)
            resident = pki.resident("ito")
            signature = resident.private_key().sign(statement, padding.PKCS1v15(), hashes.SHA256())
            assert resident.cert_der is not None
            outcomes.append(desk.pay_offline(to_wire(statement, signature, resident.cert_der), 1, 1500))
    assert all(o.accepted and o.offline for o in outcomes)
    statuses = []
    codes = []
    for data_dir in (shop_a, shop_b):
        with open_terminal(data_dir, demo=True) as t:
            report = t.engine.drain()
            assert report.error is None and report.remaining == 0
            statuses.append([r.status for r in report.results])
            conflicts = t.engine.outbox.conflicts()
            codes.append([c.code for c in conflicts])
            for c in conflicts:
                assert c.detail and "事務局" in c.message_ja and "office" in c.message
            assert t.engine.status().conflicts_open == len(conflicts)
    assert codes == [[], ["voucher_already_used", "insufficient_points"]]
    assert statuses[0] == ["applied", "applied"]
    assert statuses[1] == ["conflict", "conflict"]  # second use of the voucher; 1500 + 1500 > 2000 - 300
    office_view = cloud.admin.conflicts()
    items = office_view["conflicts"] if isinstance(office_view, dict) else office_view
    assert len(items) >= 2


def test_status_and_times(cloud: Cloud) -> None:
    data_dir = cloud.new_terminal("counter", "counter-2")
    with open_terminal(data_dir, demo=True) as t:
        assert t.engine.probe()
        offset = t.engine.status().clock_offset_seconds
        assert offset is not None and abs(offset) < 2
        assert abs((t.engine.clock.cloud_now() - datetime.now(UTC)).total_seconds()) < 2
        assert t.engine.status().credential_label and "デモ" in (t.engine.status().credential_label or "")
