"""Enrolment, roles, revocation, staff login, resident authentication and MyKey IDs over real HTTP."""

from __future__ import annotations

import base64

import httpx

from .helpers import Cloud, sign


def _code(response: httpx.Response) -> str:
    body = response.json()
    assert set(body["error"]) >= {"code", "message", "message_ja"}, body
    return str(body["error"]["code"])


def test_health_and_openapi(cloud: Cloud) -> None:
    assert cloud.anon.get("/health").json()["status"] == "ok"
    spec = cloud.anon.get("/openapi.json").json()
    assert "/v1/sync" in spec["paths"] and "/v1/changes" in spec["paths"]


def test_enrolment_code_is_single_use_and_roles_are_enforced(cloud: Cloud) -> None:
    code = cloud.admin.ok("POST", "/admin/enrolment-codes", {"role": "store", "name": "x", "shop_id": 1})["code"]
    first = cloud.anon.post("/terminals/enrol", json={"code": code, "name": "till 1"})
    assert first.status_code == 200 and first.json()["role"] == "store" and first.json()["shop_id"] == 1
    again = cloud.anon.post("/terminals/enrol", json={"code": code, "name": "till 2"})
    assert again.status_code == 400 and _code(again) == "enrolment_code_invalid"
    store = cloud.terminal("store")
    # a store terminal cannot grant points, create enrolment codes or see reports
    r = store.post("/grants", {"programme_id": cloud.programme(), "mykey_id": cloud.mykey("yamada"), "points": 10,
                               "idempotency_key": "k-store-grant-1"})
    assert r.status_code == 403 and _code(r) == "forbidden_role"
    assert store.post("/admin/enrolment-codes", {"role": "admin", "name": "evil"}).status_code == 403
    assert store.get("/reports/grants", params={"month": "2026-11"}).status_code == 403
    counter = cloud.terminal("counter")
    assert counter.pay(cloud.resident("yamada"), 1, idem="k-counter-pay").status_code == 403


def test_bad_or_revoked_credentials(cloud: Cloud) -> None:
    assert _code(cloud.anon.get("/point-types")) == "unauthorized"
    bad = cloud.anon.get("/point-types", headers={"Authorization": "Bearer 1.nope"})
    assert bad.status_code == 401
    counter = cloud.terminal("counter")
    assert counter.get("/point-types").status_code == 200
    cloud.admin.ok("POST", f"/terminals/{counter.id}/revoke")
    r = counter.get("/point-types")
    assert r.status_code == 401 and _code(r) == "terminal_revoked"


def test_staff_login(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    staff = cloud.demo.staff_logins[0]
    ok = counter.ok("POST", "/staff/login", {"staff_code": staff["staff_code"], "password": staff["password"]})
    assert ok["department_id"] == staff["department_id"] and ok["department_name"]
    r = counter.post("/staff/login", {"staff_code": staff["staff_code"], "password": "wrong"})
    assert r.status_code == 401 and _code(r) == "staff_login_failed"


def test_resident_auth_maps_the_card_to_its_mykey_id(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    result = counter.authenticate(cloud.resident("yamada"))
    assert result["mykey_id"] == cloud.mykey("yamada") and result["status"] == "valid"
    assert len(result["certificate"]["fingerprint"]) == 64 and result["auth_token"]


def test_challenge_is_single_use_and_signature_checked(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    yamada, suzuki = cloud.resident("yamada"), cloud.resident("suzuki")
    ch = counter.ok("POST", "/auth/challenge")
    raw = base64.b64decode(ch["challenge"])
    cert = base64.b64encode(yamada.cert_der or b"").decode()
    forged = counter.post("/auth/verify", {"challenge_id": ch["challenge_id"], "certificate": cert,
                                           "signature": base64.b64encode(sign(suzuki, raw)).decode()})
    assert forged.status_code == 400 and _code(forged) == "signature_invalid"
    # the challenge was consumed by the failed attempt
    replay = counter.post("/auth/verify", {"challenge_id": ch["challenge_id"], "certificate": cert,
                                           "signature": base64.b64encode(sign(yamada, raw)).decode()})
    assert _code(replay) == "challenge_invalid"


def test_revoked_certificate_is_refused(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    sato = cloud.resident("sato")
    assert sato.revoked
    ch = counter.ok("POST", "/auth/challenge")
    raw = base64.b64decode(ch["challenge"])
    r = counter.post("/auth/verify", {"challenge_id": ch["challenge_id"],
                                      "certificate": base64.b64encode(sato.cert_der or b"").decode(),
                                      "signature": base64.b64encode(sign(sato, raw)).decode()})
    assert r.status_code == 400 and _code(r) == "certificate_revoked"
    feed = counter.ok("GET", "/changes", params={"cursor": 0, "limit": 1000})
    revocations = [c for c in feed["changes"] if c["kind"] == "revocation"]
    assert str(sato.cert_serial) in revocations[-1]["data"]["revoked_serials"]


def test_create_mykey_id_bound_to_certificate(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    kobayashi = cloud.resident("kobayashi")
    auth = counter.authenticate(kobayashi)
    assert auth["mykey_id"] is None
    assert counter.ok("GET", "/mykey-ids/YMDTRU01/available")["available"] is False
    candidate = counter.ok("POST", "/mykey-ids/generate")["mykey_id"]
    assert len(candidate) == 8
    taken = counter.post("/mykey-ids", {"auth_token": auth["auth_token"], "mykey_id": cloud.mykey("yamada")})
    assert taken.status_code == 409 and _code(taken) == "mykey_id_taken"
    created = counter.post("/mykey-ids", {"auth_token": auth["auth_token"], "mykey_id": "ｋｏｂａ２０２６"})
    assert created.status_code == 201, created.text
    assert created.json()["mykey_id"] == "KOBA2026"
    again = counter.post("/mykey-ids", {"auth_token": auth["auth_token"]})
    assert again.status_code == 409 and _code(again) == "certificate_already_bound"
    assert counter.authenticate(kobayashi)["mykey_id"] == "KOBA2026"
    info = counter.ok("GET", "/mykey-ids/koba2026")
    assert info["status"] == "valid" and info["certificate"]["fingerprint"] == auth["certificate"]["fingerprint"]
    assert "certificate_der" not in str(info)
    bad = counter.get("/mykey-ids/short/available")
    assert bad.status_code == 422 and _code(bad) == "invalid_mykey_id"


def test_auto_generated_mykey_id_and_status_changes(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    auth = counter.authenticate(cloud.resident("kobayashi"))
    created = counter.ok("POST", "/mykey-ids", {"auth_token": auth["auth_token"]})
    mykey_id = created["mykey_id"]
    counter.ok("POST", f"/mykey-ids/{mykey_id}/status", {"status": "suspended"})
    assert counter.ok("GET", f"/mykey-ids/{mykey_id}")["status"] == "suspended"
    r = counter.post("/grants", {"programme_id": cloud.programme(), "mykey_id": mykey_id, "points": 5,
                                 "idempotency_key": "grant-suspended-1"})
    assert r.status_code == 409 and _code(r) == "mykey_id_not_valid"
    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    paid = store.pay(yamada, 1, point_type_id=cloud.point_type, idem="pay-before-suspend")
    assert paid.status_code == 200
    counter.ok("POST", f"/mykey-ids/{cloud.mykey('yamada')}/status", {"status": "suspended"})
    refused = store.pay(yamada, 1, point_type_id=cloud.point_type, idem="pay-after-suspend")
    assert refused.status_code == 409 and _code(refused) == "mykey_id_not_valid"


def test_rebind_on_certificate_renewal(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    yamada = cloud.resident("yamada")
    old = counter.authenticate(yamada)  # proof from the old certificate (issue 8)
    old_fp = old["certificate"]["fingerprint"]
    renewed = cloud.pki.renew("yamada")
    auth = counter.authenticate(renewed)
    assert auth["mykey_id"] is None
    moved = counter.ok("POST", "/mykey-ids/rebind", {"auth_token": auth["auth_token"], "old_fingerprint": old_fp,
                                                     "old_auth_token": old["auth_token"]})
    assert moved["mykey_id"] == cloud.mykey("yamada")
    assert counter.authenticate(renewed)["mykey_id"] == cloud.mykey("yamada")
    # the old card no longer maps to the MyKey ID
    assert counter.authenticate(yamada)["mykey_id"] is None


def test_service_ids(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    m = cloud.mykey("ito")
    counter.ok("POST", f"/mykey-ids/{m}/service-ids", {"business_id": "LIB01", "customer_id": "C-0001"})
    listed = counter.ok("GET", f"/mykey-ids/{m}/service-ids")["service_ids"]
    assert [(s["business_id"], s["customer_id"]) for s in listed] == [("LIB01", "C-0001")]
    other = counter.post(f"/mykey-ids/{cloud.mykey('yamada')}/service-ids",
                         {"business_id": "LIB01", "customer_id": "C-0001"})
    assert other.status_code == 409 and _code(other) == "service_id_taken"


def test_raw_certificate_is_never_stored(cloud: Cloud) -> None:
    """Only fingerprint, serial and issuer are kept (rule: the raw certificate is not stored)."""
    import base64 as b64

    from sqlalchemy import create_engine, select

    from kiosk_cloud.models import metadata
    from kiosk_cloud.settings import sync_database_url

    counter = cloud.terminal("counter")
    kobayashi = cloud.resident("kobayashi")
    auth = counter.authenticate(kobayashi)
    counter.ok("POST", "/mykey-ids", {"auth_token": auth["auth_token"]})
    der = kobayashi.cert_der or b""
    chunk = der[len(der) // 2: len(der) // 2 + 48]  # inside the public key
    needles = [chunk, chunk.hex().encode(), b64.b64encode(chunk)[8:40]]
    engine = create_engine(sync_database_url(cloud.demo.database_url))
    try:
        with engine.connect() as conn:
            for table in metadata.sorted_tables:
                for row in conn.execute(select(table)):
                    for value in row:
                        raw = value if isinstance(value, bytes) else str(value).encode()
                        assert not any(n in raw for n in needles), f"certificate bytes found in {table.name}"
    finally:
        engine.dispose()
