"""Settlement with shops (seed rule 11): per shop and period, card payments, vouchers redeemed by scan (pattern ②)
and on paper (pattern ①), exchanges at the exchange desk, reversals, conflicts, and the amount to pay.

Periods are JST dates, one after the other. Closing a settlement assigns every ledger row, redeemed voucher and
conflict it counts to it (table settlement_items: each at most once, ever) and freezes its figures per shop
(settlement_lines); a closed settlement is read from those rows and never recomputed. Whatever reaches the cloud
after a close — an offline operation synced late, dated inside a closed period — is counted by the next
settlement and marked `late` there (its date is before that period's first day).

Conflicts are deducted: a shop's `taken` is everything it handed goods for — the items paid plus what its conflicts
held (an offline voucher that had already been used or voided elsewhere: the voucher's points; an offline payment
the resident's balance did not cover, or whose proof failed: the shortfall) — and `amount_due` = `taken` − the
conflicts' points. The conflicts are listed (`conflict_items`) so the statement says which vouchers or payments were
not paid. A conflicted offline payment whose points were debited in full (over the offline limit, say) is paid:
only what was not debited is deducted.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, exists, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import as_utc
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import (
    conflicts,
    ledger,
    settlement_items,
    settlement_lines,
    settlements,
    shops,
    vouchers,
)
from kiosk_cloud.services.common import iso, jdump, jload
from kiosk_cloud.services.reports import JST, day_range

LEDGER_KINDS = ("use", "reversal", "exchange")
LATE_LISTED = 200


def today_jst(now: datetime) -> date:
    return now.astimezone(JST).date()


def _unsettled(source: str, column: Any) -> Any:
    return ~exists().where(settlement_items.c.source == source, settlement_items.c.source_id == column)


async def candidates(conn: AsyncConnection, end: datetime) -> list[dict[str, Any]]:
    """Every not-yet-settled item dated before `end`: (source, id, shop, what, points, at)."""
    out: list[dict[str, Any]] = []
    rows = (await conn.execute(
        select(ledger.c.id, ledger.c.kind, ledger.c.shop_id, ledger.c.points, ledger.c.occurred_at, ledger.c.offline)
        .where(ledger.c.kind.in_(LEDGER_KINDS), ledger.c.shop_id.is_not(None), ledger.c.occurred_at < end,
               _unsettled("ledger", ledger.c.id)))).all()
    for r in rows:
        what = {"use": "payment", "reversal": "reversal", "exchange": "exchange"}[r.kind]
        out.append({"source": "ledger", "id": r.id, "shop_id": r.shop_id, "what": what, "points": abs(r.points),
                    "at": as_utc(r.occurred_at), "offline": bool(r.offline)})
    vrows = (await conn.execute(
        select(vouchers.c.serial, vouchers.c.number, vouchers.c.redeemed_shop_id, vouchers.c.points,
               vouchers.c.redeemed_at, vouchers.c.redeem_method)
        .where(vouchers.c.status == "redeemed", vouchers.c.redeemed_shop_id.is_not(None),
               vouchers.c.redeemed_at < end, _unsettled("voucher", vouchers.c.serial)))).all()
    for r in vrows:
        what = "voucher_paper" if r.redeem_method == "paper" else "voucher_scan"
        out.append({"source": "voucher", "id": r.serial, "shop_id": r.redeemed_shop_id, "what": what,
                    "points": r.points, "at": as_utc(r.redeemed_at), "reference": r.number,
                    "offline": r.redeem_method == "offline"})
    crows = (await conn.execute(
        select(conflicts.c.id, conflicts.c.shop_id, conflicts.c.kind, conflicts.c.created_at, conflicts.c.detail)
        .where(conflicts.c.shop_id.is_not(None), conflicts.c.created_at < end,
               _unsettled("conflict", conflicts.c.id)))).all()
    for c in crows:
        detail = jload(c.detail) or {}
        out.append({"source": "conflict", "id": c.id, "shop_id": c.shop_id, "what": "conflict",
                    "points": conflict_points(c.kind, detail), "at": as_utc(c.created_at),
                    "reference": detail.get("number") or c.kind, "kind": c.kind,
                    "problem": detail.get("problem") or ",".join(detail.get("problems") or [])})
    return out


def conflict_points(kind: str, detail: dict[str, Any]) -> int:
    """The points a shop took for a conflicted operation that were not paid (see the module docstring)."""
    if detail.get("shortfall") is not None:  # an offline payment: requested − debited (all of it on a bad proof)
        return max(0, int(detail["shortfall"]))
    if kind == "offline_voucher_redeem" and detail.get("problem") in (
            "voucher_already_used", "voucher_voided", "voucher_shop_not_allowed"):
        return max(0, int(detail.get("points") or 0))
    return 0  # nothing of it was applied and its points are not known here (e.g. outside the offline window)


WHATS = ("payment", "reversal", "voucher_scan", "voucher_paper", "exchange", "conflict")
SIGN = {"reversal": -1, "conflict": 0}  # a late item's points towards the amount due


def figures(items: list[dict[str, Any]], start: datetime) -> dict[int, dict[str, Any]]:
    """Per shop: count and points of each kind, late items (dated before the period), the amount due (yen = points)."""
    per: dict[int, dict[str, Any]] = defaultdict(lambda: {
        **{w: {"count": 0, "points": 0} for w in WHATS}, "late": {"count": 0, "points": 0}, "late_items": [],
        "conflict_items": []})
    for item in sorted(items, key=lambda i: (i["at"], i["source"], i["id"])):
        f = per[item["shop_id"]]
        f[item["what"]]["count"] += 1
        f[item["what"]]["points"] += item["points"]
        if item["what"] == "conflict" and len(f["conflict_items"]) < LATE_LISTED:
            f["conflict_items"].append({"at": iso(item["at"]), "kind": item.get("kind"), "points": item["points"],
                                        "reference": item.get("reference"), "problem": item.get("problem")})
        if item["at"] < start:
            item["late"] = True
            f["late"]["count"] += 1
            f["late"]["points"] += item["points"] * SIGN.get(item["what"], 1)
            if len(f["late_items"]) < LATE_LISTED:
                f["late_items"].append({"what": item["what"], "at": iso(item["at"]), "points": item["points"],
                                        "reference": item.get("reference")})
    for f in per.values():
        f["taken"] = (f["payment"]["points"] - f["reversal"]["points"] + f["voucher_scan"]["points"]
                      + f["voucher_paper"]["points"] + f["exchange"]["points"] + f["conflict"]["points"])
        f["amount_due"] = f["taken"] - f["conflict"]["points"]  # the conflicts deducted
    return per


async def _shop_names(conn: AsyncConnection) -> dict[int, str]:
    return {r.id: r.name for r in (await conn.execute(select(shops.c.id, shops.c.name))).all()}


def settlement_out(row: Any, lines: list[dict[str, Any]], *, preview: bool) -> dict[str, Any]:
    return {"id": row.id, "from": row.period_from.isoformat(), "to": row.period_to.isoformat(), "status": row.status,
            "created_at": iso(row.created_at), "closed_at": iso(row.closed_at), "closed_by": row.closed_by,
            "preview": preview, "shops": lines, "total_due": sum(line["amount_due"] for line in lines)}


async def load(conn: AsyncConnection, settlement_id: int, *, lock: bool = False) -> Any:
    query = select(settlements).where(settlements.c.id == settlement_id)
    row = (await conn.execute(query.with_for_update() if lock else query)).first()
    if row is None:
        raise ApiError("not_found", "no such settlement")
    return row


async def view(conn: AsyncConnection, settlement_id: int) -> dict[str, Any]:
    """A closed settlement from its frozen lines; an open one computed now (marked `preview`)."""
    row = await load(conn, settlement_id)
    names = await _shop_names(conn)
    if row.status == "closed":
        lines = [{"shop_id": r.shop_id, "shop_name": names.get(r.shop_id, ""), **jload(r.figures),
                  "amount_due": r.amount_due}
                 for r in (await conn.execute(select(settlement_lines).where(
                     settlement_lines.c.settlement_id == settlement_id).order_by(settlement_lines.c.shop_id))).all()]
        return settlement_out(row, lines, preview=False)
    start, end = day_range(row.period_from, row.period_to)
    per = figures(await candidates(conn, end), start)
    lines = [{"shop_id": shop_id, "shop_name": names.get(shop_id, ""), **f} for shop_id, f in sorted(per.items())]
    return settlement_out(row, lines, preview=True)


async def create(conn: AsyncConnection, first: date, last: date, now: datetime) -> dict[str, Any]:
    """A new open settlement for [first, last]: the day after the previous one ends (any day for the first one)."""
    if (await conn.execute(select(settlements.c.id).where(settlements.c.status == "open"))).first() is not None:
        raise ApiError("settlement_open_exists")
    previous = (await conn.execute(select(settlements.c.period_to).order_by(settlements.c.id.desc()).limit(1))).scalar()
    if last < first or (last - first).days > 366 or (previous is not None and first != previous + timedelta(days=1)):
        raise ApiError("settlement_period_invalid", previous_to=None if previous is None else previous.isoformat())
    settlement_id = (await conn.execute(insert(settlements).values(
        period_from=first, period_to=last, status="open", created_at=now).returning(settlements.c.id))).scalar_one()
    return await view(conn, settlement_id)


async def close(conn: AsyncConnection, settlement_id: int, *, staff_id: int, now: datetime) -> dict[str, Any]:
    """Freeze the figures: every counted item is assigned to this settlement, lines written, status closed."""
    row = await load(conn, settlement_id, lock=True)
    if row.status != "open":
        raise ApiError("settlement_closed")
    if row.period_from > today_jst(now):
        raise ApiError("settlement_period_not_over")
    start, end = day_range(row.period_from, row.period_to)
    items = await candidates(conn, min(end, now))
    per = figures(items, start)
    if items:
        await conn.execute(insert(settlement_items), [
            {"source": i["source"], "source_id": i["id"], "settlement_id": settlement_id, "shop_id": i["shop_id"],
             "late": int(bool(i.get("late")))} for i in items])
    if per:
        await conn.execute(insert(settlement_lines), [
            {"settlement_id": settlement_id, "shop_id": shop_id, "amount_due": f["amount_due"],
             "figures": jdump({k: v for k, v in f.items() if k != "amount_due"})} for shop_id, f in per.items()])
    done = await conn.execute(update(settlements).where(and_(settlements.c.id == settlement_id,
                                                              settlements.c.status == "open"))
                              .values(status="closed", closed_at=now, closed_by=staff_id))
    if done.rowcount != 1:
        raise ApiError("settlement_closed")
    return await view(conn, settlement_id)


async def list_all(conn: AsyncConnection) -> list[dict[str, Any]]:
    rows = (await conn.execute(select(settlements).order_by(settlements.c.id.desc()).limit(100))).all()
    return [{"id": r.id, "from": r.period_from.isoformat(), "to": r.period_to.isoformat(), "status": r.status,
             "closed_at": iso(r.closed_at)} for r in rows]


CSV_COLUMNS = ("settlement_id", "from", "to", "shop_id", "shop_name", "payments_count", "payments_points",
               "reversals_count", "reversals_points", "vouchers_scan_count", "vouchers_scan_points",
               "vouchers_paper_count", "vouchers_paper_points", "exchanges_count", "exchanges_points",
               "conflicts_count", "conflicts_points", "late_count", "late_points", "taken_yen", "amount_due_yen")


def csv_rows(settlement: dict[str, Any]) -> list[list[Any]]:
    out: list[list[Any]] = []
    for line in settlement["shops"]:
        out.append([settlement["id"], settlement["from"], settlement["to"], line["shop_id"], line["shop_name"],
                    line["payment"]["count"], line["payment"]["points"], line["reversal"]["count"],
                    line["reversal"]["points"], line["voucher_scan"]["count"], line["voucher_scan"]["points"],
                    line["voucher_paper"]["count"], line["voucher_paper"]["points"], line["exchange"]["count"],
                    line["exchange"]["points"], line["conflict"]["count"], line["conflict"]["points"],
                    line["late"]["count"], line["late"]["points"], line.get("taken", line["amount_due"]),
                    line["amount_due"]])
    return out
