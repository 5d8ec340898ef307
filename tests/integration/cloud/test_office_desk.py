"""The exchange desk over real HTTP on SQLite and PostgreSQL (issue 11): points for the street's gift certificates
or onto its point card with the resident's signed consent (action `exchange`, recorded with the serials or the card
number, settled like a shop), and points sold for cash (the municipality's rate and limits, an audited credit,
day-end figures). No consent, a consent for something else, and limits are refused with nothing written."""

from __future__ import annotations

from .helpers import Cloud, key
from .limits_db import rows
from .office_helpers import balance, counts, today_jst, without_audit


def test_exchange_for_gift_certificates_and_onto_the_point_card(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    desk = cloud.demo.shops[-1]["id"]  # the street's association, paid like a shop
    yamada = cloud.resident("yamada")
    start = balance(cloud, "yamada")
    body = {"kind": "gift_certificate", "point_type_id": 1, "points": 1000, "shop_id": desk,
            "serials": ["GC-000101", "GC-000102"], "denomination": 500}
    before = counts(cloud.demo.database_url)
    for consent, code in ((None, "consent_missing"),
                          (office.consent(yamada, 1000, action="exchange", shop_id=desk + 100), "consent_mismatch"),
                          (office.consent(yamada, 1500, action="exchange", shop_id=desk), "consent_mismatch"),
                          (office.consent(yamada, 1000, action="payment", shop_id=desk), "consent_mismatch")):
        response = office.post("/office/exchanges", {**body, "consent": consent})
        assert response.status_code in (400, 403, 409, 422), response.text
        assert response.json()["error"]["code"] == code
    bad = office.post("/office/exchanges", {**body, "serials": ["GC-000101"],
                                            "consent": office.consent(yamada, 1000, action="exchange", shop_id=desk)})
    assert bad.json()["error"]["code"] == "exchange_invalid"
    assert counts(cloud.demo.database_url) == before

    done = office.ok("POST", "/office/exchanges", {
        **body, "consent": office.consent(yamada, 1000, action="exchange", shop_id=desk)})
    assert done["serials"] == ["GC-000101", "GC-000102"] and done["balance"] == start - 1000
    card = office.ok("POST", "/office/exchanges", {
        "kind": "point_card", "point_type_id": 1, "points": 300, "shop_id": desk, "card_number": "8800-1234-5678",
        "consent": office.consent(yamada, 300, action="exchange", shop_id=desk)})
    assert card["card_number"] == "8800-1234-5678" and balance(cloud, "yamada") == start - 1300
    ledger_rows = rows(cloud.demo.database_url, "SELECT kind, points, shop_id FROM ledger WHERE kind = 'exchange' "
                       "ORDER BY id")
    assert [(r.points, r.shop_id) for r in ledger_rows] == [(-1000, desk), (-300, desk)]
    listed = office.ok("GET", f"/office/exchanges?day={today_jst().isoformat()}")["exchanges"]
    assert [e["kind"] for e in listed] == ["gift_certificate", "point_card"]
    assert len(rows(cloud.demo.database_url, "SELECT id FROM audit_log WHERE action = 'exchange'")) == 2
    # the replayed consent is refused: a proof is used once
    again = office.post("/office/exchanges", {
        "kind": "point_card", "point_type_id": 1, "points": 300, "shop_id": desk, "card_number": "8800-1234-5678",
        "consent": office.consent(yamada, 300, action="exchange", shop_id=desk, nonce="0" * 32)})
    assert again.status_code == 201
    replay = office.post("/office/exchanges", {
        "kind": "point_card", "point_type_id": 1, "points": 300, "shop_id": desk, "card_number": "8800-1234-5678",
        "consent": office.consent(yamada, 300, action="exchange", shop_id=desk, nonce="0" * 32)})
    assert replay.json()["error"]["code"] == "consent_replayed"


def test_cash_sale_with_the_municipalitys_premium_and_limits(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    ito = cloud.resident("ito")
    rule = {"point_type_id": 1, "premium_rate_pct": 20, "max_yen_per_sale": 10000,
            "max_yen_per_resident_month": 12000, "validity_days": 180}
    # the rule is the municipality's: not an office clerk's
    assert office.post("/office/cash-sale-rules", rule).status_code == 403
    token = office.authenticate(ito)["auth_token"]
    before = counts(cloud.demo.database_url)
    refused = office.post("/office/cash-sales", {"auth_token": token, "point_type_id": 1, "yen": 5000,
                                                 "idempotency_key": key()})
    assert refused.json()["error"]["code"] == "cash_sale_not_offered"
    assert without_audit(counts(cloud.demo.database_url)) == without_audit(before)
    cloud.admin.ok("POST", "/office/cash-sale-rules", rule)
    start = balance(cloud, "ito")
    idem = key()
    sale = office.post("/office/cash-sales", {"auth_token": token, "point_type_id": 1, "yen": 5000,
                                              "idempotency_key": idem})
    assert sale.status_code == 201, sale.text
    data = sale.json()
    assert data["points"] == 6000 and data["premium_points"] == 1000 and data["receipt_number"].startswith("CS-")
    assert balance(cloud, "ito") == start + 6000
    mid = counts(cloud.demo.database_url)
    replay = office.post("/office/cash-sales", {"auth_token": token, "point_type_id": 1, "yen": 5000,
                                                "idempotency_key": idem})
    assert replay.status_code == 200 and replay.json() == data and replay.headers["Idempotent-Replay"] == "true"
    for yen in (10001, 8000):  # over one sale's limit; 5,000 + 8,000 over the month's 12,000
        over = office.post("/office/cash-sales", {"auth_token": token, "point_type_id": 1, "yen": yen,
                                                  "idempotency_key": key()})
        assert over.json()["error"]["code"] == "cash_sale_over_limit"
    assert counts(cloud.demo.database_url) == mid
    (ledger_row,) = rows(cloud.demo.database_url, "SELECT points, premium_points, staff_id FROM ledger WHERE kind = "
                         "'cash_sale'")
    assert ledger_row.points == 6000 and ledger_row.premium_points == 1000
    day = office.ok("GET", f"/office/cash-sales/day?day={today_jst().isoformat()}")
    assert day["count"] == 1 and day["yen"] == 5000 and day["points"] == 6000
    (audit,) = rows(cloud.demo.database_url, "SELECT subject FROM audit_log WHERE action = 'cash_sale'")
    assert audit.subject == data["receipt_number"]
    # a counter clerk cannot sell points
    counter = cloud.terminal("counter")
    assert counter.post("/office/cash-sales", {"auth_token": token, "point_type_id": 1, "yen": 100,
                                               "idempotency_key": key()}).status_code == 403
