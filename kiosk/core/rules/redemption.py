"""The redemption rule: may a scanned voucher be redeemed at a shop at a given time, and what is written.

Two steps, because the voucher's row can only be loaded once its code is read:

1. `check_code(code, keys, shop_id=..., at=..., leeway=...)` → the signed claims, or a refusal: the terminal
   has a shop (`terminal_has_no_shop`), the code reads (`voucher_malformed`), its key is known, not revoked, still
   verifies at `at` and was valid for signing when the voucher was signed (else `voucher_unknown_key`,
   `voucher_key_revoked`, `voucher_key_expired`), the signature holds (`voucher_bad_signature`),
   and `at` is inside the voucher's validity window, ± `leeway` (`voucher_not_yet_valid`, `voucher_expired`).
   Online `at` is the cloud's now and `leeway` 0; offline `at` is the operation's time and `leeway`
   OFFLINE_LEEWAY_S (the shop's clock may drift).
2. `decide_redeem(claims, row, shop_id=..., at=..., offline=..., shop_ids=...)` over the voucher's stored row
   and the shops the municipality's voucher rule for the voucher's point type lets take it (table
   `voucher_rules.shop_ids`; empty: every shop) → a `Redemption`: the voucher must exist (`unknown_voucher`) and
   match the claims (`voucher_invalid`); a shop not on the rule's list is refused online
   (`voucher_shop_not_allowed`) and is a conflict offline (nothing written to the voucher); an issued voucher is
   redeemed (`applied`, with the answered result); a used or voided one is refused online
   (`voucher_already_used` / `voucher_voided`, with the voucher's state) and is a conflict offline (the shop has
   already handed over the goods), with the detail the office sees.

`check_shop(claims, shop_ids, shop_id)` is that shop decision alone: the shop terminal asks it offline with the
rule it pulled from the changes feed (kind `voucher_rule`), before it accepts a voucher.

A path writes an applied redemption with a guard on the state it decided on (``status = 'issued'``); if the
guard fails (someone else won meanwhile) it reloads and decides again.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from kiosk.core.errors import VoucherKeyExpired, VoucherKeyRevoked, VoucherUnknownKey
from kiosk.core.rules.refusal import Refused
from kiosk.core.voucher_code import VoucherClaims, decode_voucher, verify_voucher

OFFLINE_LEEWAY_S = 300  # an offline redemption's stated time is trusted to ±5 minutes against the voucher window
ISSUED, REDEEMED, VOIDED = "issued", "redeemed", "voided"


@dataclass(frozen=True, slots=True)
class VoucherKey:
    public_key: bytes  # raw Ed25519, 32 bytes
    valid_from: datetime  # it signs vouchers from valid_from ...
    valid_until: datetime  # ... to valid_until
    verify_until: datetime | None = None  # vouchers it signed verify until then (None: valid_until)
    revoked_at: datetime | None = None  # revoked: no voucher of it verifies any more


@dataclass(frozen=True, slots=True)
class VoucherRow:
    number: str
    status: str  # issued | redeemed | voided
    points: int
    redeemed_at: datetime | None = None
    redeemed_shop_id: int | None = None
    redeem_key: str | None = None  # the idempotency key of the redemption that won


@dataclass(frozen=True, slots=True)
class Redemption:
    applied: bool  # True: mark the voucher redeemed; False: record a conflict (offline only)
    number: str
    points: int
    shop_id: int
    at: datetime
    result: dict[str, object]  # the answered result (applied) or the conflict's detail


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _iso(value: datetime | None) -> str | None:
    return None if value is None else _aware(value).astimezone(UTC).isoformat()


def key_usable(key: VoucherKey, claims: VoucherClaims, at: datetime) -> bool:
    """The key is not revoked, still verifies at `at`, and was valid for signing when the voucher was signed (the
    voucher's valid_from, whole seconds)."""
    if key.revoked_at is not None:
        return False
    if at > _aware(key.verify_until or key.valid_until):
        return False
    return int(_aware(key.valid_from).timestamp()) <= claims.valid_from <= _aware(key.valid_until).timestamp()


def check_code(code: str, keys: Mapping[int, VoucherKey], *, shop_id: int | None, at: datetime,
               leeway: int = 0) -> VoucherClaims:
    """The claims of a genuine voucher valid at `at`; raises `Refused` or a `VoucherError` otherwise."""
    if shop_id is None:
        raise Refused("terminal_has_no_shop")
    claims = decode_voucher(code)
    key = keys.get(claims.key_id)
    if key is None:
        raise VoucherUnknownKey(claims.key_id)
    if key.revoked_at is not None:
        raise VoucherKeyRevoked("the voucher's signing key has been revoked")
    if not key_usable(key, claims, at):
        raise VoucherKeyExpired("the voucher's signing key was not valid then, or is no longer accepted")
    return verify_voucher(code, {claims.key_id: key.public_key}, int(at.timestamp()), leeway)


def voucher_state(row: VoucherRow) -> dict[str, object]:
    return {"number": row.number, "status": row.status, "points": row.points,
            "redeemed_at": _iso(row.redeemed_at), "redeemed_shop_id": row.redeemed_shop_id}


def shop_allowed(shop_ids: Collection[int], shop_id: int) -> bool:
    """The voucher rule's shop list lets `shop_id` take the voucher (an empty list: every shop)."""
    return not shop_ids or shop_id in shop_ids


def check_shop(claims: VoucherClaims, shop_ids: Collection[int], shop_id: int) -> None:
    """Raises `Refused("voucher_shop_not_allowed")` when the rule's shop list does not name `shop_id`."""
    if not shop_allowed(shop_ids, shop_id):
        raise Refused("voucher_shop_not_allowed", "the municipality's voucher rule does not let this shop take it",
                      shop_id=shop_id, point_type_id=claims.point_type_id)


def decide_redeem(claims: VoucherClaims, row: VoucherRow | None, *, shop_id: int, at: datetime, key: str | None,
                  offline: bool, shop_ids: Collection[int] = ()) -> Redemption:
    """What a checked code does to the voucher's row at a shop the rule's `shop_ids` may or may not name (see the
    module docstring)."""
    if row is None or row.number != claims.number:
        raise Refused("unknown_voucher")
    if row.points != claims.points:
        raise Refused("voucher_invalid", "the code's points differ from the issued voucher's")
    if not shop_allowed(shop_ids, shop_id):
        if not offline:
            check_shop(claims, shop_ids, shop_id)
        # offline the shop has handed over the goods: a conflict for the office, the voucher stays as it is
        detail = {**voucher_state(row), "problem": "voucher_shop_not_allowed", "attempted_shop_id": shop_id,
                  "attempted_at": at.isoformat(), "first_key": row.redeem_key, "allowed_shop_ids": sorted(shop_ids)}
        return Redemption(False, row.number, row.points, shop_id, at, detail)
    if row.status == ISSUED:
        after = VoucherRow(row.number, REDEEMED, row.points, at, shop_id, key)
        return Redemption(True, row.number, row.points, shop_id, at, voucher_state(after))
    problem = "voucher_voided" if row.status == VOIDED else "voucher_already_used"
    if not offline:
        # the answer carries the voucher's state but not `status` (the code says it; "status" is the HTTP status)
        raise Refused(problem, "", **{k: v for k, v in voucher_state(row).items() if k != "status"})
    detail = {**voucher_state(row), "problem": problem, "attempted_shop_id": shop_id,
              "attempted_at": at.isoformat(), "first_key": row.redeem_key}
    return Redemption(False, row.number, row.points, shop_id, at, detail)
