"""GET /v1/health: no auth; terminals use it to notice online / offline."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from kiosk_cloud.db import utcnow

router = APIRouter(tags=["health"])


@router.get("/health")
async def health() -> dict[str, Any]:
    return {"status": "ok", "time": utcnow().isoformat()}
