"""Administration of terminals and support events (issue 12, admin staff session): each terminal with its last
contact and outbox backlog; a support-event account (特定支援イベント口座) with everything paid in (programmes and
supporters) and out, and its pay-out to the event's organiser, audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import Field
from sqlalchemy import func, insert, select

from kiosk.core.errors import InsufficientPoints
from kiosk.core.points import plan_spend
from kiosk_cloud.api.schemas import Body, DbId, Points, ShortText
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff, AppSettings
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import ledger, lots, programmes, shops, terminals
from kiosk_cloud.services import contact, support_events
from kiosk_cloud.services.accounts import live_lots, premium_part, take_points, takes_json
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso, require_valid_mykey
from kiosk_cloud.services.consent import ConsentIn, Expected, municipality_code, verify_consent
from kiosk_cloud.services.timewindow import limits_of

router = APIRouter(prefix="/admin", tags=["admin terminals"])


class SupportIn(Body):
    """A resident gives points to the event: the consent says action `event_support`, shop = this event's account
    id, this terminal, the event's point type, the points. `name`: only if the resident wishes the organiser to be
    told it (else the gift is listed by MyKey ID alone)."""

    points: Points
    consent: ConsentIn | None = None
    name: Annotated[str, Field(min_length=1, max_length=40)] | None = None


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


_event = support_events.event_row


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
        people = await support_events.supporters(conn, account_id)
        givers = await support_events.givers(conn, account_id)
        balance = (await conn.execute(select(func.coalesce(func.sum(lots.c.remaining), 0)).where(
            lots.c.account_id == account_id, lots.c.remaining > 0, lots.c.expires_at > now))).scalar_one()
    return {"account_id": account_id, "name": row.name, "point_type_id": row.point_type_id,
            "balance": int(balance),
            "entries": [{"id": e.id, "kind": e.kind, "points": e.points, "at": iso(e.occurred_at),
                         "programme": e.programme, "reference": e.reference,
                         "supporter": givers.get(e.reference or "")} for e in entries],
            "supporters": people}


@router.post("/support-events/{account_id}/support", status_code=201)
async def support(account_id: DbId, body: SupportIn, caller: AdminStaff, db: DB,
                  settings: AppSettings) -> dict[str, Any]:
    """A supporter (特定支援イベントの支援者): the resident's points to the event's account, with the resident's signed
    consent (a debit) and the admin clerk's session; ledger `event_support` on both accounts, audited."""
    now = utcnow()
    async with db.write() as conn:
        event = await _event(conn, account_id, lock=True)
        expected = Expected("event_support", await municipality_code(conn), account_id, caller.terminal_id,
                            event.point_type_id, body.points, 1)
        card = await verify_consent(conn, body.consent, expected, now=now, offline=False,
                                    window=await limits_of(conn, settings))
        mykey_id = await require_valid_mykey(conn, card.mykey_id)
        result = await support_events.support(
            conn, event_account_id=account_id, point_type_id=event.point_type_id, mykey_id=mykey_id,
            points=body.points, name=body.name, terminal_id=caller.terminal_id, staff_id=caller.staff_id, now=now)
        await audit(conn, action="support_event_support", terminal_id=caller.terminal_id, staff_id=caller.staff_id,
                    mykey_id=mykey_id, subject=f"support event {account_id}", at=now,
                    detail={"points": body.points, "named": body.name is not None, "entry_id": result["entry_id"]})
    return result


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
