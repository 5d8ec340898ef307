"""The clerk's session in /v1/sync and on the plain endpoints that create points (issue 8).

An operation of a kind that acts on a resident's records or creates points (`STAFF_KINDS`) carries the staff session
of the clerk who did it (`staff_session` in the envelope). It is accepted when that session belongs to the sending
terminal and was open at the operation's time: after its login, before its end, and within the idle time of its
previous use — the operations themselves count as uses, in order, so a clerk's work queued offline syncs later even
though the cloud saw no request meanwhile (services.staff_auth.SessionSpan). Otherwise the operation is answered
`rejected` `staff_session_required` WITHOUT running it: no idempotency row, nothing written, so the same key can
still be sent later with a valid session. A key this terminal has already used is let through: it is answered from
its stored result (a replay applies nothing). A grant's staff member is taken from the session (payload `staff_id`
overwritten), never from the payload.

Audit rows are written in each operation's own transaction on every path, so an operation and its audit row stand or
fall together: a grant's by services.audit.audit_grant and the batch runners, an application's, attendance's or
service ID's by its handler (services.operations, audit_staffed). The staff member is the session's: this module
sets the payload's `staff_id` for every staffed kind; a `staff_id` the terminal sent is overwritten.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from kiosk_cloud.db import Database, utcnow
from kiosk_cloud.deps import Caller
from kiosk_cloud.errors import error_body
from kiosk_cloud.models import idempotency
from kiosk_cloud.services.idempotent import REJECTED, OpResult
from kiosk_cloud.services.staff_auth import SessionSpan, session_span, touch_spans
from kiosk_cloud.services.timewindow import current_limits, time_problem
from kiosk_cloud.settings import Settings

STAFF_KINDS = frozenset({"grant", "application", "attendance", "service_id"})
# who may do them: the terminal's role and the clerk's role alike (an admin clerk may act anywhere)
STAFF_ROLES = frozenset({"counter", "admin"})


def refusal(key: str, code: str = "staff_session_required") -> dict[str, Any]:
    err = error_body(code)["error"]
    return OpResult(key, REJECTED, {}, err["code"], err["message"], err["message_ja"]).as_json()


async def check_operations(db: Database, settings: Settings, caller: Caller,
                           ops: list[Any]) -> dict[int, dict[str, Any]]:
    """{index: rejected result} for staffed kinds without a valid session. Every accepted staffed payload gets the
    session's staff_id (its handler writes the audit row with it). Operations are taken in order: each accepted one counts as a use of
    its session (so a clerk's offline work keeps the session open as it would have online)."""
    refused: dict[int, dict[str, Any]] = {}
    now = utcnow()
    skew = timedelta(seconds=getattr(settings, "clock_skew_s", 300))
    idle = timedelta(seconds=settings.staff_idle_s)
    spans: dict[str, SessionSpan | None] = {}
    limits = await current_limits(db, settings)
    async with db.read() as conn:
        for index, op in enumerate(ops):
            if op.kind not in STAFF_KINDS:
                continue
            if caller.role not in STAFF_ROLES:
                continue  # not a kind for this terminal at all: the general path refuses it (forbidden_role, stored)
            if op.created_at is not None and time_problem(op.created_at, now, limits, offline=True):
                continue  # its time is out of the window: a conflict for review, nothing applied (limits helper)
            token = getattr(op, "staff_session", None)
            at = min(op.created_at, now) if op.created_at is not None else now
            if token and token not in spans:
                spans[token] = await session_span(conn, token=token, terminal_id=caller.terminal_id)
            span = spans.get(token) if token else None
            if span is None or not span.open_at(at, idle, skew):
                refused[index] = refusal(op.key)
                continue
            if span.session.role not in STAFF_ROLES:
                refused[index] = refusal(op.key, "forbidden_staff_role")
                continue
            span.use(at)
            if isinstance(op.payload, dict):
                op.payload["staff_id"] = span.session.staff_id  # from the session, never from the payload
    await touch_spans(db, [s for s in spans.values() if s is not None])
    if refused:  # a key this terminal already used is answered from its stored result (a replay writes nothing)
        known = await _known_keys(db, caller.terminal_id, [ops[i].key for i in refused])
        refused = {i: r for i, r in refused.items() if ops[i].key not in known}
    return refused


async def _known_keys(db: Database, terminal_id: int, keys: list[str]) -> set[str]:
    async with db.read() as conn:
        rows = await conn.execute(select(idempotency.c.key).where(idempotency.c.terminal_id == terminal_id,
                                                                  idempotency.c.key.in_(keys)))
        return {str(r.key) for r in rows}


Runner = Callable[[list[Any]], Awaitable[list[dict[str, Any]]]]


async def run_staffed(db: Database, settings: Settings, caller: Caller, ops: list[Any],
                      run: Runner) -> list[dict[str, Any]]:
    """Check the sessions, then run the accepted operations in order (in runs between the refused ones, so a refused
    one stands in its place); each applied one writes its audit row in its own transaction."""
    refused = await check_operations(db, settings, caller, ops)
    results: list[dict[str, Any]] = []
    segment: list[Any] = []
    for index, op in enumerate(ops):
        if index in refused:
            if segment:
                results.extend(await run(segment))
                segment = []
            results.append(refused[index])
        else:
            segment.append(op)
    if segment:
        results.extend(await run(segment))
    return results
