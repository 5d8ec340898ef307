"""New point types, and a programme moved to another department or point type (issue 12), over real HTTP on SQLite
and PostgreSQL: created/changed, published on the changes feed, audited before/after; a programme that has granted
points keeps its point type (programme_in_use); only an admin clerk on an admin terminal may do any of it — a counter
clerk, a counter clerk on an admin terminal, a shop terminal and an admin terminal without a clerk are refused with
nothing written."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, func, select

from kiosk_cloud.models import audit_log, point_types, programmes
from kiosk_cloud.settings import sync_database_url

from .helpers import Cloud, key
from .staff_db import audit_rows


def _snapshot(cloud: Cloud) -> dict[str, Any]:
    engine = create_engine(sync_database_url(cloud.demo.database_url))
    try:
        with engine.connect() as conn:
            return {"point_types": conn.execute(select(point_types).order_by(point_types.c.id)).all(),
                    "programmes": conn.execute(select(programmes).order_by(programmes.c.id)).all(),
                    "audit": conn.execute(select(func.count()).select_from(audit_log)).scalar_one()}
    finally:
        engine.dispose()


def _new_programme(cloud: Cloud, point_type_id: int = 1) -> int:
    dept = cloud.admin.ok("GET", "/admin/setup")["departments"][0]["id"]
    return int(cloud.admin.ok("POST", "/admin/programmes", {
        "department_id": dept, "point_type_id": point_type_id, "name": "移す事業", "name_en": "Moved"})["id"])


def test_a_new_point_type_is_created_published_and_audited(cloud: Cloud) -> None:
    made = cloud.admin.ok("POST", "/admin/point-types", {"code": "fuchu-green", "name": "府中グリーンポイント",
                                                         "name_en": "Fuchu green points",
                                                         "offline_limit_per_card_per_day": 2000})["point_type"]
    assert made["name"] == "府中グリーンポイント" and made["offline_limit_per_card_per_day"] == 2000
    setup = cloud.admin.ok("GET", "/admin/setup")
    assert made["id"] in [p["id"] for p in setup["point_types"]]
    feed = cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"]
    assert any(c["kind"] == "point_type" and c["id"] == str(made["id"]) for c in feed)
    assert any(c["kind"] == "offline_limit" and c["id"] == str(made["id"]) for c in feed)
    row = audit_rows(cloud.demo.database_url, "setup_point_type")[-1]
    assert row["subject"] == f"point_types {made['id']}" and "fuchu-green" in row["detail"]
    twice = cloud.admin.post("/admin/point-types", {"code": "fuchu-green", "name": "x", "name_en": "x"})
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "point_type_exists"
    # a programme of the new point type grants it
    programme = _new_programme(cloud, made["id"])
    granted = cloud.admin.ok("POST", "/grants", {"programme_id": programme, "mykey_id": cloud.mykey("suzuki"),
                                                 "points": 100, "idempotency_key": key()})
    assert granted["point_type_id"] == made["id"]


def test_a_programme_moves_department_and_point_type_until_it_has_granted(cloud: Cloud) -> None:
    second = cloud.admin.ok("POST", "/admin/point-types", {"code": "second", "name": "第二ポイント",
                                                           "name_en": "Second"})["point_type"]["id"]
    dept = cloud.admin.ok("POST", "/admin/departments", {"name": "環境課", "name_en": "Environment"})["id"]
    programme = _new_programme(cloud)
    moved = cloud.admin.ok("PATCH", f"/admin/programmes/{programme}", {"department_id": dept,
                                                                       "point_type_id": second})
    assert moved["changed"]["after"] == {"department_id": dept, "point_type_id": second}
    assert moved["changed"]["before"]["point_type_id"] == 1
    feed = cloud.admin.ok("GET", "/changes", params={"limit": 1000})["changes"]
    assert [c["data"]["point_type_id"] for c in feed if c["kind"] == "programme" and c["id"] == str(programme)][
        -1] == second
    cloud.admin.ok("POST", "/grants", {"programme_id": programme, "mykey_id": cloud.mykey("suzuki"), "points": 10,
                                       "idempotency_key": key()})
    before = _snapshot(cloud)
    refused = cloud.admin.http.patch(f"/admin/programmes/{programme}", json={"point_type_id": 1})
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "programme_in_use"
    unknown = cloud.admin.http.patch(f"/admin/programmes/{programme}", json={"department_id": 999999})
    assert unknown.status_code == 404
    assert cloud.admin.http.patch(f"/admin/programmes/{programme}", json={"point_type_id": 999999}).status_code == 404
    assert _snapshot(cloud) == before
    back = cloud.admin.ok("PATCH", f"/admin/programmes/{programme}", {"department_id": 1})  # department: any time
    assert back["changed"]["after"] == {"department_id": 1}


def test_only_an_admin_clerk_may_create_or_move(cloud: Cloud) -> None:
    programme = _new_programme(cloud)
    new_type = {"code": "attack", "name": "攻撃", "name_en": "Attack"}
    move = {"department_id": 2, "point_type_id": 1}
    callers = {
        "counter clerk": (cloud.terminal("counter"), 403, "forbidden_role"),
        "counter clerk on an admin terminal": (cloud.terminal("admin", staff="S001"), 403, "forbidden_staff_role"),
        "shop terminal": (cloud.terminal("store"), 403, None),
        "no clerk": (cloud.terminal("admin", staff=None), 401, "staff_session_required"),
    }
    before = _snapshot(cloud)  # after the terminals were enrolled and their clerks logged in (audited)
    for who, (terminal, status, code) in callers.items():
        for response in (terminal.post("/admin/point-types", new_type),
                         terminal.http.patch(f"/admin/programmes/{programme}", json=move)):
            assert response.status_code == status, (who, response.text)
            if code:
                assert response.json()["error"]["code"] == code, who
    assert _snapshot(cloud) == before
