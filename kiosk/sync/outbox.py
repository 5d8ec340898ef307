"""The outbox: writes recorded locally with an idempotency key, drained to the cloud in order.

`enqueue` writes the operation's local row, its outbox entry and any extra local rows in ONE transaction on the
store's writer thread; the key is generated there once and never changes. `record_results` stores the cloud's
answer per operation: applied/replayed finish it, `rejected` moves it to the dead-letter list, `conflict` to the
conflict list (both keep the cloud's reason in English and Japanese). Conflicts of this shop pulled from the cloud
(`kiosk.sync.shop_conflicts`) are listed, counted and acknowledged next to them under the key `cloud-<id>`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from kiosk.sync import shop_conflicts
from kiosk.sync.clock import Clock, system_clock
from kiosk.sync.conflicts import describe_conflict
from kiosk.sync.models import (
    Conflict,
    DeadLetter,
    OfflinePayment,
    Operation,
    OutboxEntry,
    Redemption,
    ShopConflict,
)
from kiosk.sync.store import LocalStore

KINDS = frozenset({
    "grant", "payment", "offline_payment", "voucher_redeem", "offline_voucher_redeem",
    "application", "attendance", "service_id",
})
FINAL_STATUSES = frozenset({"applied", "replayed", "rejected", "conflict"})
# kinds the cloud accepts only with the session of the clerk who did them (envelope `staff_session`, issue 8)
STAFF_KINDS = frozenset({"grant", "application", "attendance", "service_id"})

LocalWrite = Callable[[Session, str], None]


@dataclass(frozen=True)
class QueuedOperation:
    seq: int
    key: str
    kind: str
    payload: dict[str, Any]
    created_at: datetime
    attempts: int
    staff_session: str | None = None

    def wire(self) -> dict[str, Any]:
        out = {"key": self.key, "kind": self.kind, "created_at": self.created_at.isoformat(),
               "payload": self.payload}
        if self.staff_session is not None:
            out["staff_session"] = self.staff_session
        return out


@dataclass(frozen=True)
class OperationResult:
    key: str
    kind: str
    status: str  # applied | replayed | rejected | conflict
    code: str | None = None
    message: str | None = None
    message_ja: str | None = None
    result: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status in ("applied", "replayed")


@dataclass(frozen=True)
class DeadLetterView:
    key: str
    kind: str
    code: str
    message: str
    message_ja: str
    failed_at: datetime
    payload: dict[str, Any]
    resolved_at: datetime | None
    resolution: str | None
    resolved_by: str | None
    note: str | None


@dataclass(frozen=True)
class ConflictView:
    key: str
    kind: str
    code: str
    message: str
    message_ja: str
    detail: dict[str, Any] | None
    reported_at: datetime
    acknowledged_at: datetime | None


class Outbox:
    def __init__(self, store: LocalStore, clock: Clock = system_clock) -> None:
        self.store = store
        self._clock = clock
        # the logged-in clerk's session (set by the sync engine from its cloud client); recorded with STAFF_KINDS
        self.staff_session_source: Callable[[], str | None] = lambda: None

    # -- writing ----------------------------------------------------------------------------------------------
    def enqueue(self, kind: str, payload: dict[str, Any], *, offline: bool = False,
                local: LocalWrite | None = None, created_at: datetime | None = None) -> str:
        """Record one write: local row + outbox entry (+ `local(session, key)` rows) in one transaction."""
        if kind not in KINDS:
            raise ValueError(f"unknown operation kind {kind!r}")
        stamp = created_at or self._clock()
        staff = self.staff_session_source() if kind in STAFF_KINDS else None

        def txn(session: Session) -> str:
            key = str(uuid.uuid4())
            _add_operation(session, key, kind, payload, stamp, offline, staff_session=staff)
            if local is not None:
                local(session, key)
            return key

        return self.store.write(txn)

    def record_results(self, sent: Sequence[QueuedOperation], results: Sequence[OperationResult]) -> None:
        """Store one answer per sent operation (all in one transaction)."""
        if [r.key for r in results] != [op.key for op in sent]:
            raise ValueError("results do not match the operations sent")
        now = self._clock()

        self.store.write(lambda session: _finish_all(session, results, now))

    def record_failure(self, sent: Sequence[QueuedOperation], error: str) -> None:
        """A transient failure: count the attempt, keep every entry in place."""
        now = self._clock()
        keys = [op.key for op in sent]

        def txn(session: Session) -> None:
            for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.operation_key.in_(keys))):
                entry.attempts += 1
                entry.last_error = error[:500]
                entry.last_attempt_at = now

        self.store.write(txn)

    def resolve_dead_letter(self, key: str, action: str, *, by: str, note: str = "") -> str | None:
        """Staff resolve a dead letter: `retry` queues a copy under a NEW key (the cloud keeps the refusal
        under the old one) with the session of the clerk logged in now, `discard` closes it. Returns the new key for
        a retry."""
        if action not in ("retry", "discard"):
            raise ValueError("action must be 'retry' or 'discard'")
        now = self._clock()
        current = self.staff_session_source()

        def txn(session: Session) -> str | None:
            letter = session.scalar(select(DeadLetter).where(DeadLetter.operation_key == key))
            if letter is None:
                raise KeyError(key)
            if letter.resolved_at is not None:
                raise ValueError("dead letter already resolved")
            letter.resolved_at, letter.resolved_by, letter.note = now, by, note or None
            letter.resolution = "retried" if action == "retry" else "discarded"
            if action == "discard":
                return None
            old = session.scalar(select(Operation).where(Operation.key == key))
            assert old is not None
            new_key = str(uuid.uuid4())
            staff = (current or old.staff_session) if old.kind in STAFF_KINDS else None
            _add_operation(session, new_key, old.kind, old.payload, now, old.offline, retry_of=key,
                           staff_session=staff)
            return new_key

        return self.store.write(txn)

    def acknowledge_conflict(self, key: str) -> None:
        """Mark a conflict as seen: a local one by its operation key, one pulled from the cloud by `cloud-<id>`."""
        now = self._clock()
        cloud_id = shop_conflicts.cloud_id_of(key)

        def txn(session: Session) -> None:
            if cloud_id is not None:
                if not shop_conflicts.acknowledge(session, cloud_id, now):
                    raise KeyError(key)
                return
            row = session.scalar(select(Conflict).where(Conflict.operation_key == key))
            if row is None:
                raise KeyError(key)
            row.acknowledged_at = now

        self.store.write(txn)

    def prune(self, before: datetime) -> int:
        """Forget finished operations (applied/replayed) that reached the cloud before `before`, and offline-limit
        counters of past days. Dead letters, conflicts and vouchers used here (second-use refusal) are kept."""
        day = before.date().isoformat()

        def txn(session: Session) -> int:
            session.execute(delete(OfflinePayment).where(OfflinePayment.day < day))
            kept = select(Redemption.operation_key).union(select(OfflinePayment.operation_key))
            result = session.execute(delete(Operation).where(
                Operation.status.in_(("applied", "replayed")), Operation.finished_at < before,
                Operation.key.not_in(kept)))
            return int(getattr(result, "rowcount", 0) or 0)

        return self.store.write(txn)

    # -- reading ----------------------------------------------------------------------------------------------
    def peek(self, limit: int) -> list[QueuedOperation]:
        """The next `limit` operations in drain order."""

        def load(session: Session) -> list[QueuedOperation]:
            rows = session.execute(
                select(OutboxEntry, Operation)
                .join(Operation, Operation.key == OutboxEntry.operation_key)
                .order_by(OutboxEntry.seq).limit(limit)
            )
            return [QueuedOperation(e.seq, o.key, o.kind, o.payload, o.created_at, e.attempts, o.staff_session)
                    for e, o in rows]

        return self.store.read(load)

    def length(self) -> int:
        return self.store.read(lambda s: s.scalar(select(func.count()).select_from(OutboxEntry)) or 0)

    def length_by_kind(self) -> dict[str, int]:
        def load(session: Session) -> dict[str, int]:
            rows = session.execute(select(OutboxEntry.kind, func.count()).group_by(OutboxEntry.kind))
            return {kind: int(n) for kind, n in rows}

        return self.store.read(load)

    def dead_letter_count(self) -> int:
        return self.store.read(lambda s: s.scalar(
            select(func.count()).select_from(DeadLetter).where(DeadLetter.resolved_at.is_(None))) or 0)

    def open_conflict_count(self) -> int:
        """Open conflicts: this terminal's own and those of its shop pulled from the cloud."""
        return self.store.read(lambda s: (s.scalar(
            select(func.count()).select_from(Conflict).where(Conflict.acknowledged_at.is_(None))) or 0)
            + shop_conflicts.open_count(s))

    def operation(self, key: str) -> OperationResult | None:
        """The stored outcome of one operation (status `queued` while it waits)."""

        def load(session: Session) -> OperationResult | None:
            op = session.scalar(select(Operation).where(Operation.key == key))
            if op is None:
                return None
            return OperationResult(op.key, op.kind, op.status, op.code, op.message, op.message_ja,
                                   op.result or {})

        return self.store.read(load)

    def dead_letters(self, include_resolved: bool = False) -> list[DeadLetterView]:
        def load(session: Session) -> list[DeadLetterView]:
            query = (select(DeadLetter, Operation).join(Operation, Operation.key == DeadLetter.operation_key)
                     .order_by(DeadLetter.id))
            if not include_resolved:
                query = query.where(DeadLetter.resolved_at.is_(None))
            return [DeadLetterView(d.operation_key, d.kind, d.code, d.message, d.message_ja, d.failed_at,
                                   o.payload, d.resolved_at, d.resolution, d.resolved_by, d.note)
                    for d, o in session.execute(query)]

        return self.store.read(load)

    def conflicts(self, include_acknowledged: bool = True) -> list[ConflictView]:
        def load(session: Session) -> list[ConflictView]:
            query = select(Conflict).order_by(Conflict.id)
            if not include_acknowledged:
                query = query.where(Conflict.acknowledged_at.is_(None))
            own = [ConflictView(c.operation_key, c.kind, c.code, c.message, c.message_ja, c.detail,
                                c.reported_at, c.acknowledged_at) for c in session.scalars(query)]
            shop = [shop_conflict_view(c) for c in shop_conflicts.rows(session, include_acknowledged)]
            return sorted(own + shop, key=lambda v: v.reported_at)

        return self.store.read(load)


def shop_conflict_view(c: ShopConflict) -> ConflictView:
    """A conflict of this shop pulled from the cloud; its detail also says how the shop was involved."""
    detail = {**(c.detail or {}), "involvement": c.involvement, "conflict_id": c.cloud_id}
    return ConflictView(shop_conflicts.view_key(c.cloud_id), c.kind, c.code, c.message, c.message_ja, detail,
                        c.reported_at, c.acknowledged_at)


def _add_operation(session: Session, key: str, kind: str, payload: dict[str, Any], stamp: datetime,
                   offline: bool, retry_of: str | None = None, staff_session: str | None = None) -> None:
    session.add(Operation(key=key, kind=kind, payload=payload, created_at=stamp, offline=offline,
                          status="queued", retry_of=retry_of, staff_session=staff_session))
    session.flush()
    session.add(OutboxEntry(operation_key=key, kind=kind))


def _finish_all(session: Session, results: Sequence[OperationResult], now: datetime) -> None:
    """Store the answers of one batch: one SELECT, one DELETE, then per-row updates (all one transaction)."""
    for result in results:
        if result.status not in FINAL_STATUSES:
            raise ValueError(f"unknown result status {result.status!r}")
    keys = [r.key for r in results]
    ops = {op.key: op for op in session.scalars(select(Operation).where(Operation.key.in_(keys)))}
    done: list[str] = []
    for result in results:
        op = ops.get(result.key)
        if op is None or op.status != "queued":
            continue  # already recorded (a replayed batch after a crash): nothing to do twice
        op.status, op.code, op.message = result.status, result.code, result.message
        op.message_ja, op.result, op.finished_at = result.message_ja, result.result or None, now
        done.append(result.key)
        code = result.code or result.status
        if result.status == "rejected":
            session.add(DeadLetter(operation_key=result.key, kind=result.kind, code=code,
                                   message=result.message or code, message_ja=result.message_ja or code,
                                   failed_at=now))
        elif result.status == "conflict":
            own_code, english, japanese = describe_conflict(result.kind, result.result)
            if not result.code:
                op.code = code = own_code
            session.add(Conflict(operation_key=result.key, kind=result.kind, code=code,
                                 message=result.message or english, message_ja=result.message_ja or japanese,
                                 detail=result.result or None, reported_at=now))
    if done:
        session.execute(delete(OutboxEntry).where(OutboxEntry.operation_key.in_(done)))
