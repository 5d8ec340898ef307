"""The shop terminal and the voucher rule's shop list (feed kind `voucher_rule`): offline, a voucher of a point type
whose rule does not name this shop is refused on the terminal (nothing queued, no "used here" record); a rule not
known to the terminal leaves it to the cloud (queued; the cloud makes it a conflict at sync); online the cloud
decides with the current rule, and its refusal leaves no "used here" record."""

from __future__ import annotations

import base64

import pytest
from sync_fakecloud import FakeCloud
from sync_vouchers import PUBLIC, voucher

from kiosk.sync.conflicts import describe_conflict
from kiosk.sync.credentials import TerminalCredentials
from kiosk.sync.engine import SyncEngine
from kiosk.sync.models import Redemption
from kiosk.sync.offline import MESSAGES
from kiosk.sync.services import StoreDesk

SHOP = 3


@pytest.fixture
def desk(engine: SyncEngine, cloud: FakeCloud) -> StoreDesk:
    cloud.add_change("voucher_key", "1", {"key_id": 1, "public_key": base64.b64encode(PUBLIC).decode(),
                                          "valid_from": "2020-01-01T00:00:00+00:00",
                                          "valid_until": "2099-01-01T00:00:00+00:00"})
    engine.reference.pull(engine.client)
    till = TerminalCredentials("http://cloud.test", 7, "good-token", "store", municipality_code="132063", shop_id=SHOP)
    return StoreDesk(engine, answer_wait=2.0, terminal=till)


def _rule(engine: SyncEngine, cloud: FakeCloud, shop_ids: list[int]) -> None:
    cloud.add_change("voucher_rule", "1", {"point_type_id": 1, "validity_days": 180, "max_points": 5000,
                                           "shop_ids": shop_ids})
    engine.reference.pull(engine.client)


def _used_here(engine: SyncEngine) -> list[str]:
    return engine.store.read(lambda s: [r.voucher_number for r in s.query(Redemption).all()])


def test_offline_a_known_rule_that_does_not_name_this_shop_is_refused_here(desk: StoreDesk, engine: SyncEngine,
                                                                           cloud: FakeCloud) -> None:
    engine._online = False
    assert engine.reference.voucher_shops(1) is None
    unknown_rule = desk.redeem_voucher(voucher(1))  # no rule known: accepted, the cloud decides at sync
    assert unknown_rule.accepted and unknown_rule.status == "queued"

    _rule(engine, cloud, [SHOP + 1, SHOP + 2])
    assert engine.reference.voucher_shops(1) == (SHOP + 1, SHOP + 2)
    refused = desk.redeem_voucher(voucher(2))
    assert not refused.accepted and refused.code == "voucher_shop_not_allowed"
    assert refused.message == MESSAGES["voucher_shop_not_allowed"][0] and "この店舗では使用できません" in refused.message_ja
    assert engine.outbox.length() == 1 and len(_used_here(engine)) == 1  # only the first voucher

    _rule(engine, cloud, [SHOP])  # this shop named
    assert desk.redeem_voucher(voucher(3)).accepted
    _rule(engine, cloud, [])  # an empty list: every shop
    assert desk.redeem_voucher(voucher(4)).accepted
    assert engine.outbox.length() == 3


def test_online_the_cloud_decides_and_its_refusal_leaves_no_used_here_record(desk: StoreDesk, engine: SyncEngine,
                                                                             cloud: FakeCloud) -> None:
    _rule(engine, cloud, [SHOP + 1])  # a stale copy: online the terminal does not refuse on it
    engine.start()
    assert engine.probe()
    cloud.reject = lambda op: ("voucher_shop_not_allowed", "This voucher cannot be used at this shop.")
    refused = desk.redeem_voucher(voucher(5))
    assert refused.status == "rejected" and refused.code == "voucher_shop_not_allowed"
    assert _used_here(engine) == []  # a second scan is not "already used at this shop"
    cloud.reject = lambda op: None
    assert desk.redeem_voucher(voucher(5)).status == "applied"


def test_the_conflict_at_sync_is_worded_for_the_shop() -> None:
    code, english, japanese = describe_conflict("offline_voucher_redeem", {
        "number": "0000000000013", "status": "issued", "problem": "voucher_shop_not_allowed"})
    assert code == "voucher_shop_not_allowed"
    assert "0000000000013" in english and "cannot be used at this shop" in english and "この店舗では使用できません" in japanese
