"""Voiding a voucher and reconciling paper vouchers collected from a shop (issue 8): a voucher counts by its QR
code (the signed code, checked by the redemption rule's check_code like every other path: key known, not revoked,
still verifying; the signature) or by its printed number — numbers only with a second staff member's confirmation,
checked in the endpoint. Then services.vouchers.reconcile marks them used in one batch."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.errors import DomainError, VoucherExpired
from kiosk.core.rules.redemption import check_code
from kiosk.core.voucher_code import decode_voucher
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import StaffCaller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.services import vouchers as vsvc
from kiosk_cloud.services.audit import audit
from kiosk_cloud.services.staff_auth import second_staff as check_second_staff
from kiosk_cloud.services.voucher_keys import keys_for
from kiosk_cloud.settings import Settings


async def numbers_of_codes(conn: AsyncConnection, codes: list[str], *, shop_id: int,
                           now: datetime) -> tuple[list[str], list[dict[str, Any]]]:
    """(numbers of the genuine codes, one `invalid` result per code that is not), each code checked by the one
    redemption rule (kiosk.core.rules.redemption.check_code: key known, not revoked, still verifying now and valid
    when the voucher was signed; the signature). A voucher past its validity still counts here (the shop took it;
    the result says `expired`): check_code raises VoucherExpired only after the key and the signature passed."""
    numbers: list[str] = []
    invalid: list[dict[str, Any]] = []
    for index, code in enumerate(codes):
        try:
            try:
                claims = check_code(code, await keys_for(conn, code), shop_id=shop_id, at=now)
            except VoucherExpired:
                claims = decode_voucher(code)
        except DomainError as exc:
            invalid.append({"number": None, "code_index": index, "result": "invalid", "code": exc.code})
            continue
        numbers.append(claims.number)
    return numbers, invalid


async def reconcile_paper(conn: AsyncConnection, *, codes: list[str], numbers: list[str], shop_id: int,
                          now: datetime) -> list[dict[str, Any]]:
    """One result per voucher: the codes' (invalid ones first), then the numbers'."""
    verified, invalid = await numbers_of_codes(conn, codes, shop_id=shop_id, now=now)
    results = await vsvc.reconcile(conn, numbers=verified + numbers, shop_id=shop_id, now=now)
    for item in results[:len(verified)]:
        item["by"] = "qr_code"
    for item in results[len(verified):]:
        item["by"] = "number"
    return invalid + results


async def reconcile_vouchers(db: Database, settings: Settings, staff: StaffCaller, *, shop_id: int, codes: list[str],
                             numbers: list[str], second_staff: dict[str, str] | None) -> dict[str, Any]:
    """POST /v1/vouchers/reconcile: numbers need a second staff member (another person, checked like a login);
    nothing is written when that fails. One audit row."""
    if not codes and not numbers:
        raise ApiError("validation_error", "give codes or numbers", status=422)
    second = None
    if numbers:  # a printed number alone proves nothing
        second = await check_second_staff(db, settings, terminal_id=staff.terminal_id, first_staff_id=staff.staff_id,
                                          credentials=second_staff, purpose="voucher_reconcile")
    now = utcnow()
    async with db.write() as conn:
        results = await reconcile_paper(conn, codes=codes, numbers=numbers, shop_id=shop_id, now=now)
        await audit(conn, action="voucher_reconcile", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"shop {shop_id}", at=now, detail={
                        "by_code": len(codes), "by_number": len(numbers),
                        "confirmed_by_staff_id": None if second is None else second.staff_id,
                        "redeemed": [r["number"] for r in results if r.get("result") == "redeemed"]})
    return {"shop_id": shop_id, "results": results}


async def void_voucher(db: Database, staff: StaffCaller, number: str) -> dict[str, Any]:
    """POST /v1/vouchers/{number}/void, audited."""
    now = utcnow()
    async with db.write() as conn:
        result = await vsvc.void(conn, number_text=number, terminal_id=staff.terminal_id, now=now)
        await audit(conn, action="voucher_void", terminal_id=staff.terminal_id, staff_id=staff.staff_id,
                    subject=f"voucher {result['number']}", detail={"points_restored": result["points_restored"]},
                    at=now)
    return result
