"""Settlement with shops per period (issue 11): open, preview, close (frozen for ever), CSV for the accounting
system and the Zengin transfer file. An office (or admin) terminal with an office/admin clerk logged in."""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import ConfigDict, Field
from sqlalchemy import select

from kiosk_cloud.api.schemas import Body, Day, DbId
from kiosk_cloud.db import utcnow
from kiosk_cloud.deps import DB, OfficeStaff
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import bank_accounts
from kiosk_cloud.services import settlements as svc
from kiosk_cloud.services import zengin
from kiosk_cloud.services.audit import audit

router = APIRouter(prefix="/office", tags=["settlements"])


class SettlementIn(Body):
    """The period, JST dates both inclusive: the day after the previous settlement's last day onwards."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    from_: Day = Field(alias="from")
    to: Day


@router.get("/settlements")
async def list_settlements(staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return {"settlements": await svc.list_all(conn)}


@router.post("/settlements", status_code=201)
async def create(body: SettlementIn, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        out = await svc.create(conn, body.from_, body.to, now)
        await audit(conn, action="settlement_opened", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"settlement {out['id']}", detail={"from": out["from"], "to": out["to"]}, at=now)
    return out


@router.get("/settlements/{settlement_id}")
async def view(settlement_id: DbId, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    async with db.read() as conn:
        return await svc.view(conn, settlement_id)


@router.post("/settlements/{settlement_id}/close")
async def close(settlement_id: DbId, staff: OfficeStaff, db: DB) -> dict[str, Any]:
    now = utcnow()
    async with db.write() as conn:
        out = await svc.close(conn, settlement_id, staff_id=staff.staff_id, now=now)
        await audit(conn, action="settlement_closed", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"settlement {settlement_id}", at=now,
                    detail={"shops": len(out["shops"]), "total_due": out["total_due"]})
    return out


async def _closed(db: DB, settlement_id: int) -> dict[str, Any]:
    async with db.read() as conn:
        out = await svc.view(conn, settlement_id)
    if out["status"] != "closed":
        raise ApiError("settlement_not_closed")
    return out


@router.get("/settlements/{settlement_id}/csv")
async def export_csv(settlement_id: DbId, staff: OfficeStaff, db: DB) -> Response:
    """The closed period for the accounting system: one row per shop, UTF-8 with BOM, CRLF."""
    out = await _closed(db, settlement_id)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(svc.CSV_COLUMNS)
    writer.writerows(svc.csv_rows(out))
    return Response(("\ufeff" + buf.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="settlement-{settlement_id}.csv"'})


@router.get("/settlements/{settlement_id}/zengin")
async def export_zengin(settlement_id: DbId, staff: OfficeStaff, db: DB,
                        transfer_date: Annotated[Day, Query()]) -> Response:
    """The Zengin general-transfer file (Shift_JIS, 120-byte records, CRLF) paying every shop its amount due.
    Refused (nothing produced) when the association's or a payee's account is missing or no longer valid."""
    out = await _closed(db, settlement_id)
    async with db.read() as conn:
        stored = {r.owner: r for r in (await conn.execute(select(bank_accounts))).all()}

    def account(owner: str) -> zengin.BankAccount:
        row = stored.get(owner)
        if row is None:
            raise ApiError("bank_account_missing", owner=owner)
        return zengin.with_names(zengin.BankAccount(row.bank_code, row.branch_code, row.account_type,
                                                    row.account_number, row.holder_kana))

    payer = account("payer")
    requester_code = stored["payer"].requester_code or "0"
    transfers = [zengin.Transfer(account(f"shop:{line['shop_id']}"), line["amount_due"], str(line["shop_id"]))
                 for line in out["shops"] if line["amount_due"] > 0]
    data = zengin.transfer_file(payer, requester_code, transfer_date, transfers)
    async with db.write() as conn:
        await audit(conn, action="settlement_transfer_file", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"settlement {settlement_id}",
                    detail={"transfers": len(transfers), "total": sum(t.amount for t in transfers),
                            "transfer_date": transfer_date.isoformat()})
    return Response(data, media_type="application/octet-stream",
                    headers={"Content-Disposition": f'attachment; filename="zengin-{settlement_id}.txt"'})
