"""The sync engine: notices online/offline by itself, drains the outbox in order and in batches, pulls
reference data, and reports status, per-operation results and conflicts to listeners.

Qt-free. `start()` runs it on its own worker thread (network calls never run on the GUI thread); `drain()` runs
one drain synchronously (the `kiosk sync run` command). Listeners are called on the thread that did the work;
`kiosk.sync.qt.SyncBridge` turns them into Qt signals.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from kiosk.sync import shop_conflicts
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import CloudClient
from kiosk.sync.clock import ClockOffset
from kiosk.sync.errors import CloudRejected, CloudUnavailable
from kiosk.sync.outbox import LocalWrite, OperationResult, Outbox, QueuedOperation, shop_conflict_view
from kiosk.sync.reference import ReferenceCache
from kiosk.sync.status import SyncStatus
from kiosk.sync.store import LocalStore

log = logging.getLogger(__name__)

LAST_SYNC = "last_sync_at"
CLOCK_OFFSET = "clock_offset_seconds"
POISON_STATUSES = (400, 413, 422)  # the request's content was refused: isolate the operation at fault
MAX_BATCH = 500  # the cloud's limit per /v1/sync request


@dataclass
class DrainReport:
    results: list[OperationResult] = field(default_factory=list)
    error: str | None = None  # the transient failure that stopped the drain, if any
    remaining: int = 0


class SyncEngine:
    def __init__(self, store: LocalStore, client: CloudClient | None, *, clock: ClockOffset | None = None,
                 batch_size: int = 200, backoff: Backoff | None = None, idle_probe_interval: float = 10.0,
                 pull_interval: float = 300.0, request_timeout: float | None = 30.0,
                 credential_label: str | None = None, retention_days: int = 90,
                 shop_conflicts: bool = False) -> None:
        self.store = store
        self.client = client
        self.clock = clock or (client.clock if client is not None else ClockOffset())
        if client is not None and client.clock is not self.clock:
            raise ValueError("the client and the engine must share one ClockOffset")
        saved = store.get_state(CLOCK_OFFSET)
        if self.clock.offset is None and saved is not None:
            self.clock.observe(self.clock.local_now() + timedelta(seconds=float(saved)),
                               self.clock.local_now(), self.clock.local_now())
        self.outbox = Outbox(store, self.clock.cloud_now)
        # operations that need the clerk's session carry the one logged in when they were queued (issue 8)
        self.outbox.staff_session_source = lambda: self.client.staff_session if self.client is not None else None
        self.reference = ReferenceCache(store, self.clock)
        self.batch_size = max(1, min(batch_size, MAX_BATCH))
        self.backoff = backoff or Backoff(cap=30.0)  # network failures and 5xx
        self.reject_backoff = Backoff(base=5.0, cap=300.0)  # the cloud refuses this terminal's requests
        self._last_error_transient = True
        self.idle_probe_interval = idle_probe_interval
        self.pull_interval = pull_interval
        self.request_timeout = request_timeout
        self.credential_label = credential_label
        self.retention_days = retention_days
        self.shop_conflicts = shop_conflicts  # a store terminal: pull the conflicts involving its shop
        self._last_prune_monotonic: float | None = None
        self._online: bool | None = None
        self._last_error: str | None = None
        self._next_attempt: float | None = None
        self._last_pull_monotonic: float | None = None
        self._saved_offset: float | None = float(saved) if saved is not None else None
        self._drain_lock = threading.Lock()
        self._results_cond = threading.Condition()
        self._results_seq = 0  # bumped after every recorded batch
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._status_listeners: list[Callable[[SyncStatus], None]] = []
        self._result_listeners: list[Callable[[list[OperationResult]], None]] = []
        self._conflict_listeners: list[Callable[[list[OperationResult]], None]] = []

    # -- listeners -----------------------------------------------------------------------------------------------
    def add_status_listener(self, fn: Callable[[SyncStatus], None]) -> None:
        self._status_listeners.append(fn)

    def add_results_listener(self, fn: Callable[[list[OperationResult]], None]) -> None:
        self._result_listeners.append(fn)

    def add_conflict_listener(self, fn: Callable[[list[OperationResult]], None]) -> None:
        self._conflict_listeners.append(fn)

    # -- writing operations ----------------------------------------------------------------------------------
    @property
    def online(self) -> bool | None:
        return self._online

    def submit(self, kind: str, payload: dict[str, Any], *, offline: bool = False,
               local: LocalWrite | None = None) -> str:
        """Record a write (local row + outbox entry in one transaction) and wake the worker."""
        key = self.outbox.enqueue(kind, payload, offline=offline, local=local)
        self._wake.set()
        self._emit_status()
        return key

    def wait_result(self, key: str, timeout: float) -> OperationResult | None:
        """Wait until the cloud answered for `key`; None if it is still queued after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            with self._results_cond:
                seen = self._results_seq
            result = self.outbox.operation(key)  # read outside the lock: the drain thread never waits on us
            if result is not None and result.status != "queued":
                return result
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            with self._results_cond:
                if self._results_seq == seen:
                    self._results_cond.wait(min(left, 0.5))

    # -- one drain ---------------------------------------------------------------------------------------------
    def drain(self, max_operations: int | None = None) -> DrainReport:
        """Send queued operations in order until the outbox is empty, a transient failure, or the limit."""
        report = DrainReport()
        if self.client is None:
            report.error = "not enrolled"
            return report
        with self._drain_lock:
            # issue 12: every request tells the cloud how much is still queued (X-Outbox-Backlog, sync/http.py)
            self.client.http.outbox_backlog = self.outbox.length()
            while max_operations is None or len(report.results) < max_operations:
                size = self.batch_size if max_operations is None else min(
                    self.batch_size, max_operations - len(report.results))
                batch = self.outbox.peek(size)
                if not batch:
                    if report.results or self._online is True:  # the cloud has everything this terminal wrote
                        self.store.set_state(LAST_SYNC, self.clock.cloud_now().isoformat())
                    break
                try:
                    results = self._send(batch)
                except (CloudUnavailable, CloudRejected) as exc:
                    self.outbox.record_failure(batch, str(exc))
                    self._failed(exc)
                    report.error = str(exc)
                    break
                self._succeeded()
                report.results.extend(results)
                self._publish(results)
        report.remaining = self.outbox.length()
        self._emit_status()
        return report

    def _send(self, batch: list[QueuedOperation]) -> list[OperationResult]:
        assert self.client is not None
        try:
            results = self.client.sync(batch, timeout=self.request_timeout)
        except CloudRejected as exc:
            if exc.status not in POISON_STATUSES:
                raise  # credentials, rate limit, wrong address (404), ...: never dead-letter the queue for it
            # the cloud refused the whole request: isolate the operation it cannot take
            if len(batch) > 1:
                results = []
                for op in batch:
                    results.extend(self._send([op]))
                return results
            op = batch[0]
            results = [OperationResult(op.key, op.kind, "rejected", exc.code, exc.message, exc.message_ja)]
        self.outbox.record_results(batch, results)
        return results

    def _publish(self, results: list[OperationResult]) -> None:
        with self._results_cond:
            self._results_seq += 1
            self._results_cond.notify_all()
        for fn in self._result_listeners:
            _call(fn, results)
        conflicts = [r for r in results if r.status == "conflict"]
        if conflicts:
            for fn in self._conflict_listeners:
                _call(fn, conflicts)

    # -- online state -------------------------------------------------------------------------------------------
    def probe(self) -> bool:
        """Ask the cloud's health endpoint; updates the online state (an answer proves the network, not that
        the cloud accepts this terminal's requests)."""
        if self.client is None:
            return False
        try:
            self.client.health()
        except (CloudUnavailable, CloudRejected) as exc:
            self._failed(exc)
            return False
        self._succeeded(contact_only=True)
        return True

    def pull_reference(self) -> int:
        if self.client is None:
            return 0
        try:
            count = self.reference.pull(self.client)
        except (CloudUnavailable, CloudRejected) as exc:
            self._failed(exc)
            raise
        self._last_pull_monotonic = time.monotonic()
        self._succeeded()
        return count

    def pull_conflicts(self) -> list[OperationResult]:
        """A store terminal: fetch the conflicts involving its shop that it has not seen (e.g. a voucher it
        accepted that another shop also took offline), keep them locally and tell the conflict listeners.
        Cheap (one request after the last id seen); called after a drain that sent something or a reference
        refresh, never on a bare probe. Failures are logged and retried at the next such moment."""
        if self.client is None or not self.shop_conflicts:
            return []
        try:
            added = shop_conflicts.pull(self.store, self.client, self.clock.cloud_now)
        except (CloudUnavailable, CloudRejected) as exc:
            log.warning("could not pull the shop's conflicts: %s", exc)
            return []
        found = [OperationResult(shop_conflicts.view_key(c.cloud_id), c.kind, "conflict", c.code, c.message,
                                 c.message_ja, shop_conflict_view(c).detail or {}) for c in added]
        if found:
            for fn in self._conflict_listeners:
                _call(fn, found)
            self._emit_status()
        return found

    def _succeeded(self, contact_only: bool = False) -> None:
        """The cloud answered. `contact_only` (a health probe) clears a network failure but not a refusal of
        this terminal's requests (revoked token, wrong address): those keep their own slower back-off."""
        changed = self._online is not True
        self._online = True
        self.backoff.reset()
        if not contact_only or self._last_error_transient:
            self._last_error, self._next_attempt = None, None
        if not contact_only:
            self.reject_backoff.reset()
        offset = self.clock.offset
        if offset is not None:
            seconds = offset.total_seconds()
            if self._saved_offset is None or abs(seconds - self._saved_offset) > 0.5:
                self.store.set_state(CLOCK_OFFSET, seconds)
                self._saved_offset = seconds
        if changed:
            log.info("points cloud reachable")
            self._last_pull_monotonic = None  # back online: refresh the reference lists (voided vouchers, ...)
            self._emit_status()

    def _failed(self, exc: Exception) -> None:
        transient = isinstance(exc, CloudUnavailable)
        changed = self._online is not False and transient
        if transient:
            self._online = False
        self._last_error, self._last_error_transient = str(exc), transient
        delay = (self.backoff if transient else self.reject_backoff).next_delay()
        self._next_attempt = time.monotonic() + delay
        if changed:
            log.warning("points cloud unreachable: %s", exc)
            self._emit_status()

    # -- the worker ------------------------------------------------------------------------------------------
    def cycle(self) -> float:
        """One round of the worker; returns seconds until the next round."""
        now = time.monotonic()
        if self._next_attempt is not None and now < self._next_attempt:
            return self._next_attempt - now
        if self.probe():
            report = self.drain()
            pulled = False
            if report.error is None and (self._last_pull_monotonic is None or
                                         now - self._last_pull_monotonic >= self.pull_interval):
                with contextlib.suppress(CloudUnavailable, CloudRejected):
                    self.pull_reference()
                    pulled = True
            if report.error is None and (pulled or report.results):
                self.pull_conflicts()
            if self._last_prune_monotonic is None or now - self._last_prune_monotonic >= 86_400:
                self._last_prune_monotonic = now
                self.outbox.prune(self.clock.cloud_now() - timedelta(days=self.retention_days))
        if self._next_attempt is not None:
            return max(0.0, self._next_attempt - time.monotonic())
        return self.idle_probe_interval

    def start(self) -> None:
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delay = self.cycle()
            except Exception:  # never let the worker die silently; keep trying
                log.exception("sync cycle failed")
                delay = self.backoff.next_delay()
            self._wake.wait(delay)
            self._wake.clear()

    # -- status ------------------------------------------------------------------------------------------------
    def status(self) -> SyncStatus:
        states = self.store.get_states([LAST_SYNC])
        last_sync = states.get(LAST_SYNC)
        offset = self.clock.offset
        next_in = None if self._next_attempt is None else max(0.0, self._next_attempt - time.monotonic())
        return SyncStatus(
            online=self._online,
            queue_length=self.outbox.length(),
            queue_by_kind=self.outbox.length_by_kind(),
            dead_letters=self.outbox.dead_letter_count(),
            conflicts_open=self.outbox.open_conflict_count(),
            last_sync_at=datetime.fromisoformat(last_sync) if last_sync else None,
            reference_pulled_at=self.reference.pulled_at(),
            reference_age_seconds=self.reference.age_seconds(),
            reference_counts=self.reference.counts(),
            clock_offset_seconds=None if offset is None else offset.total_seconds(),
            last_error=self._last_error,
            next_attempt_in_seconds=next_in,
            enrolled=self.client is not None,
            credential_label=self.credential_label,
        )

    def _emit_status(self) -> None:
        if not self._status_listeners:
            return
        snapshot = self.status()
        for fn in self._status_listeners:
            _call(fn, snapshot)


def _call(fn: Callable[[Any], None], arg: Any) -> None:
    try:
        fn(arg)
    except Exception:
        log.exception("sync listener failed")
