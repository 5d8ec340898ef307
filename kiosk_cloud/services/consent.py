"""The resident's signed consent to a debit, checked by the cloud (issue 8).

`verify_consent(conn, consent, expected, *, now, offline, window)` accepts a proof once and only for what it
states: the statement (kiosk.core.consent) must say exactly what the request does (action, municipality, the
caller's shop, the caller's terminal, point type, points, count); its time must be inside the window (online:
the clock skew either side; offline: back to the offline window); the certificate must chain to a trusted CA,
be valid at the stated time, not be revoked (CRL current), and have signed the statement; it must be bound to a
MyKey ID; and the nonce must be unused — it is consumed in the caller's transaction, so it stands or falls with
the debit. Each failure is an ApiError with a documented code (kiosk_cloud/errors.py).

What the cloud keeps of a proof: the certificate's fingerprint, serial and issuer (already in `certificates` from
the binding), and in `consent_nonces` the fingerprint, the nonce, the action, the statement's time, when and by
which terminal it was used. Neither the statement, nor its signature, nor the certificate is stored.

`check_proof` is the part without a database (parse, match, time, chain, validity, revocation, signature), shared
by the general path and the asyncpg hot path (services/fastpay.py), which loads the binding and writes the nonce
in its own statements.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
import weakref
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Protocol

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.consent import ConsentMalformed, ConsentStatement, parse_statement
from kiosk_cloud import jpki
from kiosk_cloud.errors import ApiError
from kiosk_cloud.jpki import CertInfo, TrustStore
from kiosk_cloud.models import certificates, consent_nonces, municipalities, mykey_ids
from kiosk_cloud.services.trust import trust_store

B64 = r"^[A-Za-z0-9+/]*={0,2}$"


class ConsentIn(BaseModel):
    """Wire form: `{"statement": b64, "signature": b64, "certificate": b64 DER}`."""

    model_config = ConfigDict(extra="forbid")
    statement: Annotated[str, Field(min_length=4, max_length=1400, pattern=B64)]
    signature: Annotated[str, Field(min_length=4, max_length=1400, pattern=B64)]
    certificate: Annotated[str, Field(min_length=4, max_length=8000, pattern=B64)]


@dataclass(frozen=True)
class Expected:
    """What the request does; the statement must say exactly this."""

    action: str
    municipality_code: str
    shop_id: int | None
    terminal_id: int
    point_type_id: int
    points: int
    count: int = 1


@dataclass(frozen=True)
class Proof:
    statement: ConsentStatement
    cert: CertInfo


@dataclass(frozen=True)
class ConsentedCard:
    fingerprint: str
    serial: str
    issuer: str
    mykey_id: str
    mykey_status: str
    at: datetime  # the statement's time (UTC)
    nonce: str


class Window(Protocol):
    @property
    def offline_window_s(self) -> int: ...

    @property
    def clock_skew_s(self) -> int: ...

    @property
    def crl_grace_s(self) -> int: ...


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError("consent_malformed", "not base64") from None


def _mismatch(statement: ConsentStatement, expected: Expected) -> str | None:
    pairs = (
        ("action", statement.action, expected.action),
        ("municipality", statement.municipality_code, expected.municipality_code),
        ("shop", statement.shop_id, expected.shop_id),
        ("terminal", statement.terminal_id, expected.terminal_id),
        ("point_type", statement.point_type_id, expected.point_type_id),
        ("points", statement.points, expected.points),
        ("count", statement.count, expected.count),
    )
    for name, said, done in pairs:
        if said != done:
            return name
    return None


def check_time(at: datetime, now: datetime, window: Window, *, offline: bool) -> None:
    """The one time-window rule of the cloud (services.timewindow.time_problem), with the consent's own codes."""
    from kiosk_cloud.services.timewindow import IN_FUTURE, time_problem

    problem = time_problem(at, now, window, offline=offline)
    if problem == IN_FUTURE:
        raise ApiError("consent_future", "the statement's time is ahead of the cloud's clock")
    if problem is not None:
        raise ApiError("consent_stale", "the statement's time is older than allowed")


def check_proof(
    consent: ConsentIn | None, expected: Expected, trust: TrustStore, *, now: datetime, offline: bool,
    window: Window,
) -> Proof:
    """Everything that needs no database; raises ApiError with the documented code."""
    if consent is None:
        raise ApiError("consent_missing")
    data = _b64(consent.statement)
    try:
        statement = parse_statement(data)
    except ConsentMalformed as exc:
        raise ApiError("consent_malformed", exc.message[:120]) from None
    wrong = _mismatch(statement, expected)
    if wrong is not None:
        raise ApiError("consent_mismatch", f"the statement's {wrong} differs from the request", field=wrong)
    at = statement.at.astimezone(UTC)
    check_time(at, now, window, offline=offline)
    checked = _certificate(_b64(consent.certificate), trust)
    if not checked.not_before <= at <= checked.not_after:
        raise ApiError("certificate_expired", "not valid at the statement's time")
    _require_current_crl(trust, checked.issuer, now, window.crl_grace_s)
    if checked.revoked:
        raise ApiError("certificate_revoked")
    try:
        checked.public_key.verify(_b64(consent.signature), data, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise ApiError("consent_bad_signature") from None
    return Proof(statement, checked.info)


@dataclass(frozen=True)
class _Checked:
    """What a trust store says about one certificate (chain good): fixed for that store object."""

    info: CertInfo
    issuer: x509.Name
    not_before: datetime
    not_after: datetime
    revoked: bool
    public_key: rsa.RSAPublicKey


CHECKED_MAX = 50_000  # certificates remembered per trust store (a new store object starts empty)
CRL_RECHECK_S = 60.0  # a CRL found current is re-checked after this long (a stale list is seen within a minute)
# per trust store object (by id; an entry goes when its store is collected)
_CHECKED: dict[int, dict[str, _Checked]] = {}
_CRL_OK: dict[int, dict[x509.Name, float]] = {}


def _per_store(table: dict[int, Any], trust: TrustStore) -> Any:
    key = id(trust)
    found = table.get(key)
    if found is None:
        found = table[key] = {}
        weakref.finalize(trust, table.pop, key, None)
    return found


def _certificate(cert_der: bytes, trust: TrustStore) -> _Checked:
    """Parse and chain-check a certificate (remembered per trust store by fingerprint: the chain check is the
    costliest step of a payment). Raises consent_malformed / certificate_untrusted."""
    fingerprint = hashlib.sha256(cert_der).hexdigest()
    known: dict[str, _Checked] = _per_store(_CHECKED, trust)
    hit = known.get(fingerprint)
    if hit is not None:
        return hit
    try:
        cert = x509.load_der_x509_certificate(cert_der)
        # the fields are parsed lazily: read them here, so a damaged certificate is malformed, not a crash later
        _ = (cert.issuer, cert.subject, cert.serial_number, cert.not_valid_before_utc, cert.not_valid_after_utc)
    except (ValueError, x509.InvalidVersion):
        raise ApiError("consent_malformed", "the certificate cannot be read") from None
    if jpki._find_issuer(cert, trust.cas) is None:
        raise ApiError("certificate_untrusted")
    try:
        public_key = cert.public_key()
    except (ValueError, UnsupportedAlgorithm):
        raise ApiError("consent_malformed", "the certificate's key cannot be read") from None
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise ApiError("consent_malformed", "not an RSA certificate")
    revoked = any(crl.issuer == cert.issuer and crl.get_revoked_certificate_by_serial_number(cert.serial_number)
                  is not None for crl in trust.crls)
    checked = _Checked(jpki.cert_info(cert, cert_der), cert.issuer, cert.not_valid_before_utc,
                       cert.not_valid_after_utc, revoked, public_key)
    if len(known) >= CHECKED_MAX:
        known.clear()
    known[fingerprint] = checked
    return checked


def _require_current_crl(trust: TrustStore, issuer: x509.Name, now: datetime, grace_s: int) -> None:
    """jpki.require_current_crl, remembered for CRL_RECHECK_S once it passed (per trust store and issuer)."""
    passed: dict[x509.Name, float] = _per_store(_CRL_OK, trust)
    if passed.get(issuer, 0.0) > time.monotonic():
        return
    jpki.require_current_crl(trust, issuer, now, grace_s)
    passed[issuer] = time.monotonic() + CRL_RECHECK_S



# ---- state the checks need, cached per database (both change rarely; the general path's trust store is
# services.trust.trust_store, the hot path keeps its own per asyncpg pool, stamped with the same version) ----

_TRUST: weakref.WeakKeyDictionary[Any, tuple[tuple[int, int], TrustStore]] = weakref.WeakKeyDictionary()
_MUNICIPALITY: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def cached_trust(owner: Any) -> tuple[tuple[int, int], TrustStore] | None:
    """The trust store last loaded for `owner` (the hot path's Database) with its version (max id, count)."""
    return _TRUST.get(owner)


def remember_trust(owner: Any, version: tuple[int, int], trust: TrustStore) -> None:
    _TRUST[owner] = (version, trust)


def cached_municipality(owner: Any) -> str | None:
    return _MUNICIPALITY.get(owner)


def remember_municipality(owner: Any, code: str) -> None:
    _MUNICIPALITY[owner] = code


async def municipality_code(conn: AsyncConnection) -> str:
    owner = conn.sync_engine
    code = _MUNICIPALITY.get(owner)
    if code is None:
        code = (await conn.execute(select(municipalities.c.code).order_by(municipalities.c.id).limit(1))).scalar()
        if code is None:
            raise ApiError("not_found", "no municipality configured")
        _MUNICIPALITY[owner] = code
    return str(code)


# ---- the database part ----

async def _binding(conn: AsyncConnection, fingerprint: str, at: datetime, offline: bool) -> tuple[str, str]:
    """The MyKey ID the certificate is bound to (offline: was still bound at the statement's time)."""
    still = certificates.c.unbound_at.is_(None)
    query = (
        select(mykey_ids.c.mykey_id, mykey_ids.c.status)
        .join(certificates, certificates.c.mykey_id == mykey_ids.c.mykey_id)
        .where(certificates.c.fingerprint == fingerprint, or_(still, certificates.c.unbound_at > at) if offline
               else still)
    )
    row = (await conn.execute(query)).first()
    if row is None:
        raise ApiError("certificate_not_bound")
    return str(row.mykey_id), str(row.status)


async def consume_nonce(
    conn: AsyncConnection, fingerprint: str, statement: ConsentStatement, terminal_id: int, now: datetime
) -> None:
    """Record the nonce as used (in the caller's transaction); a second use raises consent_replayed."""
    values = {"fingerprint": fingerprint, "nonce": statement.nonce, "action": statement.action,
              "stated_at": statement.at, "used_at": now, "terminal_id": terminal_id}
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    stmt = (dialect.insert(consent_nonces).values(**values)
            .on_conflict_do_nothing(index_elements=["fingerprint", "nonce"]).returning(consent_nonces.c.id))
    if (await conn.execute(stmt)).scalar() is None:
        raise ApiError("consent_replayed")


async def verify_consent(
    conn: AsyncConnection, consent: ConsentIn | None, expected: Expected, *, now: datetime, offline: bool,
    window: Window,
) -> ConsentedCard:
    """Check the proof, find the bound MyKey ID and consume the nonce; raises ApiError otherwise."""
    proof = check_proof(consent, expected, await trust_store(conn), now=now, offline=offline, window=window)
    at = proof.statement.at.astimezone(UTC)
    mykey_id, status = await _binding(conn, proof.cert.fingerprint, at, offline)
    await consume_nonce(conn, proof.cert.fingerprint, proof.statement, expected.terminal_id, now)
    if _prune_due(conn.sync_engine):
        await prune_nonces(conn, now, window)
    return ConsentedCard(proof.cert.fingerprint, proof.cert.serial, proof.cert.issuer, mykey_id, status, at,
                         proof.statement.nonce)


PRUNE_EVERY_S = 3600.0  # the general path forgets old nonces at most this often per worker and database
_LAST_PRUNE: weakref.WeakKeyDictionary[Any, float] = weakref.WeakKeyDictionary()


def _prune_due(owner: Any) -> bool:
    now = time.monotonic()
    last = _LAST_PRUNE.get(owner)
    if last is not None and now - last < PRUNE_EVERY_S:
        return False
    _LAST_PRUNE[owner] = now
    return True


async def prune_nonces(conn: AsyncConnection, now: datetime, window: Window) -> int:
    """Forget nonces of statements old enough to be refused by their time anyway (older than the offline window
    plus twice the clock skew): the table stays as small as the window, and a replay of such a statement is
    still refused, as consent_stale."""
    cutoff = now - timedelta(seconds=window.offline_window_s + 2 * window.clock_skew_s)
    result = await conn.execute(delete(consent_nonces).where(consent_nonces.c.stated_at < cutoff))
    return int(result.rowcount or 0)
