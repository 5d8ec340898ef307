"""Card payments at shops (with reversal inside a window) and point vouchers (issue, redeem, void, reconcile)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from pydantic import Field
from sqlalchemy import select

from kiosk.core.rules.voucher_issue import decide_issue
from kiosk_cloud.api.schemas import Body, DbId, IdemKey, Points
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AnyTerminal, AppSettings, OfficeStaff, Store
from kiosk_cloud.models import shops
from kiosk_cloud.services import vouchers as vsvc
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import require_valid_mykey
from kiosk_cloud.services.consent import ConsentIn, Expected, municipality_code, verify_consent
from kiosk_cloud.services.idempotent import raise_if_rejected
from kiosk_cloud.services.ledger_ops import reverse_payment
from kiosk_cloud.services.office_vouchers import voucher_rule
from kiosk_cloud.services.perform import FAST_TRIED, perform
from kiosk_cloud.services.timewindow import limits_of

router = APIRouter(tags=["shops and vouchers"])


class PaymentIn(Body):
    """A card payment: the resident's signed consent (kiosk.core.consent) names this shop, this terminal, the point
    type and the points. The MyKey-ID-only and auth-token-only forms are gone."""
    point_type_id: DbId
    points: Points
    idempotency_key: IdemKey
    consent: ConsentIn | None = None  # missing: refused consent_missing (stored under the key like any refusal)


class VoucherIssueIn(Body):
    """Vouchers from the resident's balance: the consent says action voucher_issue, shop "-", this terminal, the
    point type, points = points per voucher × count, and count."""
    point_type_id: DbId
    points: Points
    count: Annotated[int, Field(ge=1, le=50)] = 1
    validity_days: Annotated[int, Field(ge=1, le=730)] | None = None
    consent: ConsentIn | None = None


class RedeemIn(Body):
    code: Annotated[str, Field(min_length=1, max_length=400)]
    idempotency_key: IdemKey


class SecondStaff(Body):
    staff_code: Annotated[str, Field(min_length=1, max_length=100)]
    password: Annotated[str, Field(min_length=1, max_length=100)]


class ReconcileIn(Body):
    """Paper vouchers collected from a shop: by QR code (`codes`, the signed code) or by printed number
    (`numbers`, only with `second_staff`: another staff member confirms, checked like a login)."""

    shop_id: DbId
    codes: Annotated[list[Annotated[str, Field(min_length=1, max_length=400)]], Field(max_length=2000)] = Field(
        default_factory=list)
    numbers: Annotated[list[Annotated[str, Field(min_length=1, max_length=40)]], Field(max_length=2000)] = Field(
        default_factory=list)
    second_staff: SecondStaff | None = None


@router.post("/payments")
async def pay(body: PaymentIn, caller: Store, db: DB, settings: AppSettings, request: Request,
              response: Response) -> dict[str, Any]:
    op = await perform(db, caller, settings, kind="payment", key=body.idempotency_key,
                       payload=body.model_dump(exclude={"idempotency_key"}, exclude_none=True),
                       fast_tried=bool(getattr(request.state, FAST_TRIED, False)))
    if op.replayed:
        response.headers["Idempotent-Replay"] = "true"
    return raise_if_rejected(op)


@router.post("/payments/{payment_id}/reverse")
async def reverse(payment_id: DbId, caller: Store, db: DB, settings: AppSettings) -> dict[str, Any]:
    async with db.write() as conn:
        return await reverse_payment(conn, payment_id=payment_id, shop_id=caller.shop_id,
                                     terminal_id=caller.terminal_id, window_s=settings.payment_reversal_window_s,
                                     now=utcnow())


@router.post("/vouchers", status_code=201)
async def issue(body: VoucherIssueIn, staff: OfficeStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    caller, now = staff.caller, utcnow()  # an office clerk logged in on an office terminal (issue 8)
    async with db.write() as conn:
        # the municipality's voucher rule first (kiosk.core.rules.voucher_issue): a refusal writes nothing
        rule = await voucher_rule(conn, body.point_type_id, settings)
        validity_days = decide_issue(rule, body.points, body.count, body.validity_days)
        expected = Expected("voucher_issue", await municipality_code(conn), None, caller.terminal_id,
                            body.point_type_id, body.points * body.count, body.count)
        card = await verify_consent(conn, body.consent, expected, now=now, offline=False,
                                    window=await limits_of(conn, settings))
        mykey_id = await require_valid_mykey(conn, card.mykey_id)
        issued = await vsvc.issue(conn, mykey_id=mykey_id, point_type_id=body.point_type_id, points=body.points,
                                  count=body.count, terminal_id=caller.terminal_id,
                                  validity_days=validity_days, now=now)
        await audit(conn, action="voucher_issue", terminal_id=caller.terminal_id, staff_id=staff.staff_id,
                    mykey_id=mykey_id,
                    subject=",".join(v["number"] for v in issued)[:200], at=now,
                    detail={"point_type_id": body.point_type_id, "points_each": body.points, "count": body.count})
    return {"mykey_id": mykey_id, "vouchers": issued}


@router.post("/vouchers/redeem")
async def redeem(body: RedeemIn, caller: Store, db: DB, settings: AppSettings, request: Request,
                 response: Response) -> dict[str, Any]:
    op = await perform(db, caller, settings, kind="voucher_redeem", key=body.idempotency_key,
                       payload={"code": body.code},
                       fast_tried=bool(getattr(request.state, FAST_TRIED, False)))  # the fast lane tried: not twice
    if op.replayed:
        response.headers["Idempotent-Replay"] = "true"
    return raise_if_rejected(op)


@router.post("/vouchers/{number}/void")
async def void(number: Annotated[str, Field(min_length=1, max_length=40)], staff: OfficeStaff,
               db: DB) -> dict[str, Any]:
    from kiosk_cloud.services.voucher_reconcile import void_voucher  # (issue 8, staff helper)

    return await void_voucher(db, staff, number)


@router.post("/vouchers/reconcile")
async def reconcile(body: ReconcileIn, staff: OfficeStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    from kiosk_cloud.services.voucher_reconcile import reconcile_vouchers  # (issue 8, staff helper)

    return await reconcile_vouchers(db, settings, staff, shop_id=body.shop_id, codes=body.codes,
                                    numbers=body.numbers,
                                    second_staff=body.second_staff.model_dump() if body.second_staff else None)


@router.get("/shops")
async def list_shops(caller: AnyTerminal, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(shops).order_by(shops.c.id))).all()
    return {"shops": [{"id": r.id, "name": r.name, "street": r.street, "active": bool(r.active)} for r in rows]}
