"""Partitioning by municipality code, checked on paper's behalf (issue 13, docs/en/scale.md step 2).

    .venv/bin/python -m benchmarks.partitioning [--municipalities 23] [--accounts 10000] [--history 10]
        [--seconds 8] [--terminals 50]

Not the cloud's schema (which has one municipality per database today) but the shape docs/en/scale.md proposes for
one database shared by a prefecture: `lots` and `ledger` with `municipality_code` in every primary key and unique
constraint, `PARTITION BY LIST (municipality_code)`, one partition per municipality — beside the same tables
unpartitioned, same rows, same indexes, in the same throwaway cluster (fsync on, benchmarks/pgcluster.py).
Each municipality gets `--accounts` accounts with one lot and `--history` ledger rows each. Then, for each layout:
- EXPLAIN of the payment's lot lookup: which relations (partitions) the plan scans;
- the payment-shaped transaction (lock the account's lot, take 1 point, insert a ledger row with a unique
  idempotency key) by `--terminals` concurrent connections (asyncpg, closed loop) for `--seconds`, on accounts of
  every municipality: transactions/s, p50/p99, PostgreSQL CPU per transaction; the partitioned layout twice: with
  the driver's prepared statements as they come (PostgreSQL switches to a generic plan after five executions) and
  with `plan_cache_mode=force_custom_plan` (each execution planned with its municipality code).
Prints and saves benchmarks/results/partitioning.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import statistics
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg

from benchmarks import pgcluster
from benchmarks.pay_proof import _tree_cpu_s

RESULTS = Path(__file__).resolve().parent / "results"


def _ddl(prefix: str, partitioned: bool, codes: list[str]) -> list[str]:
    by = " PARTITION BY LIST (municipality_code)" if partitioned else ""
    out = [
        f"CREATE TABLE {prefix}lots (municipality_code text NOT NULL, id bigint NOT NULL, account_id int NOT NULL, "
        f"remaining int NOT NULL, PRIMARY KEY (municipality_code, id)){by}",
        f"CREATE TABLE {prefix}ledger (municipality_code text NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY, "
        "account_id int NOT NULL, kind text NOT NULL, points int NOT NULL, terminal_id int NOT NULL, "
        "idempotency_key text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), "
        f"PRIMARY KEY (municipality_code, id), UNIQUE (municipality_code, terminal_id, idempotency_key)){by}",
    ]
    if partitioned:
        for code in codes:
            out.append(f"CREATE TABLE {prefix}lots_{code} PARTITION OF {prefix}lots FOR VALUES IN ('{code}')")
            out.append(f"CREATE TABLE {prefix}ledger_{code} PARTITION OF {prefix}ledger FOR VALUES IN ('{code}')")
    out.append(f"CREATE INDEX ON {prefix}lots (municipality_code, account_id)")
    out.append(f"CREATE INDEX ON {prefix}ledger (municipality_code, account_id, id)")
    return out


async def _load(conn: asyncpg.Connection, prefix: str, codes: list[str], accounts: int, history: int) -> None:
    for n, code in enumerate(codes):
        base = n * accounts
        await conn.execute(f"INSERT INTO {prefix}lots SELECT $1::text, $2::int + g, $2::int + g, 1000000 "
                           "FROM generate_series(1, $3::int) g", code, base, accounts)
        await conn.execute(f"INSERT INTO {prefix}ledger (municipality_code, account_id, kind, points, terminal_id, "
                           "idempotency_key) SELECT $1::text, $2::int + (g % $3::int) + 1, 'grant', 10, 1, "
                           "md5($1::text || g::text) FROM generate_series(1, $3::int * $4::int) g",
                           code, base, accounts, history)
    await conn.execute(f"ANALYZE {prefix}lots")
    await conn.execute(f"ANALYZE {prefix}ledger")


async def _pay(pool: asyncpg.Pool, prefix: str, code: str, account: int, terminal: int) -> None:
    async with pool.acquire() as conn, conn.transaction():
        lot = await conn.fetchrow(f"SELECT id, remaining FROM {prefix}lots WHERE municipality_code = $1 "
                                  "AND account_id = $2 FOR UPDATE", code, account)
        await conn.execute(f"UPDATE {prefix}lots SET remaining = remaining - 1 WHERE municipality_code = $1 "
                           "AND id = $2", code, lot["id"])
        await conn.execute(f"INSERT INTO {prefix}ledger (municipality_code, account_id, kind, points, terminal_id, "
                           "idempotency_key) VALUES ($1, $2, 'use', -1, $3, $4)", code, account, terminal,
                           uuid.uuid4().hex)


async def _drive(url: str, prefix: str, codes: list[str], accounts: int, terminals: int,
                 seconds: float, pg_pid: int, custom_plans: bool = False) -> dict[str, Any]:
    settings = {"plan_cache_mode": "force_custom_plan"} if custom_plans else {}
    pool = await asyncpg.create_pool(url, min_size=terminals, max_size=terminals, server_settings=settings)
    latencies: list[float] = []
    end = time.monotonic() + seconds

    async def terminal(t: int) -> None:
        rng = random.Random(t)
        while time.monotonic() < end:
            n = rng.randrange(len(codes))
            started = time.perf_counter()
            await _pay(pool, prefix, codes[n], n * accounts + rng.randrange(1, accounts + 1), t)
            latencies.append(time.perf_counter() - started)

    cpu = _tree_cpu_s(pg_pid)
    started = time.monotonic()
    await asyncio.gather(*(terminal(t) for t in range(terminals)))
    elapsed = time.monotonic() - started
    cpu = _tree_cpu_s(pg_pid) - cpu  # before the pool closes: its backends' CPU goes with them
    await pool.close()
    ordered = sorted(latencies)
    return {"transactions": len(ordered), "per_s": round(len(ordered) / elapsed, 1),
            "postgres_cpu_ms_per_tx": round(cpu / max(1, len(ordered)) * 1000, 3),
            "p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 2)}


async def _plan(url: str, prefix: str, code: str) -> dict[str, Any]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch(f"EXPLAIN (COSTS OFF) SELECT id FROM {prefix}lots WHERE municipality_code = '{code}' "
                                "AND account_id = 5 FOR UPDATE")
        plan = [r[0] for r in rows]
        scanned = sorted({m.group(1) for line in plan for m in re.finditer(r" on (\w+)", line)})
        return {"plan": plan, "relations_scanned": scanned}
    finally:
        await conn.close()


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    codes = [f"{340000 + 2 * i + 2:06d}" for i in range(args.municipalities)]  # municipality-code-shaped
    cluster = pgcluster.start_cluster(max_connections=200)
    report: dict[str, Any] = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "cpus": os.cpu_count(),
                              "municipalities": args.municipalities, "accounts_per_municipality": args.accounts,
                              "ledger_rows": args.municipalities * args.accounts * args.history,
                              "terminals": args.terminals, "seconds": args.seconds, "layouts": {}}
    try:
        url = cluster.create_database("parts")
        pg_pid = int((cluster.directory / "data" / "postmaster.pid").read_text().split()[0])
        conn = await asyncpg.connect(url)
        try:
            for prefix, partitioned in (("plain_", False), ("part_", True)):
                for statement in _ddl(prefix, partitioned, codes):
                    await conn.execute(statement)
                t0 = time.monotonic()
                await _load(conn, prefix, codes, args.accounts, args.history)
                report["layouts"][prefix.rstrip("_")] = {"load_s": round(time.monotonic() - t0, 1)}
        finally:
            await conn.close()
        # twice each, interleaved (the machine's noise shows); "part_custom": the partitioned tables with
        # plan_cache_mode=force_custom_plan (every statement planned with its municipality: pruned at planning)
        report["layouts"]["part_custom"] = {"load_s": 0}
        for name in ("plain", "part", "part_custom") * 2:
            prefix = "plain_" if name == "plain" else "part_"
            layout = report["layouts"][name]
            layout.update(await _plan(url, prefix, codes[len(codes) // 2]))
            load = os.getloadavg()[0]
            figures = await _drive(url, prefix, codes, args.accounts, args.terminals, args.seconds, pg_pid,
                                   custom_plans=name == "part_custom")
            figures["load_average_before"] = round(load, 2)
            layout.setdefault("runs", []).append(figures)
            print(name, json.dumps(figures), flush=True)
    finally:
        cluster.stop()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=23)
    parser.add_argument("--accounts", type=int, default=10_000)
    parser.add_argument("--history", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--terminals", type=int, default=50)
    args = parser.parse_args()
    report = asyncio.run(_main(args))
    for name, layout in report["layouts"].items():
        runs = ", ".join(f"{r['per_s']:.0f}/s p99 {r['p99_ms']:.1f} ms pg {r['postgres_cpu_ms_per_tx']:.2f} ms"
                         for r in layout["runs"])
        print(f"{name:<12} load {layout['load_s']} s; the lot lookup's plan scans {layout['relations_scanned']}; "
              f"{runs}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "partitioning.json").write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
