"""The audit log: one row per sensitive action, in the caller's transaction (issue 8).

Who (staff member), on which terminal, when, what (action), about whom (MyKey ID) and a short subject/detail.
Never a PIN, a certificate, a token or a password: `detail` keys that look like secrets are refused.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import utcnow
from kiosk_cloud.models import audit_log
from kiosk_cloud.services.common import iso, jdump, jload

# Actions written today (others may be added by the helpers that own them; keep names snake_case, ≤ 40 chars).
ACTIONS = (
    "staff_login", "staff_login_failed", "staff_login_locked", "staff_logout",
    "grant", "application_reviewed", "attendance", "service_id", "mykey_created", "mykey_status", "mykey_rebind",
    "payment", "voucher_issue", "voucher_void", "voucher_reconcile",
    "terminal_enrolment_code", "terminal_enrolled", "terminal_revoked", "conflict_resolved",
    "payment_reversal",  # a shop reverses its own payment, with a reason (kiosk_cloud/api/shop_desk.py)
    # issue 12, the administration: detail {"before": {...} | None, "after": {...}} for set-up changes
    "setup_point_type", "setup_department", "setup_programme", "setup_shop", "setup_measure", "setup_voucher_rule",
    "setup_staff", "setup_eligible_list", "support_event_created", "support_event_funded", "support_event_payout",
    "reserved_swept", "report_exported", "support_event_support",
)

_SECRET_WORDS = frozenset({"pin", "password", "token", "certificate", "cert", "secret", "signature", "der"})


def _check_detail(detail: dict[str, Any] | None) -> None:
    for key in detail or {}:
        if _SECRET_WORDS.intersection(str(key).lower().split("_")):
            raise ValueError(f"audit detail must not carry secrets ({key!r})")


async def audit(
    conn: AsyncConnection,
    *,
    action: str,
    terminal_id: int | None,
    staff_id: int | None = None,
    mykey_id: str | None = None,
    subject: str | None = None,
    detail: dict[str, Any] | None = None,
    at: datetime | None = None,
) -> None:
    """Append one audit row in the caller's transaction (so it stands or falls with the action)."""
    _check_detail(detail)
    await conn.execute(
        insert(audit_log).values(
            at=at or utcnow(), action=action[:40], terminal_id=terminal_id, staff_id=staff_id,
            mykey_id=mykey_id, subject=None if subject is None else str(subject)[:200],
            detail=None if detail is None else jdump(detail),
        )
    )


async def audit_staffed(conn: AsyncConnection, *, kind: str, terminal_id: int | None, staff_id: int | None,
                        payload: dict[str, Any], result: dict[str, Any], at: datetime) -> None:
    """The audit row of an application, attendance or service ID, written by its handler in the operation's own
    transaction (so it stands or falls with it), on /v1/sync and the plain endpoints alike."""
    mykey_id = result.get("mykey_id") or payload.get("mykey_id")
    await audit(conn, action=kind, terminal_id=terminal_id, staff_id=staff_id,
                mykey_id=str(mykey_id)[:8] if mykey_id else None, subject=_staffed_subject(kind, result, payload),
                detail=_staffed_detail(result), at=at)


def _staffed_subject(kind: str, result: dict[str, Any], payload: dict[str, Any]) -> str:
    if kind == "application":
        return f"measure {payload.get('measure_id')} application {result.get('id')}"
    if kind == "attendance":
        return f"programme {payload.get('programme_id')} attendance"
    return f"service ID {payload.get('business_id')}"


def _staffed_detail(result: dict[str, Any]) -> dict[str, Any]:
    keep = ("points", "point_type_id", "programme_id", "grant_id", "status", "measure_id", "business_id")
    return {k: result[k] for k in keep if k in result and isinstance(result[k], int | str | None)}


def grant_row(*, programme_id: int, grant_id: int, points: int) -> tuple[str, str]:
    """(subject, detail JSON) of a grant's audit row: the same on every path (general, SQLite and PostgreSQL batch
    runners write it in the grant's own transaction)."""
    return (f"programme {programme_id} grant {grant_id}",
            jdump({"points": points, "programme_id": programme_id, "grant_id": grant_id}))


INSERT_SQLITE = ("INSERT INTO audit_log (at, action, terminal_id, staff_id, mykey_id, subject, detail) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")


async def audit_grant(conn: AsyncConnection, *, terminal_id: int | None, staff_id: int | None, mykey_id: str,
                      programme_id: int, grant_id: int, points: int, at: datetime) -> None:
    subject, detail = grant_row(programme_id=programme_id, grant_id=grant_id, points=points)
    await conn.execute(insert(audit_log).values(at=at, action="grant", terminal_id=terminal_id, staff_id=staff_id,
                                                mykey_id=mykey_id, subject=subject, detail=detail))


async def list_audit(
    conn: AsyncConnection, *, action: str | None, before_id: int | None, limit: int,
    mykey_id: str | None = None,
) -> dict[str, Any]:
    """Newest first; `before_id` pages backwards (next_before_id is None on the last page)."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit + 1)
    count = select(func.count()).select_from(audit_log)
    if action is not None:
        query = query.where(audit_log.c.action == action)
        count = count.where(audit_log.c.action == action)
    if mykey_id is not None:
        query = query.where(audit_log.c.mykey_id == mykey_id)
        count = count.where(audit_log.c.mykey_id == mykey_id)
    if before_id is not None:
        query = query.where(audit_log.c.id < before_id)
    rows = (await conn.execute(query)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {
        "entries": [
            {"id": r.id, "at": iso(r.at), "action": r.action, "terminal_id": r.terminal_id, "staff_id": r.staff_id,
             "mykey_id": r.mykey_id, "subject": r.subject, "detail": jload(r.detail)}
            for r in rows
        ],
        "total": (await conn.execute(count)).scalar_one(),
        "next_before_id": rows[-1].id if more and rows else None,
    }
