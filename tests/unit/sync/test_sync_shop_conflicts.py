"""Conflicts of this shop pulled from the cloud: paging, no duplicates, own operations skipped, the old store."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kiosk.sync import shop_conflicts
from kiosk.sync.conflicts import describe_conflict
from kiosk.sync.errors import CloudProtocolError
from kiosk.sync.outbox import OperationResult, Outbox
from kiosk.sync.store import LocalStore

NOW = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)


class Source:
    """The cloud's GET /v1/conflicts for a store terminal, paged by id like the real one."""

    def __init__(self, items: list[dict[str, Any]], page: int = 2) -> None:
        self.items, self.page = items, page
        self.calls: list[int] = []

    def conflicts(self, resolved: bool = False, *, include_resolved: bool = False,
                  after_id: int = 0) -> dict[str, Any]:
        self.calls.append(after_id)
        rows = [i for i in self.items if i["id"] > after_id][:self.page]
        return {"conflicts": rows, "cursor": rows[-1]["id"] if rows else after_id, "more": len(rows) == self.page}


def _voucher(cid: int, key: str, involvement: str = "redeemed_here") -> dict[str, Any]:
    return {"id": cid, "kind": "offline_voucher_redeem", "operation_key": key, "terminal_id": 9, "shop_id": 2,
            "detail": {"number": f"N{cid}", "problem": "voucher_already_used", "redeemed_shop_id": 1},
            "created_at": NOW.isoformat(), "resolved": False, "involvement": involvement}


def test_pull_pages_stores_once_and_skips_own_operations(store: LocalStore) -> None:
    outbox = Outbox(store, lambda: NOW)
    own = outbox.enqueue("offline_voucher_redeem", {"code": "x"}, offline=True)
    outbox.record_results(outbox.peek(1), [OperationResult(own, "offline_voucher_redeem", "conflict",
                                                           result={"problem": "voucher_already_used"})])
    source = Source([_voucher(3, "k3"), _voucher(5, own, "attempted_here"), _voucher(8, "k8")])
    added = shop_conflicts.pull(store, source, lambda: NOW)
    assert [c.cloud_id for c in added] == [3, 8]
    assert source.calls == [0, 5]  # followed `more` to the second page
    assert shop_conflicts.pull(store, source, lambda: NOW) == [] and source.calls[-1] == 8
    views = outbox.conflicts()
    assert [v.key for v in views] == [own, "cloud-3", "cloud-8"]
    assert views[1].code == "voucher_presented_elsewhere" and "N3" in views[1].message_ja
    assert views[1].detail is not None and views[1].detail["conflict_id"] == 3
    assert outbox.open_conflict_count() == 3
    outbox.acknowledge_conflict("cloud-8")
    assert [v.key for v in outbox.conflicts(include_acknowledged=False)] == [own, "cloud-3"]
    assert outbox.open_conflict_count() == 2
    with pytest.raises(KeyError):
        outbox.acknowledge_conflict("cloud-4")


def test_a_malformed_answer_stores_nothing_and_keeps_the_cursor(store: LocalStore) -> None:
    class Bad:
        def conflicts(self, resolved: bool = False, *, include_resolved: bool = False,
                      after_id: int = 0) -> dict[str, Any]:
            return {"conflicts": [{"id": "seven"}], "cursor": 7, "more": False}

    source = Bad()
    with pytest.raises(CloudProtocolError):
        shop_conflicts.pull(store, source, lambda: NOW)
    assert store.get_state(shop_conflicts.CURSOR) is None
    assert Outbox(store).conflicts() == []


def test_wording_depends_on_how_the_shop_took_part() -> None:
    detail = {"number": "A1", "problem": "voucher_already_used"}
    assert describe_conflict("offline_voucher_redeem", detail)[0] == "voucher_already_used"
    code, english, japanese = describe_conflict("offline_voucher_redeem", detail, "redeemed_here")
    assert code == "voucher_presented_elsewhere" and "A1" in english and "A1" in japanese
    overspend = {"problems": ["insufficient_points"], "shortfall": 5}
    assert describe_conflict("offline_payment", overspend, "redeemed_here")[0] == "insufficient_points"


def test_an_old_store_upgrades_and_keeps_its_conflicts(tmp_path: Path) -> None:
    from kiosk.sync.db import current_revision, make_engine, upgrade

    engine = make_engine(tmp_path / "old.db")
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO operations (key, kind, payload, created_at, offline, status) "
                          "VALUES ('k1', 'offline_payment', '{}', :t, 1, 'conflict')"), {"t": NOW.isoformat()})
        conn.execute(text("INSERT INTO conflicts (operation_key, kind, code, message, message_ja, reported_at) "
                          "VALUES ('k1', 'offline_payment', 'insufficient_points', 'm', 'ja', :t)"),
                     {"t": NOW.isoformat()})
    engine.dispose()
    with LocalStore(tmp_path / "old.db") as store:
        assert current_revision(store.engine) == "0003"
        outbox = Outbox(store)
        assert [c.key for c in outbox.conflicts()] == ["k1"] and outbox.open_conflict_count() == 1
