"""A municipality's year for the report benchmark (issue 12): residents, shops, ledger rows, vouchers, applications
and conflicts written in bulk by the database itself (INSERT … SELECT over a generated series: generate_series on
PostgreSQL, a recursive CTE on SQLite) — never through the API. Run after init-demo (its point types, programmes,
measures, voucher key and terminals are used). `kiosk-cloud seed-year`.

The year is calendar 2025 (UTC). Ledger mix: 40 % grants (the demo's programmes, premium ones as premium), 45 %
card payments at a random shop, 4 % reversals, 6 % expiries, 5 % voucher issues (kind voucher); vouchers 60 %
redeemed, 10 % voided, 30 % outstanding."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection

from kiosk_cloud.migrate import upgrade_to_head
from kiosk_cloud.settings import sync_database_url

YEAR_START = "2025-01-01 00:00:00"
YEAR_SECONDS = 365 * 86400


def _series(dialect: str, n: int) -> str:
    """A FROM clause yielding i = 1..n."""
    if dialect == "postgresql":
        return f"generate_series(1, {int(n)}) AS s(i)"
    return f"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {int(n)}) SELECT i FROM s) s"


def _rand(dialect: str, n: int) -> str:
    """An integer 0..n-1, random per row."""
    if dialect == "postgresql":
        return f"floor(random() * {int(n)})::int"
    return f"(abs(random()) % {int(n)})"


def _time(dialect: str, seconds_expr: str) -> str:
    """YEAR_START + seconds, as the column type stores it."""
    if dialect == "postgresql":
        return f"(timestamptz '{YEAR_START}+00' + ({seconds_expr}) * interval '1 second')"
    return f"(strftime('%Y-%m-%d %H:%M:%S', '{YEAR_START}', '+' || ({seconds_expr}) || ' seconds') || '.000000')"


def seed_year(database_url: str, residents: int = 300_000, ledger_rows: int = 5_000_000, shops: int = 1000,
              vouchers: int = 200_000, applications: int = 100_000, conflicts: int = 10_000) -> dict[str, Any]:
    upgrade_to_head(database_url)
    engine = create_engine(sync_database_url(database_url))
    timings: dict[str, float] = {}
    try:
        with engine.begin() as conn:
            d = conn.dialect.name
            if d == "sqlite":
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
            ids = _ids(conn)

            def step(name: str, sql: str) -> None:
                started = time.perf_counter()
                conn.execute(text(sql))
                timings[name] = round(time.perf_counter() - started, 1)

            base = ids["max_shop"]
            step("shops", f"INSERT INTO shops (name, street, payee_account, active) SELECT 'bench shop ' || i, "
                          f"'bench street ' || (i % 20), '0001-001-' || i, {_true(d)} FROM {_series(d, shops)}")
            step("mykey_ids", f"INSERT INTO mykey_ids (mykey_id, status, created_at, status_changed_at) SELECT "
                              f"{_pad(d, 'i')}, 'valid', {_time(d, '0')}, {_time(d, '0')} "
                              f"FROM {_series(d, residents)}")
            step("accounts", "INSERT INTO accounts (mykey_id, point_type_id, kind, name, created_at) SELECT mykey_id, "
                             f"{ids['point_type']}, 'personal', '', created_at FROM mykey_ids WHERE mykey_id LIKE 'Z9%'")
            first_acc = conn.execute(text("SELECT min(id) FROM accounts WHERE mykey_id LIKE 'Z9%'")).scalar_one()
            progs = ids["programmes"]
            prog_case = " ".join(f"WHEN {i} THEN {p}" for i, (p, _prem) in enumerate(progs))
            prem_ids = [p for p, prem in progs if prem] or [0]
            step("ledger", _ledger_sql(d, first_acc, base, points_sql(d), prem_ids, residents, shops, progs,
                                       prog_case, ledger_rows))
            step("vouchers", _voucher_sql(d, first_acc, base, ids, residents, shops, vouchers))
            step("applications", _applications_sql(d, ids, residents, applications))
            step("conflicts", f"""INSERT INTO conflicts (kind, operation_key, terminal_id, shop_id, detail, created_at,
                resolved) SELECT CASE {_rand(d, 3)} WHEN 0 THEN 'offline_limit_exceeded' WHEN 1 THEN
                'offline_voucher_redeem' ELSE 'insufficient_points' END, 'bench-' || i, {ids['terminal']},
                {base} + 1 + {_rand(d, shops)}, '{{}}', {_time(d, _rand(d, YEAR_SECONDS))},
                {_rand(d, 3)} > 0 FROM {_series(d, conflicts)}""")
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            started = time.perf_counter()
            # as autovacuum would have done over the year: statistics, and the visibility map that lets the
            # reports read the covering index alone
            conn.exec_driver_sql("VACUUM ANALYZE" if conn.dialect.name == "postgresql" else "ANALYZE")
            timings["vacuum_analyze"] = round(time.perf_counter() - started, 1)
    finally:
        engine.dispose()
    return {"residents": residents, "ledger_rows": ledger_rows, "shops": shops, "vouchers": vouchers,
            "applications": applications, "conflicts": conflicts, "seconds": timings}


def _true(d: str) -> str:
    return "true" if d == "postgresql" else "1"


def _false(d: str) -> str:
    return "false" if d == "postgresql" else "0"


KIND = ("CASE WHEN k < 40 THEN 'grant' WHEN k < 85 THEN 'use' WHEN k < 89 THEN 'reversal' "
        "WHEN k < 95 THEN 'expiry' ELSE 'voucher' END")


def points_sql(d: str) -> str:
    return (f"CASE WHEN k < 40 THEN 500 + {_rand(d, 20)} * 250 WHEN k < 85 THEN -(100 + {_rand(d, 50)} * 20) "
            f"WHEN k < 89 THEN 100 + {_rand(d, 10)} * 20 WHEN k < 95 THEN -(50 + {_rand(d, 20)} * 10) "
            f"ELSE -(1000 * (1 + {_rand(d, 3)})) END")


def _pad(d: str, expr: str) -> str:
    """'Z9' + the number in 6 digits: a bench MyKey ID (the demo's residents have none such)."""
    if d == "postgresql":
        return f"('Z9' || lpad(({expr})::text, 6, '0'))"
    return f"('Z9' || substr('000000' || ({expr}), -6, 6))"


def _ledger_sql(d: str, first_acc: int, base: int, points: str, prem_ids: list[int], residents: int,
                shops: int, progs: list[tuple[int, bool]], prog_case: str, n: int) -> str:
    inner = (f"SELECT {_rand(d, 100)} AS k, {_rand(d, residents)} AS acc, {_rand(d, shops)} AS shop, "
             f"CASE {_rand(d, len(progs))} {prog_case} END AS prog, {_time(d, _rand(d, YEAR_SECONDS))} AS at "
             f"FROM {_series(d, n)}")
    mid = f"SELECT k, acc, shop, prog, at, {points} AS pts FROM ({inner}) g"
    return (f"INSERT INTO ledger (account_id, kind, points, premium_points, occurred_at, recorded_at, shop_id, "
            f"programme_id, offline) SELECT {first_acc} + acc, {KIND}, pts, "
            f"CASE WHEN k < 40 AND prog IN ({','.join(map(str, prem_ids))}) THEN pts ELSE 0 END, at, at, "
            f"CASE WHEN k >= 40 AND k < 89 THEN {base} + 1 + shop ELSE NULL END, "
            f"CASE WHEN k < 40 THEN prog ELSE NULL END, {_false(d)} FROM ({mid}) h")


def _voucher_sql(d: str, first_acc: int, base: int, ids: dict[str, Any], residents: int, shops: int, n: int) -> str:
    later = (f"(timestamptz '{YEAR_START}+00' + (t + {_rand(d, 40 * 86400)}) * interval '1 second')"
             if d == "postgresql" else
             f"(strftime('%Y-%m-%d %H:%M:%S', '{YEAR_START}', '+' || (t + {_rand(d, 40 * 86400)}) || ' seconds') "
             f"|| '.000000')")
    inner = (f"SELECT i, {_rand(d, 10)} AS st, {_rand(d, YEAR_SECONDS - 40 * 86400)} AS t, "
             f"{_rand(d, residents)} AS acc, {_rand(d, shops)} AS shop FROM {_series(d, n)}")
    at = _time(d, "t")
    return (f"INSERT INTO vouchers (serial, number, key_id, point_type_id, account_id, points, premium_points, "
            f"valid_from, valid_until, issued_at, issuing_terminal_id, status, redeemed_at, redeemed_shop_id, "
            f"voided_at) SELECT {ids['max_serial']} + i, NULL, {ids['key_id']}, {ids['point_type']}, "
            f"{first_acc} + acc, 1000, 0, {at}, {later}, {at}, {ids['terminal']}, "
            f"CASE WHEN st < 6 THEN 'redeemed' WHEN st < 7 THEN 'voided' ELSE 'issued' END, "
            f"CASE WHEN st < 6 THEN {later} ELSE NULL END, CASE WHEN st < 6 THEN {base} + 1 + shop ELSE NULL END, "
            f"CASE WHEN st = 6 THEN {later} ELSE NULL END FROM ({inner}) v")


def _applications_sql(d: str, ids: dict[str, Any], residents: int, n: int) -> str:
    measures = ids["measures"]
    per = max(1, min(residents, n // max(1, len(measures))))
    parts = []
    for m in measures:
        parts.append(
            f"SELECT {m} AS measure_id, {_pad(d, 'i')} AS mykey_id, "
            f"{_rand(d, 4)} AS st, {_rand(d, YEAR_SECONDS)} AS t FROM {_series(d, per)}")
    union = " UNION ALL ".join(parts)
    return (f"INSERT INTO applications (measure_id, mykey_id, municipality_code, payment_service, status, created_at) "
            f"SELECT measure_id, mykey_id, '{ids['municipality_code']}', 'bench', CASE st WHEN 0 THEN 'applied' "
            f"WHEN 1 THEN 'approved' WHEN 2 THEN 'rejected' ELSE 'granted' END, {_time(d, 't')} FROM ({union}) a")


def _ids(conn: Connection) -> dict[str, Any]:
    def one(sql: str) -> Any:
        value = conn.execute(text(sql)).scalar()
        if value is None:
            raise RuntimeError(f"run init-demo first ({sql})")
        return value

    point_type = one("SELECT min(id) FROM point_types")
    if conn.execute(text("SELECT count(*) FROM terminals WHERE name = 'bench office'")).scalar_one() == 0:
        conn.execute(text("INSERT INTO terminals (name, role, token_hash, created_at) VALUES ('bench office', "
                          "'office', :h, :at)"), {"h": "0" * 64, "at": "2025-01-01 00:00:00"})
    return {
        "point_type": point_type,
        "programmes": [(int(r[0]), bool(r[1])) for r in conn.execute(text(
            f"SELECT id, premium FROM programmes WHERE point_type_id = {point_type} ORDER BY id"))],
        "measures": [int(r[0]) for r in conn.execute(text("SELECT id FROM measures ORDER BY id"))],
        "max_shop": int(one("SELECT coalesce(max(id), 0) FROM shops")),
        "max_serial": int(one("SELECT coalesce(max(serial), 0) FROM vouchers")) + 1_000_000,
        "key_id": one("SELECT max(key_id) FROM voucher_keys"),
        "terminal": one("SELECT min(id) FROM terminals WHERE name = 'bench office'"),
        "municipality_code": one("SELECT min(code) FROM municipalities"),
    }
