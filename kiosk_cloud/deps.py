"""Request dependencies: the database and the calling terminal with its role check."""

from __future__ import annotations

import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from kiosk_cloud.db import Database
from kiosk_cloud.errors import ApiError
from kiosk_cloud.models import terminals
from kiosk_cloud.security import secret_matches, split_token
from kiosk_cloud.services import contact
from kiosk_cloud.services.staff_auth import open_session
from kiosk_cloud.settings import Settings

# A terminal row is cached this long per worker (revocation reaches other workers within this delay;
# the worker that revokes forgets the entry at once).
TERMINAL_CACHE_S = 5.0

_bearer = HTTPBearer(auto_error=False)


@dataclass(frozen=True, slots=True)
class Caller:
    terminal_id: int
    role: str
    shop_id: int | None
    name: str


async def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


class TerminalCache:
    def __init__(self) -> None:
        self._rows: dict[int, tuple[float, str, Caller, bool]] = {}

    def get(self, terminal_id: int) -> tuple[str, Caller, bool] | None:
        entry = self._rows.get(terminal_id)
        if entry is None or entry[0] < time.monotonic():
            return None
        return entry[1], entry[2], entry[3]

    def put(self, terminal_id: int, token_hash: str, caller: Caller, revoked: bool) -> None:
        if len(self._rows) > 10_000:
            self._rows.clear()
        self._rows[terminal_id] = (time.monotonic() + TERMINAL_CACHE_S, token_hash, caller, revoked)

    def forget(self, terminal_id: int) -> None:
        self._rows.pop(terminal_id, None)


async def authenticate(state: Any, token: str) -> Caller:
    """The terminal behind a bearer token (cached ≤ TERMINAL_CACHE_S per worker); ApiError when refused."""
    parsed = split_token(token)
    if parsed is None:
        raise ApiError("unauthorized")
    terminal_id, secret = parsed
    cache: TerminalCache = state.terminal_cache
    hit = cache.get(terminal_id)
    if hit is None:
        db: Database = state.db
        async with db.read() as conn:
            row = (
                await conn.execute(
                    select(
                        terminals.c.token_hash, terminals.c.role, terminals.c.shop_id,
                        terminals.c.name, terminals.c.revoked_at,
                    ).where(terminals.c.id == terminal_id)
                )
            ).first()
        if row is None:
            raise ApiError("unauthorized")
        caller = Caller(terminal_id, row.role, row.shop_id, row.name)
        hit = (row.token_hash, caller, row.revoked_at is not None)
        cache.put(terminal_id, *hit)
    token_hash, caller, revoked = hit
    if not secret_matches(secret, token_hash):
        raise ApiError("unauthorized")
    if revoked:
        raise ApiError("terminal_revoked")
    return caller


async def current_terminal(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Caller:
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError("unauthorized")
    caller = await authenticate(request.app.state, credentials.credentials)
    # last contact and outbox backlog (issue 12): an in-memory note, written in batches (services/contact.py)
    contact.tracker(request.app.state).note(request.app.state.db, caller.terminal_id,
                                            contact.backlog_of(request.headers.get(contact.BACKLOG_HEADER)))
    return caller


def require(*roles: str) -> Callable[..., Coroutine[Any, Any, Caller]]:
    """Dependency factory: the caller must hold one of `roles` (403 forbidden_role otherwise)."""
    allowed = frozenset(roles)

    async def dependency(caller: Annotated[Caller, Depends(current_terminal)]) -> Caller:
        if caller.role not in allowed:
            raise ApiError("forbidden_role", f"needs one of: {', '.join(sorted(allowed))}")
        return caller

    return dependency


DB = Annotated[Database, Depends(get_db)]
AppSettings = Annotated[Settings, Depends(get_settings)]
AnyTerminal = Annotated[Caller, Depends(current_terminal)]
Admin = Annotated[Caller, Depends(require("admin"))]
Counter = Annotated[Caller, Depends(require("counter", "admin"))]
Store = Annotated[Caller, Depends(require("store"))]
Office = Annotated[Caller, Depends(require("office", "admin"))]
StoreOrOffice = Annotated[Caller, Depends(require("store", "office", "admin"))]
Granting = Annotated[Caller, Depends(require("counter", "office", "admin"))]
ResidentFacing = Annotated[Caller, Depends(require("counter", "store", "office", "admin"))]


@dataclass(frozen=True, slots=True)
class StaffCaller:
    """A terminal with a clerk logged in on it (X-Staff-Session): the staff member comes from the session only."""

    caller: Caller
    staff_id: int
    department_id: int
    role: str
    session_id: int

    @property
    def terminal_id(self) -> int:
        return self.caller.terminal_id


def require_staff(*roles: str) -> Callable[..., Coroutine[Any, Any, StaffCaller]]:
    """Dependency factory: a terminal of one of `roles` with an open staff session of that terminal whose staff
    member's role is one of `roles` too (an admin staff member may act on any of these terminals)."""
    allowed = frozenset(roles)

    async def dependency(
        request: Request, caller: Annotated[Caller, Depends(current_terminal)],
        x_staff_session: Annotated[str | None, Header(max_length=200)] = None,
    ) -> StaffCaller:
        if caller.role not in allowed:
            raise ApiError("forbidden_role", f"needs one of: {', '.join(sorted(allowed))}")
        if not x_staff_session:
            raise ApiError("staff_session_required")
        state = request.app.state
        session = await open_session(state.db, state.settings, token=x_staff_session, terminal_id=caller.terminal_id)
        if session.role not in allowed and session.role != "admin":
            raise ApiError("forbidden_staff_role", f"needs one of: {', '.join(sorted(allowed))}")
        return StaffCaller(caller, session.staff_id, session.department_id, session.role, session.session_id)

    return dependency


AdminStaff = Annotated[StaffCaller, Depends(require_staff("admin"))]
CounterStaff = Annotated[StaffCaller, Depends(require_staff("counter", "admin"))]
OfficeStaff = Annotated[StaffCaller, Depends(require_staff("office", "admin"))]
GrantingStaff = Annotated[StaffCaller, Depends(require_staff("counter", "admin"))]
