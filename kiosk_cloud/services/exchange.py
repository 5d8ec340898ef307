"""The exchange desk (seed 004, 5 (1) ② and 2 (2) ③): points exchanged for the shopping street's paper gift
certificates or charged to its point card (the resident's signed consent, action `exchange`), and municipal points
sold over the counter for cash (the municipality's premium rate and limits; a separate, audited kind of credit —
ledger kind `cash_sale`, never a programme grant)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import InsufficientPoints
from kiosk.core.points import AccountKind, apply_takes, balance, plan_spend
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import cash_sale_rules, cash_sales, exchanges, ledger, lots, shops
from kiosk_cloud.services.accounts import live_lots, lock_account, premium_part, take_points, takes_json
from kiosk_cloud.services.common import iso, jdump, jload
from kiosk_cloud.services.ledger_ops import check_point_type
from kiosk_cloud.services.reports import month_range
from kiosk_cloud.services.settlements import today_jst

KINDS = ("gift_certificate", "point_card")


def check_exchange(kind: str, points: int, serials: list[str], denomination: int | None,
                   card_number: str | None) -> None:
    """Certificates: distinct serials × denomination = points. Point card: a card number, no serials."""
    if kind == "gift_certificate":
        if (not serials or denomination is None or len(set(serials)) != len(serials)
                or denomination * len(serials) != points or card_number):
            raise ApiError("exchange_invalid")
    elif kind == "point_card":
        if not card_number or serials:
            raise ApiError("exchange_invalid")
    else:
        raise ApiError("exchange_invalid")


async def exchange(conn: AsyncConnection, *, mykey_id: str, point_type_id: int, points: int, shop_id: int, kind: str,
                   serials: list[str], denomination: int | None, card_number: str | None, terminal_id: int,
                   staff_id: int, now: datetime) -> dict[str, Any]:
    """Debit the resident (oldest-expiring lots first) and record what was handed over; the payee shop (the
    street's association or 商品券交換所) is settled like a shop (ledger kind `exchange`)."""
    check_exchange(kind, points, serials, denomination, card_number)
    if (await conn.execute(select(shops.c.id).where(shops.c.id == shop_id))).first() is None:
        raise ApiError("unknown_shop")
    await check_point_type(conn, point_type_id)
    account_id = await lock_account(conn, mykey_id, point_type_id)
    current = [] if account_id is None else await live_lots(conn, account_id, now)
    if account_id is None or balance(current, now) < points:
        raise InsufficientPoints(points, balance(current, now))
    takes = plan_spend(current, points, now)
    premium = premium_part(current, takes)
    await take_points(conn, takes)
    left = balance(apply_takes(current, takes), now)
    ledger_id = (await conn.execute(insert(ledger).values(
        account_id=account_id, kind="exchange", points=-points, premium_points=-premium, occurred_at=now,
        recorded_at=now, shop_id=shop_id, terminal_id=terminal_id, staff_id=staff_id, takes=takes_json(takes),
        reference=(card_number or (serials[0] if serials else ""))[:40]).returning(ledger.c.id))).scalar_one()
    exchange_id = (await conn.execute(insert(exchanges).values(
        kind=kind, mykey_id=mykey_id, point_type_id=point_type_id, points=points, shop_id=shop_id,
        serials=jdump(serials) if serials else None, card_number=card_number, ledger_id=ledger_id,
        terminal_id=terminal_id, staff_id=staff_id, at=now).returning(exchanges.c.id))).scalar_one()
    return {"exchange_id": exchange_id, "kind": kind, "mykey_id": mykey_id, "points": points, "shop_id": shop_id,
            "serials": serials, "card_number": card_number, "balance": left, "at": iso(now)}


# --- cash sales ---------------------------------------------------------------------------------------------

def rule_out(row: Any) -> dict[str, Any]:
    return {"point_type_id": row.point_type_id, "premium_rate_pct": row.premium_rate_pct,
            "max_yen_per_sale": row.max_yen_per_sale, "max_yen_per_resident_month": row.max_yen_per_resident_month,
            "validity_days": row.validity_days}


async def set_rule(conn: AsyncConnection, values: dict[str, Any], now: datetime) -> dict[str, Any]:
    await check_point_type(conn, values["point_type_id"])
    exists_ = (await conn.execute(select(cash_sale_rules.c.point_type_id).where(
        cash_sale_rules.c.point_type_id == values["point_type_id"]))).first()
    if exists_:
        await conn.execute(cash_sale_rules.update().where(
            cash_sale_rules.c.point_type_id == values["point_type_id"]).values(**values, updated_at=now))
    else:
        await conn.execute(insert(cash_sale_rules).values(**values, updated_at=now))
    return await get_rule(conn, values["point_type_id"])


async def get_rule(conn: AsyncConnection, point_type_id: int) -> dict[str, Any]:
    row = (await conn.execute(select(cash_sale_rules).where(cash_sale_rules.c.point_type_id == point_type_id))).first()
    if row is None:
        raise ApiError("cash_sale_not_offered")
    return rule_out(row)


def quote(rule: dict[str, Any], yen: int) -> tuple[int, int]:
    """(points, premium points) for `yen`: the premium rounded down."""
    premium = yen * rule["premium_rate_pct"] // 100
    return yen + premium, premium


def sale_out(row: Any) -> dict[str, Any]:
    return {"sale_id": row.id, "receipt_number": f"CS-{row.id:08d}", "mykey_id": row.mykey_id,
            "point_type_id": row.point_type_id, "yen": row.yen, "points": row.points,
            "premium_points": row.premium_points, "premium_rate_pct": row.premium_rate_pct,
            "expires_at": iso(row.expires_at), "at": iso(row.at)}


async def sell(conn: AsyncConnection, *, mykey_id: str, point_type_id: int, yen: int, key: str, terminal_id: int,
               staff_id: int, now: datetime) -> tuple[dict[str, Any], bool]:
    """Credit points bought for cash: a normal lot for the yen paid and a premium lot for the bonus. Returns
    (sale, replayed): the same key from the same terminal answers the stored sale and writes nothing."""
    stored = (await conn.execute(select(cash_sales).where(
        cash_sales.c.terminal_id == terminal_id, cash_sales.c.idempotency_key == key))).first()
    if stored is not None:
        if stored.mykey_id != mykey_id or stored.yen != yen or stored.point_type_id != point_type_id:
            raise ApiError("idempotency_key_reused")
        return sale_out(stored), True
    rule = await get_rule(conn, point_type_id)
    start, end = month_range(today_jst(now).strftime("%Y-%m"))
    month = int((await conn.execute(select(func.coalesce(func.sum(cash_sales.c.yen), 0)).where(
        cash_sales.c.mykey_id == mykey_id, cash_sales.c.point_type_id == point_type_id, cash_sales.c.at >= start,
        cash_sales.c.at < end))).scalar_one())
    if yen > rule["max_yen_per_sale"] or month + yen > rule["max_yen_per_resident_month"]:
        raise ApiError("cash_sale_over_limit", max_yen_per_sale=rule["max_yen_per_sale"],
                       left_this_month=max(0, rule["max_yen_per_resident_month"] - month))
    points, premium = quote(rule, yen)
    account_id = await lock_account(conn, mykey_id, point_type_id, AccountKind.PERSONAL, create=True, now=now)
    assert account_id is not None
    expires = now + timedelta(days=rule["validity_days"])
    for amount, is_premium in ((yen, False), (premium, True)):
        if amount:
            await conn.execute(insert(lots).values(account_id=account_id, programme_id=None, premium=is_premium,
                                                   granted_at=now, expires_at=expires, original=amount,
                                                   remaining=amount))
    try:
        sale_id = (await conn.execute(insert(cash_sales).values(
            mykey_id=mykey_id, point_type_id=point_type_id, yen=yen, points=points, premium_points=premium,
            premium_rate_pct=rule["premium_rate_pct"], terminal_id=terminal_id, staff_id=staff_id,
            idempotency_key=key, expires_at=expires, at=now).returning(cash_sales.c.id))).scalar_one()
    except IntegrityError:
        raise ApiError("concurrent_change") from None
    await conn.execute(insert(ledger).values(
        account_id=account_id, kind="cash_sale", points=points, premium_points=premium, occurred_at=now,
        recorded_at=now, terminal_id=terminal_id, staff_id=staff_id, reference=f"CS-{sale_id:08d}"))
    row = (await conn.execute(select(cash_sales).where(cash_sales.c.id == sale_id))).one()
    return sale_out(row), False


async def day_figures(conn: AsyncConnection, start: datetime, end: datetime,
                      terminal_id: int | None) -> dict[str, Any]:
    """Cash taken for points in [start, end): what the day-end count of the till must add."""
    query = select(cash_sales).where(cash_sales.c.at >= start, cash_sales.c.at < end).order_by(cash_sales.c.id)
    if terminal_id is not None:
        query = query.where(cash_sales.c.terminal_id == terminal_id)
    rows = (await conn.execute(query)).all()
    return {"count": len(rows), "yen": sum(r.yen for r in rows), "points": sum(r.points for r in rows),
            "premium_points": sum(r.premium_points for r in rows), "sales": [sale_out(r) for r in rows]}


async def list_exchanges(conn: AsyncConnection, start: datetime, end: datetime) -> list[dict[str, Any]]:
    rows = (await conn.execute(select(exchanges).where(exchanges.c.at >= start, exchanges.c.at < end)
                               .order_by(exchanges.c.id))).all()
    return [{"exchange_id": r.id, "kind": r.kind, "points": r.points, "shop_id": r.shop_id,
             "serials": jload(r.serials) or [], "card_number": r.card_number, "at": iso(r.at)} for r in rows]
