"""The trust store (JPKI CA certificates and CRLs) kept in the database and published on the changes feed."""

from __future__ import annotations

import base64

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import utcnow
from kiosk_cloud.jpki import TrustStore, load_crl_checked
from kiosk_cloud.models import trust_anchors
from kiosk_cloud.services.common import record_change


async def load_trust(conn: AsyncConnection) -> TrustStore:
    rows = (await conn.execute(select(trust_anchors.c.kind, trust_anchors.c.der).order_by(trust_anchors.c.id))).all()
    return TrustStore.from_der([r.der for r in rows if r.kind == "ca"], [r.der for r in rows if r.kind == "crl"])


async def add_ca(conn: AsyncConnection, ca_der: bytes) -> bool:
    """Trust a CA certificate (DER); False when it was already trusted."""
    x509.load_der_x509_certificate(ca_der)  # refuse garbage
    known = (await conn.execute(select(trust_anchors.c.der).where(trust_anchors.c.kind == "ca"))).scalars().all()
    if any(bytes(der) == ca_der for der in known):
        return False
    await conn.execute(insert(trust_anchors).values(kind="ca", der=ca_der, added_at=utcnow()))
    await publish_revocation(conn)
    return True


async def set_crl(conn: AsyncConnection, crl_der: bytes) -> bool:
    """Replace the CRL of the same issuer with a newer one (the periodic revocation information); False when
    this very CRL is already installed."""
    trust = await load_trust(conn)
    crl = load_crl_checked(crl_der, trust.cas)
    rows = (await conn.execute(select(trust_anchors.c.id, trust_anchors.c.der).where(trust_anchors.c.kind == "crl"))).all()
    if any(bytes(row.der) == crl_der for row in rows):
        return False
    for row in rows:
        if x509.load_der_x509_crl(row.der).issuer == crl.issuer:
            await conn.execute(delete(trust_anchors).where(trust_anchors.c.id == row.id))
    await conn.execute(insert(trust_anchors).values(kind="crl", der=crl_der, added_at=utcnow()))
    await publish_revocation(conn)
    return True


async def publish_revocation(conn: AsyncConnection) -> None:
    trust = await load_trust(conn)
    await record_change(
        conn,
        "revocation",
        "jpki",
        {
            "ca_certs": [base64.b64encode(ca.public_bytes(Encoding.DER)).decode() for ca in trust.cas],
            "crls": [base64.b64encode(crl.public_bytes(Encoding.DER)).decode() for crl in trust.crls],
            "revoked_serials": trust.revoked_serials(),
        },
    )
