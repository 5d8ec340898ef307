"""Checks a store terminal makes on its own, with cached reference data only.

- Vouchers: signature with the cached public keys (kiosk.core), validity window at the cloud-corrected time,
  the cached voided list, and a second use at this terminal (the `redemptions` table, checked and written in the
  same transaction as the operation).
- Card payments: the resident's signed consent (kiosk.core.consent: the statement says this terminal, shop, point
  type and points, made just now) — its JPKI user-auth signature, the certificate chain to a cached CA, validity at
  the statement's time, the cached revocation data — and the municipality's offline limit per card per day.
  (`verify_card` checks a signature over a terminal-made challenge the same way.)
Every refusal is an `OfflineRefused` with a code and text in Japanese and English.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from kiosk.core.consent import ConsentMalformed, ConsentStatement, from_wire, parse_statement
from kiosk.core.errors import VoucherError
from kiosk.core.rules.redemption import check_code, check_shop
from kiosk.core.rules.refusal import Refused
from kiosk.core.voucher_code import VoucherClaims
from kiosk.sync.errors import OfflineRefused
from kiosk.sync.models import OfflinePayment, Redemption
from kiosk.sync.outbox import LocalWrite
from kiosk.sync.reference import ReferenceCache

JST = timezone(timedelta(hours=9), "JST")  # municipality-local day for the offline limit (no DST in Japan)
VOUCHER_LEEWAY_SECONDS = 300  # residual clock error after the cloud offset correction
CONSENT_SKEW_SECONDS = 300  # a consent statement's time vs the cloud-corrected clock (the cloud's clock_skew_s)

MESSAGES: dict[str, tuple[str, str]] = {  # code -> (English, 日本語)
    "voucher_malformed": ("This is not a valid point voucher code.", "ポイント券のコードとして読み取れません。"),
    "voucher_unknown_key": ("This voucher was signed with a key this terminal does not know. Sync and retry.",
                            "この端末が知らない鍵で署名されたポイント券です。同期してからやり直してください。"),
    "voucher_bad_signature": ("This voucher has been altered or forged.", "ポイント券が改ざんまたは偽造されています。"),
    "voucher_key_revoked": ("This voucher's signing key has been revoked by the municipality; do not accept it.",
                            "このポイント券の署名鍵は市により失効されています。受け付けないでください。"),
    "voucher_key_expired": ("This voucher's signing key was not valid when it was signed, or is no longer accepted.",
                            "このポイント券の署名鍵は、署名時に有効でないか、すでに受け付けられません。"),
    "voucher_not_yet_valid": ("This voucher is not valid yet.", "このポイント券はまだ使用期間前です。"),
    "voucher_expired": ("This voucher has expired.", "このポイント券は有効期限が切れています。"),
    "voucher_voided": ("This voucher has been voided by the office.", "このポイント券は事務局により無効にされています。"),
    "voucher_shop_not_allowed": ("This voucher cannot be used at this shop: the municipality's voucher rule names "
                                 "the shops that accept it. Do not accept it.",
                                 "このポイント券はこの店舗では使用できません（使用できる店舗は市の定めによります）。"
                                 "受け付けないでください。"),
    "voucher_already_used_here": ("This voucher has already been used at this shop.",
                                  "このポイント券はこの店舗ですでに使用されています。"),
    "voucher_keys_missing": ("Voucher keys have not been downloaded yet; vouchers cannot be checked offline.",
                             "ポイント券の鍵がまだ取得されていないため、オフラインでは確認できません。"),
    "offline_limit_unknown": ("No offline limit is known for this point type; card payments need the cloud.",
                              "このポイントのオフライン上限が不明なため、カード決済にはクラウド接続が必要です。"),
    "offline_limit_exceeded": ("This card has reached today's offline payment limit.",
                               "このカードは本日のオフライン決済上限に達しています。"),
    "card_certificate_invalid": ("The card's certificate cannot be read.", "カードの証明書を読み取れません。"),
    "card_certificate_untrusted": ("The card's certificate was not issued by a trusted authority.",
                                   "カードの証明書は信頼できる認証局が発行したものではありません。"),
    "card_certificate_expired": ("The card's certificate is outside its validity period.",
                                 "カードの証明書は有効期間外です。"),
    "card_certificate_revoked": ("The card's certificate has been revoked.", "カードの証明書は失効しています。"),
    "card_signature_invalid": ("The card's signature does not verify.", "カードの署名を検証できません。"),
    "invalid_points": ("Enter a positive number of points.", "1以上のポイント数を入力してください。"),
    "consent_malformed": ("The resident's consent cannot be read.", "ご本人の同意の内容を読み取れません。"),
    "consent_mismatch": ("The resident's consent is for a different payment.",
                         "ご本人の同意の内容が、この支払いと一致しません。"),
    "consent_stale": ("The resident's consent is too old or dated in the future; confirm again with the card.",
                      "ご本人の同意の時刻が古いか未来になっています。もう一度カードで確認してください。"),
    "awaiting_cloud": ("The cloud has not confirmed this payment yet; it is kept and sent when the connection "
                       "returns. Do not hand over the goods until it is confirmed.",
                       "クラウドでの確認がまだ取れていません。決済は保存され、接続が戻りしだい送信されます。"
                       "確認できるまで商品をお渡しにならないでください。"),
}


def refuse(code: str) -> OfflineRefused:
    english, japanese = MESSAGES[code]
    return OfflineRefused(code, english, japanese)


# -- vouchers -------------------------------------------------------------------------------------------------
def check_voucher(code: str, reference: ReferenceCache, now: datetime, shop_id: int | None = None) -> VoucherClaims:
    """Everything the terminal can check alone; raises OfflineRefused. With `shop_id` (this terminal's shop,
    offline) also the redemption rule's shop decision, when the terminal knows the voucher rule of the point type
    (feed kind `voucher_rule`); without a known rule the cloud decides at sync (a conflict, nothing credited)."""
    keys = reference.voucher_keys()
    if not keys:
        raise refuse("voucher_keys_missing")
    try:
        # the cloud's rule: known key, not revoked, inside its validity; signature; the voucher's window. (This
        # terminal is a shop's: any id passes check_code's own "has a shop" test.)
        claims = check_code(code, keys, shop_id=0, at=now, leeway=VOUCHER_LEEWAY_SECONDS)
    except VoucherError as exc:
        raise refuse(exc.code if exc.code in MESSAGES else "voucher_malformed") from None
    if reference.is_voided(claims.number):
        raise refuse("voucher_voided")
    if shop_id is not None:
        allowed = reference.voucher_shops(claims.point_type_id)
        try:
            if allowed is not None:
                check_shop(claims, allowed, int(shop_id))  # the redemption rule's shop decision
        except Refused as exc:
            raise refuse(exc.code) from None
    return claims


def redemption_guard(claims: VoucherClaims, now: datetime) -> LocalWrite:
    """A `local` write for Outbox.enqueue: records the voucher as used here, refusing a second use atomically."""

    def local(session: Session, key: str) -> None:
        if session.get(Redemption, claims.number) is not None:
            raise refuse("voucher_already_used_here")
        session.add(Redemption(voucher_number=claims.number, operation_key=key, points=claims.points,
                               redeemed_at=now))

    return local


def forget_redemption(number: str, key: str) -> Callable[[Session], None]:
    """For LocalStore.write: drop this terminal's "used here" record of a redemption the cloud refused because the
    shop may not take the voucher (voucher_shop_not_allowed) — it was not used here, so a second scan must not say
    it was."""

    def txn(session: Session) -> None:
        row = session.get(Redemption, number)
        if row is not None and row.operation_key == key:
            session.delete(row)

    return txn


# -- card payments -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CardIdentity:
    fingerprint: str  # SHA-256 of the certificate DER, lower-case hex (as the cloud computes it)
    serial: str  # decimal
    issuer: str  # RFC 4514


def new_challenge() -> bytes:
    return os.urandom(32)


def _check_card(cert_der: bytes, signature: bytes, signed: bytes, reference: ReferenceCache,
                at: datetime) -> CardIdentity:
    """Certificate chain to a cached CA, validity at `at`, cached revocation data, signature over `signed`."""
    try:
        cert = x509.load_der_x509_certificate(cert_der)
        # parsed lazily: read the fields now, so a damaged certificate is refused rather than crashing later
        _ = (cert.issuer, cert.subject, cert.serial_number, cert.not_valid_before_utc, cert.not_valid_after_utc)
        public_key = cert.public_key()
    except (ValueError, UnsupportedAlgorithm, x509.InvalidVersion):
        raise refuse("card_certificate_invalid") from None
    if not any(_issued_by(cert, ca) for ca in reference.ca_certificates()):
        raise refuse("card_certificate_untrusted")
    if not cert.not_valid_before_utc <= at <= cert.not_valid_after_utc:
        raise refuse("card_certificate_expired")
    if cert.serial_number in reference.revoked_serials():
        raise refuse("card_certificate_revoked")
    if not isinstance(public_key, rsa.RSAPublicKey):
        raise refuse("card_certificate_invalid")
    try:
        public_key.verify(signature, signed, padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        raise refuse("card_signature_invalid") from None
    return CardIdentity(hashlib.sha256(cert_der).hexdigest(), str(cert.serial_number),
                        cert.issuer.rfc4514_string())


def verify_card(cert_der: bytes, signature: bytes, challenge: bytes, reference: ReferenceCache,
                now: datetime) -> CardIdentity:
    """Verify a user-auth signature over `challenge` against cached CA certificates and revocation data."""
    return _check_card(cert_der, signature, challenge, reference, now)


def verify_consent_offline(consent: Mapping[str, str], reference: ReferenceCache, now: datetime, *,
                           action: str, terminal_id: int | None, shop_id: int | None, point_type_id: int,
                           points: int, count: int = 1) -> tuple[CardIdentity, ConsentStatement]:
    """The resident's signed consent (wire form), checked with cached data only: the statement says what is done
    here (action, terminal, shop, point type, points, count; terminal/shop None: not checked), it is recent
    (clock skew either side of the cloud-corrected `now`), and the certificate and signature are good (as
    `verify_card`, validity at the statement's time). The cloud checks all of it again at sync."""
    try:
        statement_bytes, signature, cert_der = from_wire(dict(consent))
        statement = parse_statement(statement_bytes)
    except ConsentMalformed:
        raise refuse("consent_malformed") from None
    said = (statement.action, statement.point_type_id, statement.points, statement.count)
    if said != (action, point_type_id, points, count) \
            or (terminal_id is not None and statement.terminal_id != int(terminal_id)) \
            or (shop_id is not None and statement.shop_id != int(shop_id)):
        raise refuse("consent_mismatch")
    if abs((statement.at - now).total_seconds()) > CONSENT_SKEW_SECONDS:
        raise refuse("consent_stale")
    return _check_card(cert_der, signature, statement_bytes, reference, statement.at), statement


def _issued_by(cert: x509.Certificate, ca: x509.Certificate) -> bool:
    if ca.subject != cert.issuer:
        return False
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def local_day(now: datetime) -> str:
    return now.astimezone(JST).date().isoformat()


def offline_payment_guard(card: CardIdentity, point_type_id: int, points: int, limit: int,
                          now: datetime) -> LocalWrite:
    """A `local` write for Outbox.enqueue: counts the payment against the card's offline limit for the day,
    checked and written in one transaction on the writer thread (two quick taps cannot both slip through)."""
    if points <= 0:
        raise refuse("invalid_points")
    day = local_day(now)

    def local(session: Session, key: str) -> None:
        used = offline_used_today(session, card.fingerprint, point_type_id, now)
        if used + points > limit:
            raise refuse("offline_limit_exceeded")
        session.add(OfflinePayment(operation_key=key, card_fingerprint=card.fingerprint,
                                   point_type_id=str(point_type_id), day=day, points=points, taken_at=now))

    return local


def offline_used_today(session: Session, fingerprint: str, point_type_id: int, now: datetime) -> int:
    return int(session.scalar(
        select(func.coalesce(func.sum(OfflinePayment.points), 0)).where(
            OfflinePayment.card_fingerprint == fingerprint, OfflinePayment.day == local_day(now),
            OfflinePayment.point_type_id == str(point_type_id))) or 0)
