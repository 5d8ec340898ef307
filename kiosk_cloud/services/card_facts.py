"""What a card certificate is under a given trust store, computed once per certificate and remembered.

A resident pays with the same card again and again; the parts of the proof check that depend only on the
certificate and the trust store — parsing the DER, the chain signature to a trusted CA (`jpki._find_issuer`, the
dearest part after the statement's own signature), the serial on the CRLs, the fingerprint/serial/issuer kept by
the cloud, the issuer's current CRL's next-update — are the same every time. `card_facts(der, trust)` returns them
from a bounded cache per trust store object (a new trust store — a new CA or CRL — starts a new cache), and
`crl_current(facts, now, grace_s)` answers the CRL-currency question from the cached next-update.

The time-dependent checks (validity at the statement's time, CRL currency at now) and the statement's signature
stay per call. Same answers as the uncached checks (tests/unit/cloud/test_card_facts.py).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from kiosk_cloud import jpki
from kiosk_cloud.jpki import CertInfo, TrustStore

MAX_CARDS = 20_000  # per trust store; the oldest is forgotten first
MAX_STORES = 4  # the general path and the hot path may each hold their own trust store object


@dataclass(frozen=True)
class CardFacts:
    cert: x509.Certificate
    trusted: bool  # chains to a CA of the trust store
    revoked: bool  # its serial is on a CRL of its issuer
    info: CertInfo
    not_before: datetime
    not_after: datetime
    crl_next_update: datetime | None  # the latest next-update of the issuer's CRLs (None: none has one)
    has_crl: bool  # the trust store holds a CRL of its issuer
    rsa_key: rsa.RSAPublicKey | None


_STORES: OrderedDict[int, tuple[TrustStore, OrderedDict[bytes, CardFacts]]] = OrderedDict()


def _cards_of(trust: TrustStore) -> OrderedDict[bytes, CardFacts]:
    entry = _STORES.get(id(trust))
    if entry is None or entry[0] is not trust:
        entry = (trust, OrderedDict())
        _STORES[id(trust)] = entry
        while len(_STORES) > MAX_STORES:
            _STORES.popitem(last=False)
    return entry[1]


def card_facts(der: bytes, trust: TrustStore) -> CardFacts:
    """The facts of the certificate `der` under `trust`; raises ValueError if the DER does not parse."""
    cards = _cards_of(trust)
    hit = cards.get(der)
    if hit is not None:
        return hit
    cert = x509.load_der_x509_certificate(der)
    issuer = cert.issuer.rfc4514_string()
    lists = [crl for crl in trust.crls if crl.issuer.rfc4514_string() == issuer]
    nexts = [crl.next_update_utc for crl in lists if crl.next_update_utc is not None]
    key = cert.public_key()
    facts = CardFacts(
        cert=cert,
        trusted=jpki._find_issuer(cert, trust.cas) is not None,
        revoked=any(crl.issuer == cert.issuer and crl.get_revoked_certificate_by_serial_number(cert.serial_number)
                    for crl in trust.crls),
        info=jpki.cert_info(cert, der),
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        crl_next_update=max(nexts) if nexts else None,
        has_crl=bool(lists),
        rsa_key=key if isinstance(key, rsa.RSAPublicKey) else None,
    )
    cards[der] = facts
    while len(cards) > MAX_CARDS:
        cards.popitem(last=False)
    return facts


def crl_current(facts: CardFacts, now: datetime, grace_s: int) -> str | None:
    """None if the issuer's CRL is current at `now` (as `jpki.require_current_crl`), else the reason."""
    if not facts.has_crl:
        return "no revocation list is installed for the card's issuer"
    latest = facts.crl_next_update
    if latest is not None and latest + timedelta(seconds=grace_s) < now:
        return f"its next update was due {latest.isoformat()}"
    return None
