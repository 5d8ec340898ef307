"""The resident's consent in /v1/sync (payment, offline_payment) and for voucher issues, over real HTTP on SQLite
and PostgreSQL (issue 8). Offline, a missing or bad proof is a conflict for the office with nothing debited; a
good proof is applied at the statement's time."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from typing import Any

from .consent_db import assert_nothing_written, snapshot
from .helpers import Cloud, Terminal, key
from .limits_db import rows


def _sync(store: Terminal, kind: str, payload: dict[str, Any], at: datetime | None = None) -> dict[str, Any]:
    op = {"key": key(), "kind": kind, "created_at": (at or datetime.now(UTC)).isoformat(), "payload": payload}
    (result,) = store.ok("POST", "/sync", {"operations": [op]})["results"]
    assert result["key"] == op["key"]
    return dict(result)


def test_offline_payment_with_a_good_proof_is_applied_at_the_statements_time(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    at = (datetime.now(UTC) - timedelta(hours=5)).replace(microsecond=0)
    consent = store.consent(cloud.resident("suzuki"), 250, at=at)
    before = snapshot(cloud.demo.database_url)
    result = _sync(store, "offline_payment", {"point_type_id": 1, "points": 250, "consent": consent}, at)
    assert result["status"] == "applied", result
    assert result["result"]["points"] == 250 and result["result"]["mykey_id"] == cloud.mykey("suzuki")
    (row,) = rows(cloud.demo.database_url, "SELECT occurred_at, offline FROM ledger WHERE id = :i",
                  i=result["result"]["payment_id"])
    occurred = row.occurred_at if isinstance(row.occurred_at, datetime) else datetime.fromisoformat(row.occurred_at)
    assert occurred.replace(tzinfo=UTC) == at and row.offline
    after = snapshot(cloud.demo.database_url)
    assert after["lot_points"] == before["lot_points"] - 250 and after["consent_nonces"] == before["consent_nonces"] + 1
    # the same proof synced again under a new key: a conflict, nothing more debited
    again = _sync(store, "offline_payment", {"point_type_id": 1, "points": 250, "consent": consent}, at)
    assert again["status"] == "conflict" and again["result"]["problems"] == ["consent_replayed"]
    final = snapshot(cloud.demo.database_url)
    assert final["lot_points"] == after["lot_points"] and final["ledger"] == after["ledger"]
    assert final["conflicts"] == after["conflicts"] + 1


def test_offline_payment_with_a_bad_or_missing_proof_is_a_conflict_and_debits_nothing(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    good = store.consent(yamada, 100)
    sig = bytearray(base64.b64decode(good["signature"]))
    sig[0] ^= 0xFF
    cases = {
        "consent_missing": None,
        "consent_bad_signature": {**good, "signature": base64.b64encode(bytes(sig)).decode()},
        "consent_mismatch": store.consent(yamada, 5000),  # the shop sends 100, the resident signed 5000
        "certificate_revoked": store.consent(cloud.resident("sato"), 100),
        "certificate_not_bound": store.consent(cloud.resident("kobayashi"), 100),
        "consent_future": store.consent(yamada, 100, at=datetime.now(UTC) + timedelta(hours=1)),
    }
    for code, consent in cases.items():
        before = snapshot(cloud.demo.database_url)
        payload: dict[str, Any] = {"point_type_id": 1, "points": 100}
        if consent is not None:
            payload["consent"] = consent
        result = _sync(store, "offline_payment", payload)
        assert result["status"] == "conflict", (code, result)
        assert result["result"]["problems"] == [code] and result["result"]["points"] == 0
        after = snapshot(cloud.demo.database_url)
        assert after["conflicts"] == before["conflicts"] + 1
        assert {k: after[k] for k in ("ledger", "lots", "lot_points", "consent_nonces")} == \
            {k: before[k] for k in ("ledger", "lots", "lot_points", "consent_nonces")}, code
    listed = store.ok("GET", "/conflicts")["conflicts"]
    assert {c["detail"]["proof"] for c in listed if "proof" in (c["detail"] or {})} >= set(cases)


def test_online_payment_by_sync_needs_the_consent(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    before = snapshot(cloud.demo.database_url)
    refused = _sync(store, "payment", {"point_type_id": 1, "points": 10, "mykey_id": cloud.mykey("ito")})
    assert refused["status"] == "rejected" and refused["code"] == "validation_error"
    missing = _sync(store, "payment", {"point_type_id": 1, "points": 10})
    assert missing["status"] == "rejected" and missing["code"] == "consent_missing"
    assert_nothing_written(before, snapshot(cloud.demo.database_url))
    paid = _sync(store, "payment", {"point_type_id": 1, "points": 10,
                                    "consent": store.consent(cloud.resident("ito"), 10)})
    assert paid["status"] == "applied" and paid["result"]["points"] == 10


def test_voucher_issue_needs_the_residents_consent_for_exactly_these_vouchers(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    ito = cloud.resident("ito")
    attempts = [
        (None, 422, "consent_missing"),
        (office.consent(ito, 300, action="voucher_issue", count=2), 409, "consent_mismatch"),  # 2 × 300 = 600
        (office.consent(ito, 600, action="payment", count=2), 409, "consent_mismatch"),
        (office.consent(ito, 600, action="voucher_issue", count=2, shop_id=1), 409, "consent_mismatch"),
        (office.consent(cloud.resident("sato"), 600, action="voucher_issue", count=2), 400, "certificate_revoked"),
    ]
    for consent, status, code in attempts:
        before = snapshot(cloud.demo.database_url)
        body: dict[str, Any] = {"point_type_id": 1, "points": 300, "count": 2}
        if consent is not None:
            body["consent"] = consent
        response = office.post("/vouchers", body)
        assert response.status_code == status and response.json()["error"]["code"] == code, response.text
        assert_nothing_written(before, snapshot(cloud.demo.database_url))
    before = snapshot(cloud.demo.database_url)
    good = office.consent(ito, 600, action="voucher_issue", count=2)
    issued = office.ok("POST", "/vouchers", {"point_type_id": 1, "points": 300, "count": 2, "consent": good})
    assert issued["mykey_id"] == cloud.mykey("ito") and [v["points"] for v in issued["vouchers"]] == [300, 300]
    after = snapshot(cloud.demo.database_url)
    assert after["vouchers"] == before["vouchers"] + 2 and after["lot_points"] == before["lot_points"] - 600
    replay = office.post("/vouchers", {"point_type_id": 1, "points": 300, "count": 2, "consent": good})
    assert replay.status_code == 409 and replay.json()["error"]["code"] == "consent_replayed"
    assert snapshot(cloud.demo.database_url)["vouchers"] == after["vouchers"]
    audited = rows(cloud.demo.database_url, "SELECT mykey_id, terminal_id FROM audit_log WHERE action = 'voucher_issue'")
    assert [(r.mykey_id, r.terminal_id) for r in audited] == [(cloud.mykey("ito"), office.id)]


def test_nonces_older_than_the_window_are_forgotten(cloud: Cloud) -> None:
    """The used-nonce table is pruned by the general path (at most hourly per worker): rows of statements older
    than the offline window + twice the skew go; a replay of such a statement is refused by its time anyway."""
    from kiosk_cloud.services import consent as consent_service

    from .limits_db import execute

    store = cloud.terminal("store")
    old = (datetime.now(UTC) - timedelta(days=10)).isoformat()
    recent = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    for nonce, at in (("a" * 32, old), ("b" * 32, recent)):
        execute(cloud.demo.database_url, "INSERT INTO consent_nonces (fingerprint, nonce, action, stated_at, used_at, "
                "terminal_id) VALUES (:f, :n, 'payment', :at, :at, :t)", f="f" * 64, n=nonce, at=at, t=store.id)
    consent_service._LAST_PRUNE.clear()
    assert _sync(store, "offline_payment", {"point_type_id": 1, "points": 5,
                                            "consent": store.consent(cloud.resident("ito"), 5)})["status"] == "applied"
    left = {r.nonce for r in rows(cloud.demo.database_url, "SELECT nonce FROM consent_nonces")}
    assert "a" * 32 not in left and "b" * 32 in left and len(left) == 2
    stale = store.consent(cloud.resident("ito"), 5, at=datetime.now(UTC) - timedelta(days=10))
    result = _sync(store, "offline_payment", {"point_type_id": 1, "points": 5, "consent": stale})
    assert result["status"] == "conflict"  # refused by time (the operation's and the statement's)
