"""Attendance by card tap without a PIN: the certificate's fingerprint stands for the bound MyKey ID."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography import x509
from sqlalchemy import create_engine, insert

from kiosk_cloud.models import certificates
from kiosk_cloud.settings import sync_database_url

from .helpers import Cloud, Terminal, key


def _fingerprint(cloud: Cloud, resident: str) -> str:
    der = cloud.resident(resident).cert_der
    assert der is not None
    return hashlib.sha256(der).hexdigest()


def _event(cloud: Cloud) -> int:
    return int(next(p for p in cloud.demo.programmes if p["name_en"] == "Keyaki festival attendance")["id"])


def _attend(t: Terminal, programme_id: int, **who: Any) -> dict[str, Any]:
    op = {"key": key(), "kind": "attendance", "payload": {"programme_id": programme_id, **who}}
    return dict(t.ok("POST", "/sync", {"operations": [op]})["results"][0])


def _bind(cloud: Cloud, **row: Any) -> None:
    engine = create_engine(sync_database_url(cloud.demo.database_url))
    try:
        with engine.begin() as conn:
            conn.execute(insert(certificates).values(issuer="CN=test", bound_at=datetime.now(UTC), **row))
    finally:
        engine.dispose()


def test_attendance_by_certificate_fingerprint_grants_once(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    event, yamada = _event(cloud), cloud.mykey("yamada")
    before = counter.ok("GET", f"/balances/{yamada}")["accounts"][0]["balance"]
    first = _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "yamada").upper())
    assert first["status"] == "applied", first
    assert first["result"]["mykey_id"] == yamada and first["result"]["points"] == 300
    assert counter.ok("GET", f"/balances/{yamada}")["accounts"][0]["balance"] == before + 300
    again = _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "yamada"))
    assert (again["status"], again["code"]) == ("rejected", "already_attended")
    assert again["message_ja"] and again["message"]
    # a bound card whose holder is not registered for the programme
    other = _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "suzuki"))
    assert (other["status"], other["code"]) == ("rejected", "not_pre_registered")
    assert counter.ok("GET", f"/balances/{yamada}")["accounts"][0]["balance"] == before + 300


def test_attendance_refuses_unbound_revoked_and_expired_certificates(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    event = _event(cloud)
    unbound = _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "kobayashi"))
    assert (unbound["status"], unbound["code"]) == ("rejected", "certificate_not_bound")
    assert "マイキーID" in unbound["message_ja"]
    # sato's certificate is on the CRL the cloud trusts: bound before it was revoked, it is refused now
    sato = cloud.resident("sato")
    assert sato.cert_der is not None
    cert = x509.load_der_x509_certificate(sato.cert_der)
    _bind(cloud, fingerprint=_fingerprint(cloud, "sato"), mykey_id=cloud.mykey("yamada"),
          serial=str(cert.serial_number), not_after=cert.not_valid_after_utc)
    revoked = _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "sato"))
    assert (revoked["status"], revoked["code"]) == ("rejected", "certificate_revoked")
    old = "ab" * 32
    _bind(cloud, fingerprint=old, mykey_id=cloud.mykey("yamada"), serial="12345",
          not_after=datetime.now(UTC) - timedelta(days=1))
    expired = _attend(counter, event, certificate_fingerprint=old)
    assert (expired["status"], expired["code"]) == ("rejected", "certificate_expired")
    # nothing was granted to yamada by the refused taps: the real card still attends once
    assert _attend(counter, event, certificate_fingerprint=_fingerprint(cloud, "yamada"))["status"] == "applied"


def test_attendance_payload_needs_exactly_one_resident(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    event = _event(cloud)
    both = _attend(counter, event, mykey_id=cloud.mykey("yamada"), certificate_fingerprint=_fingerprint(cloud, "yamada"))
    neither = _attend(counter, event)
    bad = _attend(counter, event, certificate_fingerprint="xyz")
    assert [r["status"] for r in (both, neither, bad)] == ["rejected"] * 3
    store = cloud.terminal("store")
    refused = _attend(store, event, certificate_fingerprint=_fingerprint(cloud, "yamada"))
    assert refused["status"] == "rejected" and refused["code"] == "forbidden_role"
