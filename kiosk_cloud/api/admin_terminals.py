"""Administration of terminals and support events (issue 12, admin staff session): each terminal with its last
contact and outbox backlog; a support-event account (特定支援イベント口座) with everything paid in (programmes and
supporters) and out, and its pay-out to the event's organiser, audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import Field
from sqlalchemy import func, insert, select

from kiosk.core.errors import InsufficientPoints
from kiosk.core.points import AccountKind, plan_spend
from kiosk_cloud.api.schemas import Body, DbId, Points, ShortText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import accounts, ledger, lots, programmes, shops, terminals
from kiosk_cloud.services import contact
from kiosk_cloud.services.accounts import live_lots, premium_part, take_points, takes_json
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso

router = APIRouter(prefix="/admin", tags=["admin terminals"])


class PayoutIn(Body):
    points: Points
    payee: ShortText
    note: Annotated[str, Field(max_length=100)] = ""


@router.get("/terminals")
async def terminals_with_contact(caller: AdminStaff, db: DB, request: Request) -> dict[str, Any]:
    """Every terminal: role, shop, enrolled/revoked, last contact and the outbox backlog it last reported."""
    await contact.tracker(request.app.state).flush(db)
    async with db.read() as conn:
        rows = (await conn.execute(
            select(terminals.c.id, terminals.c.name, terminals.c.role, terminals.c.shop_id, shops.c.name.label("shop"),
                   terminals.c.created_at, terminals.c.revoked_at, terminals.c.last_seen_at,
                   terminals.c.outbox_backlog)
            .outerjoin(shops, shops.c.id == terminals.c.shop_id).order_by(terminals.c.id))).all()
    return {"terminals": [
        {"terminal_id": r.id, "name": r.name, "role": r.role, "shop_id": r.shop_id, "shop": r.shop,
         "created_at": iso(r.created_at), "revoked_at": iso(r.revoked_at), "last_seen_at": iso(r.last_seen_at),
         "outbox_backlog": r.outbox_backlog} for r in rows], "now": iso(utcnow())}


async def _event(conn: Any, account_id: int, lock: bool = False) -> Any:
    query = select(accounts).where(accounts.c.id == account_id)
    row = (await conn.execute(query.with_for_update() if lock else query)).first()
    if row is None or row.kind != AccountKind.SUPPORT_EVENT.value:
        raise ApiError("not_found", "no such support-event account")
    return row


@router.get("/support-events/{account_id}")
async def support_event(account_id: DbId, caller: AdminStaff, db: DB) -> dict[str, Any]:
    """The event's account: balance, what came in per programme and per supporter (MyKey ID), what was paid out."""
    now = utcnow()
    async with db.read() as conn:
        row = await _event(conn, account_id)
        entries = (await conn.execute(
            select(ledger.c.id, ledger.c.kind, ledger.c.points, ledger.c.occurred_at, ledger.c.reference,
                   programmes.c.name.label("programme"))
            .outerjoin(programmes, programmes.c.id == ledger.c.programme_id)
            .where(ledger.c.account_id == account_id).order_by(ledger.c.id))).all()
        supporters = (await conn.execute(
            select(accounts.c.mykey_id, func.sum(ledger.c.points).label("points"), func.count().label("count"))
            .select_from(ledger.join(accounts, accounts.c.id == ledger.c.account_id))
            .where(ledger.c.kind == "event_support", ledger.c.reference == f"event:{account_id}")
            .group_by(accounts.c.mykey_id).order_by(accounts.c.mykey_id))).all()
        balance = (await conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0)).where(
            lots.c.account_id == account_id, lots.c.remaining > 0, lots.c.expires_at > now))).scalar_one()
    return {"account_id": account_id, "name": row.name, "point_type_id": row.point_type_id,
            "balance": int(balance),
            "entries": [{"id": e.id, "kind": e.kind, "points": e.points, "at": iso(e.occurred_at),
                         "programme": e.programme, "reference": e.reference} for e in entries],
            "supporters": [{"mykey_id": s.mykey_id, "points": -int(s.points), "count": int(s._mapping["count"])}
                           for s in supporters]}


@router.post("/support-events/{account_id}/payout")
async def payout(account_id: DbId, body: PayoutIn, caller: AdminStaff, db: DB) -> dict[str, Any]:
    """Pay the event's points out to its organiser (ledger `event_payout`, earliest expiry first), audited."""
    now = utcnow()
    async with db.write() as conn:
        await _event(conn, account_id, lock=True)
        lots_ = await live_lots(conn, account_id, now)
        try:
            takes = plan_spend(lots_, body.points, now)
        except InsufficientPoints:
            raise ApiError("insufficient_points") from None
        await take_points(conn, takes)
        entry = (await conn.execute(insert(ledger).values(
            account_id=account_id, kind="event_payout", points=-body.points,
            premium_points=-premium_part(lots_, takes), occurred_at=now, recorded_at=now,
            terminal_id=caller.terminal_id, staff_id=caller.staff_id, reference=body.payee[:40],
            takes=takes_json(takes)).returning(ledger.c.id))).scalar_one()
        await audit(conn, action="support_event_payout", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    subject=f"support event {account_id}",
                    detail={"points": body.points, "payee": body.payee, "note": body.note, "entry_id": entry})
    return {"account_id": account_id, "entry_id": entry, "points": body.points, "payee": body.payee}
