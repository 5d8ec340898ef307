"""Attacks on a debit without the resident's consent, over real HTTP on SQLite and PostgreSQL (issue 8).

Each shows the refusal with its code AND that nothing was written: ledger, lots (rows and points), conflicts, used
nonces and vouchers unchanged; the only new idempotency row is the stored refusal under the attacker's key.
On PostgreSQL the plain payments also go through the fast lane + asyncpg hot path, which must refuse the same.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kiosk.demo.consent import make_consent

from .consent_db import assert_nothing_written, expired_card, foreign_card, snapshot
from .helpers import Cloud, Terminal, key


def _code(response: Any) -> str:
    return str(response.json()["error"]["code"])


def _refused(cloud: Cloud, store: Terminal, body: dict[str, Any], status: int, code: str) -> None:
    before = snapshot(cloud.demo.database_url)
    body = {"idempotency_key": key(), **body}
    response = store.post("/payments", body)
    assert response.status_code == status, response.text
    assert _code(response) == code
    assert_nothing_written(before, snapshot(cloud.demo.database_url), refused=code, key=body["idempotency_key"])


def test_a_consented_payment_is_applied_once_and_its_proof_only_once(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    consent = store.consent(yamada, 300)
    before = snapshot(cloud.demo.database_url)
    first = store.pay(yamada, 300, consent=consent)
    assert first.status_code == 200, first.text
    result = first.json()
    assert result["mykey_id"] == cloud.mykey("yamada") and result["points"] == 300 and result["balance"] == 1700
    after = snapshot(cloud.demo.database_url)
    assert after["ledger"] == before["ledger"] + 1 and after["lot_points"] == before["lot_points"] - 300
    assert after["consent_nonces"] == before["consent_nonces"] + 1
    # the same statement again under a new idempotency key: replayed proof, nothing more debited
    idem = key()
    again = store.pay(yamada, 300, consent=consent, idem=idem)
    assert again.status_code == 409 and _code(again) == "consent_replayed"
    assert_nothing_written(after, snapshot(cloud.demo.database_url), refused="consent_replayed", key=idem)


@pytest.mark.parametrize("form", [
    {"mykey_id": "YMDTRU01"},
    {"certificate_fingerprint": "ab" * 32},
    {"auth_token": "1.secret"},
])
def test_the_old_forms_of_paying_are_gone(cloud: Cloud, form: dict[str, str]) -> None:
    store = cloud.terminal("store")
    form = dict(form)
    if "mykey_id" in form:
        form["mykey_id"] = cloud.mykey("yamada")
    if "auth_token" in form:  # a real resident session of this very terminal, still refused
        form["auth_token"] = store.authenticate(cloud.resident("yamada"))["auth_token"]
    before = snapshot(cloud.demo.database_url)
    response = store.post("/payments", {"point_type_id": 1, "points": 100, "idempotency_key": key(), **form})
    assert response.status_code == 422 and _code(response) == "validation_error"
    assert_nothing_written(before, snapshot(cloud.demo.database_url))
    # and without any consent at all
    _refused(cloud, store, {"point_type_id": 1, "points": 100}, 422, "consent_missing")


@pytest.mark.parametrize(("change", "code"), [
    ({"shop_id": 2}, "consent_mismatch"),
    ({"terminal_id": 999}, "consent_mismatch"),
    ({"points": 99}, "consent_mismatch"),  # the resident agreed to 99, the shop asks 100
    ({"point_type_id": 2}, "consent_mismatch"),
    ({"action": "exchange"}, "consent_mismatch"),
    ({"municipality_code": "011010"}, "consent_mismatch"),
    ({"at": -timedelta(minutes=10)}, "consent_stale"),  # offsets from the time the test runs, not collection
    ({"at": timedelta(minutes=10)}, "consent_future"),
])
def test_a_statement_for_something_else_is_refused(cloud: Cloud, change: dict[str, Any], code: str) -> None:
    store = cloud.terminal("store")
    change = dict(change)
    if isinstance(change.get("at"), timedelta):
        change["at"] = datetime.now(UTC) + change["at"]
    consent = store.consent(cloud.resident("yamada"), change.pop("points", 100), **change)
    _refused(cloud, store, {"point_type_id": 1, "points": 100, "consent": consent}, 409, code)


def test_another_terminals_statement_is_refused(cloud: Cloud) -> None:
    here, there = cloud.terminal("store"), cloud.terminal("store")
    consent = there.consent(cloud.resident("suzuki"), 100)  # signed for the other till of the same shop
    _refused(cloud, here, {"point_type_id": 1, "points": 100, "consent": consent}, 409, "consent_mismatch")


@pytest.mark.parametrize(("card", "status", "code"), [
    ("foreign", 400, "certificate_untrusted"),
    ("sato", 400, "certificate_revoked"),
    ("expired", 400, "certificate_expired"),
    ("kobayashi", 404, "certificate_not_bound"),
])
def test_certificates_the_cloud_must_not_accept(cloud: Cloud, card: str, status: int, code: str) -> None:
    store = cloud.terminal("store")
    if card == "foreign":
        resident = foreign_card(cloud.resident("yamada"))
    elif card == "expired":
        resident = expired_card(cloud.pki, "yamada")
    else:
        resident = cloud.resident(card)
    consent = store.consent(resident, 100)
    _refused(cloud, store, {"point_type_id": 1, "points": 100, "consent": consent}, status, code)


def test_a_tampered_signature_or_statement_is_refused(cloud: Cloud) -> None:
    import base64

    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    consent = store.consent(yamada, 100)
    sig = bytearray(base64.b64decode(consent["signature"]))
    sig[-1] ^= 1
    bad_sig = {**consent, "signature": base64.b64encode(bytes(sig)).decode()}
    _refused(cloud, store, {"point_type_id": 1, "points": 100, "consent": bad_sig}, 400, "consent_bad_signature")
    # another resident's signature over yamada's statement, with yamada's certificate
    other = make_consent(cloud.resident("suzuki"), action="payment", municipality_code=cloud.demo.municipality_code,
                         shop_id=store.shop_id, terminal_id=store.id, point_type_id=1, points=100)
    swapped = {**consent, "signature": other["signature"]}
    _refused(cloud, store, {"point_type_id": 1, "points": 100, "consent": swapped}, 400, "consent_bad_signature")
    # the statement rewritten to a bigger amount, signature kept
    text = base64.b64decode(consent["statement"]).replace(b"points=100", b"points=900")
    bigger = {**consent, "statement": base64.b64encode(text).decode()}
    _refused(cloud, store, {"point_type_id": 1, "points": 900, "consent": bigger}, 400, "consent_bad_signature")
    garbage = {**consent, "statement": base64.b64encode(b"pay me").decode()}
    _refused(cloud, store, {"point_type_id": 1, "points": 100, "consent": garbage}, 400, "consent_malformed")


def test_the_same_nonce_cannot_be_signed_twice(cloud: Cloud) -> None:
    """Two statements with one nonce (e.g. a terminal that reuses nonces): the second is refused even though it
    is a fresh signature over a different amount."""
    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    nonce = "5" * 32
    assert store.pay(yamada, 10, consent=store.consent(yamada, 10, nonce=nonce)).status_code == 200
    _refused(cloud, store, {"point_type_id": 1, "points": 20, "consent": store.consent(yamada, 20, nonce=nonce)},
             409, "consent_replayed")


def test_a_payment_refused_by_the_rule_leaves_the_proof_unused(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    ito = cloud.resident("ito")
    consent = store.consent(ito, 50_000)
    _refused(cloud, store, {"point_type_id": 1, "points": 50_000, "consent": consent}, 409, "insufficient_points")


def test_payments_are_audited_without_the_certificate(cloud: Cloud) -> None:
    from .limits_db import rows

    store = cloud.terminal("store")
    paid = store.pay(cloud.resident("takahashi"), 120).json()
    audit = rows(cloud.demo.database_url, "SELECT action, terminal_id, mykey_id, subject, detail FROM audit_log "
                 "WHERE action = 'payment' ORDER BY id DESC")
    assert audit and audit[0].terminal_id == store.id and audit[0].mykey_id == cloud.mykey("takahashi")
    assert audit[0].subject == str(paid["payment_id"]) and '"points":120' in audit[0].detail
    stored = rows(cloud.demo.database_url, "SELECT * FROM consent_nonces")
    assert stored and set(stored[0]._mapping) == {"id", "fingerprint", "nonce", "action", "stated_at", "used_at",
                                                  "terminal_id"}


def test_the_proof_itself_is_never_stored(cloud: Cloud) -> None:
    """After online and offline payments and a voucher issue, no table holds the certificate, the statement or the
    signature (raw or base64): the cloud keeps the fingerprint, serial and issuer, and the used nonce."""
    import base64

    from sqlalchemy import create_engine, select

    from kiosk_cloud.models import metadata
    from kiosk_cloud.settings import sync_database_url

    store, office = cloud.terminal("store"), cloud.terminal("office")
    yamada = cloud.resident("yamada")
    proofs = [store.consent(yamada, 11), store.consent(yamada, 12), office.consent(yamada, 13, action="voucher_issue")]
    assert store.pay(yamada, 11, consent=proofs[0]).status_code == 200
    op = {"key": key(), "kind": "offline_payment", "created_at": datetime.now(UTC).isoformat(),
          "payload": {"point_type_id": 1, "points": 12, "consent": proofs[1]}}
    assert store.ok("POST", "/sync", {"operations": [op]})["results"][0]["status"] == "applied"
    office.ok("POST", "/vouchers", {"point_type_id": 1, "points": 13, "consent": proofs[2]})
    needles = set()
    for proof in proofs:
        for part in ("statement", "signature", "certificate"):
            raw = base64.b64decode(proof[part])
            needles |= {raw[20:60], proof[part][20:60].encode()}
    engine = create_engine(sync_database_url(cloud.demo.database_url))
    try:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                for row in conn.execute(select(table)):
                    for value in row:
                        raw = value if isinstance(value, bytes) else str(value).encode()
                        assert not any(n in raw for n in needles), f"proof bytes found in {table.name}"
    finally:
        engine.dispose()


def test_one_proof_sent_twenty_times_at_once_debits_once(cloud: Cloud) -> None:
    """The same signed statement under twenty idempotency keys at the same moment (hot path on PostgreSQL):
    exactly one payment; the others are refused consent_replayed and write nothing."""
    from .test_concurrency import burst

    store = cloud.terminal("store")
    consent = store.consent(cloud.resident("suzuki"), 40)
    before = snapshot(cloud.demo.database_url)
    responses = burst([(store, "/payments", {"point_type_id": 1, "points": 40, "idempotency_key": key(),
                                             "consent": consent}) for _ in range(20)])
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] + [409] * 19, [r.text for r in responses if r.status_code not in (200, 409)]
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 409} == {"consent_replayed"}
    after = snapshot(cloud.demo.database_url)
    assert after["ledger"] == before["ledger"] + 1 and after["lot_points"] == before["lot_points"] - 40
    assert after["consent_nonces"] == before["consent_nonces"] + 1
