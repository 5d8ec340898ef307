"""Reference data (point types, departments, programmes, shops, measures): create/update + changes feed."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import (
    departments,
    measure_eligible,
    measures,
    municipalities,
    point_types,
    programmes,
    shops,
)
from kiosk_cloud.services.common import record_change
from kiosk_cloud.services.measures import measure_out


def point_type_out(r: Any) -> dict[str, Any]:
    return {"id": r.id, "code": r.code, "name": r.name, "name_en": r.name_en,
            "offline_limit_per_card_per_day": r.offline_limit_per_card_per_day}


def programme_out(r: Any) -> dict[str, Any]:
    return {"id": r.id, "department_id": r.department_id, "point_type_id": r.point_type_id, "name": r.name,
            "name_en": r.name_en, "premium": bool(r.premium), "validity_days": r.validity_days,
            "max_points_per_grant": r.max_points_per_grant, "active": bool(r.active),
            "repeat_rule": r.repeat_rule}


def shop_out(r: Any) -> dict[str, Any]:
    return {"id": r.id, "name": r.name, "street": r.street, "active": bool(r.active)}


async def ensure_municipality(conn: AsyncConnection, code: str, name: str, name_en: str) -> int:
    row = (await conn.execute(select(municipalities.c.id).where(municipalities.c.code == code))).scalar()
    if row is not None:
        return int(row)
    return int((await conn.execute(insert(municipalities).values(code=code, name=name, name_en=name_en)
                               .returning(municipalities.c.id))).scalar_one())


async def add_point_type(conn: AsyncConnection, municipality_id: int, code: str, name: str, name_en: str,
                         offline_limit: int) -> int:
    pid = (await conn.execute(insert(point_types).values(
        municipality_id=municipality_id, code=code, name=name, name_en=name_en,
        offline_limit_per_card_per_day=offline_limit).returning(point_types.c.id))).scalar_one()
    row = (await conn.execute(select(point_types).where(point_types.c.id == pid))).one()
    await record_change(conn, "point_type", pid, point_type_out(row))
    await record_change(conn, "offline_limit", pid, {"point_type_id": pid, "per_card_per_day": offline_limit})
    return int(pid)


async def set_offline_limit(conn: AsyncConnection, point_type_id: int, limit: int) -> None:
    result = await conn.execute(update(point_types).where(point_types.c.id == point_type_id)
                                .values(offline_limit_per_card_per_day=limit))
    if result.rowcount == 0:
        raise ApiError("unknown_point_type")
    await record_change(conn, "offline_limit", point_type_id, {"point_type_id": point_type_id,
                                                               "per_card_per_day": limit})


async def add_department(conn: AsyncConnection, name: str, name_en: str) -> int:
    return int((await conn.execute(insert(departments).values(name=name, name_en=name_en)
                                   .returning(departments.c.id))).scalar_one())


async def add_programme(conn: AsyncConnection, **values: Any) -> int:
    if (await conn.execute(select(departments.c.id).where(departments.c.id == values["department_id"]))).first() is None:
        raise ApiError("not_found", "unknown department")
    if (await conn.execute(select(point_types.c.id).where(point_types.c.id == values["point_type_id"]))).first() is None:
        raise ApiError("unknown_point_type")
    pid = (await conn.execute(insert(programmes).values(**values).returning(programmes.c.id))).scalar_one()
    row = (await conn.execute(select(programmes).where(programmes.c.id == pid))).one()
    await record_change(conn, "programme", pid, programme_out(row))
    return int(pid)


async def add_shop(conn: AsyncConnection, name: str, street: str, payee_account: str = "") -> int:
    sid = (await conn.execute(insert(shops).values(name=name, street=street, payee_account=payee_account)
                              .returning(shops.c.id))).scalar_one()
    row = (await conn.execute(select(shops).where(shops.c.id == sid))).one()
    await record_change(conn, "shop", sid, shop_out(row))
    return int(sid)


async def add_measure(conn: AsyncConnection, *, payment_services: list[str], pre_registered: list[str] | None = None,
                      **values: Any) -> int:
    if (await conn.execute(select(point_types.c.id).where(point_types.c.id == values["point_type_id"]))).first() is None:
        raise ApiError("unknown_point_type")
    if values["closes_at"] <= values["opens_at"]:
        raise ApiError("invalid_measure", "closes_at must be after opens_at")
    mid = (await conn.execute(insert(measures).values(payment_services=json.dumps(payment_services,
                                                                                  ensure_ascii=False), **values)
                              .returning(measures.c.id))).scalar_one()
    for mykey_id in pre_registered or []:
        await conn.execute(insert(measure_eligible).values(measure_id=mid, mykey_id=mykey_id))
    row = (await conn.execute(select(measures).where(measures.c.id == mid))).one()
    await record_change(conn, "measure", mid, measure_out(row))
    return int(mid)
