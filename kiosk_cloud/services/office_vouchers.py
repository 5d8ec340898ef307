"""The office's voucher work beyond issue/void (issue 11): re-print (a marked, audited copy), void-and-re-issue
in one step for a damaged voucher, and reconciliation of a shop's bundle of paper vouchers closed as one record."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.rules.voucher_issue import VoucherRule
from kiosk.core.voucher_code import VoucherClaims, encode_voucher
from kiosk.core.voucher_number import check_voucher_number, make_voucher_number
from kiosk_cloud.db import Database, as_utc, utcnow
from kiosk_cloud.deps import StaffCaller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import (
    ledger,
    reconciliation_batches,
    shops,
    voucher_keys,
    voucher_prints,
    voucher_rules,
    vouchers,
)
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.common import iso, jdump, jload, record_change
from kiosk_cloud.services.staff_auth import second_staff as check_second_staff
from kiosk_cloud.services.voucher_reconcile import reconcile_paper
from kiosk_cloud.services.vouchers import ensure_signing_key
from kiosk_cloud.settings import Settings


async def voucher_rule(conn: AsyncConnection, point_type_id: int, settings: Settings) -> VoucherRule:
    """The municipality's voucher rule for a point type (kiosk.core.rules.voucher_issue), else the settings'."""
    row = (await conn.execute(select(voucher_rules).where(voucher_rules.c.point_type_id == point_type_id))).first()
    if row is None:
        return VoucherRule.default(point_type_id, settings.voucher_validity_days)
    return VoucherRule.of_row(point_type_id, int(row.validity_days), int(row.max_points),
                              (int(s) for s in jload(row.shop_ids) or []))


def voucher_out(row: Any) -> dict[str, Any]:
    return {"number": row.number, "code": row.code, "points": row.points, "point_type_id": row.point_type_id,
            "key_id": row.key_id, "valid_from": iso(row.valid_from), "valid_until": iso(row.valid_until),
            "issued_at": iso(row.issued_at), "status": row.status}


async def _voucher(conn: AsyncConnection, number_text: str, *, lock: bool = False) -> Any:
    number = check_voucher_number(number_text)
    query = select(vouchers).where(vouchers.c.number == number)
    row = (await conn.execute(query.with_for_update() if lock else query)).first()
    if row is None:
        raise ApiError("unknown_voucher")
    return row


async def reprint(db: Database, staff: StaffCaller, number_text: str) -> dict[str, Any]:
    """The same signed code again, marked as copy n ≥ 2 (printed as 再発行 on the paper), one audit row."""
    now = utcnow()
    async with db.write() as conn:
        row = await _voucher(conn, number_text, lock=True)
        if row.status != "issued":
            raise ApiError("voucher_not_reprintable", status=row.status)
        copies = int((await conn.execute(select(func.count()).select_from(voucher_prints).where(
            voucher_prints.c.number == row.number))).scalar_one())
        copy = copies + 2  # the issue printed copy 1
        await conn.execute(insert(voucher_prints).values(number=row.number, copy=copy, terminal_id=staff.terminal_id,
                                                         staff_id=staff.staff_id, printed_at=now))
        await audit(conn, action="voucher_reprint", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"voucher {row.number}", detail={"copy": copy}, at=now)
    return {**voucher_out(row), "reprint": True, "copy": copy}


async def reissue(db: Database, staff: StaffCaller, number_text: str) -> dict[str, Any]:
    """A damaged voucher: void it and issue a new one for the same points, from the same lots (the points never
    go back to the balance), valid as long as the old one; both numbers in one audit row."""
    now = utcnow()
    async with db.write() as conn:
        old = await _voucher(conn, number_text, lock=True)
        won = (await conn.execute(update(vouchers).where(vouchers.c.serial == old.serial,
                                                          vouchers.c.status == "issued")
                                  .values(status="voided", voided_at=now).returning(vouchers.c.serial))).first()
        if won is None:
            raise ApiError("voucher_voided" if old.status == "voided" else "voucher_already_used",
                           number=old.number, status=old.status)
        key_id = await ensure_signing_key(conn, now)
        private = (await conn.execute(select(voucher_keys.c.private_key).where(
            voucher_keys.c.key_id == key_id))).scalar_one()
        valid_until = as_utc(old.valid_until) or now
        serial = (await conn.execute(insert(vouchers).values(
            key_id=key_id, point_type_id=old.point_type_id, account_id=old.account_id, points=old.points,
            premium_points=old.premium_points, takes=old.takes, valid_from=now, valid_until=valid_until,
            issued_at=now, issuing_terminal_id=staff.terminal_id, status="issued").returning(vouchers.c.serial)
        )).scalar_one()
        number = make_voucher_number(serial)
        code = encode_voucher(VoucherClaims(key_id=key_id, point_type_id=old.point_type_id, number=number,
                                            points=old.points, valid_from=int(now.timestamp()),
                                            valid_until=int(valid_until.timestamp()), terminal_id=staff.terminal_id),
                              bytes(private))
        await conn.execute(update(vouchers).where(vouchers.c.serial == serial).values(number=number, code=code))
        for kind, points, premium, ref in (("voucher_void", old.points, old.premium_points, old.number),
                                           ("voucher", -old.points, -old.premium_points, number)):
            await conn.execute(insert(ledger).values(
                account_id=old.account_id, kind=kind, points=points, premium_points=premium, occurred_at=now,
                recorded_at=now, terminal_id=staff.terminal_id, staff_id=staff.staff_id, reference=ref,
                takes=old.takes))
        await record_change(conn, "voided_voucher", old.number, {"number": old.number, "voided_at": iso(now)})
        await audit(conn, action="voucher_reissue", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"voucher {old.number} -> {number}", detail={"points": old.points}, at=now)
        new = (await conn.execute(select(vouchers).where(vouchers.c.serial == serial))).one()
    return {"voided": old.number, "voucher": voucher_out(new)}


# a code that proves nothing: altered, unreadable, signed by an unknown key or by a revoked (leaked) one
FORGED_CODES = ("voucher_bad_signature", "voucher_unknown_key", "voucher_malformed", "voucher_key_revoked")


def outcome(result: dict[str, Any]) -> str:
    """accepted | expired (taken by the shop after the last day: counted, to be checked) | already_used |
    voided | forged | shop_not_allowed (the voucher rule does not name this shop: not counted, the shop is told) |
    invalid (e.g. a key past its verification period) | unknown."""
    if result.get("result") == "redeemed" and result.get("code") == "voucher_already_used":
        return "already_used"  # services.vouchers.reconcile says "redeemed" for both; the code tells them apart
    if result.get("result") == "redeemed":
        return "expired" if result.get("expired") else "accepted"
    if result.get("result") == "invalid":
        if result.get("code") == "voucher_shop_not_allowed":
            return "shop_not_allowed"
        return "forged" if result.get("code") in FORGED_CODES else "invalid"
    return {"voided": "voided", "redeemed": "already_used", "unknown": "unknown"}.get(str(result.get("result")),
                                                                                   "invalid")


async def close_batch(db: Database, settings: Settings, staff: StaffCaller, *, shop_id: int, codes: list[str],
                      numbers: list[str], second_staff: dict[str, str] | None) -> dict[str, Any]:
    """One bundle from one shop, in one transaction: the vouchers marked used, one reconciliation record with
    every outcome, one audit row. Numbers without a QR need a second clerk (nothing written otherwise)."""
    if not codes and not numbers:
        raise ApiError("validation_error", "give codes or numbers", status=422)
    second = None
    if numbers:
        second = await check_second_staff(db, settings, terminal_id=staff.terminal_id, first_staff_id=staff.staff_id,
                                          credentials=second_staff, purpose="voucher_reconcile")
    now = utcnow()
    async with db.write() as conn:
        if (await conn.execute(select(shops.c.id).where(shops.c.id == shop_id))).first() is None:
            raise ApiError("unknown_shop")
        results = await reconcile_paper(conn, codes=codes, numbers=numbers, shop_id=shop_id, now=now)
        for r in results:
            r["outcome"] = outcome(r)
        counted = [r for r in results if r["outcome"] in ("accepted", "expired")]
        batch_id = (await conn.execute(insert(reconciliation_batches).values(
            shop_id=shop_id, terminal_id=staff.terminal_id, staff_id=staff.staff_id,
            second_staff_id=None if second is None else second.staff_id, closed_at=now, accepted=len(counted),
            accepted_points=sum(int(r.get("points") or 0) for r in counted), refused=len(results) - len(counted),
            results=jdump(results)).returning(reconciliation_batches.c.id))).scalar_one()
        await audit(conn, action="voucher_reconcile", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"batch {batch_id} shop {shop_id}", at=now, detail={
                        "batch_id": batch_id, "by_code": len(codes), "by_number": len(numbers),
                        "confirmed_by_staff_id": None if second is None else second.staff_id,
                        "outcomes": dict(Counter(r["outcome"] for r in results))})
        return await batch_view(conn, batch_id)


async def batch_view(conn: AsyncConnection, batch_id: int) -> dict[str, Any]:
    row = (await conn.execute(select(reconciliation_batches).where(reconciliation_batches.c.id == batch_id))).first()
    if row is None:
        raise ApiError("not_found")
    results = jload(row.results)
    return {"batch_id": row.id, "shop_id": row.shop_id, "closed_at": iso(row.closed_at), "accepted": row.accepted,
            "accepted_points": row.accepted_points, "refused": row.refused,
            "outcomes": dict(Counter(r["outcome"] for r in results)), "results": results,
            "confirmed_by_staff_id": row.second_staff_id}


async def list_batches(conn: AsyncConnection, shop_id: int | None) -> list[dict[str, Any]]:
    query = select(reconciliation_batches).order_by(reconciliation_batches.c.id.desc()).limit(200)
    if shop_id is not None:
        query = query.where(reconciliation_batches.c.shop_id == shop_id)
    return [{"batch_id": r.id, "shop_id": r.shop_id, "closed_at": iso(r.closed_at), "accepted": r.accepted,
             "accepted_points": r.accepted_points, "refused": r.refused}
            for r in (await conn.execute(query)).all()]
