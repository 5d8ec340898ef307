from __future__ import annotations

import pathlib
import uuid

import pytest

from kiosk.sync.outbox import OperationResult, Outbox
from kiosk.sync.store import LocalStore


def test_enqueue_generates_a_key_once_and_keeps_order(store: LocalStore) -> None:
    outbox = Outbox(store)
    keys = [outbox.enqueue("grant", {"points": i}) for i in range(12)]
    assert len(set(keys)) == 12 and all(uuid.UUID(k) for k in keys)
    queued = outbox.peek(100)
    assert [op.key for op in queued] == keys
    assert [op.payload["points"] for op in queued] == list(range(12))
    assert outbox.peek(3) == queued[:3]
    assert outbox.length() == 12 and outbox.length_by_kind() == {"grant": 12}


def test_unknown_kind_is_refused(store: LocalStore) -> None:
    with pytest.raises(ValueError):
        Outbox(store).enqueue("teleport", {})


def test_results_finish_dead_letter_and_conflict(store: LocalStore) -> None:
    outbox = Outbox(store)
    for kind in ("grant", "payment", "offline_voucher_redeem"):
        outbox.enqueue(kind, {})
    sent = outbox.peek(10)
    results = [
        OperationResult(sent[0].key, "grant", "applied", result={"id": 1}),
        OperationResult(sent[1].key, "payment", "rejected", "unknown_mykey_id", "No such MyKey ID",
                        "マイキーIDがありません"),
        OperationResult(sent[2].key, "offline_voucher_redeem", "conflict", "voucher_used_twice", "used twice",
                        "二重使用", {"first_shop": "A"}),
    ]
    outbox.record_results(sent, results)
    assert outbox.length() == 0
    assert outbox.operation(sent[0].key).status == "applied"  # type: ignore[union-attr]
    [letter] = outbox.dead_letters()
    assert (letter.key, letter.code, letter.message_ja) == (sent[1].key, "unknown_mykey_id", "マイキーIDがありません")
    [conflict] = outbox.conflicts()
    assert conflict.code == "voucher_used_twice" and conflict.detail == {"first_shop": "A"}
    # recording the same answers again (a crash between send and record) changes nothing
    outbox.record_results(sent, results)
    assert len(outbox.dead_letters()) == 1 and len(outbox.conflicts()) == 1


def test_results_must_match_what_was_sent(store: LocalStore) -> None:
    outbox = Outbox(store)
    outbox.enqueue("grant", {})
    outbox.enqueue("grant", {})
    sent = outbox.peek(2)
    with pytest.raises(ValueError):
        outbox.record_results(sent, [OperationResult(sent[1].key, "grant", "applied"),
                                     OperationResult(sent[0].key, "grant", "applied")])
    assert outbox.length() == 2


def test_transient_failure_keeps_entries_and_counts_attempts(store: LocalStore) -> None:
    outbox = Outbox(store)
    outbox.enqueue("grant", {})
    sent = outbox.peek(1)
    outbox.record_failure(sent, "HTTP 503")
    outbox.record_failure(sent, "timeout")
    [op] = outbox.peek(1)
    assert op.key == sent[0].key and op.attempts == 2


def test_dead_letter_retry_gets_a_new_key_and_discard_closes(store: LocalStore) -> None:
    outbox = Outbox(store)
    outbox.enqueue("grant", {"points": 5})
    outbox.enqueue("grant", {"points": 6})
    sent = outbox.peek(2)
    outbox.record_results(sent, [OperationResult(op.key, "grant", "rejected", "programme_closed", "closed", "終了")
                                 for op in sent])
    new_key = outbox.resolve_dead_letter(sent[0].key, "retry", by="clerk-1", note="programme reopened")
    assert new_key and new_key != sent[0].key
    assert [op.key for op in outbox.peek(10)] == [new_key]
    assert outbox.peek(10)[0].payload == {"points": 5}
    assert outbox.resolve_dead_letter(sent[1].key, "discard", by="clerk-1") is None
    assert outbox.dead_letters() == []
    resolved = outbox.dead_letters(include_resolved=True)
    assert [d.resolution for d in resolved] == ["retried", "discarded"]
    with pytest.raises(ValueError):
        outbox.resolve_dead_letter(sent[1].key, "retry", by="clerk-1")


def test_prune_forgets_old_finished_operations_only(store: LocalStore) -> None:
    from datetime import UTC, datetime, timedelta

    from kiosk.sync.models import Redemption

    old = datetime(2026, 1, 1, tzinfo=UTC)
    outbox = Outbox(store, clock=lambda: old)
    done = outbox.enqueue("grant", {})
    refused = outbox.enqueue("grant", {})
    voucher = outbox.enqueue("voucher_redeem", {"code": "X"}, local=lambda s, k: s.add(
        Redemption(voucher_number="1234567890128", operation_key=k, points=1, redeemed_at=old)))
    waiting = outbox.enqueue("grant", {})
    sent = outbox.peek(3)
    outbox.record_results(sent, [OperationResult(done, "grant", "applied"),
                                 OperationResult(refused, "grant", "rejected", "x", "x", "x"),
                                 OperationResult(voucher, "voucher_redeem", "applied")])
    assert outbox.prune(old + timedelta(days=1)) == 1
    assert outbox.operation(done) is None
    assert outbox.operation(refused) is not None and len(outbox.dead_letters()) == 1
    assert outbox.operation(voucher) is not None  # still refuses a second use here
    assert [op.key for op in outbox.peek(10)] == [waiting]
    assert outbox.prune(old - timedelta(days=1)) == 0


def test_staff_kinds_carry_the_clerks_session_and_a_retry_takes_the_current_one(tmp_path: pathlib.Path) -> None:
    """Issue 8: a grant queued while a clerk is logged in carries that clerk's session to the cloud, even if another
    clerk logs in before it is sent; other kinds carry none; retrying a dead letter uses the clerk logged in now."""
    with LocalStore(tmp_path / "s.db") as store:
        outbox = Outbox(store)
        current = {"session": "7.clerk-a"}
        outbox.staff_session_source = lambda: current["session"]
        grant = outbox.enqueue("grant", {"programme_id": 1, "mykey_id": "ABCD2345", "points": 10})
        redeem = outbox.enqueue("voucher_redeem", {"code": "X"})
        current["session"] = "8.clerk-b"
        wire = {op.key: op.wire() for op in outbox.peek(10)}
        assert wire[grant]["staff_session"] == "7.clerk-a"
        assert "staff_session" not in wire[redeem]
        sent = [op for op in outbox.peek(10) if op.key == grant]
        outbox.record_results(sent, [OperationResult(grant, "grant", "rejected", "staff_session_required")])
        retry = outbox.resolve_dead_letter(grant, "retry", by="clerk b")
        assert retry is not None
        assert {op.key: op.wire() for op in outbox.peek(10)}[retry]["staff_session"] == "8.clerk-b"
