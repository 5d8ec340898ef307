"""What a shop's own terminal needs beside paying and redeeming (issue 10): its own activity for a period
(payments with whether each can still be reversed, reversals, vouchers redeemed — the day-end and the reversal
list) and a reversal with a reason (audited). Store terminals only, their own shop only; no clerk session (a shop
terminal has none)."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import Field
from sqlalchemy import and_, select

from kiosk_cloud.api.schemas import Body, Day, DbId
from kiosk_cloud.db import as_utc, utcnow
from kiosk_cloud.deps import DB, AppSettings, Store
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import ledger, shops, vouchers
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso
from kiosk_cloud.services.ledger_ops import reverse_payment
from kiosk_cloud.services.reports import day_range

router = APIRouter(tags=["shop terminal"])

MAX_DAYS = 62
MAX_ENTRIES = 5000


class ReverseIn(Body):
    reason: Annotated[str, Field(min_length=1, max_length=200)]


def _shop_of(caller: Any) -> int:
    if caller.shop_id is None:  # a store terminal is always enrolled for a shop; be explicit all the same
        raise ApiError("forbidden_role", "this terminal belongs to no shop")
    return int(caller.shop_id)


@router.get("/shop/activity")
async def activity(caller: Store, db: DB, settings: AppSettings, from_: Annotated[Day, Query(alias="from")],
                   to: Day) -> dict[str, Any]:
    """This shop's payments, reversals and voucher redemptions with their time in the period (JST days, both
    inclusive), oldest first. Payments say whether they were reversed and until when they can be."""
    if to < from_:
        raise ApiError("validation_error", "'to' is before 'from'", status=422)
    if (to - from_).days >= MAX_DAYS:
        raise ApiError("validation_error", f"at most {MAX_DAYS} days", status=422)
    shop_id, now, window = _shop_of(caller), utcnow(), settings.payment_reversal_window_s
    start, end = day_range(from_, to)
    async with db.read() as conn:
        shop = (await conn.execute(select(shops.c.name).where(shops.c.id == shop_id))).scalar()
        rows = (await conn.execute(
            select(ledger.c.id, ledger.c.kind, ledger.c.points, ledger.c.occurred_at, ledger.c.recorded_at,
                   ledger.c.terminal_id, ledger.c.reference, ledger.c.reversed_by, ledger.c.offline)
            .where(ledger.c.shop_id == shop_id, ledger.c.kind.in_(("use", "reversal")),
                   ledger.c.occurred_at >= start, ledger.c.occurred_at < end)
            .order_by(ledger.c.occurred_at, ledger.c.id).limit(MAX_ENTRIES))).all()
        redeemed = (await conn.execute(
            select(vouchers.c.number, vouchers.c.points, vouchers.c.redeemed_at, vouchers.c.redeem_method)
            .where(and_(vouchers.c.redeemed_shop_id == shop_id, vouchers.c.status == "redeemed",
                        vouchers.c.redeemed_at >= start, vouchers.c.redeemed_at < end))
            .order_by(vouchers.c.redeemed_at).limit(MAX_ENTRIES))).all()
    entries: list[dict[str, Any]] = []
    for r in rows:
        if r.kind == "use":
            until = (as_utc(r.recorded_at) or now) + timedelta(seconds=window)
            entries.append({"kind": "payment", "id": r.id, "at": iso(as_utc(r.occurred_at)), "points": -int(r.points),
                            "terminal_id": r.terminal_id, "offline": bool(r.offline),
                            "reversed": r.reversed_by is not None, "reversal_id": r.reversed_by,
                            "reversible_until": iso(until),
                            "reversible": r.reversed_by is None and now <= until})
        else:
            entries.append({"kind": "reversal", "id": r.id, "at": iso(as_utc(r.occurred_at)), "points": int(r.points),
                            "terminal_id": r.terminal_id, "payment_id": int(r.reference) if r.reference else None})
    for v in redeemed:
        entries.append({"kind": "redemption", "id": v.number, "at": iso(as_utc(v.redeemed_at)),
                        "points": int(v.points), "voucher_number": v.number, "method": v.redeem_method})
    entries.sort(key=lambda e: str(e["at"]))
    return {"shop_id": shop_id, "shop_name": shop, "from": from_.isoformat(), "to": to.isoformat(),
            "reversal_window_s": window, "entries": entries}


@router.post("/shop/payments/{payment_id}/reverse")
async def reverse(payment_id: DbId, body: ReverseIn, caller: Store, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Reverse one of this shop's payments inside the municipality's window, with a reason: the points go back
    to the lots they came from; the reason is kept in the audit log."""
    shop_id, now = _shop_of(caller), utcnow()
    async with db.write() as conn:
        result = await reverse_payment(conn, payment_id=payment_id, shop_id=shop_id, terminal_id=caller.terminal_id,
                                       window_s=settings.payment_reversal_window_s, now=now)
        await audit(conn, action="payment_reversal", terminal_id=caller.terminal_id, subject=str(payment_id),
                    at=now, detail={"reason": body.reason.strip()[:200], "reversal_id": result["reversal_id"],
                                    "points": -int(result["points"]), "shop_id": shop_id})
    return {**result, "reason": body.reason.strip(), "reversed_at": iso(now)}
