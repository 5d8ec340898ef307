"""Run one operation of a given kind exactly once (used by /v1/sync and the plain endpoints)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import ApiError
from kiosk_cloud.services.idempotent import OpResult, run_once
from kiosk_cloud.services.operations import KINDS, Ctx
from kiosk_cloud.settings import Settings


def _validation_detail(exc: ValidationError) -> str:
    if not exc.errors():
        return ""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}"[:200]


async def perform(
    db: Database, caller: Caller, settings: Settings, *, kind: str, key: str, payload: dict[str, Any],
    occurred_at: datetime | None = None,
) -> OpResult:
    now = utcnow()
    spec = KINDS.get(kind)

    async def work(conn: AsyncConnection) -> tuple[str, dict[str, Any]]:
        if spec is None:
            raise ApiError("unknown_operation_kind", kind[:40])
        if caller.role not in spec.roles:
            raise ApiError("forbidden_role", f"{kind} needs one of: {', '.join(sorted(spec.roles))}")
        try:
            parsed = spec.payload.model_validate(payload)
        except ValidationError as exc:
            raise ApiError("validation_error", _validation_detail(exc)) from None
        when = occurred_at if occurred_at is not None and occurred_at <= now else None
        return await spec.handler(conn, parsed, Ctx(caller, settings, key, now, when))

    return await run_once(db, key=key, kind=kind if spec else "unknown", terminal_id=caller.terminal_id, work=work)
