"""Point vouchers: signing keys, issue (debits the balance), redeem (one winner), void, paper reconciliation.

The reference server generates its Ed25519 signing keys itself and keeps them in its database (table
voucher_keys); a production deployment would keep them in an HSM. Public keys go out on the changes feed.
"""

from __future__ import annotations

import base64
from datetime import datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import InsufficientPoints, VoucherExpired
from kiosk.core.points import Lot, apply_takes, balance, check_points, plan_spend
from kiosk.core.rules.redemption import (
    OFFLINE_LEEWAY_S,
    Redemption,
    VoucherRow,
    check_code,
    decide_redeem,
    shop_allowed,
)
from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import check_voucher_number, make_voucher_number
from kiosk_cloud.db import as_utc
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, ledger, shops, voucher_keys, voucher_rules, vouchers
from kiosk_cloud.services.accounts import (
    live_lots,
    lock_account,
    premium_part,
    restore_points,
    take_points,
    takes_from_json,
    takes_json,
)
from kiosk_cloud.services.common import iso, jload, record_change
from kiosk_cloud.services.ledger_ops import check_point_type
from kiosk_cloud.services.voucher_keys import keys_for

JST = timezone(timedelta(hours=9))
KEY_LIFETIME = timedelta(days=3 * 365)  # a key signs for this long ...
VERIFY_AFTER_SIGNING = timedelta(days=731)  # ... and its vouchers verify this long after (the longest validity)


async def ensure_signing_key(conn: AsyncConnection, now: datetime) -> int:
    """The active key id, valid for signing now and not revoked; a new key is generated when there is none."""
    key_id = (await conn.execute(
        select(voucher_keys.c.key_id).where(
            voucher_keys.c.active.is_(True), voucher_keys.c.revoked_at.is_(None), voucher_keys.c.valid_from <= now,
            voucher_keys.c.valid_until > now).order_by(voucher_keys.c.key_id.desc())
    )).scalar()
    return key_id if key_id is not None else await rotate_key(conn, now)


async def rotate_key(conn: AsyncConnection, now: datetime) -> int:
    """A new active key; older keys stay valid for verification until their valid_until."""
    last = (await conn.execute(select(voucher_keys.c.key_id).order_by(voucher_keys.c.key_id.desc()))).scalar()
    key_id = (last or 0) + 1
    private, public = new_signing_key()
    await conn.execute(update(voucher_keys).values(active=False))
    valid_until = now + KEY_LIFETIME
    verify_until = valid_until + VERIFY_AFTER_SIGNING
    await conn.execute(insert(voucher_keys).values(
        key_id=key_id, public_key=public, private_key=private, valid_from=now, valid_until=valid_until, active=True,
        verify_until=verify_until))
    await record_change(conn, "voucher_key", key_id, {
        "key_id": key_id, "public_key": base64.b64encode(public).decode(),
        "valid_from": iso(now), "valid_until": iso(valid_until), "verify_until": iso(verify_until),
        "revoked_at": None})
    return key_id


def end_of_day_jst(moment: datetime) -> datetime:
    day = moment.astimezone(JST).date()
    return datetime.combine(day, time(23, 59, 59), JST)


async def issue(
    conn: AsyncConnection, *, mykey_id: str, point_type_id: int, points: int, count: int, terminal_id: int,
    validity_days: int, now: datetime,
) -> list[dict[str, Any]]:
    check_points(points)
    check_points(points * count)
    await check_point_type(conn, point_type_id)
    account_id = await lock_account(conn, mykey_id, point_type_id)
    current: list[Lot] = [] if account_id is None else await live_lots(conn, account_id, now)
    if account_id is None or balance(current, now) < points * count:
        raise InsufficientPoints(points * count, balance(current, now))
    key_id = await ensure_signing_key(conn, now)
    private = (await conn.execute(select(voucher_keys.c.private_key).where(voucher_keys.c.key_id == key_id))).scalar_one()
    valid_until = end_of_day_jst(now + timedelta(days=validity_days))
    out = []
    for _ in range(count):
        takes = plan_spend(current, points, now)
        premium = premium_part(current, takes)
        current = apply_takes(current, takes)
        await take_points(conn, takes)
        serial = (await conn.execute(insert(vouchers).values(
            key_id=key_id, point_type_id=point_type_id, account_id=account_id, points=points, premium_points=premium,
            takes=takes_json(takes), valid_from=now, valid_until=valid_until, issued_at=now,
            issuing_terminal_id=terminal_id, status="issued",
        ).returning(vouchers.c.serial))).scalar_one()
        number = make_voucher_number(serial)
        claims = VoucherClaims(key_id=key_id, point_type_id=point_type_id, number=number, points=points,
                               valid_from=int(now.timestamp()), valid_until=int(valid_until.timestamp()),
                               terminal_id=terminal_id)
        code = encode_voucher(claims, bytes(private))
        await conn.execute(update(vouchers).where(vouchers.c.serial == serial).values(number=number, code=code))
        await conn.execute(insert(ledger).values(
            account_id=account_id, kind="voucher", points=-points, premium_points=-premium, occurred_at=now,
            recorded_at=now, terminal_id=terminal_id, reference=number, takes=takes_json(takes)))
        out.append({"number": number, "code": code, "points": points, "point_type_id": point_type_id,
                    "key_id": key_id, "valid_from": iso(now), "valid_until": iso(valid_until), "issued_at": iso(now)})
    return out


async def load_voucher(conn: AsyncConnection, number: str) -> VoucherRow | None:
    """The voucher's row as the redemption rule sees it, locked (PostgreSQL; SQLite writers are serialised)."""
    row = (await conn.execute(
        select(vouchers.c.number, vouchers.c.status, vouchers.c.points, vouchers.c.redeemed_at,
               vouchers.c.redeemed_shop_id, vouchers.c.redeem_key)
        .where(vouchers.c.number == number).with_for_update())).first()
    if row is None:
        return None
    return VoucherRow(row.number, row.status, row.points, as_utc(row.redeemed_at), row.redeemed_shop_id,
                      row.redeem_key)


async def rule_shops(conn: AsyncConnection, point_type_id: int) -> tuple[int, ...]:
    """The shops the municipality's voucher rule lets take vouchers of this point type (empty: every shop, also
    when there is no rule)."""
    text = (await conn.execute(select(voucher_rules.c.shop_ids)
                               .where(voucher_rules.c.point_type_id == point_type_id))).scalar()
    return tuple(int(s) for s in jload(text) or ())


async def apply_redemption(conn: AsyncConnection, *, code: str, shop_id: int | None, at: datetime, key: str | None,
                           offline: bool) -> Redemption:
    """Scan redemption, online (`at` = now) or offline (`at` = the operation's time): load the voucher's row and
    its point type's voucher rule (the shops that take it), decide (kiosk.core.rules.redemption), write. Refusals
    raise; an offline second use or a shop the rule does not name comes back not `applied`."""
    claims = check_code(code, await keys_for(conn, code), shop_id=shop_id, at=at,
                        leeway=OFFLINE_LEEWAY_S if offline else 0)
    assert shop_id is not None  # check_code refused otherwise
    plan = decide_redeem(claims, await load_voucher(conn, claims.number), shop_id=shop_id, at=at, key=key,
                         offline=offline, shop_ids=await rule_shops(conn, claims.point_type_id))
    if plan.applied:
        won, _ = await mark_redeemed(conn, plan.number, shop_id, at, "offline" if offline else "scan", key)
        if not won:  # cannot happen under the row lock; never write a second winner
            raise ApiError("concurrent_change")
    return plan


async def mark_redeemed(
    conn: AsyncConnection, number: str, shop_id: int, at: datetime, method: str, key: str | None
) -> tuple[bool, Any]:
    """Atomically move issued → redeemed: exactly one caller wins. Returns (won, row-after)."""
    state = (vouchers.c.number, vouchers.c.status, vouchers.c.points, vouchers.c.redeemed_at,
             vouchers.c.redeemed_shop_id)
    won = (await conn.execute(
        update(vouchers)
        .where(vouchers.c.number == number, vouchers.c.status == "issued")
        .values(status="redeemed", redeemed_at=at, redeemed_shop_id=shop_id, redeem_method=method, redeem_key=key)
        .returning(*state)
    )).first()
    if won is not None:
        return True, won
    return False, (await conn.execute(select(*state).where(vouchers.c.number == number))).first()


def voucher_state(row: Any) -> dict[str, Any]:
    return {"number": row.number, "status": row.status, "points": row.points,
            "redeemed_at": iso(row.redeemed_at), "redeemed_shop_id": row.redeemed_shop_id}


async def redeem(conn: AsyncConnection, *, code: str, shop_id: int, now: datetime, key: str | None) -> dict[str, Any]:
    return (await apply_redemption(conn, code=code, shop_id=shop_id, at=now, key=key, offline=False)).result


async def void(conn: AsyncConnection, *, number_text: str, terminal_id: int, now: datetime) -> dict[str, Any]:
    """Void an unused voucher: its points go back to the resident's lots and the number joins the void list."""
    number = check_voucher_number(number_text)
    row = (await conn.execute(select(vouchers).where(vouchers.c.number == number))).first()
    if row is None:
        raise ApiError("unknown_voucher")
    await conn.execute(select(accounts.c.id).where(accounts.c.id == row.account_id).with_for_update())
    won = (await conn.execute(
        update(vouchers).where(vouchers.c.number == number, vouchers.c.status == "issued")
        .values(status="voided", voided_at=now).returning(vouchers.c.serial)
    )).first()
    if won is None:
        code = "voucher_voided" if row.status == "voided" else "voucher_already_used"
        raise ApiError(code, number=number, status=row.status)
    await restore_points(conn, takes_from_json(row.takes))
    await conn.execute(insert(ledger).values(
        account_id=row.account_id, kind="voucher_void", points=row.points, premium_points=row.premium_points,
        occurred_at=now, recorded_at=now, terminal_id=terminal_id, reference=number, takes=row.takes))
    await record_change(conn, "voided_voucher", number, {"number": number, "voided_at": iso(now)})
    return {"number": number, "status": "voided", "points_restored": row.points}


async def reconcile(conn: AsyncConnection, *, numbers: list[str], shop_id: int, now: datetime) -> list[dict[str, Any]]:
    """Pattern ①: paper vouchers collected from a shop, marked used in one batch; one result per number. A voucher
    whose point type's voucher rule does not name the shop (the redemption rule's `shop_allowed`) is not marked:
    `invalid` with code `voucher_shop_not_allowed`."""
    if (await conn.execute(select(shops.c.id).where(shops.c.id == shop_id))).first() is None:
        raise ApiError("unknown_shop")
    results = []
    allowed: dict[int, bool] = {}  # point type -> may this shop take its vouchers
    for text in numbers:
        try:
            number = check_voucher_number(text)
        except Exception as exc:  # VoucherNumberInvalid
            results.append({"number": text, "result": "invalid", "code": getattr(exc, "code", "invalid")})
            continue
        point_type_id = (await conn.execute(select(vouchers.c.point_type_id)
                                            .where(vouchers.c.number == number))).scalar()
        if point_type_id is not None and point_type_id not in allowed:
            allowed[point_type_id] = shop_allowed(await rule_shops(conn, point_type_id), shop_id)
        if point_type_id is not None and not allowed[point_type_id]:
            results.append({"number": number, "result": "invalid", "code": "voucher_shop_not_allowed",
                            "point_type_id": point_type_id})
            continue
        won, row = await mark_redeemed(conn, number, shop_id, now, "paper", None)
        if row is None:
            results.append({"number": number, "result": "unknown", "code": "unknown_voucher"})
        elif won:
            expired = (as_utc(await _valid_until(conn, number)) or now) < now
            results.append({"number": number, "result": "redeemed", "points": row.points,
                            "expired": expired, "code": VoucherExpired.code if expired else None})
        else:
            results.append({"number": number, "result": row.status,
                            "code": "voucher_voided" if row.status == "voided" else "voucher_already_used",
                            **voucher_state(row)})
    return results


async def _valid_until(conn: AsyncConnection, number: str) -> datetime | None:
    return (await conn.execute(select(vouchers.c.valid_until).where(vouchers.c.number == number))).scalar()
