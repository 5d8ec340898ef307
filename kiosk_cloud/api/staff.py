"""The clerk's session: POST /v1/staff/login and /v1/staff/logout (issue 8; services/staff_auth.py)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Header, Query

from kiosk.core.mykey_id import normalize_mykey_id
from kiosk_cloud.api.schemas import MAX_ROW_ID, Body, MyKeyText, ShortText
from kiosk_cloud.deps import DB, AdminStaff, AnyTerminal, AppSettings
from kiosk_cloud.errors import ApiError
from kiosk_cloud.services import staff_auth
from kiosk_cloud.services.audit import list_audit

router = APIRouter(tags=["staff"])


class StaffLoginIn(Body):
    staff_code: ShortText
    password: ShortText


@router.post("/staff/login")
async def staff_login(body: StaffLoginIn, caller: AnyTerminal, db: DB, settings: AppSettings) -> dict[str, Any]:
    """Opens a session bound to the calling terminal; the answer's `staff_session` goes in X-Staff-Session."""
    if caller.role == "store":
        raise ApiError("forbidden_role", "store terminals need no staff login")
    return await staff_auth.login(db, settings, terminal_id=caller.terminal_id, staff_code=body.staff_code.strip(),
                                  password=body.password)


@router.post("/staff/logout")
async def staff_logout(caller: AnyTerminal, db: DB,
                       x_staff_session: Annotated[str | None, Header(max_length=200)] = None) -> dict[str, Any]:
    """Ends the session (idempotent: an unknown or already ended session answers ended=false)."""
    if not x_staff_session:
        raise ApiError("staff_session_required")
    ended = await staff_auth.logout(db, token=x_staff_session, terminal_id=caller.terminal_id)
    return {"ended": ended}


@router.get("/admin/audit")
async def audit_log(
    staff: AdminStaff, db: DB,
    action: Annotated[str | None, Query(min_length=1, max_length=40)] = None,
    mykey_id: MyKeyText | None = None,
    before_id: Annotated[int | None, Query(ge=1, le=MAX_ROW_ID)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """The audit log, newest first; page with `before_id` = the previous page's `next_before_id`."""
    async with db.read() as conn:
        return await list_audit(conn, action=action, before_id=before_id, limit=limit,
                                mykey_id=normalize_mykey_id(mykey_id) if mykey_id else None)
