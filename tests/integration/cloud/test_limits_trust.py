"""Limits (issue 8): the revocation list must be current, an older list never replaces a newer one, the trust
store is parsed once; voucher keys have a validity and can be revoked. Real HTTP, SQLite and PostgreSQL."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk_cloud.services import trust as trust_service

from .helpers import Cloud, Terminal, key
from .limits_db import counts, execute, issue_vouchers, rows


def _crl(cloud: Cloud, number: int, last_update: datetime, next_update: datetime,
         revoked: list[int] | None = None) -> str:
    """A CRL of the demo CA, signed with its key, with the number and dates given (base64 DER)."""
    ca_key = serialization.load_pem_private_key(cloud.pki._ca_key_pem, password=None)
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    builder = (x509.CertificateRevocationListBuilder().issuer_name(cloud.pki.ca_certificate().subject)
               .last_update(last_update).next_update(next_update).add_extension(x509.CRLNumber(number), critical=False))
    for serial in revoked if revoked is not None else sorted(cloud.pki.revoked_serials):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(last_update).build())
    crl = builder.sign(ca_key, hashes.SHA256())
    return base64.b64encode(crl.public_bytes(serialization.Encoding.DER)).decode()


def _installed_number(cloud: Cloud) -> tuple[int, datetime]:
    (row,) = rows(cloud.demo.database_url, "SELECT der FROM trust_anchors WHERE kind = 'crl'")
    crl = x509.load_der_x509_crl(bytes(row.der))
    return int(crl.extensions.get_extension_for_class(x509.CRLNumber).value.crl_number), crl.last_update_utc


def _verify(t: Terminal, cloud: Cloud, resident: str) -> Any:
    import base64 as b64

    from .helpers import sign

    challenge = t.ok("POST", "/auth/challenge")
    who = cloud.resident(resident)
    return t.post("/auth/verify", {"challenge_id": challenge["challenge_id"],
                                   "certificate": b64.b64encode(who.cert_der or b"").decode(),
                                   "signature": b64.b64encode(sign(who, b64.b64decode(challenge["challenge"]))).decode()})


def test_a_stale_revocation_list_stops_resident_authentication(cloud: Cloud) -> None:
    store, counter = cloud.terminal("store"), cloud.terminal("counter")
    assert _verify(store, cloud, "yamada").status_code == 200
    number, last = _installed_number(cloud)
    now = datetime.now(UTC)
    # a newer list whose next update is already past; the municipality allows no grace
    assert cloud.admin.ok("POST", "/admin/limits", {"crl_grace_s": 0})["crl_grace_s"] == 0
    stale = _crl(cloud, number + 1, max(last, now - timedelta(minutes=2)), now - timedelta(seconds=30))
    assert cloud.admin.ok("POST", "/admin/crl", {"crl": stale})["installed"] is True
    sessions = len(rows(cloud.demo.database_url, "SELECT id FROM resident_sessions"))
    refused = _verify(store, cloud, "yamada")
    assert refused.status_code == 409, refused.text
    error = refused.json()["error"]
    assert error["code"] == "revocation_list_stale" and "out of date" in error["message"] and error["message_ja"]
    assert len(rows(cloud.demo.database_url, "SELECT id FROM resident_sessions")) == sessions  # no session opened
    # attendance by certificate fingerprint checks the list too (nothing granted)
    der = cloud.resident("yamada").cert_der
    assert der is not None
    before = counts(cloud.demo.database_url)
    session = (counter.staff or {}).get("staff_session") if hasattr(counter, "staff") else None
    op: dict[str, Any] = {"key": key(), "kind": "attendance", "payload": {
        "programme_id": next(p["id"] for p in cloud.demo.programmes if p["name_en"] == "Keyaki festival attendance"),
        "certificate_fingerprint": hashlib.sha256(der).hexdigest()}}
    if session:
        op["staff_session"] = session
    result = counter.ok("POST", "/sync", {"operations": [op]})["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "revocation_list_stale"), result
    after = counts(cloud.demo.database_url)
    assert (after["ledger"], after["lots"], after["lot_points"]) == (before["ledger"], before["lots"],
                                                                    before["lot_points"])
    # within the grace it is accepted again; a current list too
    cloud.admin.ok("POST", "/admin/limits", {"crl_grace_s": 3600})
    assert _verify(store, cloud, "yamada").status_code == 200
    cloud.admin.ok("POST", "/admin/limits", {"crl_grace_s": 0})
    fresh = _crl(cloud, number + 2, now - timedelta(seconds=20), now + timedelta(days=7))
    cloud.admin.ok("POST", "/admin/crl", {"crl": fresh})
    assert _verify(store, cloud, "yamada").status_code == 200


def test_an_older_revocation_list_never_replaces_a_newer_one(cloud: Cloud) -> None:
    number, last = _installed_number(cloud)
    now = datetime.now(UTC)
    newer = _crl(cloud, number + 10, max(last, now - timedelta(minutes=1)), now + timedelta(days=30))
    assert cloud.admin.ok("POST", "/admin/crl", {"crl": newer})["installed"] is True
    feed_before = len(cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"])
    anchors = rows(cloud.demo.database_url, "SELECT id FROM trust_anchors ORDER BY id")
    # lower number (even with a later date); same number, other content; higher number but an earlier last update
    attempts = [_crl(cloud, number + 5, now, now + timedelta(days=60)),
                _crl(cloud, number + 10, now, now + timedelta(days=60), revoked=[]),
                _crl(cloud, number + 11, max(last, now - timedelta(minutes=1)) - timedelta(hours=1),
                     now + timedelta(days=60))]
    for attempt in attempts:
        refused = cloud.admin.post("/admin/crl", {"crl": attempt})
        assert refused.status_code == 409 and refused.json()["error"]["code"] == "revocation_list_older"
    assert rows(cloud.demo.database_url, "SELECT id FROM trust_anchors ORDER BY id") == anchors
    assert _installed_number(cloud)[0] == number + 10
    assert len(cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"]) == feed_before
    garbage = cloud.admin.post("/admin/crl", {"crl": base64.b64encode(b"not a crl").decode()})
    assert garbage.status_code == 422 and garbage.json()["error"]["code"] == "revocation_list_invalid"
    not_admin = cloud.terminal("store").post("/admin/crl", {"crl": newer})
    assert not_admin.status_code in (401, 403)


def test_the_trust_store_is_parsed_once_not_per_request(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    assert _verify(store, cloud, "yamada").status_code == 200  # parsed (at most) once here
    parsed = trust_service.parse_count
    for _ in range(5):
        assert _verify(store, cloud, "suzuki").status_code == 200
    assert trust_service.parse_count == parsed  # the embedded cloud runs in this process: the same counter
    number, last = _installed_number(cloud)
    now = datetime.now(UTC)
    cloud.admin.ok("POST", "/admin/crl", {"crl": _crl(cloud, number + 1, max(last, now - timedelta(minutes=1)),
                                                      now + timedelta(days=30))})
    parsed = trust_service.parse_count
    assert _verify(store, cloud, "yamada").status_code == 200
    assert _verify(store, cloud, "suzuki").status_code == 200
    assert trust_service.parse_count == parsed + 1  # the change is seen, and parsed once


def test_a_revoked_voucher_key_verifies_nothing_anywhere(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    v1, v2 = issue_vouchers(cloud.demo.database_url, mykey_id=cloud.mykey("yamada"), point_type_id=cloud.point_type,
                            points=30, count=2, terminal_id=office.id)
    (key_row,) = rows(cloud.demo.database_url, "SELECT key_id FROM voucher_keys WHERE active = :t", t=True)
    store = cloud.terminal("store")
    assert store.ok("POST", "/vouchers/redeem", {"code": v1["code"], "idempotency_key": key()})["status"] == "redeemed"
    not_admin = store.post(f"/admin/voucher-keys/{key_row.key_id}/revoke")
    assert not_admin.status_code in (401, 403)
    revoked = cloud.admin.ok("POST", f"/admin/voucher-keys/{key_row.key_id}/revoke")
    assert revoked["key_id"] == key_row.key_id and revoked["revoked_at"]
    feed = [c for c in cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"]
            if c["kind"] == "voucher_key" and c["id"] == str(key_row.key_id)]
    assert feed[-1]["data"]["revoked_at"] and feed[-1]["data"]["verify_until"] and feed[-1]["data"]["valid_from"]
    before = counts(cloud.demo.database_url)
    online = store.post("/vouchers/redeem", {"code": v2["code"], "idempotency_key": key()})
    assert online.status_code == 400 and online.json()["error"]["code"] == "voucher_key_revoked"
    offline = store.ok("POST", "/sync", {"operations": [{"key": key(), "kind": "offline_voucher_redeem",
                                                          "payload": {"code": v2["code"]}}]})["results"][0]
    assert (offline["status"], offline["code"]) == ("rejected", "voucher_key_revoked")
    after = counts(cloud.demo.database_url)
    assert after["redeemed"] == before["redeemed"] and after["ledger"] == before["ledger"]
    assert cloud.admin.post("/admin/voucher-keys/999/revoke").json()["error"]["code"] == "unknown_voucher_key"
    # the next issue signs with a new key, which verifies
    (v3,) = issue_vouchers(cloud.demo.database_url, mykey_id=cloud.mykey("yamada"), point_type_id=cloud.point_type,
                           points=30, count=1, terminal_id=office.id)
    assert v3["key_id"] != key_row.key_id
    assert store.ok("POST", "/vouchers/redeem", {"code": v3["code"], "idempotency_key": key()})["status"] == "redeemed"


def test_a_voucher_key_past_its_verification_period_is_refused(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    (v1,) = issue_vouchers(cloud.demo.database_url, mykey_id=cloud.mykey("suzuki"), point_type_id=cloud.point_type,
                           points=20, count=1, terminal_id=office.id)
    execute(cloud.demo.database_url, "UPDATE voucher_keys SET verify_until = :t WHERE key_id = :k",
            t=datetime.now(UTC) - timedelta(minutes=1), k=v1["key_id"])
    import time

    time.sleep(5.2)  # the workers' key cache lives voucher_keys.TTL_S (5 s)
    store = cloud.terminal("store")
    before = counts(cloud.demo.database_url)
    refused = store.post("/vouchers/redeem", {"code": v1["code"], "idempotency_key": key()})
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "voucher_key_expired"
    assert refused.json()["error"]["message_ja"]
    assert counts(cloud.demo.database_url)["redeemed"] == before["redeemed"]
