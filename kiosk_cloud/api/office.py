"""The commerce-association office (issue 11): voucher re-print and void-and-re-issue, reconciliation batches per
shop, the exchange desk (certificates / point card), cash sales of points, shops' bank accounts.

Every endpoint needs an office (or admin) terminal with an office/admin clerk logged in (X-Staff-Session)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from pydantic import Field
from sqlalchemy import select

from kiosk_cloud.api.schemas import Body, Day, DbId, IdemKey, Points
from kiosk_cloud.api.shops import SecondStaff
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, AdminStaff, AppSettings, OfficeStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import bank_accounts, shops
from kiosk_cloud.services import exchange as ex
from kiosk_cloud.services import office_vouchers as ov
from kiosk_cloud.services import zengin
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import require_valid_mykey
from kiosk_cloud.services.consent import ConsentIn, Expected, municipality_code, verify_consent
from kiosk_cloud.services.ledger_ops import check_point_type
from kiosk_cloud.services.reports import day_range
from kiosk_cloud.services.residents import resolve_session
from kiosk_cloud.services.timewindow import limits_of

router = APIRouter(prefix="/office", tags=["office"])

VoucherNumber = Annotated[str, Field(min_length=1, max_length=40)]
Code = Annotated[str, Field(min_length=1, max_length=400)]


class BatchIn(Body):
    """One shop's bundle: QR codes (the signed code) and/or printed numbers (those only with `second_staff`)."""

    shop_id: DbId
    codes: Annotated[list[Code], Field(max_length=2000)] = Field(default_factory=list)
    numbers: Annotated[list[VoucherNumber], Field(max_length=2000)] = Field(default_factory=list)
    second_staff: SecondStaff | None = None


class ExchangeIn(Body):
    """The consent says action `exchange`, shop = `shop_id` (the payee: the street's association or exchange
    desk), this terminal, the point type and the points."""

    kind: Literal["gift_certificate", "point_card"]
    point_type_id: DbId
    points: Points
    shop_id: DbId
    serials: Annotated[list[Annotated[str, Field(min_length=1, max_length=20, pattern=r"^[A-Za-z0-9-]+$")]],
                       Field(max_length=200)] = Field(default_factory=list)
    denomination: Annotated[int, Field(ge=1, le=100_000)] | None = None
    card_number: Annotated[str, Field(min_length=4, max_length=40, pattern=r"^[0-9A-Za-z-]+$")] | None = None
    consent: ConsentIn | None = None


class CashRuleIn(Body):
    point_type_id: DbId
    premium_rate_pct: Annotated[int, Field(ge=0, le=100)]
    max_yen_per_sale: Annotated[int, Field(ge=1, le=10_000_000)]
    max_yen_per_resident_month: Annotated[int, Field(ge=1, le=100_000_000)]
    validity_days: Annotated[int, Field(ge=1, le=3650)] = 365


class CashSaleIn(Body):
    """The resident is identified by the card (auth_token from /v1/auth/verify on this terminal)."""

    auth_token: Annotated[str, Field(min_length=3, max_length=200)]
    point_type_id: DbId
    yen: Annotated[int, Field(ge=1, le=10_000_000)]
    idempotency_key: IdemKey


class BankAccountIn(Body):
    bank_code: Annotated[str, Field(pattern=r"^\d{4}$")]
    branch_code: Annotated[str, Field(pattern=r"^\d{3}$")]
    account_type: Literal["1", "2", "4", "9"]
    account_number: Annotated[str, Field(pattern=r"^\d{1,7}$")]
    holder: Annotated[str, Field(min_length=1, max_length=60)]
    requester_code: Annotated[str, Field(pattern=r"^\d{1,10}$")] | None = None


# --- vouchers --------------------------------------------------------------------------------------------

@router.get("/voucher-rules/{point_type_id}")
async def voucher_rule(point_type_id: DbId, staff: OfficeStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    """The municipality's voucher rule as the office screen offers it (validity choices, most points a voucher)."""
    async with db.read() as conn:
        await check_point_type(conn, point_type_id)
        return (await ov.voucher_rule(conn, point_type_id, settings)).as_json()


@router.post("/vouchers/{number}/reprint")
async def reprint(number: VoucherNumber, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    return await ov.reprint(db, staff, number)


@router.post("/vouchers/{number}/reissue")
async def reissue(number: VoucherNumber, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    return await ov.reissue(db, staff, number)


@router.post("/reconciliations", status_code=201)
async def close_batch(body: BatchIn, staff: OfficeStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    return await ov.close_batch(db, settings, staff, shop_id=body.shop_id, codes=body.codes, numbers=body.numbers,
                                second_staff=body.second_staff.model_dump() if body.second_staff else None)


@router.get("/reconciliations")
async def list_batches(staff: OfficeStaff, db: DB, shop_id: DbId | None = None) -> dict[str, Any]:
    async with db.read() as conn:
        return {"batches": await ov.list_batches(conn, shop_id)}


@router.get("/reconciliations/{batch_id}")
async def batch(batch_id: DbId, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return await ov.batch_view(conn, batch_id)


# --- the exchange desk ---------------------------------------------------------------------------------------

@router.post("/exchanges", status_code=201)
async def exchange(body: ExchangeIn, staff: OfficeStaff, db: DB, settings: AppSettings) -> dict[str, Any]:
    now = utcnow()
    ex.check_exchange(body.kind, body.points, body.serials, body.denomination, body.card_number)
    async with db.write() as conn:
        expected = Expected("exchange", await municipality_code(conn), body.shop_id, staff.terminal_id,
                            body.point_type_id, body.points, 1)
        card = await verify_consent(conn, body.consent, expected, now=now, offline=False,
                                    window=await limits_of(conn, settings))
        mykey_id = await require_valid_mykey(conn, card.mykey_id)
        result = await ex.exchange(conn, mykey_id=mykey_id, point_type_id=body.point_type_id, points=body.points,
                                   shop_id=body.shop_id, kind=body.kind, serials=body.serials,
                                   denomination=body.denomination, card_number=body.card_number,
                                   terminal_id=staff.terminal_id, staff_id=staff.staff_id, now=now)
        await audit(conn, action="exchange", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    mykey_id=mykey_id, subject=f"exchange {result['exchange_id']} shop {body.shop_id}", at=now,
                    detail={"kind": body.kind, "points": body.points, "certificates": len(body.serials),
                            "card": bool(body.card_number)})
    return result


@router.get("/exchanges")
async def list_exchanges(staff: OfficeStaff, db: DB, day: Annotated[Day, Query()]) -> dict[str, Any]:
    start, end = day_range(day, day)
    async with db.read() as conn:
        return {"day": day.isoformat(), "exchanges": await ex.list_exchanges(conn, start, end)}


# --- cash sales ----------------------------------------------------------------------------------------------

@router.post("/cash-sale-rules")
async def set_cash_rule(body: CashRuleIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    """The municipality's terms (admin): premium rate, limits per sale and per resident per month, validity."""
    now = utcnow()
    async with db.write() as conn:
        rule = await ex.set_rule(conn, body.model_dump(), now)
        await audit(conn, action="cash_sale_rule", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"point type {body.point_type_id}", detail=rule, at=now)
    return rule


@router.get("/cash-sale-rules/{point_type_id}")
async def cash_rule(point_type_id: DbId, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return await ex.get_rule(conn, point_type_id)


@router.post("/cash-sales", status_code=201)
async def cash_sale(body: CashSaleIn, staff: OfficeStaff, db: DB, response: Response) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        session = await resolve_session(conn, body.auth_token, staff.terminal_id, now)
        if session.mykey_id is None:
            raise ApiError("certificate_not_bound")
        mykey_id = await require_valid_mykey(conn, session.mykey_id)
        sale, replayed = await ex.sell(conn, mykey_id=mykey_id, point_type_id=body.point_type_id, yen=body.yen,
                                       key=body.idempotency_key, terminal_id=staff.terminal_id,
                                       staff_id=staff.staff_id, now=now)
        if not replayed:
            await audit(conn, action="cash_sale", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                        mykey_id=mykey_id, subject=sale["receipt_number"], at=now,
                        detail={"yen": body.yen, "points": sale["points"], "premium": sale["premium_points"]})
    if replayed:
        response.status_code = 200
        response.headers["Idempotent-Replay"] = "true"
    return sale


@router.get("/cash-sales/day")
async def cash_day(staff: OfficeStaff, db: DB, day: Annotated[Day, Query()],
                   terminal_only: bool = False) -> dict[str, Any]:
    """The day-end figures: cash taken for points on `day` (JST), this terminal's or the whole office's."""
    start, end = day_range(day, day)
    async with db.read() as conn:
        figures = await ex.day_figures(conn, start, end, staff.terminal_id if terminal_only else None)
    return {"day": day.isoformat(), **figures}


# --- shops and bank accounts ---------------------------------------------------------------------------------

def _account_row(row: Any) -> dict[str, Any] | None:
    if row is None:
        return None
    try:
        return zengin.with_names(zengin.BankAccount(row.bank_code, row.branch_code, row.account_type,
                                                    row.account_number, row.holder_kana)).public() | {
            "requester_code": row.requester_code, "valid": True}
    except ApiError as exc:  # the code list changed since it was saved
        return {"bank_code": row.bank_code, "branch_code": row.branch_code, "valid": False, "problem": exc.code}


@router.get("/shops")
async def office_shops(staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        rows = (await conn.execute(select(shops).order_by(shops.c.id))).all()
        accounts = {r.owner: r for r in (await conn.execute(select(bank_accounts))).all()}
    return {"shops": [{"id": r.id, "name": r.name, "street": r.street, "active": bool(r.active),
                       "bank_account": _account_row(accounts.get(f"shop:{r.id}"))} for r in rows],
            "payer_account": _account_row(accounts.get("payer")), "code_list": zengin.code_list_version()}


@router.get("/banks/{bank_code}/branches/{branch_code}")
async def bank_branch(bank_code: Annotated[str, Field(pattern=r"^\d{4}$")],
                      branch_code: Annotated[str, Field(pattern=r"^\d{3}$")], staff: OfficeStaff) -> dict[str, Any]:
    """Names from the code list, for the ✔ line under the fields."""
    bank = zengin.banks().get(bank_code)
    if bank is None:
        raise ApiError("bank_code_unknown")
    branch = zengin.branches(bank_code).get(branch_code)
    if branch is None:
        raise ApiError("branch_code_unknown")
    return {"bank_code": bank_code, "bank_name": bank["name"], "branch_code": branch_code,
            "branch_name": branch["name"], "code_list": zengin.code_list_version()}


async def _save_account(db: DB, staff: Any, owner: str, body: BankAccountIn) -> dict[str, Any]:
    account = zengin.check_account(body.bank_code, body.branch_code, body.account_type, body.account_number,
                                   body.holder)
    if owner == "payer" and not body.requester_code:
        raise ApiError("validation_error", "the association's account needs its requester code (委託者コード)",
                       status=422)
    now = utcnow()
    values = {"bank_code": account.bank_code, "branch_code": account.branch_code,
              "account_type": account.account_type, "account_number": account.account_number,
              "holder_kana": account.holder_kana, "requester_code": body.requester_code, "updated_at": now,
              "updated_by": staff.staff_id}
    async with db.write() as conn:
        found = (await conn.execute(select(bank_accounts.c.owner).where(bank_accounts.c.owner == owner))).first()
        if found:
            await conn.execute(bank_accounts.update().where(bank_accounts.c.owner == owner).values(**values))
        else:
            await conn.execute(bank_accounts.insert().values(owner=owner, **values))
        await audit(conn, action="bank_account", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=owner, detail={"bank_code": account.bank_code, "branch_code": account.branch_code},
                    at=now)
    return account.public() | {"requester_code": body.requester_code, "valid": True}


@router.put("/shops/{shop_id}/bank-account")
async def shop_account(shop_id: DbId, body: BankAccountIn, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        if (await conn.execute(select(shops.c.id).where(shops.c.id == shop_id))).first() is None:
            raise ApiError("unknown_shop")
    return await _save_account(db, staff, f"shop:{shop_id}", body)


@router.put("/payer-account")
async def payer_account(body: BankAccountIn, staff: AdminStaff, db: DB) -> dict[str, Any]:
    """The association's own account, the transfer file's requester (admin)."""
    return await _save_account(db, staff, "payer", body)


