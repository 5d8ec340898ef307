"""Every /v1 endpoint except health and enrolment needs terminal credentials; writes declare their roles."""

from __future__ import annotations

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from kiosk_cloud.api import (
    admin,
    changes,
    health,
    measures,
    mykey,
    points,
    reports,
    residents,
    shops,
    staff,
    sync,
    terminals,
)
from kiosk_cloud.deps import current_terminal

OPEN = {("GET", "/health"), ("POST", "/terminals/enrol")}
MODULES = (admin, changes, health, measures, mykey, points, reports, residents, shops, staff, sync, terminals)
# writes that need no clerk (issue 8): the store's own (the resident's consent is their proof), a resident's card
# authentication, the staff login itself and its logout; sync checks its operations one by one
NO_CLERK = {("POST", "/payments"), ("POST", "/payments/{payment_id}/reverse"), ("POST", "/vouchers/redeem"),
            ("POST", "/auth/challenge"), ("POST", "/auth/verify"), ("POST", "/staff/login"), ("POST", "/staff/logout"),
            ("POST", "/sync")}


def _calls(dependant: Dependant) -> set[object]:
    found: set[object] = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def _routes() -> list[tuple[str, APIRoute]]:
    return [(m, r) for module in MODULES for r in module.router.routes if isinstance(r, APIRoute) for m in (r.methods or ())]


def test_every_route_checks_the_terminal() -> None:
    routes = _routes()
    assert len(routes) > 40
    for method, route in routes:
        needs_auth = current_terminal in _calls(route.dependant)
        assert needs_auth == ((method, route.path) not in OPEN), (method, route.path)


def test_writes_declare_roles() -> None:
    """Every POST other than enrolment, staff login, the resident challenge/verify and sync (whose operation kinds
    carry their own roles) goes through require(...)."""
    role_free = OPEN | {("POST", "/staff/login"), ("POST", "/staff/logout"), ("POST", "/sync")}
    for method, route in _routes():
        if method != "POST" or (method, route.path) in role_free:
            continue
        names = {getattr(c, "__qualname__", "") for c in _calls(route.dependant)}
        assert names & {"require.<locals>.dependency", "require_staff.<locals>.dependency"}, route.path


def test_every_other_write_needs_a_clerk() -> None:
    """Issue 8: every write that acts on a resident's records or creates points takes the staff member from a
    staff session (require_staff), never from the body."""
    for method, route in _routes():
        if method != "POST" or (method, route.path) in OPEN | NO_CLERK:
            continue
        names = {getattr(c, "__qualname__", "") for c in _calls(route.dependant)}
        assert "require_staff.<locals>.dependency" in names, route.path
