"""What a backup must carry, as figures two databases can be compared by (used by backup.py and restore_drill.py).

`fingerprint(conn)` reads, in the caller's transaction (backup.py: the very snapshot pg_dump dumps):
- the ledger: rows, sum of points, highest id, and an order-independent checksum over every row's id, account,
  kind, points, premium points, terminal and idempotency key;
- the balances: per account the points left in its lots, as a checksum, and their total;
- idempotency rows (per terminal and key, with status), consent nonces, vouchers, conflicts, MyKey IDs, terminals,
  audit rows: counts and checksums;
- the schema revision (alembic_version).
`ledger_mismatches(conn)`: accounts whose ledger sum differs from the points left in their lots (0 in a
consistent database: every movement of points is one ledger row and the same change to the lots).
The checksums are sums of 60-bit slices of md5 per row: no memory beyond one row, whatever the table's size.
"""

from __future__ import annotations

from typing import Any

ROW_SUM = "coalesce(sum(('x' || substr(md5({row}), 1, 15))::bit(60)::bigint), 0)::text"

QUERIES: dict[str, str] = {
    "ledger": "SELECT count(*) AS rows, coalesce(sum(points), 0)::bigint AS points, coalesce(max(id), 0) AS max_id, "
              + ROW_SUM.format(row="concat_ws(':', id, account_id, kind, points, premium_points, terminal_id, "
                                   "idempotency_key)") + " AS checksum FROM ledger",
    "balances": "SELECT count(*) AS accounts, coalesce(sum(s), 0)::bigint AS points, "
                + ROW_SUM.format(row="account_id || ':' || s") + " AS checksum "
                "FROM (SELECT account_id, sum(remaining) AS s FROM lots GROUP BY account_id) b",
    "idempotency": "SELECT count(*) AS rows, " + ROW_SUM.format(row="concat_ws(':', terminal_id, key, status)")
                   + " AS checksum FROM idempotency",
    "consent_nonces": "SELECT count(*) AS rows FROM consent_nonces",
    "vouchers": "SELECT count(*) AS rows, " + ROW_SUM.format(row="concat_ws(':', number, status)")
                + " AS checksum FROM vouchers",
    "conflicts": "SELECT count(*) AS rows FROM conflicts",
    "mykey_ids": "SELECT count(*) AS rows FROM mykey_ids",
    "terminals": "SELECT count(*) AS rows FROM terminals",
    "audit_log": "SELECT count(*) AS rows FROM audit_log",
    "schema": "SELECT string_agg(version_num, ',' ORDER BY version_num) AS revision FROM alembic_version",
}

MISMATCHES = """
SELECT count(*) FROM (
  SELECT a.id FROM accounts a
  LEFT JOIN (SELECT account_id, sum(points) AS s FROM ledger GROUP BY account_id) l ON l.account_id = a.id
  LEFT JOIN (SELECT account_id, sum(remaining) AS s FROM lots GROUP BY account_id) o ON o.account_id = a.id
  WHERE coalesce(l.s, 0) <> coalesce(o.s, 0)
) m
"""


def fingerprint(conn: Any) -> dict[str, dict[str, Any]]:
    """Figures of the database `conn` (a psycopg connection) sees, in its current transaction."""
    out: dict[str, dict[str, Any]] = {}
    for name, sql in QUERIES.items():
        cur = conn.execute(sql)
        columns = [c.name for c in cur.description]
        row = cur.fetchone()
        out[name] = {c: (int(v) if isinstance(v, int) else v) for c, v in zip(columns, row, strict=True)}
    return out


def ledger_mismatches(conn: Any) -> int:
    return int(conn.execute(MISMATCHES).fetchone()[0])


def libpq_url(url: str) -> str:
    """The cloud's database URL (postgresql+asyncpg://, postgresql+psycopg://, postgres://) as libpq reads it."""
    for prefix in ("postgresql+asyncpg://", "postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url[len(prefix):]
    if not url.startswith("postgresql://"):
        raise SystemExit(f"not a PostgreSQL URL: {url.split(':', 1)[0]}:…")
    return url
