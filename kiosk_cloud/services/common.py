"""Small helpers shared by the services: JSON columns, the changes feed, lookups."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.core.mykey_id import MyKeyStatus, normalize_mykey_id
from kiosk_cloud.db import as_utc, utcnow
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import changes, mykey_ids


def jdump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_default)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, bytes | bytearray):
        import base64

        return base64.b64encode(value).decode("ascii")
    raise TypeError(type(value))


def jload(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def iso(value: datetime | None) -> str | None:
    value = as_utc(value)
    return None if value is None else value.isoformat()


async def record_change(
    conn: AsyncConnection, kind: str, entity_id: object, data: dict[str, Any], deleted: bool = False
) -> None:
    """Append one entry to the changes feed (in the caller's transaction)."""
    await conn.execute(
        insert(changes).values(
            kind=kind, entity_id=str(entity_id), data=jdump(data), deleted=deleted, created_at=utcnow()
        )
    )


async def require_valid_mykey(conn: AsyncConnection, text: str) -> str:
    """Normalise a MyKey ID and check that it exists and is valid (有効)."""
    mykey_id = normalize_mykey_id(text)
    status = (await conn.execute(select(mykey_ids.c.status).where(mykey_ids.c.mykey_id == mykey_id))).scalar()
    if status is None:
        raise ApiError("mykey_id_unknown")
    if status != MyKeyStatus.VALID:
        raise ApiError("mykey_id_not_valid", f"status {status}")
    return mykey_id
