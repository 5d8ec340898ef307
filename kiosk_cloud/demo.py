"""`init_demo`: a demo municipality (東京都府中市) with two point types, departments and grant programmes, the
shops of one shopping street, staff, measures of each kind, and sample residents whose certificates come from the
generated test JPKI CA (kiosk.demo.pki). Safe to run again: data is created once, fresh enrolment codes each time.

Demo staff passwords and PINs are public test data.
"""

from __future__ import annotations

import asyncio
import hashlib
import threading
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk_cloud.api.terminals import issue_enrolment_code
from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.jpki import cert_info
from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.models import (
    attendance_registrations,
    certificates,
    departments,
    municipalities,
    mykey_ids,
    point_types,
    programmes,
    shops,
    staff,
)
from kiosk_cloud.security import hash_password
from kiosk_cloud.services import reference as ref
from kiosk_cloud.services.ledger_ops import grant
from kiosk_cloud.services.trust import add_ca, set_crl
from kiosk_cloud.services.vouchers import ensure_signing_key

MUNICIPALITY = ("132063", "府中市", "Fuchu City")
STREET = "けやき通り商店街"
SHOPS = ["けやき書店", "府中ベーカリー", "はなまる青果", "大國魂そば", "ひかり電器", "ことり文具"]
DEPARTMENTS = [("子育て支援課", "Child-care Support Division"), ("健康推進課", "Health Promotion Division"),
               ("市民協働推進課", "Civic Collaboration Division"), ("産業振興課", "Industry Promotion Division")]
STAFF_PASSWORD = "demo-pass"
# Counter staff S001-S004 (one per department); office and admin logins for the office and admin screens (issue 8)
ROLE_STAFF = [("OFC01", "窓口 出納 職員", "office"), ("ADM01", "システム管理 職員", "admin")]
# resident key -> MyKey ID given at init (the others create theirs in the demo)
DEMO_MYKEY_IDS = {"yamada": "YMDTRU01", "suzuki": "SZKHNK02", "takahashi": "TKHKEN03", "ito": "ITOYKO04"}


@dataclass
class DemoInfo:
    database_url: str
    municipality_code: str
    municipality_name: str
    enrolment_codes: dict[str, str]
    staff_logins: list[dict[str, Any]]
    point_types: list[dict[str, Any]] = field(default_factory=list)
    shops: list[dict[str, Any]] = field(default_factory=list)
    programmes: list[dict[str, Any]] = field(default_factory=list)
    residents: dict[str, str | None] = field(default_factory=dict)
    pki_dir: Path | None = None


def init_demo(database_url: str, data_dir: Path | str) -> DemoInfo:
    """Create (once) the demo municipality in `database_url`, with the demo PKI under `data_dir`/pki."""
    upgrade_to_head(database_url)
    pki = ensure_demo_pki(Path(data_dir) / "pki")
    return _run(_init(database_url, pki))


def _run(coro: Any) -> DemoInfo:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)  # type: ignore[no-any-return]
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(coro)
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


async def _init(database_url: str, pki: DemoPKI) -> DemoInfo:
    db = Database(database_url, pool_size=2)
    try:
        async with db.write() as conn:
            exists = (await conn.execute(select(municipalities.c.id).where(
                municipalities.c.code == MUNICIPALITY[0]))).first()
            if exists is None:
                await _create(conn, pki)
            await _ensure_role_staff(conn)
        codes = {}
        first_shop = None
        async with db.read() as conn:
            first_shop = (await conn.execute(select(shops.c.id).order_by(shops.c.id))).scalar()
        for role in ("counter", "store", "office", "admin"):
            codes[role] = await issue_enrolment_code(db, role, f"demo {role}", first_shop if role == "store" else None,
                                                     7 * 24 * 3600)
        return await _describe(db, database_url, codes, pki)
    finally:
        await db.dispose()


async def _create(conn: AsyncConnection, pki: DemoPKI) -> None:
    now = utcnow()
    muni = await ref.ensure_municipality(conn, *MUNICIPALITY)
    normal = await ref.add_point_type(conn, muni, "fuchu", "府中市ポイント", "Fuchu City points", 3000)
    kids = await ref.add_point_type(conn, muni, "fuchu-kosodate", "府中市子育て応援ポイント",
                                    "Fuchu child-care points", 1000)
    dept_ids = [await ref.add_department(conn, ja, en) for ja, en in DEPARTMENTS]
    progs = {
        "kids": await ref.add_programme(conn, department_id=dept_ids[0], point_type_id=kids, name="子育て応援給付",
                                        name_en="Child-care support grant", premium=False, validity_days=365),
        "checkup": await ref.add_programme(conn, department_id=dept_ids[1], point_type_id=normal, name="健診受診ポイント",
                                           name_en="Health check-up points", premium=False, validity_days=180,
                                           repeat_rule="once"),
        "volunteer": await ref.add_programme(conn, department_id=dept_ids[2], point_type_id=normal,
                                             name="ボランティアポイント", name_en="Volunteering points",
                                             premium=False, validity_days=365),
        "event": await ref.add_programme(conn, department_id=dept_ids[2], point_type_id=normal,
                                         name="けやき祭り参加ポイント", name_en="Keyaki festival attendance",
                                         premium=False, validity_days=90, repeat_rule="once"),
        "premium": await ref.add_programme(conn, department_id=dept_ids[3], point_type_id=normal,
                                           name="プレミアム付きポイント", name_en="Premium points",
                                           premium=True, validity_days=120),
        "walking": await ref.add_programme(conn, department_id=dept_ids[1], point_type_id=normal,
                                           name="ウォーキング参加ポイント", name_en="Walking day points",
                                           premium=False, validity_days=180, repeat_rule="once_per_day"),
    }
    for i, name in enumerate(SHOPS, start=1):
        await ref.add_shop(conn, name, STREET, payee_account=f"多摩信用金庫 普通 {1234500 + i:07d}")
    for i, (ja, _en) in enumerate(DEPARTMENTS, start=1):
        await conn.execute(insert(staff).values(staff_code=f"S{i:03d}", name=f"{ja} 職員", department_id=dept_ids[i - 1],
                                                password_hash=hash_password(STAFF_PASSWORD)))
    await add_ca(conn, pki.ca_cert_der)
    await set_crl(conn, pki.crl_der)
    await ensure_signing_key(conn, now)
    for resident in pki.residents:
        mykey_id = DEMO_MYKEY_IDS.get(resident.key)
        if mykey_id is None or resident.cert_der is None:
            continue
        info = cert_info(x509.load_der_x509_certificate(resident.cert_der), resident.cert_der)
        await conn.execute(insert(mykey_ids).values(mykey_id=mykey_id, status="valid", created_at=now,
                                                    status_changed_at=now))
        await conn.execute(insert(certificates).values(fingerprint=info.fingerprint, mykey_id=mykey_id,
                                                       serial=info.serial, issuer=info.issuer,
                                                       not_after=info.not_after, bound_at=now))
        await grant(conn, programme_id=progs["checkup"], mykey_id=mykey_id, points=1500, terminal_id=None,
                    now=now)
        await grant(conn, programme_id=progs["premium"], mykey_id=mykey_id, points=500, terminal_id=None,
                    now=now)
    await grant(conn, programme_id=progs["kids"], mykey_id=DEMO_MYKEY_IDS["suzuki"], points=5000,
                terminal_id=None, now=now)
    for key in ("yamada", "ito"):
        await conn.execute(insert(attendance_registrations).values(programme_id=progs["event"],
                                                                   mykey_id=DEMO_MYKEY_IDS[key], points=300))
    day = timedelta(days=1)
    common: dict[str, Any] = {"point_type_id": normal, "municipality_code": MUNICIPALITY[0], "opens_at": now - day,
              "closes_at": now + 90 * day}
    await ref.add_measure(conn, name="市民応援ポイント（全員）", name_en="Points for every applicant", kind="grant",
                          eligibility="open", review="pre", capacity=None, points_per_person=1000,
                          programme_id=progs["volunteer"], payment_services=["府中市ポイント"], **common)
    await ref.add_measure(conn, name="子育て世帯応援（事前登録）", name_en="Child-care households (pre-registered)",
                          kind="grant", eligibility="restricted", review="pre", capacity=100, points_per_person=3000,
                          programme_id=progs["kids"], payment_services=["府中市ポイント"],
                          pre_registered=[DEMO_MYKEY_IDS["suzuki"]],
                          **{**common, "point_type_id": kids})
    await ref.add_measure(conn, name="商店街お買い物還元", name_en="Shopping street purchase reward",
                          kind="purchase_reward", eligibility="open", review="post", capacity=500,
                          points_per_person=2000, reward_rate_percent=20, programme_id=progs["premium"],
                          payment_services=["府中市ポイント", "けやきPay"], **common)
    await ref.add_measure(conn, name="市民限定給付（券面審査）", name_en="Residents only (card-face review)",
                          kind="grant", eligibility="restricted", review="post", residency_required=True,
                          capacity=3, points_per_person=2000, programme_id=progs["volunteer"],
                          payment_services=["府中市ポイント"], **common)


async def _ensure_role_staff(conn: AsyncConnection) -> None:
    """The office and admin demo logins (also added to a demo database made before they existed)."""
    department = (await conn.execute(select(departments.c.id).order_by(departments.c.id))).scalar()
    if department is None:
        return
    for code, name, role in ROLE_STAFF:
        if (await conn.execute(select(staff.c.id).where(staff.c.staff_code == code))).first() is None:
            await conn.execute(insert(staff).values(staff_code=code, name=name, department_id=department, role=role,
                                                    password_hash=hash_password(STAFF_PASSWORD)))


async def _describe(db: Database, database_url: str, codes: dict[str, str], pki: DemoPKI) -> DemoInfo:
    async with db.read() as conn:
        muni = (await conn.execute(select(municipalities).order_by(municipalities.c.id))).first()
        staff_rows = (await conn.execute(select(staff.c.staff_code, staff.c.name, staff.c.department_id,
                                                staff.c.role).order_by(staff.c.id))).all()
        pts = (await conn.execute(select(point_types).order_by(point_types.c.id))).all()
        shop_rows = (await conn.execute(select(shops).order_by(shops.c.id))).all()
        prog_rows = (await conn.execute(select(programmes).order_by(programmes.c.id))).all()
        bound = dict((await conn.execute(select(certificates.c.fingerprint, certificates.c.mykey_id).where(
            certificates.c.unbound_at.is_(None)))).all())
    residents: dict[str, str | None] = {}
    for r in pki.residents:
        residents[r.key] = bound.get(cert_fingerprint(r.cert_der)) if r.cert_der else None
    assert muni is not None
    return DemoInfo(
        database_url=database_url, municipality_code=muni.code, municipality_name=muni.name,
        enrolment_codes=codes,
        staff_logins=[{"staff_code": s.staff_code, "password": STAFF_PASSWORD, "name": s.name,
                       "department_id": s.department_id, "role": s.role} for s in staff_rows],
        point_types=[ref.point_type_out(p) for p in pts], shops=[ref.shop_out(s) for s in shop_rows],
        programmes=[ref.programme_out(p) for p in prog_rows], residents=residents, pki_dir=pki.directory,
    )


def cert_fingerprint(der: bytes) -> str:
    return hashlib.sha256(der).hexdigest()
