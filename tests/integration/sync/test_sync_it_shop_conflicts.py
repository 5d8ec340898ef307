"""Both shops of a voucher used twice offline learn of it: the one whose redemption stands pulls it from the cloud."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_cloud import Cloud
from sync_consent import consent_for

from kiosk.cli import main
from kiosk.demo.pki import ensure_demo_pki
from kiosk.sync.outbox import OperationResult
from kiosk.sync.services import StoreDesk
from kiosk.sync.terminal import open_terminal


def _issue_voucher(cloud: Cloud) -> str:
    pki = ensure_demo_pki(cloud.tmp / "demo" / "pki")
    office = cloud.new_terminal("office", "office-1")
    with open_terminal(office, demo=True) as o:
        assert o.client is not None
        cloud.clerk(o, "OFC01")
        consent = consent_for(o, pki, "ito", 300, action="voucher_issue")
        return str(o.client.issue_vouchers(consent, 1, 300, 1)["vouchers"][0]["code"])


def _cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["sync", "--data-dir", str(data_dir), "--demo", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_shop_whose_redemption_stands_is_told_and_acknowledges(cloud: Cloud, capsys: pytest.CaptureFixture[str]) -> None:
    code = _issue_voucher(cloud)
    shop_a = cloud.new_terminal("store", "shop-a", shop=0)
    shop_b = cloud.new_terminal("store", "shop-b", shop=1)
    shop_c = cloud.new_terminal("store", "shop-c", shop=2)
    for data_dir in (shop_a, shop_b):
        with open_terminal(data_dir, demo=True) as t:
            assert t.engine.probe()
            t.engine.pull_reference()
            t.engine._online = False  # offline now (as after a failed probe)
            outcome = StoreDesk(t.engine).redeem_voucher(code)
            assert outcome.accepted and outcome.offline
    # A syncs first (its redemption is applied), then B (conflict); then A's worker pulls its shop's conflicts
    heard: list[OperationResult] = []
    for data_dir in (shop_a, shop_b, shop_a, shop_c):
        with open_terminal(data_dir, demo=True, idle_probe_interval=0.1) as t:
            t.engine.add_conflict_listener(heard.extend)
            t.engine.cycle()
    assert [(r.kind, r.status) for r in heard] == [("offline_voucher_redeem", "conflict")] * 2
    assert not heard[0].key.startswith("cloud-")  # B's own sync result
    assert heard[1].key.startswith("cloud-") and heard[1].code == "voucher_presented_elsewhere"  # A, pulled
    # the conflict survives a restart of A's terminal and is counted in its status
    with open_terminal(shop_a, demo=True) as t:
        listed = t.engine.outbox.conflicts()
        assert len(listed) == 1
        (conflict,) = listed
        assert conflict.key.startswith("cloud-") and conflict.acknowledged_at is None
        assert conflict.code == "voucher_presented_elsewhere"
        assert "別の店舗でも提示" in conflict.message_ja and "対応は不要" in conflict.message_ja
        assert "another shop" in conflict.message
        assert conflict.detail is not None and conflict.detail["involvement"] == "redeemed_here"
        assert t.engine.status().conflicts_open == 1
        # a second pull adds nothing (keyed by the cloud's id, cursor kept)
        assert t.engine.pull_conflicts() == []
    # B has it once (its own sync result), not again from the cloud; C (a third shop) has nothing
    with open_terminal(shop_b, demo=True) as t:
        assert t.engine.pull_conflicts() == []
        assert [c.code for c in t.engine.outbox.conflicts()] == ["voucher_already_used"]
        assert t.engine.status().conflicts_open == 1
    with open_terminal(shop_c, demo=True) as t:
        assert t.engine.outbox.conflicts() == [] and t.engine.status().conflicts_open == 0
    # the CLI lists it with the Japanese text and acknowledges it
    code_, out, err = _cli(capsys, shop_a, "conflicts", "--open")
    assert code_ == 0, err
    assert conflict.key in out and "別の店舗でも提示" in out
    code_, out, err = _cli(capsys, shop_a, "acknowledge", conflict.key)
    assert code_ == 0, err
    assert _cli(capsys, shop_a, "acknowledge", "cloud-999999")[0] == 1
    with open_terminal(shop_a, demo=True) as t:
        assert t.engine.outbox.conflicts(include_acknowledged=False) == []
        assert t.engine.status().conflicts_open == 0
        assert t.engine.outbox.conflicts()[0].acknowledged_at is not None
    assert "不整合はありません" in _cli(capsys, shop_a, "conflicts", "--open")[1]
