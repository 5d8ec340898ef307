"""Fault tests with the real cloud in a subprocess, on SQLite and on PostgreSQL: kill -9 of the terminal's sync
at random points, the cloud killed and restarted mid-batch, a proxy that drops connections, answers 500 or loses
answers. The terminals queue a mix: a counter's grants (its clerk's session in the envelope) and a shop's card
payments online and offline (the resident's signed consent) and voucher redemptions online and offline.

Afterwards the cloud's state is checked exactly (sync_ledger): every expected key applied exactly once with its
effect, no ledger row without a key, balances equal to the expected arithmetic, vouchers redeemed by exactly their
keys, one stored result per key, no conflicts; every key sent again comes back replayed and changes nothing. And the
critical window is hit on purpose, not hoped for: a proxy holds back the cloud's answer to a committed batch while
the terminal (or the cloud) is killed, and the test counts that the retry found those keys already applied.

KIOSK_FAULT_SEED repeats a run (the seed is printed); KIOSK_KILL_TRIALS scales the kill test (default 30).
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sync_cloud import Cloud
from sync_ledger import applied_keys, assert_exactly_once_everywhere, snapshot
from sync_mix import Mix
from sync_proxy import FaultyProxy

from kiosk.sync.backoff import Backoff
from kiosk.sync.outbox import Outbox
from kiosk.sync.store import LocalStore
from kiosk.sync.terminal import DB_NAME, open_terminal

SEED = int(os.environ.get("KIOSK_FAULT_SEED", "0")) or random.SystemRandom().randrange(1, 2**31)
KILL_TRIALS = int(os.environ.get("KIOSK_KILL_TRIALS", "30"))
AIM_EVERY = 5  # every 5th trial kills the terminal while the proxy holds the cloud's answer to a committed batch


def _sync_run(data_dir: Path, *extra: str, pull: bool = False, cloud_url: str | None = None) -> subprocess.Popen[str]:
    code = "import sys; from kiosk.cli import main; sys.exit(main())"
    where = ["--cloud-url", cloud_url] if cloud_url else []
    return subprocess.Popen([sys.executable, "-c", code, "sync", "--data-dir", str(data_dir), "--demo", *where,
                             "run", *([] if pull else ["--no-pull"]), "--json", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, bufsize=1)


def _kill(proc: subprocess.Popen[str]) -> bool:
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    return True


@pytest.mark.slow
def test_kill_9_of_the_sync_at_random_points(db_cloud: Cloud) -> None:
    cloud = db_cloud
    started = time.monotonic()
    rng = random.Random(SEED)
    print(f"seed {SEED} (KIOSK_FAULT_SEED={SEED} repeats it), {KILL_TRIALS} trials, {cloud.process.database_url[:10]}")
    proxy = FaultyProxy(cloud.process.port, seed=SEED).start()  # passes everything; holds one answer when aimed
    url = cloud.process.database_url
    try:
        mix = Mix(cloud, "kill9", rng, vouchers=KILL_TRIALS + 10)
        before = snapshot(url)
        fates: Counter[str] = Counter()
        with LocalStore(mix.counter_dir / DB_NAME) as cstore, LocalStore(mix.store_dir / DB_NAME) as sstore:
            sides = {"counter": (mix.counter_outbox(Outbox(cstore)), mix.counter_dir, int(mix.counter.terminal_id)),
                     "store": (Outbox(sstore), mix.store_dir, int(mix.store.terminal_id))}
            for trial in range(KILL_TRIALS):
                side = ("counter", "store")[trial % 2] if trial < 4 else rng.choice(("counter", "store"))
                outbox, data_dir, terminal_id = sides[side]
                if side == "counter":
                    mix.queue_grants(outbox, 4)
                else:
                    mix.queue_store(outbox, 4)
                pull = rng.random() < 0.3  # some runs also follow the changes feed (killed mid-pull too)
                committed_before = applied_keys(url, [terminal_id])
                if trial % AIM_EVERY == 0:
                    # aimed: the first batch reaches the cloud and commits, its answer is held, the run is killed
                    proxy.hold_next_sync()
                    proc = _sync_run(data_dir, "--batch-size", "2", pull=pull, cloud_url=proxy.url)
                    held = proxy.held.wait(30)
                    killed = _kill(proc)
                    proxy.release()
                    assert held and killed, "the aimed run finished before its answer was held"
                    fates["aimed_kill"] += 1
                    fates["aimed_committed_ops"] += len(proxy.held_keys)
                    fates["aimed_applied_ops"] += proxy.held_statuses["applied"]  # first applied in that request
                else:
                    proc = _sync_run(data_dir, "--batch-size", "2", pull=pull)
                    assert proc.stdout is not None
                    if rng.random() < 0.3:  # anywhere: start-up, migration check, first request
                        time.sleep(rng.uniform(0.0, 1.0))
                    else:  # after the n-th recorded result, somewhere inside the following batches
                        for _ in range(rng.randint(1, 6)):
                            line = proc.stdout.readline()
                            if not line:
                                break
                            assert json.loads(line)["status"] in ("applied", "replayed")
                        time.sleep(rng.uniform(0.0, 0.05))
                    fates["killed" if _kill(proc) else "finished"] += 1
                assert proc.stdout is not None
                proc.stdout.close()
                # the critical window: applied in the cloud during this run (a stored result) but still queued on
                # the terminal: killed after the cloud committed and before the terminal recorded the answer
                queued = {op.key for op in outbox.peek(10_000)}
                if trial % AIM_EVERY == 0:  # the held answer's operations: committed, never recorded
                    fates["window_hit_aimed"] += bool(proxy.held_keys) and proxy.held_keys <= queued
                elif queued & (applied_keys(url, [terminal_id]) - committed_before):
                    fates["window_hit_random"] += 1
            mix.queue_grants(sides["counter"][0], 6)
            mix.queue_store(sides["store"][0], 6)
            left = {side: outbox.length() for side, (outbox, _, _) in sides.items()}
        print(f"trials {KILL_TRIALS}: {dict(fates)}; queued before the final drain: {left}; mix {mix.summary()}")
        assert fates["killed"] + fates["aimed_kill"] >= KILL_TRIALS // 2
        assert fates["aimed_committed_ops"] > 0, "no held answer carried a committed operation"
        assert fates["window_hit_aimed"] == fates["aimed_kill"], "an aimed kill missed the window"
        replayed = 0
        for side, (_, data_dir, _) in sides.items():
            final = _sync_run(data_dir)
            out, _ = final.communicate(timeout=120)
            assert final.returncode == 0
            lines = [json.loads(line) for line in out.splitlines()]
            assert len(lines) == left[side]
            replayed += sum(r["status"] == "replayed" for r in lines)
        # the keys applied inside the window came back as replays in a later run, never applied twice
        figures = assert_exactly_once_everywhere(url, before, mix, cloud.url)
        assert figures["recorded_as_replayed"] >= fates["aimed_applied_ops"] > 0
        print(f"exact check {figures}; replays in the final drain {replayed}; {time.monotonic() - started:.1f} s")
        # the reference lists survived the kills: same as a fresh terminal's after a full pull
        fresh = cloud.new_terminal("counter", "kill9-fresh")
        with open_terminal(fresh, demo=True) as f, open_terminal(mix.counter_dir, demo=True) as t:
            f.engine.pull_reference()
            t.engine.pull_reference()
            assert t.engine.reference.counts() == f.engine.reference.counts()
            assert t.store.get_state("reference_cursor") == f.store.get_state("reference_cursor")
    finally:
        proxy.stop()


def _wait_drained(*outboxes: Outbox, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while any(o.length() for o in outboxes) and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.slow
def test_cloud_killed_and_restarted_mid_batch(db_cloud: Cloud) -> None:
    cloud = db_cloud
    started = time.monotonic()
    rng = random.Random(SEED + 1)
    print(f"seed {SEED}")
    url = cloud.process.database_url
    proxy = FaultyProxy(cloud.process.port, seed=SEED + 1).start()  # passes everything; holds one answer
    try:
        mix = Mix(cloud, "restart", rng, vouchers=100, cloud_url=proxy.url)
        before = snapshot(url)
        options = {"batch_size": 20, "backoff": Backoff(base=0.05, cap=0.4), "idle_probe_interval": 0.1}
        with open_terminal(mix.counter_dir, demo=True, **options) as c, \
                open_terminal(mix.store_dir, demo=True, **options) as s:
            mix.counter_outbox(c.engine.outbox)
            mix.queue_grants(c.engine.outbox, 200)
            mix.queue_store(s.engine.outbox, 200)
            statuses: Counter[str] = Counter()
            for t in (c, s):
                t.engine.add_results_listener(lambda results: statuses.update(r.status for r in results))
            outboxes = (c.engine.outbox, s.engine.outbox)
            # aimed: the cloud dies with a batch committed and its answer held back in the proxy
            proxy.hold_next_sync()
            c.engine.start()
            s.engine.start()
            assert proxy.held.wait(30), "no sync request reached the cloud"
            cloud.process.kill()
            proxy.release()
            held = proxy.held_statuses["applied"] + proxy.held_statuses["replayed"]
            restarts = 1
            time.sleep(rng.uniform(0.1, 0.5))
            cloud.process.start()
            for _ in range(2):  # and twice more wherever the drain happens to be
                start_len = sum(o.length() for o in outboxes)
                deadline = time.monotonic() + 30
                while sum(o.length() for o in outboxes) > start_len - rng.randint(10, 60) \
                        and time.monotonic() < deadline and sum(o.length() for o in outboxes):
                    time.sleep(0.005)
                if not sum(o.length() for o in outboxes):
                    break
                cloud.process.kill()
                restarts += 1
                time.sleep(rng.uniform(0.1, 0.5))
                cloud.process.start()
            _wait_drained(*outboxes, timeout=90)
            c.engine.stop()
            s.engine.stop()
            assert [o.length() for o in outboxes] == [0, 0]
        print(f"cloud restarts {restarts}, held committed answer: {dict(proxy.held_statuses)}, results "
              f"{dict(statuses)}, mix {mix.summary()}")
        assert held > 0, "the held answer carried no committed operation"
        # the operations of the held (committed, never answered) batch came back replayed after the restart
        assert statuses["replayed"] >= held
        assert statuses["applied"] + statuses["replayed"] == len(mix.expected.keys)
        figures = assert_exactly_once_everywhere(url, before, mix, cloud.url)
        print(f"exact check {figures}; {time.monotonic() - started:.1f} s")
    finally:
        proxy.stop()


@pytest.mark.slow
def test_dropped_connections_500s_and_lost_answers(db_cloud: Cloud) -> None:
    cloud = db_cloud
    started = time.monotonic()
    rng = random.Random(SEED + 2)
    print(f"seed {SEED}")
    url = cloud.process.database_url
    proxy = FaultyProxy(cloud.process.port, seed=SEED + 2).start()
    try:
        mix = Mix(cloud, "proxy", rng, vouchers=60, cloud_url=proxy.url)
        before = snapshot(url)
        proxy.set(**{"pass": 0.4, "drop": 0.2, "e500": 0.2, "lose": 0.2})
        options = {"batch_size": 10, "backoff": Backoff(base=0.01, cap=0.05)}
        with open_terminal(mix.counter_dir, demo=True, **options) as c, \
                open_terminal(mix.store_dir, demo=True, **options) as s:
            mix.counter_outbox(c.engine.outbox)
            mix.queue_grants(c.engine.outbox, 120)
            mix.queue_store(s.engine.outbox, 120)
            statuses: Counter[str] = Counter()
            errors = 0
            for t in (c, s):
                t.engine.add_results_listener(lambda results: statuses.update(r.status for r in results))
            deadline = time.monotonic() + 120
            while (c.engine.outbox.length() or s.engine.outbox.length()) and time.monotonic() < deadline:
                for t in (c, s):
                    if t.engine.outbox.length():
                        report = t.engine.drain()
                        errors += report.error is not None
                        assert t.engine.outbox.dead_letters() == [], t.engine.outbox.dead_letters()[:2]
            assert c.engine.outbox.length() == 0 and s.engine.outbox.length() == 0
        print(f"proxy fates {dict(proxy.counts)}, drains stopped by a fault: {errors}, results {dict(statuses)}, "
              f"mix {mix.summary()}")
        assert all(proxy.counts[m] > 0 for m in ("pass", "drop", "e500", "lose"))
        # a lost answer means the cloud applied the batch: its retry must come back as replays, never re-applied
        assert statuses["replayed"] > 0
        assert statuses["applied"] + statuses["replayed"] == len(mix.expected.keys)
        proxy.set(**{"pass": 1.0})
        figures = assert_exactly_once_everywhere(url, before, mix, cloud.url)
        print(f"exact check {figures}; {time.monotonic() - started:.1f} s")
    finally:
        proxy.stop()
