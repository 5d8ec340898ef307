"""Settlement with shops over real HTTP on SQLite and PostgreSQL (issue 11): a period closed for ever, a late
offline operation counted by the next period and marked late, the CSV, the Zengin transfer file byte by byte, bank
accounts checked against the code list; a closed settlement changed or overlapped is refused with nothing written."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

from .helpers import Cloud, key
from .office_helpers import ago, balance, counts, issue, offline_pay, sync_one, today_jst, without_audit


def test_a_closed_settlement_never_changes_and_late_operations_fall_into_the_next(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    shop_a, shop_b = (s["id"] for s in cloud.demo.shops[:2])
    store_a, store_b = cloud.terminal("store", shop_a), cloud.terminal("store", shop_b)
    today = today_jst()
    offline_pay(cloud, store_a, "suzuki", 400, ago(hours=20))  # the demo cards are valid from 24 h ago
    assert store_b.pay(cloud.resident("suzuki"), 250).status_code == 200
    vouchers = issue(cloud, office, "suzuki", 100, count=2)
    store_b.ok("POST", "/vouchers/redeem", {"code": vouchers[0]["code"], "idempotency_key": key()})  # pattern ②
    office.ok("POST", "/office/reconciliations", {"shop_id": shop_a, "codes": [vouchers[1]["code"]]})  # pattern ①
    period = {"from": (today - timedelta(days=1)).isoformat(), "to": today.isoformat()}
    first = office.ok("POST", "/office/settlements", period)
    assert first["status"] == "open" and first["preview"]
    lines = {s["shop_id"]: s for s in first["shops"]}
    assert lines[shop_a]["payment"] == {"count": 1, "points": 400}
    assert lines[shop_a]["voucher_paper"] == {"count": 1, "points": 100}
    assert lines[shop_b]["payment"] == {"count": 1, "points": 250}
    assert lines[shop_b]["voucher_scan"] == {"count": 1, "points": 100}
    assert {s: line["amount_due"] for s, line in lines.items()} == {shop_a: 500, shop_b: 350}
    # another open period, or a CSV of an open one: refused, nothing written
    before = counts(cloud.demo.database_url)
    nxt = (today + timedelta(days=1)).isoformat()
    assert office.post("/office/settlements", {"from": nxt, "to": nxt}).json()["error"]["code"] == \
        "settlement_open_exists"
    assert office.get(f"/office/settlements/{first['id']}/csv").json()["error"]["code"] == "settlement_not_closed"
    assert counts(cloud.demo.database_url) == before

    closed = office.ok("POST", f"/office/settlements/{first['id']}/close")
    assert closed["status"] == "closed" and not closed["preview"] and closed["total_due"] == 850
    frozen = office.ok("GET", f"/office/settlements/{first['id']}")
    before = counts(cloud.demo.database_url)
    again = office.post(f"/office/settlements/{first['id']}/close")
    assert again.status_code == 409 and again.json()["error"]["code"] == "settlement_closed"
    overlap = office.post("/office/settlements", {"from": today.isoformat(), "to": nxt})
    assert overlap.json()["error"]["code"] == "settlement_period_invalid"
    assert counts(cloud.demo.database_url) == before

    # a backdated (offline, synced late) payment dated inside the closed period, and a reversal of a settled
    # payment: the closed figures stay as they were; the next period counts both, the late one marked
    offline_pay(cloud, store_a, "suzuki", 120, ago(hours=19))
    assert office.ok("GET", f"/office/settlements/{first['id']}") == frozen
    second = office.ok("POST", "/office/settlements", {"from": nxt, "to": nxt})
    late = {s["shop_id"]: s for s in second["shops"]}[shop_a]
    assert late["payment"] == {"count": 1, "points": 120} and late["late"]["count"] == 1
    assert late["late_items"][0]["what"] == "payment" and late["late_items"][0]["points"] == 120
    before = counts(cloud.demo.database_url)
    future = office.post(f"/office/settlements/{second['id']}/close")
    assert future.json()["error"]["code"] == "settlement_period_not_over"
    assert counts(cloud.demo.database_url) == before

    csv = office.get(f"/office/settlements/{first['id']}/csv")
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeffsettlement_id,") and text.count("\r\n") == 3
    assert f"{first['id']},{period['from']},{period['to']},{shop_a}," in text and text.rstrip().endswith("350")


def test_zengin_file_and_bank_accounts(cloud: Cloud) -> None:
    office = cloud.terminal("office")
    shop_a, shop_b = (s["id"] for s in cloud.demo.shops[:2])
    offline_pay(cloud, cloud.terminal("store", shop_a), "suzuki", 1234, ago(hours=2))
    assert cloud.terminal("store", shop_b).pay(cloud.resident("suzuki"), 56).status_code == 200
    s = office.ok("POST", "/office/settlements", {"from": today_jst().isoformat(), "to": today_jst().isoformat()})
    office.ok("POST", f"/office/settlements/{s['id']}/close")
    when = (today_jst() + timedelta(days=3)).isoformat()
    missing = office.get(f"/office/settlements/{s['id']}/zengin?transfer_date={when}")
    assert missing.status_code == 409 and missing.json()["error"]["code"] == "bank_account_missing"

    account = {"bank_code": "0001", "branch_code": "001", "account_type": "1", "account_number": "1234567",
               "holder": "カ）フチュウショウテン"}
    before = counts(cloud.demo.database_url)
    for change, code in (({"bank_code": "0002"}, "bank_code_unknown"), ({"branch_code": "999"}, "branch_code_unknown"),
                         ({"holder": "府中商店"}, "zengin_name_invalid"), ({"holder": "ア" * 31}, "zengin_name_invalid")):
        response = office.http.put(f"/office/shops/{shop_a}/bank-account", json={**account, **change})
        assert response.json()["error"]["code"] == code, response.text
    assert without_audit(counts(cloud.demo.database_url)) == without_audit(before)
    saved = office.http.put(f"/office/shops/{shop_a}/bank-account", json=account).json()
    assert saved["holder_kana"] == "ｶ)ﾌﾁﾕｳｼﾖｳﾃﾝ" and saved["bank_name"] == "みずほ"
    office.http.put(f"/office/shops/{shop_b}/bank-account",
                    json={**account, "account_number": "7654321", "holder": "ｻｸﾗﾍﾞｰｶﾘｰ"}).raise_for_status()
    payer = {**account, "account_number": "1111111", "holder": "フチユウシヨウテンガイシンコウクミアイ",
             "requester_code": "1234567890"}
    assert office.http.put("/office/payer-account", json=payer).status_code == 403  # the admin's
    cloud.admin.http.put("/office/payer-account", json=payer).raise_for_status()
    shops = office.ok("GET", "/office/shops")
    assert shops["payer_account"]["valid"] and shops["code_list"]

    data = office.get(f"/office/settlements/{s['id']}/zengin?transfer_date={when}").content
    records = data.split(b"\r\n")
    assert data.endswith(b"\r\n") and records[-1] == b""
    records = records[:-1]
    assert [len(r) for r in records] == [120] * 5 and [r[:1] for r in records] == [b"1", b"2", b"2", b"8", b"9"]
    header = records[0].decode("cp932")
    assert header[1:3] == "21" and header[3] == "0" and header[4:14] == "1234567890"
    assert header[14:54].rstrip() == "ﾌﾁﾕｳｼﾖｳﾃﾝｶﾞｲｼﾝｺｳｸﾐｱｲ"
    assert header[54:58] == when[5:7] + when[8:10] and header[58:62] == "0001" and header[62:77].rstrip() == "ﾐｽﾞﾎ"
    assert header[77:80] == "001" and header[95] == "1" and header[96:103] == "1111111"
    first = records[1].decode("cp932")
    assert first[1:5] == "0001" and first[20:23] == "001" and first[38:42] == "0000" and first[42] == "1"
    assert first[43:50] == "1234567" and first[50:80].rstrip() == "ｶ)ﾌﾁﾕｳｼﾖｳﾃﾝ" and first[80:90] == "0000001234"
    assert first[90] == "0" and first[91:101] == f"{shop_a:010d}" and first[111] == "7"
    second = records[2].decode("cp932")
    assert second[50:80].rstrip() == "ｻｸﾗﾍﾞ-ｶﾘ-" and second[80:90] == "0000000056"
    trailer = records[3].decode("cp932")
    assert trailer[1:7] == "000002" and trailer[7:19] == "000000001290" and trailer[19:] == " " * 101
    assert records[4] == b"9" + b" " * 119


def test_conflicts_are_deducted_on_the_statement_csv_and_zengin(cloud: Cloud, tmp_path: Path) -> None:
    """A shop's conflicts — an offline voucher already used at another shop, an offline payment the balance did not
    cover — are shown and deducted: taken − conflicts = the amount due, in the preview, the frozen lines, the CSV,
    the Zengin transfer and the statement PDF; the other shop is paid its voucher."""
    office = cloud.terminal("office")
    shop_a, shop_b = (s["id"] for s in cloud.demo.shops[:2])
    store_a, store_b = cloud.terminal("store", shop_a), cloud.terminal("store", shop_b)
    (voucher,) = issue(cloud, office, "suzuki", 300)
    store_b.ok("POST", "/vouchers/redeem", {"code": voucher["code"], "idempotency_key": key()})  # B wins
    second_use = sync_one(store_a, "offline_voucher_redeem", {"code": voucher["code"]})
    assert second_use["status"] == "conflict", second_use
    offline_pay(cloud, store_a, "suzuki", 200, ago(hours=2))  # paid
    left = balance(cloud, "ito")
    at = ago(hours=1)
    short = sync_one(store_a, "offline_payment", {"point_type_id": 1, "points": left + 150, "consent":
                                                  store_a.consent(cloud.resident("ito"), left + 150, at=at)}, at)
    assert short["status"] == "conflict" and short["result"]["shortfall"] == 150, short

    today = today_jst().isoformat()
    preview = office.ok("POST", "/office/settlements", {"from": today, "to": today})
    lines = {s["shop_id"]: s for s in preview["shops"]}
    a, b = lines[shop_a], lines[shop_b]
    assert a["payment"] == {"count": 2, "points": 200 + left} and a["conflict"] == {"count": 2, "points": 450}
    assert a["taken"] == 200 + left + 450 and a["amount_due"] == 200 + left
    assert sorted((c["kind"], c["points"]) for c in a["conflict_items"]) == [
        ("offline_payment", 150), ("offline_voucher_redeem", 300)]
    assert any(c["reference"] == voucher["number"] for c in a["conflict_items"])
    assert b["voucher_scan"] == {"count": 1, "points": 300} and b["amount_due"] == 300 and b["conflict"]["count"] == 0
    closed = office.ok("POST", f"/office/settlements/{preview['id']}/close")
    frozen = {s["shop_id"]: s for s in closed["shops"]}
    assert frozen[shop_a]["amount_due"] == 200 + left and frozen[shop_a]["conflict"]["points"] == 450
    assert closed["total_due"] == 200 + left + 300

    text = office.get(f"/office/settlements/{preview['id']}/csv").content.decode("utf-8-sig")
    rows = [row.split(",") for row in text.strip().split("\r\n")]
    header, row_a = rows[0], next(r for r in rows[1:] if r[3] == str(shop_a))
    got = dict(zip(header, row_a, strict=True))
    assert (got["conflicts_count"], got["conflicts_points"]) == ("2", "450")
    assert (got["taken_yen"], got["amount_due_yen"]) == (str(200 + left + 450), str(200 + left))

    account = {"bank_code": "0001", "branch_code": "001", "account_type": "1", "account_number": "1234567",
               "holder": "カ）フチュウショウテン"}
    for shop, number in ((shop_a, "1234567"), (shop_b, "7654321")):
        office.http.put(f"/office/shops/{shop}/bank-account",
                        json={**account, "account_number": number}).raise_for_status()
    cloud.admin.http.put("/office/payer-account", json={**account, "account_number": "1111111",
                                                        "requester_code": "1234567890"}).raise_for_status()
    when = (today_jst() + timedelta(days=3)).isoformat()
    data = office.get(f"/office/settlements/{preview['id']}/zengin?transfer_date={when}").content
    amounts = {int(r[91:101]): int(r[80:90]) for r in (x.decode("cp932") for x in data.split(b"\r\n"))
               if r.startswith("2")}
    assert amounts == {shop_a: 200 + left, shop_b: 300}  # the conflicts are not transferred

    from kiosk.services.office_settlement import render_statements

    pdf = tmp_path / "statements.pdf"
    render_statements(office.ok("GET", f"/office/settlements/{preview['id']}"), str(pdf))
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "競合による差引" in words and "△450 円" in words and f"{200 + left + 450:,} 円" in words
    assert voucher["number"][:4] in words.replace(" ", "")
