"""The office's voucher work over real HTTP on SQLite and PostgreSQL (issue 11): re-print (marked, audited),
void-and-re-issue, reconciliation of a mixed bundle closed as one record per shop; the office without a clerk,
other roles, and numbers without a second clerk refused with nothing written."""

from __future__ import annotations

from typing import Any

from .helpers import Cloud, key
from .limits_db import rows
from .office_helpers import balance, counts, issue, without_audit


def test_reprint_is_marked_and_audited_and_reissue_replaces_a_damaged_voucher(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    first, second = issue(cloud, office, "yamada", 300, count=2)
    left = balance(cloud, "yamada")
    copy = office.ok("POST", f"/office/vouchers/{first['number']}/reprint")
    assert copy["reprint"] is True and copy["copy"] == 2 and copy["code"] == first["code"]
    assert office.ok("POST", f"/office/vouchers/{first['number']}/reprint")["copy"] == 3
    audit = rows(cloud.demo.database_url, "SELECT subject, detail, staff_id FROM audit_log WHERE action = "
                 "'voucher_reprint' ORDER BY id")
    assert [r.subject for r in audit] == [f"voucher {first['number']}"] * 2 and all(r.staff_id for r in audit)

    swapped = office.ok("POST", f"/office/vouchers/{second['number']}/reissue")
    assert swapped["voided"] == second["number"] and swapped["voucher"]["number"] != second["number"]
    assert swapped["voucher"]["points"] == 300 and swapped["voucher"]["valid_until"] == second["valid_until"]
    assert balance(cloud, "yamada") == left  # the points went from the old voucher straight to the new one
    before = counts(cloud.demo.database_url)
    for path in (f"/office/vouchers/{second['number']}/reissue", f"/office/vouchers/{second['number']}/reprint"):
        assert office.post(path).status_code == 409
    assert counts(cloud.demo.database_url) == before
    store = cloud.terminal("store")
    old = store.post("/vouchers/redeem", {"code": second["code"], "idempotency_key": key()})
    assert old.status_code == 409 and old.json()["error"]["code"] == "voucher_voided"
    new = store.ok("POST", "/vouchers/redeem", {"code": swapped["voucher"]["code"], "idempotency_key": key()})
    assert new["points"] == 300
    (row,) = rows(cloud.demo.database_url, "SELECT subject FROM audit_log WHERE action = 'voucher_reissue'")
    assert second["number"] in row.subject and swapped["voucher"]["number"] in row.subject


def test_a_mixed_bundle_is_closed_as_one_record_for_the_shop(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    shop_a, shop_b = (s["id"] for s in cloud.demo.shops[:2])
    good, by_number, used, voided, forged = issue(cloud, office, "suzuki", 100, count=5)
    cloud.terminal("store", shop_a).ok("POST", "/vouchers/redeem", {"code": used["code"], "idempotency_key": key()})
    office.ok("POST", f"/vouchers/{voided['number']}/void")
    tampered = forged["code"][:-3] + ("AAA" if not forged["code"].endswith("AAA") else "BBB")
    # a number without a readable QR needs a second clerk: refused, nothing written
    before = counts(cloud.demo.database_url)
    refused = office.post("/office/reconciliations", {"shop_id": shop_b, "codes": [good["code"]],
                                                      "numbers": [by_number["number"]]})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "second_staff_required"
    assert without_audit(counts(cloud.demo.database_url)) == without_audit(before)

    batch = office.ok("POST", "/office/reconciliations", {
        "shop_id": shop_b, "codes": [good["code"], used["code"], voided["code"], tampered],
        "numbers": [by_number["number"]], "second_staff": {"staff_code": "S001", "password": "demo-pass"}})
    outcomes = {r.get("number") or "forged": r["outcome"] for r in batch["results"]}
    assert outcomes[good["number"]] == "accepted" and outcomes[by_number["number"]] == "accepted"
    assert outcomes[used["number"]] == "already_used" and outcomes[voided["number"]] == "voided"
    assert "forged" in batch["outcomes"] or "invalid" in batch["outcomes"]
    assert batch["accepted"] == 2 and batch["accepted_points"] == 200 and batch["refused"] == 3
    assert batch["confirmed_by_staff_id"] is not None
    used_row = next(r for r in batch["results"] if r.get("number") == used["number"])
    assert used_row["redeemed_shop_id"] == shop_a  # already used, and where
    listed = office.ok("GET", f"/office/reconciliations?shop_id={shop_b}")["batches"]
    assert [b["batch_id"] for b in listed] == [batch["batch_id"]]
    assert office.ok("GET", f"/office/reconciliations/{batch['batch_id']}")["accepted"] == 2
    (audit,) = rows(cloud.demo.database_url, "SELECT subject FROM audit_log WHERE action = 'voucher_reconcile'")
    assert audit.subject == f"batch {batch['batch_id']} shop {shop_b}"


def _office_calls(number: str) -> list[tuple[str, str, Any]]:
    return [("POST", f"/office/vouchers/{number}/reprint", None), ("POST", f"/office/vouchers/{number}/reissue", None),
            ("POST", "/office/reconciliations", {"shop_id": 1, "numbers": [number]}),
            ("POST", "/office/exchanges", {"kind": "point_card", "point_type_id": 1, "points": 100, "shop_id": 1,
                                           "card_number": "1234-5678"}),
            ("POST", "/office/cash-sales", {"auth_token": "1.x", "point_type_id": 1, "yen": 1000,
                                            "idempotency_key": key()}),
            ("POST", "/office/settlements", {"from": "2026-01-01", "to": "2026-01-31"}),
            ("GET", "/office/settlements", None), ("GET", "/office/shops", None)]


def test_the_office_without_a_clerk_and_other_roles_are_refused_with_nothing_written(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    (voucher,) = issue(cloud, office, "ito", 100)
    nobody = cloud.terminal("office", staff=None)
    counter = cloud.terminal("counter")
    store = cloud.terminal("store")
    before = counts(cloud.demo.database_url)
    for method, path, body in _office_calls(voucher["number"]):
        for terminal, status, code in ((nobody, 401, "staff_session_required"), (counter, 403, "forbidden_role"),
                                       (store, 403, "forbidden_role")):
            response = terminal.http.request(method, path, json=body)
            assert response.status_code == status, (path, response.text)
            assert response.json()["error"]["code"] == code
    assert counts(cloud.demo.database_url) == before


def test_reconcile_checks_codes_by_the_redemption_rule_revoked_and_expired_keys(cloud: Cloud) -> None:
    """kiosk.core.rules.redemption.check_code decides for the office's bundle too: a code signed by a revoked key
    is forged, one whose key is past its verification period is invalid; neither is counted or marked used."""
    from datetime import UTC, datetime, timedelta

    from kiosk.core.voucher_code import decode_voucher

    from .limits_db import execute

    office = cloud.terminal("office")
    shop = cloud.demo.shops[0]["id"]
    (old,) = issue(cloud, office, "takahashi", 100)
    old_key = decode_voucher(old["code"]).key_id
    cloud.admin.ok("POST", f"/admin/voucher-keys/{old_key}/revoke")
    (late,) = issue(cloud, office, "takahashi", 100)  # signed by the next key
    late_key = decode_voucher(late["code"]).key_id
    assert late_key != old_key
    execute(cloud.demo.database_url, "UPDATE voucher_keys SET verify_until = :t WHERE key_id = :k",
            t=datetime.now(UTC) - timedelta(minutes=1), k=late_key)
    before = counts(cloud.demo.database_url)
    batch = office.ok("POST", "/office/reconciliations", {"shop_id": shop, "codes": [old["code"], late["code"]]})
    got = sorted((r["code_index"], r["outcome"], r["code"]) for r in batch["results"])
    assert got == [(0, "forged", "voucher_key_revoked"), (1, "invalid", "voucher_key_expired")]
    assert batch["accepted"] == 0 and batch["accepted_points"] == 0 and batch["refused"] == 2
    after = counts(cloud.demo.database_url)
    assert {k: after[k] for k in ("ledger", "lots", "lot_points", "vouchers", "voucher_states")} == {
        k: before[k] for k in ("ledger", "lots", "lot_points", "vouchers", "voucher_states")}
    assert after["reconciliation_batches"] == before["reconciliation_batches"] + 1  # the bundle's record
    # the older endpoint goes through the same check
    legacy = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop, "codes": [old["code"]]})["results"]
    assert [(r["result"], r["code"]) for r in legacy] == [("invalid", "voucher_key_revoked")]
    assert counts(cloud.demo.database_url)["voucher_states"] == before["voucher_states"]
