"""Run one operation of a given kind exactly once (used by /v1/sync and the plain endpoints)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.services.fastpay import fast_pay
from kiosk_cloud.services.fastredeem import fast_redeem
from kiosk_cloud.services.idempotent import APPLIED, CONFLICT, OpResult, run_once
from kiosk_cloud.services.operations import KINDS, Ctx, PaymentPayload
from kiosk_cloud.services.timewindow import current_limits, record_out_of_window, time_problem
from kiosk_cloud.settings import Settings

FAST_TRIED = "kiosk_fast_tried"  # request.state flag set by the fast lane: the hot path ran and fell back


async def _try_fast_payment(
    db: Database, caller: Caller, settings: Settings, key: str, payload: dict[str, Any], now: datetime
) -> OpResult | None:
    try:
        parsed = PaymentPayload.model_validate(payload)
    except ValidationError:
        return None
    if parsed.consent is None:
        return None
    pool = await db.raw_pool()
    assert caller.shop_id is not None
    result = await fast_pay(pool, db.ledger_sequence, owner=db, consent=parsed.consent, point_type_id=parsed.point_type_id,
                            points=parsed.points, shop_id=caller.shop_id, terminal_id=caller.terminal_id, key=key,
                            now=now, window=await current_limits(db, settings))
    return None if result is None else OpResult(key, APPLIED, result)


async def try_fast(
    db: Database, caller: Caller, settings: Settings, *, kind: str, key: str, payload: dict[str, Any], now: datetime
) -> OpResult | None:
    """The PostgreSQL hot paths (a store's card payment with the resident's consent, a voucher redemption); None:
    take the general path."""
    if not settings.fast_paths or caller.role != "store" or caller.shop_id is None or db.sqlite:
        return None  # (fast_paths off: the kill-switch, whoever calls)
    if kind == "payment":
        return await _try_fast_payment(db, caller, settings, key, payload, now)
    if kind == "voucher_redeem" and isinstance(payload.get("code"), str) and len(payload) == 1:
        result = await fast_redeem(await db.raw_pool(), db.voucher_key_cache, code=payload["code"],
                                   shop_id=caller.shop_id, terminal_id=caller.terminal_id, key=key, now=now)
        return None if result is None else OpResult(key, APPLIED, result)
    return None


def _validation_detail(exc: ValidationError) -> str:
    if not exc.errors():
        return ""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}"[:200]


async def perform(
    db: Database, caller: Caller, settings: Settings, *, kind: str, key: str, payload: dict[str, Any],
    occurred_at: datetime | None = None, fast_tried: bool = False,
) -> OpResult:
    """`fast_tried`: the fast lane already tried the hot path for this very request (do not try it twice)."""
    now = utcnow()
    spec = KINDS.get(kind)
    # a stated time (sync's created_at) is trusted only inside the offline window and the clock skew
    problem = None
    if occurred_at is not None:
        problem = time_problem(occurred_at, now, await current_limits(db, settings), offline=True)
    fast = None if problem or fast_tried or not settings.fast_paths else await try_fast(
        db, caller, settings, kind=kind, key=key, payload=payload, now=now)
    if fast is not None:
        return fast

    async def work(conn: AsyncConnection) -> tuple[str, dict[str, Any]]:
        if spec is None:
            raise ApiError("unknown_operation_kind", kind[:40])
        if caller.role not in spec.roles:
            raise ApiError("forbidden_role", f"{kind} needs one of: {', '.join(sorted(spec.roles))}")
        try:
            parsed = spec.payload.model_validate(payload)
        except ValidationError as exc:
            raise ApiError("validation_error", _validation_detail(exc)) from None
        if occurred_at is not None and problem is not None:
            return CONFLICT, await record_out_of_window(
                conn, kind=kind, key=key, terminal_id=caller.terminal_id, shop_id=caller.shop_id, at=occurred_at,
                now=now, problem=problem)
        when = min(occurred_at, now) if occurred_at is not None else None
        return await spec.handler(conn, parsed, Ctx(caller, settings, key, now, when))

    return await run_once(db, key=key, kind=kind if spec else "unknown", terminal_id=caller.terminal_id, work=work)
