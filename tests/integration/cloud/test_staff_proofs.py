"""Who may read a resident's data, reconciling paper vouchers and re-binding a MyKey ID (issue 8), over real HTTP
on SQLite and PostgreSQL: each attack refused with nothing written."""

from __future__ import annotations

from typing import Any

from .helpers import Cloud, Terminal, key
from .staff_db import audit_rows, written

SECOND = {"staff_code": "S002", "password": "demo-pass"}


def _issue(cloud: Cloud, resident: str, points: int, count: int = 1) -> list[dict[str, Any]]:
    office = cloud.terminal("office")
    consent = office.consent(cloud.resident(resident), points * count, action="voucher_issue", count=count,
                             point_type_id=cloud.point_type)
    return list(office.ok("POST", "/vouchers", {"consent": consent, "point_type_id": cloud.point_type,
                                                "points": points, "count": count})["vouchers"])


def _code(response: Any) -> str:
    return str(response.json()["error"]["code"])


def test_a_store_reads_only_with_the_residents_proof_and_only_its_own_entries(cloud: Cloud) -> None:
    store = cloud.terminal("store")
    other_shop = cloud.terminal("store", shop_id=cloud.demo.shops[1]["id"])
    yamada, ito = cloud.mykey("yamada"), cloud.mykey("ito")
    for path in (f"/balances/{ito}", f"/history/{ito}"):
        refused = store.get(path)
        assert refused.status_code == 403 and _code(refused) == "resident_proof_required"
    # yamada's proof does not open ito's records
    auth = store.authenticate(cloud.resident("yamada"))
    wrong = store.get(f"/balances/{ito}", headers={"X-Resident-Token": auth["auth_token"]})
    assert wrong.status_code == 403 and _code(wrong) == "resident_proof_required"
    # a staff session header means nothing on a store terminal; a forged token is refused
    assert store.get(f"/history/{ito}", headers={"X-Staff-Session": "1.x"}).status_code == 403
    assert _code(store.get(f"/history/{ito}", headers={"X-Resident-Token": "1.forged"})) == "auth_token_invalid"
    # with the resident's own proof: the balance, and the history of this shop only
    assert store.pay(cloud.resident("yamada"), 10).status_code == 200
    assert other_shop.pay(cloud.resident("yamada"), 20).status_code == 200
    mine = {"X-Resident-Token": auth["auth_token"]}
    assert store.ok("GET", f"/balances/{yamada}", headers=mine)["accounts"]
    entries = store.ok("GET", f"/history/{yamada}", headers=mine)["entries"]
    assert entries and {e["shop_id"] for e in entries} == {store.shop_id}
    # a counter sees everything, with its clerk logged in; without, it needs the resident's proof too
    counter = cloud.terminal("counter")
    shops = {e["shop_id"] for e in counter.ok("GET", f"/history/{yamada}")["entries"]}
    assert {store.shop_id, other_shop.shop_id} <= shops and None in shops  # grants too
    bare = cloud.terminal("counter", staff=None)
    assert _code(bare.get(f"/history/{yamada}")) == "resident_proof_required"


def test_reconcile_by_number_needs_a_second_clerk(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    shop_id = cloud.demo.shops[0]["id"]
    vouchers = _issue(cloud, "takahashi", 100, count=3)
    numbers = [v["number"] for v in vouchers]
    before = written(cloud.demo.database_url)
    alone = office.post("/vouchers/reconcile", {"shop_id": shop_id, "numbers": numbers[:1]})
    assert alone.status_code == 403 and _code(alone) == "second_staff_required"
    same = office.post("/vouchers/reconcile", {"shop_id": shop_id, "numbers": numbers[:1],
                                               "second_staff": {"staff_code": "OFC01", "password": "demo-pass"}})
    assert same.status_code == 403 and _code(same) == "second_staff_invalid"
    wrong = office.post("/vouchers/reconcile", {"shop_id": shop_id, "numbers": numbers[:1],
                                                "second_staff": {"staff_code": "S002", "password": "nope"}})
    assert wrong.status_code == 403 and _code(wrong) == "second_staff_invalid"
    forged = vouchers[1]["code"][:-3] + ("AAA" if not vouchers[1]["code"].endswith("AAA") else "BBB")
    bad = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop_id, "codes": [forged]})["results"]
    assert [r["result"] for r in bad] == ["invalid"]
    assert written(cloud.demo.database_url) == before  # nothing marked used
    # by QR code alone, or by number with another clerk's confirmation
    by_code = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop_id, "codes": [vouchers[1]["code"]]})
    assert [(r["number"], r["result"], r["by"]) for r in by_code["results"]] == [(numbers[1], "redeemed", "qr_code")]
    by_number = office.ok("POST", "/vouchers/reconcile", {"shop_id": shop_id, "numbers": numbers[:1],
                                                          "second_staff": SECOND})
    assert [(r["result"], r["by"]) for r in by_number["results"]] == [("redeemed", "number")]
    rows = audit_rows(cloud.demo.database_url, "voucher_reconcile")
    assert len(rows) == 3 and rows[-1]["staff_id"] == office.staff["staff_id"]  # the forged attempt too
    assert '"confirmed_by_staff_id":' in rows[-1]["detail"] and numbers[0] in rows[-1]["detail"]


def test_void_and_reconcile_need_an_office_clerk(cloud: Cloud) -> None:
    vouchers = _issue(cloud, "takahashi", 100)
    bare = cloud.terminal("office", staff=None)
    counter_clerk = cloud.terminal("office", staff="S001")
    before = written(cloud.demo.database_url)
    assert _code(bare.post(f"/vouchers/{vouchers[0]['number']}/void")) == "staff_session_required"
    assert _code(counter_clerk.post(f"/vouchers/{vouchers[0]['number']}/void")) == "forbidden_staff_role"
    assert _code(bare.post("/vouchers/reconcile", {"shop_id": 1, "codes": [vouchers[0]["code"]]})) == \
        "staff_session_required"
    assert written(cloud.demo.database_url) == before
    office = cloud.terminal("office")
    office.ok("POST", f"/vouchers/{vouchers[0]['number']}/void")
    assert audit_rows(cloud.demo.database_url, "voucher_void")[-1]["staff_id"] == office.staff["staff_id"]


def _renewed(cloud: Cloud, counter: Terminal, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    old = counter.authenticate(cloud.resident(name))
    renewed = counter.authenticate(cloud.pki.renew(name))
    assert renewed["mykey_id"] is None
    return old, renewed


def test_rebind_needs_the_old_certificate_or_a_second_clerk(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    old, renewed = _renewed(cloud, counter, "ito")
    mykey_id = cloud.mykey("ito")
    body = {"auth_token": renewed["auth_token"], "mykey_id": mykey_id}
    before = written(cloud.demo.database_url)
    assert _code(counter.post("/mykey-ids/rebind", body)) == "rebind_proof_required"
    same = counter.post("/mykey-ids/rebind", {**body, "second_staff": {"staff_code": "S001", "password": "demo-pass"}})
    assert _code(same) == "second_staff_invalid"
    # another resident's fresh authentication is no proof for this MyKey ID
    stranger = counter.authenticate(cloud.resident("yamada"))
    assert _code(counter.post("/mykey-ids/rebind", {**body, "old_auth_token": stranger["auth_token"]})) == \
        "rebind_not_possible"
    bare = cloud.terminal("counter", staff=None)
    assert _code(bare.post("/mykey-ids/rebind", {**body, "second_staff": SECOND})) == "staff_session_required"
    assert written(cloud.demo.database_url) == before
    assert counter.ok("GET", f"/mykey-ids/{mykey_id}")["certificate"]["fingerprint"] == \
        old["certificate"]["fingerprint"]  # still bound to the old card
    moved = counter.ok("POST", "/mykey-ids/rebind", {**body, "second_staff": SECOND})
    assert moved["mykey_id"] == mykey_id
    row = audit_rows(cloud.demo.database_url, "mykey_rebind")[-1]
    assert (row["terminal_id"], row["staff_id"], row["mykey_id"]) == (counter.id, counter.staff["staff_id"], mykey_id)
    assert '"proof":"second_staff"' in row["detail"] and row["at"] is not None


def test_rebind_with_the_old_certificates_proof_is_audited(cloud: Cloud) -> None:
    counter = cloud.terminal("counter")
    old, renewed = _renewed(cloud, counter, "yamada")
    counter.ok("POST", "/mykey-ids/rebind", {"auth_token": renewed["auth_token"], "old_auth_token": old["auth_token"]})
    row = audit_rows(cloud.demo.database_url, "mykey_rebind")[-1]
    assert '"proof":"old_certificate"' in row["detail"] and row["mykey_id"] == cloud.mykey("yamada")


def test_mykey_status_and_creation_need_a_clerk_and_are_audited(cloud: Cloud) -> None:
    bare = cloud.terminal("counter", staff=None)
    m = cloud.mykey("suzuki")
    assert _code(bare.post(f"/mykey-ids/{m}/status", {"status": "suspended"})) == "staff_session_required"
    assert _code(bare.get(f"/mykey-ids/{m}")) == "staff_session_required"  # no clerk: not even a read
    for role, shop in (("store", 1), ("office", None)):  # a shop or the office may not browse residents' records
        assert _code(cloud.terminal(role, shop).get(f"/mykey-ids/{m}")) == "forbidden_role"
    counter = cloud.terminal("counter")
    counter.ok("POST", f"/mykey-ids/{m}/status", {"status": "suspended"})
    row = audit_rows(cloud.demo.database_url, "mykey_status")[-1]
    assert (row["mykey_id"], row["staff_id"]) == (m, counter.staff["staff_id"])
    auth = counter.authenticate(cloud.resident("kobayashi"))
    assert _code(bare.post("/mykey-ids", {"auth_token": auth["auth_token"]})) == "staff_session_required"
    created = counter.ok("POST", "/mykey-ids", {"auth_token": auth["auth_token"]})
    assert audit_rows(cloud.demo.database_url, "mykey_created")[-1]["mykey_id"] == created["mykey_id"]
    assert counter.post("/grants", {"programme_id": cloud.programme(), "mykey_id": created["mykey_id"],
                                    "points": 5, "idempotency_key": key()}).status_code == 200


def test_a_qr_code_signed_with_a_revoked_key_reconciles_nothing(cloud: Cloud) -> None:
    from kiosk.core.voucher_code import decode_voucher

    office = cloud.terminal("office")
    (voucher,) = _issue(cloud, "takahashi", 100)
    cloud.admin.ok("POST", f"/admin/voucher-keys/{decode_voucher(voucher['code']).key_id}/revoke")
    before = written(cloud.demo.database_url)
    res = office.ok("POST", "/vouchers/reconcile", {"shop_id": cloud.demo.shops[0]["id"],
                                                    "codes": [voucher["code"]]})["results"]
    assert [(r["result"], r["code"]) for r in res] == [("invalid", "voucher_key_revoked")]
    assert written(cloud.demo.database_url) == before
