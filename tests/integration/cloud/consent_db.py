"""Database reads and test certificates for the consent attack tests (issue 8)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import create_engine, func, select

from kiosk.demo import certs
from kiosk.demo.pki import DemoPKI, DemoResident
from kiosk_cloud.models import conflicts, consent_nonces, idempotency, ledger, lots, vouchers
from kiosk_cloud.settings import sync_database_url

WATCHED = {"ledger": ledger, "lots": lots, "conflicts": conflicts, "consent_nonces": consent_nonces,
           "vouchers": vouchers}


def snapshot(database_url: str) -> dict[str, Any]:
    """Row counts of what a debit writes, the points left in the lots, and the idempotency rows by status."""
    engine = create_engine(sync_database_url(database_url))
    try:
        with engine.connect() as conn:
            out: dict[str, Any] = {name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                                   for name, t in WATCHED.items()}
            out["lot_points"] = int(conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0))).scalar_one())
            out["idempotency"] = {(r.key, r.status, r.code) for r in conn.execute(
                select(idempotency.c.key, idempotency.c.status, idempotency.c.code))}
    finally:
        engine.dispose()
    return out


def assert_nothing_written(before: dict[str, Any], after: dict[str, Any], *, refused: str | None = None,
                           key: str | None = None) -> None:
    """Nothing debited, no nonce used, no conflict; the only new idempotency row (if any) is the stored refusal."""
    assert {k: v for k, v in after.items() if k != "idempotency"} == \
        {k: v for k, v in before.items() if k != "idempotency"}
    new = after["idempotency"] - before["idempotency"]
    assert before["idempotency"] <= after["idempotency"]
    assert all(status == "rejected" for _, status, _ in new), new
    if refused is not None:
        assert new <= {(key, "rejected", refused)}, new


def _key_pem(key: rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def foreign_card(resident: DemoResident) -> DemoResident:
    """The resident's card re-made by a CA the cloud does not trust (same look, other issuer key)."""
    now = certs.utcnow()
    ca_key = certs.new_rsa_key()
    ca = certs.make_ca(ca_key, now)
    key = certs.new_rsa_key()
    cert = certs.make_user_auth_cert(ca_key, ca, key.public_key(), now)
    return replace(resident, cert_der=cert.public_bytes(serialization.Encoding.DER), private_key_pem=_key_pem(key))


def expired_card(pki: DemoPKI, key_name: str) -> DemoResident:
    """A card from the trusted demo CA whose certificate ran out yesterday."""
    ca_key = serialization.load_pem_private_key(pki._ca_key_pem, password=None)
    assert isinstance(ca_key, rsa.RSAPrivateKey)
    key = certs.new_rsa_key()
    cert = certs.make_user_auth_cert(ca_key, pki.ca_certificate(), key.public_key(),
                                     certs.utcnow() - timedelta(days=365 * 5 + 2), years=5)
    return replace(pki.resident(key_name), cert_der=cert.public_bytes(serialization.Encoding.DER),
                   private_key_pem=_key_pem(key))
