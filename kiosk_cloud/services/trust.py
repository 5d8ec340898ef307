"""The trust store (JPKI CA certificates and CRLs) kept in the database and published on the changes feed.

The store is parsed once per worker and database (`trust_store`) and parsed again only when the trust anchors
change: each request reads one version stamp (the sequence number of the latest `revocation` entry of the changes
feed — every change of the trust anchors publishes one — with the highest row id and the row count of
trust_anchors), never the certificates themselves.
"""

from __future__ import annotations

import base64
import weakref
from datetime import datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding
from sqlalchemy import delete, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import utcnow
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import TrustStore, crl_is_newer, load_crl_checked, require_current_crl
from kiosk_cloud.models import changes, trust_anchors
from kiosk_cloud.services.common import record_change
from kiosk_cloud.services.timewindow import limits_of
from kiosk_cloud.settings import Settings

_PARSED: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int, int], TrustStore]] = weakref.WeakKeyDictionary()
parse_count = 0  # how many times a trust store was parsed in this process (the tests read it)


async def load_trust(conn: AsyncConnection) -> TrustStore:
    """Parse the trust store from the database (uncached: `trust_store` is what requests use)."""
    global parse_count
    parse_count += 1
    rows = (await conn.execute(select(trust_anchors.c.kind, trust_anchors.c.der).order_by(trust_anchors.c.id))).all()
    return TrustStore.from_der([r.der for r in rows if r.kind == "ca"], [r.der for r in rows if r.kind == "crl"])


async def trust_store(conn: AsyncConnection) -> TrustStore:
    """The trust store, parsed once per worker and re-parsed only after the trust anchors changed."""
    published = (select(func.coalesce(func.max(changes.c.seq), 0)).where(changes.c.kind == "revocation")
                 .scalar_subquery())
    stamp = (await conn.execute(select(published, func.coalesce(func.max(trust_anchors.c.id), 0), func.count())
                                .select_from(trust_anchors))).one()
    version = (int(stamp[0]), int(stamp[1]), int(stamp[2]))
    engine = conn.sync_engine
    hit = _PARSED.get(engine)
    if hit is not None and hit[0] == version:
        return hit[1]
    store = await load_trust(conn)
    _PARSED[engine] = (version, store)
    return store


async def check_crl_current(conn: AsyncConnection, settings: Settings, issuer: x509.Name | str,
                            now: datetime) -> TrustStore:
    """The trust store, after checking that the CRL of `issuer` is current (next-update + the municipality's
    crl_grace_s not past); raises ApiError("revocation_list_stale"). For every resident authentication: the
    challenge login, the consent to a debit (services/consent.py), attendance by certificate fingerprint."""
    trust = await trust_store(conn)
    require_current_crl(trust, issuer, now, (await limits_of(conn, settings)).crl_grace_s)
    return trust


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
    this very CRL is already installed. An older list (lower CRL number, earlier last_update) never replaces a
    newer one: ApiError("revocation_list_older"). Not signed by a trusted CA: ValueError."""
    trust = await load_trust(conn)
    crl = load_crl_checked(crl_der, trust.cas)
    rows = (await conn.execute(select(trust_anchors.c.id, trust_anchors.c.der).where(trust_anchors.c.kind == "crl"))).all()
    if any(bytes(row.der) == crl_der for row in rows):
        return False
    same_issuer = [(row.id, x509.load_der_x509_crl(row.der)) for row in rows]
    same_issuer = [(row_id, old) for row_id, old in same_issuer if old.issuer == crl.issuer]
    for _, old in same_issuer:
        if not crl_is_newer(crl, old):
            raise ApiError("revocation_list_older",
                           f"installed: last update {old.last_update_utc.isoformat()}, "
                           f"offered: {crl.last_update_utc.isoformat()}")
    for row_id, _ in same_issuer:
        await conn.execute(delete(trust_anchors).where(trust_anchors.c.id == row_id))
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
