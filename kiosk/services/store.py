"""The shop terminal's services (issue 10), Qt-free; every call blocks and runs on a worker thread.

A card payment in one visit of the card: the resident types the PIN once; the first signature (over a fresh
challenge — the cloud's when online, the terminal's when not) calls up the MyKey ID and the balance (online) or
proves the card against cached CA/CRL data and tells what the offline limit still allows (offline); the payment
statement is then signed on the same visit without a second PIN and goes with the payment (StoreDesk).
Vouchers: checked here first (preview: points, number, validity) and redeemed through StoreDesk.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kiosk.core.consent import to_wire
from kiosk.services.errors import ServiceError, translate_error
from kiosk.sync.errors import CloudUnavailable, OfflineRefused
from kiosk.sync.offline import CardIdentity, check_voucher, new_challenge, refuse
from kiosk.sync.services import Outcome, StoreDesk

log = logging.getLogger(__name__)
EXPIRING_DAYS = 30  # "expires soon" on the resident's side: lots ending within this many days


@dataclass(frozen=True)
class PointBalance:
    point_type_id: int
    name: str
    balance: int
    expiring_points: int = 0  # of the balance, what ends within EXPIRING_DAYS
    expiring_at: datetime | None = None  # the soonest of those ends
    soon: tuple[tuple[datetime, int], ...] = ()  # (ends, points) of each lot ending within EXPIRING_DAYS, soonest first


@dataclass(frozen=True)
class CardVisit:
    """Who is paying, as far as this visit of the card proves it. Online: MyKey ID and balances. Offline: the
    card's certificate identity and what the offline limit still allows today per point type (None: no limit
    known, no offline payment)."""

    online: bool
    fingerprint: str
    mykey_id: str | None = None
    balances: tuple[PointBalance, ...] = ()
    allowance: dict[int, int | None] = field(default_factory=dict)
    card: CardIdentity | None = None

    def available(self, point_type_id: int) -> int | None:
        """Points this card may pay now: the balance online, the offline allowance offline (None: unknown)."""
        if self.online:
            return next((b.balance for b in self.balances if b.point_type_id == point_type_id), 0)
        return self.allowance.get(point_type_id)


@dataclass(frozen=True)
class Payment:
    """A payment the terminal took: `pending` while the cloud has not confirmed it (offline)."""

    key: str | None
    points: int
    point_type_id: int
    pending: bool
    at: datetime
    payment_id: int | None = None
    balance_after: int | None = None
    reference: str = ""


@dataclass(frozen=True)
class VoucherPreview:
    number: str
    points: int
    point_type_id: int
    point_name: str
    valid_until: datetime
    code: str
    point_name_en: str = ""  # the point type's English name, when the cloud has one


@dataclass(frozen=True)
class Redeemed:
    number: str
    points: int
    pending: bool
    at: datetime
    key: str | None


class AwaitingCloud(ServiceError):
    """The cloud took the payment but has not answered in time: kept in the outbox under `key`, not accepted
    yet (the goods stay with the shop until it is confirmed)."""

    def __init__(self, outcome: Outcome) -> None:
        super().__init__("awaiting_cloud", outcome.message or "", message_ja=outcome.message_ja or "")
        self.key = outcome.key
        self.points = outcome.points


def outcome_error(outcome: Outcome) -> ServiceError:
    if outcome.code == "awaiting_cloud":
        return AwaitingCloud(outcome)
    return ServiceError(outcome.code or "rejected", outcome.message or "", message_ja=outcome.message_ja or "")


def refused(exc: OfflineRefused) -> ServiceError:
    return ServiceError(exc.code, exc.message, message_ja=exc.message_ja)


class StoreService:
    def __init__(self, desk: StoreDesk, client: Any, card: Any, *, shop_name: str = "",
                 terminal_name: str = "") -> None:
        """`desk`: kiosk.sync.services.StoreDesk (with the terminal's credentials); `client`: the CloudClient;
        `card`: kiosk.card's CardService (futures)."""
        self.desk = desk
        self.engine = desk.engine
        self.client = client
        self.card = card
        self.shop_name = shop_name
        self.terminal_name = terminal_name
        self.card_timeout = 20.0

    # -- state -----------------------------------------------------------------------------------------------
    def online(self) -> bool | None:
        return self.engine.online

    def now(self) -> datetime:
        return self.engine.clock.cloud_now()

    def point_types(self) -> list[tuple[int, str, str]]:
        """(id, Japanese name, English name or "") of this municipality's point types, from the reference data."""
        rows = self.engine.reference.items("point_type")
        out = [(int(d.get("id", k)), str(d.get("name") or k), str(d.get("name_en") or "")) for k, d in rows.items()]
        return sorted(out)

    def point_name(self, point_type_id: int) -> str:
        """The point type's Japanese name (the paper's: receipts are printed in Japanese)."""
        return next((name for pid, name, _en in self.point_types() if pid == point_type_id), "ポイント")

    def point_name_en(self, point_type_id: int) -> str:
        return next((en for pid, _name, en in self.point_types() if pid == point_type_id), "")

    def queued(self) -> int:
        return int(self.engine.outbox.length())

    # -- the card ----------------------------------------------------------------------------------------------
    def _card(self, name: str, *args: Any) -> Any:
        result = getattr(self.card, name)(*args)
        return result.result(timeout=self.card_timeout) if hasattr(result, "result") else result

    def tries_left(self) -> int:
        try:
            return int(self._card("jpki_tries_left"))
        except Exception as exc:
            raise translate_error(exc) from None

    def read_card(self, pin: str, progress: Callable[[str], None] = lambda step: None) -> CardVisit:
        """The first signature of the visit, with the PIN the resident typed: online, the cloud's challenge →
        MyKey ID and balances; offline (or the cloud lost on the way), a terminal challenge checked with cached
        data → the offline allowance. The PIN is used once and never kept."""
        if not (len(pin) == 4 and pin.isdigit()):
            raise ServiceError("pin_format")
        try:
            progress("read_certificate")
            value = self._card("read_user_auth_certificate")
            der = bytes(getattr(value, "cert_der", value))
            if self.online() is not False:
                try:
                    progress("challenge")
                    challenge = self.client.auth_challenge()
                except CloudUnavailable:
                    challenge = None
                if challenge is not None:
                    progress("sign")
                    signature = bytes(self._card("sign_challenge", pin, base64.b64decode(challenge["challenge"])))
                    try:
                        progress("verify")
                        verified = self.client.auth_verify(str(challenge["challenge_id"]), der, signature)
                        return self._online_visit(verified)
                    except CloudUnavailable:  # the cloud went away after the PIN: no second PIN, go offline
                        progress("offline")
                        return self._offline_visit(der, None)
            progress("sign")
            return self._offline_visit(der, pin)
        except ServiceError:
            raise
        except OfflineRefused as exc:
            raise refused(exc) from None
        except Exception as exc:
            raise translate_error(exc) from None

    def _online_visit(self, verified: dict[str, Any]) -> CardVisit:
        mykey_id = verified.get("mykey_id")
        fingerprint = str((verified.get("certificate") or {}).get("fingerprint") or "")
        if not mykey_id:
            raise ServiceError("no_mykey_id")
        status = str(verified.get("status") or "valid")
        if status != "valid":
            raise ServiceError("mykey_id_suspended" if status == "suspended" else "mykey_id_invalid")
        data = self.client.balances(mykey_id, resident_token=str(verified.get("auth_token") or ""))
        return CardVisit(True, fingerprint, str(mykey_id), tuple(self._balances(data)))

    def _balances(self, data: dict[str, Any]) -> list[PointBalance]:
        soon = self.now() + timedelta(days=EXPIRING_DAYS)
        out = []
        for account in data.get("accounts") or []:
            ending: dict[datetime, int] = {}
            for lot in account.get("lots") or []:  # the cloud lists live lots only, each with its expiry
                ends = _parse(lot.get("expires_at"))
                if ends is not None and ends <= soon and int(lot.get("remaining") or 0) > 0:
                    ending[ends] = ending.get(ends, 0) + int(lot.get("remaining") or 0)
            dates = tuple(sorted(ending.items()))
            out.append(PointBalance(int(account["point_type_id"]), str(account.get("point_type_name") or ""),
                                    int(account.get("balance") or 0), sum(ending.values()),
                                    dates[0][0] if dates else None, dates))
        return out

    def _offline_visit(self, der: bytes, pin: str | None) -> CardVisit:
        challenge = new_challenge()
        if pin is None:  # the PIN was verified on this visit already
            signature = bytes(self._card("sign_statement", challenge))
        else:
            signature = bytes(self._card("sign_challenge", pin, challenge))
        card = self.desk.verify_card_offline(der, signature, challenge)
        allowance = {pid: self.desk.offline_allowance(card, pid) for pid, _n, _e in self.point_types()}
        return CardVisit(False, card.fingerprint, None, (), allowance, card)

    # -- paying ------------------------------------------------------------------------------------------------
    def pay(self, visit: CardVisit, point_type_id: int, points: int) -> Payment:
        """Sign the payment statement on this visit (no second PIN) and pay: online through the cloud (accepted
        only when it confirms), offline against the card's offline limit (pending until the cloud confirms)."""
        if points <= 0:
            raise ServiceError("invalid_points")
        available = visit.available(point_type_id)
        if visit.online and available is not None and points > available:
            raise ServiceError("insufficient_points")
        try:
            statement = self.desk.consent_statement(point_type_id, points)
            signature = bytes(self._card("sign_statement", statement))
            der_value = self._card("read_user_auth_certificate")
            consent = to_wire(statement, signature, bytes(getattr(der_value, "cert_der", der_value)))
        except Exception as exc:
            raise translate_error(exc) from None
        at = self.now()
        if visit.online and self.online() is not False:
            outcome = self.desk.pay_online(consent, point_type_id, points)
            if outcome.accepted:
                result = outcome.result or {}
                return Payment(outcome.key, points, point_type_id, False, at, _int(result.get("payment_id")),
                               _int(result.get("balance")), str(result.get("payment_id") or outcome.key or ""))
            raise outcome_error(outcome)
        outcome = self.desk.pay_offline(consent, point_type_id, points)
        if not outcome.accepted:
            raise outcome_error(outcome)
        return Payment(outcome.key, points, point_type_id, True, at, None, None, (outcome.key or "")[:8].upper())

    def payment_status(self, key: str) -> str:
        """The outbox's word on a payment kept while the cloud did not answer: queued | applied | rejected..."""
        result = self.engine.outbox.operation(key)
        return "unknown" if result is None else str(result.status)

    def release_card(self) -> None:
        reset = getattr(self.card, "release_card", None) or getattr(self.card, "reset", None)
        if reset is not None:
            try:
                reset()
            except Exception:  # a card already gone needs no reset
                log.debug("card reset failed", exc_info=True)

    # -- vouchers ------------------------------------------------------------------------------------------------
    def check_voucher(self, code: str) -> VoucherPreview:
        """Everything this terminal can check alone (signature, key, window, voided list, this municipality,
        already used here); raises ServiceError with the refusal's code."""
        from kiosk.sync.models import Redemption

        text = code.strip()
        try:
            offline_shop = None if self.engine.online is True else self.desk.shop_id  # online: the cloud's rule
            claims = check_voucher(text, self.engine.reference, self.now(), offline_shop)
        except OfflineRefused as exc:
            if exc.code == "voucher_unknown_key":  # not this municipality's key (or one not pulled yet)
                raise ServiceError("voucher_other_municipality", exc.message, message_ja=exc.message_ja) from None
            raise refused(exc) from None
        if claims.point_type_id not in {pid for pid, _n, _e in self.point_types()}:
            raise ServiceError("voucher_other_municipality", "This voucher is not this municipality's.",
                               message_ja="この市のポイント券ではありません。")
        if self.engine.store.read(lambda s: s.get(Redemption, claims.number)) is not None:
            raise refused(refuse("voucher_already_used_here"))
        until = datetime.fromtimestamp(claims.valid_until).astimezone()
        return VoucherPreview(claims.number, claims.points, claims.point_type_id,
                              self.point_name(claims.point_type_id), until, text,
                              self.point_name_en(claims.point_type_id))

    def redeem(self, preview: VoucherPreview) -> Redeemed:
        outcome = self.desk.redeem_voucher(preview.code)
        if not outcome.accepted:
            raise outcome_error(outcome)
        return Redeemed(preview.number, preview.points, outcome.offline or outcome.status == "queued", self.now(),
                        outcome.key)


def _parse(text: Any) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(str(text))
    except ValueError:
        return None


def _int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None
