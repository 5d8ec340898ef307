"""Memory after an hour of simulated use: a scripted mix of every flow in demo mode, repeated.

One process, like `kiosk demo`: the embedded cloud (in a thread, SQLite), the counter runtime, a store and an office
terminal enrolled beside it, the simulated card reader, and one window (offscreen) that serves every role. One
"customer" is one round of the mix:

  counter  grant to a typed MyKey ID; a card + JPKI PIN that already has a MyKey ID; look up a MyKey ID
  shop     pay 100 points (card + PIN on the pad); redeem a voucher the office issued (scan)
  office   issue one voucher from the resident's balance (card + PIN)
  sync     the counter's outbox drained

The resident set size of the process (/proc/self/status VmRSS) is sampled every `--sample-s` seconds; the series is
saved as JSON in benchmarks/results/ and first / last / max and the slope per customer (least squares over the
samples after the first `--warmup-min` minutes) are printed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.memory_soak --minutes 60
    .venv/bin/python -m benchmarks.memory_soak --minutes 3 --sample-s 15 --tracemalloc   # where memory goes
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import shutil
import sys
import tempfile
import time
import types
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"
PIN = "1234"
PAYER, PAYER_ID = "yamada", "YMDTRU01"
VOLUNTEER = ("ボランティアポイント", "Volunteering points")


def rss_mb(pid: int | str = "self") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


_CLOUD = """
import sys, time
from kiosk_cloud.embedded import start_embedded
cloud = start_embedded(sys.argv[1], port=int(sys.argv[2]))
print(cloud.url, flush=True)
sys.stdin.read()  # until the soak closes the pipe
cloud.stop()
"""


def sqlite_mb() -> float | None:
    """SQLite's own heap in this process (page caches, statements): sqlite3_memory_used of the shared library."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("sqlite3")
    if not name:
        return None
    used = ctypes.CDLL(name).sqlite3_memory_used
    used.restype = ctypes.c_int64
    return float(used()) / (1024 * 1024)


class CloudProcess:
    """The embedded cloud in its own process, so that the terminal's memory is measured alone (`kiosk demo` runs
    it in a thread of the terminal's process; a real terminal talks to a remote cloud)."""

    def __init__(self, database_url: str, port: int = 0) -> None:
        import subprocess

        self.proc = subprocess.Popen([sys.executable, "-c", _CLOUD, database_url, str(port)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            raise RuntimeError("the cloud process did not start")

    def stop(self, timeout: float = 10.0) -> None:
        import subprocess

        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def _init_demo_elsewhere(data: Path) -> None:
    """`kiosk demo`'s first start (init-demo, enrolment) in a child process."""
    import subprocess

    code = ("import sys; from pathlib import Path; from kiosk.services.demo_backend import DemoBackend; "
            "DemoBackend.start(Path(sys.argv[1])).stop()")
    subprocess.run([sys.executable, "-c", code, str(data)], check=True, cwd=Path(__file__).resolve().parents[1])


def start_cloud_process(database_url: str, port: int = 0, **_: Any) -> CloudProcess:
    return CloudProcess(database_url, port)


class Soak:
    def __init__(self, window: Any, backend: Any, store: Any, office: Any) -> None:
        self.w, self.backend, self.store, self.office = window, backend, store, office
        self.customers = 0
        self.pin = PIN  # the sample cards' JPKI PIN (tests set their own)
        self.steps: dict[str, int] = {}
        self.events = {"in": 0, "out": 0}  # the card thread's insert/remove events (it polls the reader)
        from kiosk.card import events

        def count(event: object) -> None:
            if isinstance(event, events.CardInsertedEvent):
                self.events["in"] += 1
            elif isinstance(event, events.CardRemovedEvent):
                self.events["out"] += 1

        self.unsubscribe = backend.runtime.card_service.subscribe(count)

    # -- driving ---------------------------------------------------------------------------------------------
    def wait(self, cond: Callable[[], bool], what: str | Callable[[], str], timeout: float = 30.0) -> None:
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + timeout
        while not cond():
            QCoreApplication.processEvents()
            if time.monotonic() > deadline:
                current = self.w.current()
                panel = getattr(current, "result_panel", None)
                raise TimeoutError(f"{what() if callable(what) else what}: not reached on {current.name} "
                                   f"({panel.text() if panel is not None else ''!r})")
            time.sleep(0.005)
        self.settle()

    def settle(self, rounds: int = 3) -> None:
        from PySide6.QtCore import QCoreApplication

        for _ in range(rounds):
            QCoreApplication.processEvents()
            time.sleep(0.005)

    def go(self, name: str) -> Any:
        self.w.go(name)
        self.settle()
        return self.w.current()

    def insert(self, key: str) -> None:
        seen = self.events["in"]
        self.backend.reader.insert(key)
        self.wait(lambda: self.events["in"] > seen, "card seen by the card thread")

    def place(self, key: str) -> None:
        self.insert(key)
        self.wait(lambda: self.w.session.card_present, "card placed")

    def lift(self) -> None:
        """Remove the card and wait until the card thread has seen it go (the screen may have wiped already)."""
        seen = self.events["out"]
        self.backend.reader.remove()
        self.wait(lambda: self.events["out"] > seen, "card removal seen by the card thread")
        self.wait(lambda: not self.w.session.card_present, "card removed")

    def done(self, step: str) -> None:
        self.steps[step] = self.steps.get(step, 0) + 1

    # -- the flows ---------------------------------------------------------------------------------------------
    def login_counter(self) -> None:
        w = self.w
        w.go("role:counter")
        code, password = self.backend.staff_login()
        w.login.code.setText(code)
        w.login.password.setText(password)
        w.login._login()
        self.wait(lambda: w.current().name == "counter_home", "counter login")

    def login_office(self) -> None:
        home = self.go("office_home")
        if home.stack.currentWidget() is home.tasks_page:
            return
        home.code_field.edit.setText("OFC01")
        home.password_field.edit.setText("demo-pass")
        home.login_button.click()
        self.wait(lambda: home.stack.currentWidget() is home.tasks_page, "office login")

    def counter_grant(self) -> None:
        s = self.go("grant")
        self.wait(lambda: s.programme_list.count() > 0, "programmes")
        # volunteering: granted any number of times, in the points that shops and vouchers take
        s.programme_list.setCurrentRow(next(i for i, p in enumerate(s._programmes) if p.name in VOLUNTEER))
        s._start()
        self.wait(lambda: s.identify.card_prompt.isVisible(), "grant form")
        s.points.setValue(700)  # more than the payment (100) and the voucher (500) take
        s.mykey_input.setText(PAYER_ID)
        s._grant_typed()
        self.wait(lambda: s.result_shown(), "grant result")
        if s.result_panel.kind() != "success":
            raise RuntimeError(f"grant refused: {s.result_panel.text()}")
        s._next_resident()
        self.done("counter grant")

    def counter_existing_id(self) -> None:
        s = self.go("create_mykey")
        self.place(PAYER)
        self.wait(lambda: s.identify.pinpad.isVisible(), "create PIN pad")
        for digit in self.pin:
            s.identify.pinpad.press(digit)
        s.identify.pinpad.submit()
        self.wait(lambda: s.result_shown(), "existing MyKey ID")
        self.lift()
        self.done("counter card+PIN")

    def counter_lookup(self) -> None:
        s = self.go("lookup")
        s.mykey_input.setText(PAYER_ID)
        s._lookup()
        self.wait(lambda: s.service_box.isEnabled(), "lookup")
        self.w.session.wipe("next")
        self.done("counter lookup")

    def shop_pay(self) -> None:
        pay = self.go("store_pay")
        for key in "100":
            pay.pad.press(key)
        pay.next_button.click()
        self.insert(PAYER)
        self.wait(lambda: pay.state == "pin", "pay PIN")
        for digit in self.pin:
            pay.pinpad.press(digit)
        pay.pinpad.submit()
        self.wait(lambda: pay.result_shown() or pay.state == "confirm", lambda: f"balance shown (state {pay.state})")
        if pay.state == "confirm":  # the resident sees the balance and taps Pay
            pay.statement.pay.click()
        self.wait(lambda: pay.result_shown(), lambda: f"paid (state {pay.state}, {pay.pinpad.notice.text()!r})")
        if pay.result_panel.kind() != "success":
            raise RuntimeError(f"payment refused: {pay.result_panel.text()}")
        pay.next_customer()
        self.lift()
        self.done("shop pay")

    def office_issue(self) -> str:
        self.login_office()
        self.w.screens["office_home"].tiles["office_issue"].click()
        self.settle()
        issue = self.w.current()
        self.insert(PAYER)
        self.wait(lambda: self.w.session.card_present and issue.pinpad.isVisible(),
                  lambda: f"issue PIN pad ({type(issue.stack.currentWidget()).__name__}, card {self.w.session.card_present}, "
                  f"result {issue.result_shown()})")
        for digit in self.pin:
            issue.pinpad.digit_buttons[digit].click()
        issue.pinpad.ok_button.click()
        self.wait(lambda: issue.stack.currentWidget() is issue.amount_page, "issue amount")
        issue.per_voucher.setCurrentIndex(0)
        issue.count.setCurrentIndex(0)
        issue.next_button.click()
        self.settle()
        issue.issue_button.click()
        self.wait(lambda: issue.result_shown() and issue.result_panel.kind() is not None, "issued")
        if issue.result_panel.kind() != "success":
            raise RuntimeError(f"voucher refused: {issue.result_panel.text()} ({issue.balance_label.text()})")
        code = str(issue.issued[0].code)
        next(b for b in issue.result_panel.buttons if b.property("primary")).click()
        self.lift()
        self.done("office issue")
        return code

    def shop_redeem(self, code: str) -> None:
        redeem = self.go("store_redeem")
        redeem.on_scan(code)
        self.wait(lambda: redeem.preview is not None or redeem.result_shown(), "voucher check")
        redeem.redeem()
        self.wait(lambda: redeem.result_shown(), "redeemed")
        if redeem.result_panel.kind() != "success":
            raise RuntimeError(f"voucher not redeemed: {redeem.result_panel.text()}")
        redeem.result_panel._timer.stop()
        redeem.next_scan()
        self.done("shop redeem")

    def sync(self) -> None:
        self.w.ctx.runner.wait_idle(10000)
        self.backend.runtime.engine.drain()
        self.store.engine.drain()
        self.done("sync drain")

    def customer(self) -> None:
        self.go("counter_home")
        self.counter_grant()
        self.counter_existing_id()
        self.counter_lookup()
        self.shop_pay()
        code = self.office_issue()
        self.shop_redeem(code)
        self.sync()
        self.go("counter_home")
        self.customers += 1


def slope(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of y over x (0.0 with fewer than two distinct x)."""
    if len({x for x, _ in points}) < 2:
        return 0.0
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    return sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)


def run(minutes: float, sample_s: float, warmup_min: float, language: str, trace: bool,
        separate_cloud: bool = True, malloc_trim: bool = False) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if trace:
        import tracemalloc

        tracemalloc.start(12)
    from kiosk.app import CardEventRelay, create_window, ensure_qapp
    from kiosk.config import Config
    from kiosk.services.demo_backend import DemoBackend
    from kiosk.services.office_terminal import OfficeTerminal
    from kiosk.services.store_terminal import StoreTerminal

    app = ensure_qapp()
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-soak-"))
    if separate_cloud:
        # the demo data is made by the cloud's process, and this process never imports the cloud (a real terminal
        # does not: kiosk_cloud with FastAPI, uvicorn and the server models is ~40 MB of `kiosk demo`'s own)
        _init_demo_elsewhere(tmp / "demo")
        stubs = {name: types.ModuleType(name) for name in ("kiosk_cloud.demo", "kiosk_cloud.embedded")}
        stubs["kiosk_cloud.demo"].init_demo = None  # type: ignore[attr-defined]  # not called: the data exists
        stubs["kiosk_cloud.embedded"].start_embedded = start_cloud_process  # type: ignore[attr-defined]
        sys.modules.update(stubs)
    backend = DemoBackend.start(tmp / "demo", probe_interval=2.0)
    cloud_pid = backend.cloud.proc.pid if separate_cloud else None
    store = StoreTerminal.demo(backend)
    office = OfficeTerminal.demo(backend)
    samples: list[dict[str, float]] = []
    errors: list[str] = []
    started = time.monotonic()
    snapshot0 = None
    try:
        relay = CardEventRelay()
        relay.attach(backend.runtime.card_service)
        window = create_window(
            app, backend.runtime.services, Config(None, language=language, sound=False), data_dir=tmp / "demo",
            reset_card=backend.runtime.services.auth.reset_card, card_events=relay, engine=backend.runtime.engine,
            credential_label=backend.runtime.credential_label, demo_cards=backend.sample_cards(),
            demo_pins=backend.sample_pins(), demo_insert=backend.reader.insert, demo_remove=backend.reader.remove,
            terminal_name="デモ窓口端末", sound=lambda name: None, office=office, store=store)
        window.resize(1280, 800)
        window.show()
        soak = Soak(window, backend, store, office)
        soak.wait(lambda: store.engine.online is True, "store online")
        soak.login_counter()

        def sample() -> None:
            gc.collect()
            if malloc_trim:  # give freed heap back to the system: what stays is live memory, not allocator slack
                import ctypes

                ctypes.CDLL("libc.so.6").malloc_trim(0)
            row = {"t_s": round(time.monotonic() - started, 1), "customers": soak.customers, "rss_mb": round(rss_mb(), 1)}
            if cloud_pid is not None:
                row["cloud_rss_mb"] = round(rss_mb(cloud_pid), 1)
            sqlite = sqlite_mb()
            if sqlite is not None:
                row["sqlite_heap_mb"] = round(sqlite, 1)
            samples.append(row)
            print(f"{row['t_s']:8.0f} s  {row['customers']:5d} customers  terminal {row['rss_mb']:7.1f} MB"
                  + (f" (SQLite {row['sqlite_heap_mb']:.1f} MB)" if "sqlite_heap_mb" in row else "")
                  + (f"  (cloud process {row['cloud_rss_mb']:.1f} MB)" if cloud_pid is not None else ""), flush=True)

        sample()
        next_sample = time.monotonic() + sample_s
        end = started + minutes * 60
        while time.monotonic() < end:
            try:
                soak.customer()
            except Exception as exc:  # a soak counts failures and carries on from a clean state
                errors.append(f"{soak.customers}: {type(exc).__name__}: {exc}")
                print("error:", errors[-1], file=sys.stderr, flush=True)
                if backend.reader.resident_key is not None:
                    soak.lift()
                window.session.wipe("next")
                soak.settle(50)
                if len(errors) > 20:
                    break
            if warmup_min * 60 <= time.monotonic() - started and trace and snapshot0 is None:
                import tracemalloc

                gc.collect()
                snapshot0 = tracemalloc.take_snapshot()
            if time.monotonic() >= next_sample:
                sample()
                next_sample += sample_s
        sample()
        top: list[str] = []
        if trace and snapshot0 is not None:
            import tracemalloc

            gc.collect()
            diff = tracemalloc.take_snapshot().compare_to(snapshot0, "traceback")
            for stat in diff[:12]:
                top.append(f"{stat.size_diff / 1024:+.0f} KiB {stat.count_diff:+d} blocks\n    "
                           + "\n    ".join(stat.traceback.format()[-6:]))
        relay.unsubscribe()
        window.sync_relay.detach()
        window.ctx.runner.wait_idle(10000)
        redeem: Any = window.screens.get("store_redeem")
        if redeem is not None:
            redeem.scanners.stop()
            app.removeEventFilter(redeem.wedge)
        steps = dict(soak.steps)
        customers = soak.customers
    finally:
        office.stop()
        store.stop()
        backend.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    after = [(s["customers"], s["rss_mb"]) for s in samples if s["t_s"] >= warmup_min * 60]
    per_customer = slope(after)
    per_hour = slope([(s["t_s"] / 3600, s["rss_mb"]) for s in samples if s["t_s"] >= warmup_min * 60])
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"), "minutes": minutes, "sample_s": sample_s,
        "warmup_min": warmup_min, "malloc_trim": malloc_trim, "cloud": "own process" if separate_cloud else "in the terminal's process",
        "customers": customers, "steps": steps, "errors": errors,
        "first_mb": samples[0]["rss_mb"], "last_mb": samples[-1]["rss_mb"],
        "max_mb": max(s["rss_mb"] for s in samples),
        "slope_kb_per_customer": round(per_customer * 1024, 2), "slope_mb_per_hour_after_warmup": round(per_hour, 2),
        "samples": samples, "tracemalloc_top": top,
        "cloud_modules_in_terminal": sorted(m for m in ("kiosk_cloud.app", "fastapi", "uvicorn") if m in sys.modules),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=60.0)
    parser.add_argument("--sample-s", type=float, default=60.0, help="seconds between RSS samples")
    parser.add_argument("--warmup-min", type=float, default=5.0, help="minutes left out of the slope")
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.add_argument("--tracemalloc", action="store_true", help="print the allocations that grew after warm-up")
    parser.add_argument("--cloud-in-process", action="store_true",
                        help="run the embedded cloud inside the measured process, as `kiosk demo` does")
    parser.add_argument("--malloc-trim", action="store_true",
                        help="malloc_trim(0) before each sample (glibc): allocator slack is not counted")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    result = run(args.minutes, args.sample_s, min(args.warmup_min, args.minutes / 3), args.language, args.tracemalloc,
                 not args.cloud_in_process, args.malloc_trim)
    out = args.out or RESULTS / f"memory_soak-{datetime.now(UTC):%Y%m%dT%H%M%SZ}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"customers {result['customers']} in {args.minutes:g} min ({result['steps']}), errors {len(result['errors'])}")
    print(f"terminal RSS ({result['cloud']} cloud) first {result['first_mb']:.1f} MB, last {result['last_mb']:.1f} MB, max {result['max_mb']:.1f} MB; "
          f"slope after warm-up {result['slope_kb_per_customer']:+.2f} KiB/customer, "
          f"{result['slope_mb_per_hour_after_warmup']:+.2f} MB/hour")
    for line in result["tracemalloc_top"]:
        print(line)
    print(f"saved {out}")
    from kiosk.ui.teardown import exit_now

    exit_now(1 if result["errors"] else 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
