"""Aggregate reports: grants per month (by programme, department or MyKey ID; normal vs premium), settlement
per shop (card payments net of reversals plus vouchers redeemed). Periods are in Japan time (JST)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, departments, ledger, programmes, shops, vouchers

JST = timezone(timedelta(hours=9))


def month_range(month: str) -> tuple[datetime, datetime]:
    try:
        year, mon = (int(part) for part in month.split("-"))
        start = datetime(year, mon, 1, tzinfo=JST)
    except ValueError:
        raise ApiError("bad_month") from None
    end = datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=JST)
    return start, end


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    return datetime.combine(first, time(), JST), datetime.combine(last + timedelta(days=1), time(), JST)


async def grants_report(conn: AsyncConnection, month: str, by: str) -> list[dict[str, Any]]:
    start, end = month_range(month)
    normal = func.sum(ledger.c.points - ledger.c.premium_points).label("normal")
    premium = func.sum(ledger.c.premium_points).label("premium")
    count = func.count().label("n")
    base = (ledger.c.kind == "grant", ledger.c.occurred_at >= start, ledger.c.occurred_at < end)
    if by == "programme":
        query = (select(programmes.c.id, programmes.c.name, programmes.c.department_id, normal, premium, count)
                 .join(programmes, programmes.c.id == ledger.c.programme_id)
                 .where(*base).group_by(programmes.c.id, programmes.c.name, programmes.c.department_id)
                 .order_by(programmes.c.id))
        keys: tuple[str, ...] = ("programme_id", "programme_name", "department_id")
    elif by == "department":
        query = (select(departments.c.id, departments.c.name, normal, premium, count)
                 .join(programmes, programmes.c.id == ledger.c.programme_id)
                 .join(departments, departments.c.id == programmes.c.department_id)
                 .where(*base).group_by(departments.c.id, departments.c.name).order_by(departments.c.id))
        keys = ("department_id", "department_name")
    else:
        query = (select(accounts.c.mykey_id, normal, premium, count)
                 .join(accounts, accounts.c.id == ledger.c.account_id)
                 .where(*base).group_by(accounts.c.mykey_id).order_by(accounts.c.mykey_id))
        keys = ("mykey_id",)
    rows = (await conn.execute(query)).all()
    out = []
    for r in rows:
        item = dict(zip(keys, r[: len(keys)], strict=True))
        item.update(normal=int(r.normal or 0), premium=int(r.premium or 0), count=int(r.n))
        item["total"] = item["normal"] + item["premium"]
        out.append(item)
    return out


async def settlement(conn: AsyncConnection, first: date, last: date, shop_id: int | None) -> list[dict[str, Any]]:
    start, end = day_range(first, last)
    paid = (select(ledger.c.shop_id, func.sum(-ledger.c.points).label("points"), func.count().label("n"))
            .where(ledger.c.kind == "use", ledger.c.occurred_at >= start, ledger.c.occurred_at < end)
            .group_by(ledger.c.shop_id))
    reversed_ = (select(ledger.c.shop_id, func.sum(ledger.c.points).label("points"), func.count().label("n"))
                 .where(ledger.c.kind == "reversal", ledger.c.occurred_at >= start, ledger.c.occurred_at < end)
                 .group_by(ledger.c.shop_id))
    vouch = (select(vouchers.c.redeemed_shop_id, func.sum(vouchers.c.points).label("points"),
                    func.count().label("n"))
             .where(and_(vouchers.c.status == "redeemed", vouchers.c.redeemed_at >= start,
                         vouchers.c.redeemed_at < end))
             .group_by(vouchers.c.redeemed_shop_id))
    p = {r.shop_id: r for r in (await conn.execute(paid)).all()}
    rv = {r.shop_id: r for r in (await conn.execute(reversed_)).all()}
    v = {r.redeemed_shop_id: r for r in (await conn.execute(vouch)).all()}
    query = select(shops).order_by(shops.c.id)
    if shop_id is not None:
        query = query.where(shops.c.id == shop_id)
    out = []
    for s in (await conn.execute(query)).all():
        pay_points = int(p[s.id].points) if s.id in p else 0
        rev_points = int(rv[s.id].points) if s.id in rv else 0
        v_points = int(v[s.id].points) if s.id in v else 0
        out.append({
            "shop_id": s.id, "shop_name": s.name, "payee_account": s.payee_account,
            "payments": {"count": int(p[s.id].n) if s.id in p else 0, "points": pay_points},
            "reversals": {"count": int(rv[s.id].n) if s.id in rv else 0, "points": rev_points},
            "vouchers": {"count": int(v[s.id].n) if s.id in v else 0, "points": v_points},
            "amount_due_yen": pay_points - rev_points + v_points,
        })
    return out
