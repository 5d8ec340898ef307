"""What the monthly ledger summary (migration 0010, `ledger_monthly`) costs each ledger write on PostgreSQL.

    python -m benchmarks.ledger_summary_cost [--writes 2000] [--clients 20] [--rounds 3]

A throwaway cluster (benchmarks/pgcluster.py, fsync on), the schema at head and the demo municipality. Each write is
one transaction with one single-row `INSERT INTO ledger` (what a payment's ledger row is), committed; timed with
the summary's insert trigger enabled and disabled (`ALTER TABLE ledger DISABLE TRIGGER ledger_monthly_insert`), in
alternating rounds: (a) one connection, one write after the other; (b) `--clients` connections at once, each as
its own terminal (the summary key includes the terminal, so they never wait on one summary row); (c) the same
connections all as ONE terminal and shop (the worst case: every write updates the same summary row, so the
transactions queue on its row lock). Prints writes/s and saves benchmarks/results/ledger_summary_cost.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import time
from pathlib import Path
from typing import Any

import asyncpg

from benchmarks.pgcluster import start_cluster
from kiosk_cloud.demo import init_demo

ROOT = Path(__file__).resolve().parent.parent
INSERT = ("INSERT INTO ledger (account_id, kind, points, premium_points, occurred_at, recorded_at, shop_id, "
          "terminal_id, offline) VALUES ($1, 'use', -1, 0, now(), now(), $2, $3, false)")


async def _writes(dsn: str, account: int, shop: int, terminals: list[int], per_client: int) -> float:
    """Writes/s of len(terminals) connections, each writing `per_client` one-row transactions as its terminal."""
    conns = [await asyncpg.connect(dsn) for _ in terminals]

    async def one(conn: Any, terminal: int) -> None:
        for _ in range(per_client):
            async with conn.transaction():
                await conn.execute(INSERT, account, shop, terminal)

    started = time.perf_counter()
    await asyncio.gather(*(one(c, t) for c, t in zip(conns, terminals, strict=True)))
    elapsed = time.perf_counter() - started
    for c in conns:
        await c.close()
    return len(terminals) * per_client / elapsed


async def _run(dsn: str, writes: int, clients: int, rounds: int) -> dict[str, Any]:
    admin = await asyncpg.connect(dsn)
    account = await admin.fetchval("SELECT min(id) FROM accounts WHERE mykey_id IS NOT NULL")
    shop = await admin.fetchval("SELECT min(id) FROM shops")
    base = await admin.fetchval("SELECT coalesce(max(id), 0) FROM terminals")
    for i in range(clients):  # terminals for the ledger rows to name (the summary's key)
        await admin.execute("INSERT INTO terminals (name, role, token_hash, created_at, shop_id) VALUES "
                            "($1, 'store', $2, now(), $3)", f"bench {i}", f"{i:064d}", shop)
    ids = [base + 1 + i for i in range(clients)]
    cases = {"one connection": ([ids[0]], writes),
             f"{clients} connections, one terminal each": (ids, writes // clients),
             f"{clients} connections, all one terminal and shop": ([ids[0]] * clients, writes // clients)}
    out: dict[str, Any] = {}
    for name, (terminals, per) in cases.items():
        with_t, without_t = [], []
        for _ in range(rounds):
            for enabled, bucket in ((True, with_t), (False, without_t)):
                await admin.execute(f"ALTER TABLE ledger {'ENABLE' if enabled else 'DISABLE'} TRIGGER "
                                    "ledger_monthly_insert")
                bucket.append(await _writes(dsn, account, shop, terminals, per))
        out[name] = {"with_summary": [round(x) for x in with_t], "without": [round(x) for x in without_t],
                     "ratio_median": round(sorted(with_t)[len(with_t) // 2] / sorted(without_t)[len(without_t) // 2],
                                           2)}
        print(f"{name:<48} with {sorted(with_t)[len(with_t) // 2]:7.0f}/s  without "
              f"{sorted(without_t)[len(without_t) // 2]:7.0f}/s  ratio {out[name]['ratio_median']}", flush=True)
    await admin.execute("ALTER TABLE ledger ENABLE TRIGGER ledger_monthly_insert")
    await admin.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--writes", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    args = parser.parse_args()
    cluster = start_cluster()
    try:
        url = cluster.create_database("summary")
        import tempfile

        init_demo(url, Path(tempfile.mkdtemp(prefix="summary-cost-")))
        dsn = url.replace("postgresql+asyncpg://", "postgresql://").replace("postgresql+psycopg://", "postgresql://")
        result = {"writes": args.writes, "clients": args.clients, "rounds": args.rounds,
                  "cases": asyncio.run(_run(dsn, args.writes, args.clients, args.rounds)),
                  "cpus": os.cpu_count(), "load_average": os.getloadavg()}
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "ledger_summary_cost.json").write_text(json.dumps(result, indent=1))
        print("load average", result["load_average"])
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
