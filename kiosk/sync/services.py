"""Qt-free services the store screens call (through an operation object on a worker thread, never the GUI
thread): voucher redemption and card payment, online when the cloud answers and offline when it does not.
A card payment carries the resident's signed consent (kiosk.core.consent), online and offline alike.

Every write goes through the outbox. Online, the service waits a few seconds for the cloud's answer; offline (or
if the answer does not come in time) the local checks decide and the operation reaches the cloud later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now
from kiosk.sync.credentials import TerminalCredentials
from kiosk.sync.engine import SyncEngine
from kiosk.sync.errors import OfflineRefused
from kiosk.sync.offline import (
    MESSAGES,
    CardIdentity,
    check_voucher,
    forget_redemption,
    offline_payment_guard,
    offline_used_today,
    redemption_guard,
    refuse,
    verify_card,
    verify_consent_offline,
)


@dataclass(frozen=True)
class Outcome:
    key: str | None
    accepted: bool
    offline: bool  # decided by the terminal alone; the cloud sees it at the next sync
    status: str  # applied | replayed | queued | rejected | conflict | refused (local check)
    points: int = 0
    code: str | None = None
    message: str | None = None
    message_ja: str | None = None
    result: dict[str, Any] | None = None


def _refused(exc: OfflineRefused) -> Outcome:
    return Outcome(None, False, True, "refused", 0, exc.code, exc.message, exc.message_ja)


class StoreDesk:
    def __init__(self, engine: SyncEngine, *, answer_wait: float = 5.0,
                 terminal: TerminalCredentials | None = None) -> None:
        """The shop is the enrolled terminal's own (the cloud takes it from the terminal's token); `terminal`
        (its credentials) lets the desk write consent statements and check them offline for this till."""
        self.engine = engine
        self.answer_wait = answer_wait
        self.terminal = terminal

    @property
    def shop_id(self) -> int | None:
        """This terminal's shop (from its credentials), or None when the desk was made without them."""
        t = self.terminal
        return None if t is None or t.shop_id is None else int(t.shop_id)

    # -- vouchers (pattern ②: scan and redeem at once) --------------------------------------------------------
    def redeem_voucher(self, code: str) -> Outcome:
        now = self.engine.clock.cloud_now()
        reference = self.engine.reference
        online = self.engine.online is True
        try:
            claims = None
            try:
                # offline, this shop against the voucher rule it pulled (online the cloud decides, with the
                # current rule)
                claims = check_voucher(code, reference, now, None if online else self.shop_id)
            except OfflineRefused as exc:
                # online, a key this terminal has not pulled yet (rotation) is for the cloud to judge
                if not (online and exc.code in ("voucher_keys_missing", "voucher_unknown_key")):
                    raise
            kind = "voucher_redeem" if online else "offline_voucher_redeem"
            payload: dict[str, Any] = {"code": code.strip()}  # time: the operation's created_at
            local = redemption_guard(claims, now) if claims is not None else None
            key = self.engine.submit(kind, payload, offline=not online, local=local)
        except OfflineRefused as exc:
            return _refused(exc)
        points = claims.points if claims is not None else 0
        outcome = self._answer(key, online, points)
        if claims is not None and outcome.code == "voucher_shop_not_allowed":  # not used here after all
            self.engine.store.write(forget_redemption(claims.number, key))
        return outcome

    # -- card payments ---------------------------------------------------------------------------------------
    def verify_card_offline(self, cert_der: bytes, signature: bytes, challenge: bytes) -> CardIdentity:
        return verify_card(cert_der, signature, challenge, self.engine.reference, self.engine.clock.cloud_now())

    def offline_allowance(self, card: CardIdentity, point_type_id: int) -> int | None:
        """Points this card may still pay offline today at this terminal (None: no limit known → no offline)."""
        limit = self.engine.reference.offline_limit(point_type_id)
        if limit is None:
            return None
        now = self.engine.clock.cloud_now()
        used = self.engine.store.read(lambda s: offline_used_today(s, card.fingerprint, point_type_id, now))
        return max(0, limit - used)

    def consent_statement(self, point_type_id: int, points: int) -> bytes:
        """The statement the resident reads on the customer-facing display and the card signs
        (`CardService.sign_statement`): this municipality, shop and terminal, the point type and points, a fresh
        nonce and the cloud-corrected time. Needs the terminal's credentials (`terminal=`)."""
        t = self.terminal
        if t is None or t.municipality_code is None or t.shop_id is None:
            raise ValueError("StoreDesk needs the store terminal's credentials to write a consent statement")
        return encode_statement(ConsentStatement(
            action="payment", municipality_code=str(t.municipality_code), shop_id=int(t.shop_id),
            terminal_id=int(t.terminal_id), point_type_id=int(point_type_id), points=int(points), count=1,
            nonce=new_nonce(), at=statement_now(self.engine.clock.cloud_now())))

    def pay_offline(self, consent: Mapping[str, str], point_type_id: int, points: int) -> Outcome:
        """Take a card payment the cloud will settle at sync: the resident's signed consent (wire form,
        `kiosk.core.consent.to_wire`) is checked here with cached data (statement = this payment, signature,
        chain, validity, CRL) and counted against the card's offline limit for the day; the operation carries the
        certificate, statement and signature, and the cloud verifies all of it again at sync."""
        now = self.engine.clock.cloud_now()
        limit = self.engine.reference.offline_limit(point_type_id)
        t = self.terminal
        try:
            if limit is None:
                raise refuse("offline_limit_unknown")
            card, _ = verify_consent_offline(
                consent, self.engine.reference, now, action="payment", point_type_id=point_type_id, points=points,
                terminal_id=None if t is None else t.terminal_id, shop_id=None if t is None else t.shop_id)
            payload = {"point_type_id": point_type_id, "points": points, "consent": dict(consent)}
            key = self.engine.submit("offline_payment", payload, offline=True,
                                     local=offline_payment_guard(card, point_type_id, points, limit, now))
        except OfflineRefused as exc:
            return _refused(exc)
        return Outcome(key, True, True, "queued", points)

    def pay_online(self, consent: Mapping[str, str], point_type_id: int, points: int) -> Outcome:
        """Card payment with the resident's signed consent (wire form), through the outbox; accepted only when
        the cloud confirms."""
        key = self.engine.submit("payment", {"point_type_id": point_type_id, "points": points,
                                             "consent": dict(consent)})
        return self._answer(key, True, points, checked_locally=False)

    def _answer(self, key: str, online: bool, points: int, checked_locally: bool = True) -> Outcome:
        if not online:
            return Outcome(key, True, True, "queued", points)
        result = self.engine.wait_result(key, self.answer_wait)
        if result is None and checked_locally:  # accepted on the local checks; the cloud gets it later
            return Outcome(key, True, True, "queued", points)
        if result is None:  # nothing checked it: not accepted until the cloud confirms
            english, japanese = MESSAGES["awaiting_cloud"]
            return Outcome(key, False, False, "queued", points, "awaiting_cloud", english, japanese)
        if result.status == "rejected":
            # shown on screen right now, so staff need not resolve it from the dead-letter list
            self.engine.outbox.resolve_dead_letter(key, "discard", by="terminal", note="refused on screen")
        return Outcome(key, result.ok, False, result.status, int(result.result.get("points", points) or 0),
                       result.code, result.message, result.message_ja, result.result)
