"""Two `kiosk-cloud serve` nodes on one PostgreSQL behind a real HAProxy (TLS, the configuration of
deploy/haproxy_config.py). Many terminals pay (online, and offline payments synced in batches) and sync grants; one
node is killed with SIGKILL mid-load; every terminal retries what failed with the same idempotency key, as its outbox
does. Then: every operation applied exactly once (one ledger row and one idempotency row per key), ledger sums and
balances exactly what was sent."""

from __future__ import annotations

import ssl
import threading
import time
import uuid
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from cloud.helpers import Cloud, Terminal
from cloud.pg import fresh_database
from sqlalchemy import create_engine, text

from kiosk_cloud.demo import init_demo
from kiosk_cloud.settings import sync_database_url

from .procs import start_haproxy, start_node

RESIDENTS = ("yamada", "suzuki", "takahashi", "ito")
STORES, COUNTERS = 8, 3
PAYMENTS_PER_STORE, BATCHES_PER_COUNTER, BATCH, OFFLINE_BATCHES = 60, 12, 10, 6
TRANSIENT = {502, 503, 504}


class Retrying:
    """A terminal's sending side: the same body (same idempotency keys) again after a network failure or a 5xx,
    with back-off, until an answer comes (as kiosk.sync's outbox does)."""

    def __init__(self, base_url: str, terminal: Terminal, ca: ssl.SSLContext) -> None:
        headers = {"Authorization": terminal.http.headers["Authorization"]}
        if "X-Staff-Session" in terminal.http.headers:
            headers["X-Staff-Session"] = terminal.http.headers["X-Staff-Session"]
        self.http = httpx.Client(base_url=base_url + "/v1", verify=ca, timeout=10, headers=headers)
        self.retries = 0
        self.failures: Counter[str] = Counter()

    def post(self, path: str, body: dict[str, Any]) -> httpx.Response:
        deadline = time.monotonic() + 60
        attempt = 0
        while True:
            try:
                response = self.http.post(path, json=body)
                if response.status_code not in TRANSIENT:
                    return response
                self.failures[str(response.status_code)] += 1
            except httpx.TransportError as exc:
                self.failures[type(exc).__name__] += 1
            if time.monotonic() > deadline:
                raise AssertionError(f"no answer for {path} within 60 s: {self.failures}")
            attempt += 1
            self.retries += 1
            time.sleep(min(1.0, 0.05 * attempt))


def _balance(reader: Terminal, mykey_id: str, point_type: int) -> int:
    accounts = reader.ok("GET", f"/balances/{mykey_id}")["accounts"]
    return sum(int(a["balance"]) for a in accounts if a.get("point_type_id", point_type) == point_type)


@pytest.mark.postgres
@pytest.mark.slow
def test_a_node_killed_mid_load_loses_nothing_and_applies_nothing_twice(pg_server: str, pki_dir: Path,
                                                                       tmp_path: Path) -> None:
    url = fresh_database(pg_server)
    demo = init_demo(url, pki_dir)
    assert demo.pki_dir is not None
    nodes = [start_node(url, tmp_path), start_node(url, tmp_path)]
    balancer = start_haproxy([n.port for n in nodes], tmp_path)
    ca = ssl.create_default_context(cafile=str(tmp_path / "ca.pem"))
    cloud = Cloud(nodes[1].url, demo, Path(demo.pki_dir))  # set-up straight to a node that stays
    clients: list[Retrying] = []
    try:
        pt, programme = cloud.point_type, cloud.programme()
        mykeys = {name: cloud.mykey(name) for name in RESIDENTS}
        reader = cloud.terminal("counter")
        top_up = [{"key": uuid.uuid4().hex, "kind": "grant", "payload": {
            "programme_id": programme, "mykey_id": m, "points": 50_000}} for m in mykeys.values()]
        assert {r["status"] for r in reader.ok("POST", "/sync", {"operations": top_up})["results"]} == {"applied"}
        before = {name: _balance(reader, m, pt) for name, m in mykeys.items()}

        shops = [s["id"] for s in demo.shops]
        stores = [cloud.terminal("store", shop_id=shops[i % len(shops)]) for i in range(STORES)]
        counters = [cloud.terminal("counter") for _ in range(COUNTERS)]
        # everything prepared before the clock starts: bodies with signed consents, keys made once
        payments: list[list[tuple[str, dict[str, Any]]]] = []
        offline: list[list[list[dict[str, Any]]]] = []
        paid: Counter[str] = Counter()
        for j, store in enumerate(stores):
            plan = []
            for i in range(PAYMENTS_PER_STORE):
                name, points = RESIDENTS[(i + j) % len(RESIDENTS)], 1 + (i % 3)
                body = {"point_type_id": pt, "points": points, "idempotency_key": uuid.uuid4().hex,
                        "consent": store.consent(cloud.resident(name), points, point_type_id=pt)}
                plan.append((name, body))
                paid[name] += points
            payments.append(plan)
            # and the store's offline payments, synced in batches of two (consents signed at the time, as offline)
            at = datetime.now(UTC).replace(microsecond=0)
            own = []
            for i in range(OFFLINE_BATCHES):
                ops = []
                for k in range(2):
                    name, points = RESIDENTS[(i + k + j) % len(RESIDENTS)], 2
                    ops.append({"key": uuid.uuid4().hex, "kind": "offline_payment", "created_at": at.isoformat(),
                                "payload": {"point_type_id": pt, "points": points, "consent": store.consent(
                                    cloud.resident(name), points, point_type_id=pt, at=at)}})
                    paid[name] += points
                own.append(ops)
            offline.append(own)
        batches: list[list[dict[str, Any]]] = []
        granted: Counter[str] = Counter()
        for j, counter in enumerate(counters):
            for b in range(BATCHES_PER_COUNTER):
                ops = []
                for i in range(BATCH):
                    name = RESIDENTS[(i + b + j) % len(RESIDENTS)]
                    ops.append({"key": uuid.uuid4().hex, "kind": "grant",
                                "created_at": datetime.now(UTC).isoformat(),
                                "staff_session": counter.staff["staff_session"],
                                "payload": {"programme_id": programme, "mykey_id": mykeys[name], "points": 7}})
                    granted[name] += 7
                batches.append(ops)

        done = [0]
        lock = threading.Lock()
        replays: Counter[str] = Counter()
        errors: list[str] = []
        total = STORES * PAYMENTS_PER_STORE + COUNTERS * BATCHES_PER_COUNTER

        def store_loop(client: Retrying, plan: list[tuple[str, dict[str, Any]]],
                       own: list[list[dict[str, Any]]]) -> None:
            for i, (_, body) in enumerate(plan):
                if i % 10 == 5:  # between card payments, the outbox drains a batch of offline ones
                    ops = own[i // 10]
                    r = client.post("/sync", {"operations": ops})
                    results = r.json().get("results", []) if r.status_code == 200 else []
                    if r.status_code != 200 or len(results) != len(ops) or \
                            {x["status"] for x in results} - {"applied", "replayed"}:
                        errors.append(f"offline sync {r.status_code} {r.text[:300]}")
                sends = 2 if i % 7 == 3 else 1  # now and then the answer is "lost" and the terminal sends again
                for _ in range(sends):
                    r = client.post("/payments", body)
                    if r.status_code != 200:
                        errors.append(f"payment {r.status_code} {r.text[:200]}")
                    elif r.headers.get("idempotent-replay") == "true":
                        with lock:
                            replays["payment"] += 1
                with lock:
                    done[0] += 1

        def counter_loop(client: Retrying, own: list[list[dict[str, Any]]]) -> None:
            for b, ops in enumerate(own):
                for _ in range(2 if b % 4 == 1 else 1):
                    r = client.post("/sync", {"operations": ops})
                    results = r.json().get("results", []) if r.status_code == 200 else []
                    if r.status_code != 200 or len(results) != len(ops) or \
                            {x["status"] for x in results} - {"applied", "replayed"}:
                        errors.append(f"sync {r.status_code} {r.text[:300]}")
                    with lock:
                        replays["grant"] += sum(1 for x in results if x["status"] == "replayed")
                with lock:
                    done[0] += 1

        threads = []
        for store, plan, own in zip(stores, payments, offline, strict=True):
            clients.append(Retrying(balancer.url, store, ca))
            threads.append(threading.Thread(target=store_loop, args=(clients[-1], plan, own)))
        for j, counter in enumerate(counters):
            clients.append(Retrying(balancer.url, counter, ca))
            own = batches[j * BATCHES_PER_COUNTER:(j + 1) * BATCHES_PER_COUNTER]
            threads.append(threading.Thread(target=counter_loop, args=(clients[-1], own)))
        started = time.monotonic()
        for t in threads:
            t.start()
        while done[0] < total * 0.3 and time.monotonic() - started < 120:
            time.sleep(0.01)
        served_before_kill = {name: int(row["stot"]) for name, row in balancer.stats().items()}
        nodes[0].kill9()  # mid-load: requests in flight on node 1 are cut off
        killed_at = done[0]
        for t in threads:
            t.join(180)
        assert not any(t.is_alive() for t in threads)
        elapsed = time.monotonic() - started
        stats = balancer.stats()
        failures = sum((c.failures for c in clients), Counter())
        print(f"\n{total} terminal operations in {elapsed:.1f} s; node 1 killed after {killed_at}; "
              f"retries {sum(c.retries for c in clients)} ({dict(failures)}); replays answered {dict(replays)}; "
              f"sessions node1/node2 before kill {served_before_kill}, at the end "
              f"{ {n: (r['status'], r['stot']) for n, r in stats.items() if n.startswith('node')} }")

        assert errors == []
        # the balancer never hands out the nodes' metrics, whoever asks
        assert httpx.get(balancer.url + "/metrics", verify=ca).status_code == 403
        assert clients[0].http.get(balancer.url + "/metrics").status_code == 403
        assert served_before_kill["node1"] > 0 and served_before_kill["node2"] > 0  # both nodes took load
        assert stats["node1"]["status"].startswith("DOWN") and stats["node2"]["status"].startswith("UP")
        assert replays["payment"] >= STORES * (PAYMENTS_PER_STORE // 7)  # the deliberate re-sends, at least
        assert replays["grant"] >= COUNTERS * BATCH * (BATCHES_PER_COUNTER // 4)

        # the database: one row per idempotency key, sums exactly what was sent, balances moved by exactly that
        pay_keys = {body["idempotency_key"] for plan in payments for _, body in plan}
        pay_keys |= {op["key"] for own in offline for ops in own for op in ops}
        grant_keys = {op["key"] for ops in batches for op in ops}
        store_ids = [s.id for s in stores]
        counter_ids = [c.id for c in counters]
        engine = create_engine(sync_database_url(url))
        try:
            with engine.connect() as conn:
                def rows(sql: str, **params: Any) -> list[Any]:
                    return list(conn.execute(text(sql), params))

                uses = rows("SELECT idempotency_key, count(*) AS n, sum(abs(points)) AS p FROM ledger "
                            "WHERE terminal_id = ANY(:t) AND kind = 'use' GROUP BY idempotency_key", t=store_ids)
                assert {r.idempotency_key for r in uses} == pay_keys and {r.n for r in uses} == {1}
                assert sum(r.p for r in uses) == sum(paid.values())
                grants = rows("SELECT idempotency_key, count(*) AS n, sum(points) AS p FROM ledger "
                              "WHERE terminal_id = ANY(:t) AND kind = 'grant' GROUP BY idempotency_key", t=counter_ids)
                assert {r.idempotency_key for r in grants} == grant_keys and {r.n for r in grants} == {1}
                assert sum(r.p for r in grants) == sum(granted.values())
                idem = rows("SELECT key, status FROM idempotency WHERE terminal_id = ANY(:t)",
                            t=store_ids + counter_ids)
                assert sorted(r.key for r in idem) == sorted(pay_keys | grant_keys)
                assert {r.status for r in idem} == {"applied"}
                nonces = rows("SELECT count(*) AS n FROM consent_nonces WHERE terminal_id = ANY(:t)", t=store_ids)
                assert nonces[0].n == len(pay_keys)
        finally:
            engine.dispose()
        after = {name: _balance(reader, m, pt) for name, m in mykeys.items()}
        assert after == {name: before[name] - paid[name] + granted[name] for name in RESIDENTS}

        # the node comes back (systemd's Restart=always) and HAProxy puts it into rotation again
        nodes[0] = start_node(url, tmp_path, port=nodes[0].port)
        deadline = time.monotonic() + 30
        while not balancer.stats()["node1"]["status"].startswith("UP"):
            assert time.monotonic() < deadline, balancer.stats()["node1"]["status"]
            time.sleep(0.2)
        back = int(balancer.stats()["node1"]["stot"])
        for _ in range(6):
            assert clients[-1].http.get(f"/balances/{mykeys['ito']}").status_code == 200
        assert int(balancer.stats()["node1"]["stot"]) > back
    finally:
        for c in clients:
            c.http.close()
        cloud.close()
        balancer.stop()
        for node in nodes:
            node.stop()
