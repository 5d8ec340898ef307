"""Typed client for the points cloud's /v1 API (docs/CONTRACTS.md).

Raises `CloudUnavailable` (network, timeout, 5xx: transient) and `CloudRejected(code, message, message_ja)`
(4xx). Returns the decoded JSON objects of the contract; `sync` returns one `OperationResult` per operation.
Call it from a worker thread, never from the GUI thread.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx

from kiosk.sync.clock import ClockOffset
from kiosk.sync.errors import CloudProtocolError
from kiosk.sync.http import DEFAULT_TIMEOUT, CloudTransport
from kiosk.sync.outbox import FINAL_STATUSES, OperationResult, QueuedOperation

JSON = dict[str, Any]


def _seg(value: object) -> str:
    return quote(str(value), safe="")


def _resident(token: str | None) -> dict[str, str] | None:
    return {"X-Resident-Token": token} if token else None


class CloudClient:
    def __init__(self, base_url: str, token: str | None = None, *, clock: ClockOffset | None = None,
                 timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.http = CloudTransport(base_url, token, clock=clock, timeout=timeout, transport=transport)

    @property
    def base_url(self) -> str:
        return self.http.base_url

    @property
    def clock(self) -> ClockOffset:
        return self.http.clock

    def set_token(self, token: str | None) -> None:
        self.http.token = token
        self.http.staff_session = None  # a session belongs to the credentials it was opened with

    @property
    def staff_session(self) -> str | None:
        """The logged-in clerk's session (sent as X-Staff-Session; queued STAFF_KINDS carry it), or None."""
        return self.http.staff_session

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> CloudClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _get(self, path: str, params: dict[str, Any] | None = None, auth: bool = True) -> Any:
        return self.http.request("GET", path, params=params, auth=auth)

    def _post(self, path: str, body: Any = None, auth: bool = True, timeout: float | None = None) -> Any:
        return self.http.request("POST", path, json=body if body is not None else {}, auth=auth, timeout=timeout)

    # -- health, enrolment, staff ----------------------------------------------------------------------------
    def health(self, timeout: float | None = 3.0) -> JSON:
        # with the terminal's token once enrolled: the cloud rate-limits unauthenticated callers per address
        body = self.http.request("GET", "/v1/health", auth=bool(self.http.token), timeout=timeout)
        from kiosk.version import observe

        observe(body)  # min_terminal_version: the status line and the start-up check (issue 13)
        time_text = body.get("time") if isinstance(body, dict) else None
        if isinstance(time_text, str):
            try:
                cloud_time = datetime.fromisoformat(time_text)
            except ValueError:
                cloud_time = None
            if cloud_time is not None and cloud_time.tzinfo is not None:
                now = self.clock.local_now()
                self.clock.observe(cloud_time, now, now)  # sub-second time beats the Date header
        return dict(body)

    def create_enrolment_code(self, role: str, name: str, shop_id: str | None = None) -> JSON:
        body: JSON = {"role": role, "name": name}
        if shop_id is not None:
            body["shop_id"] = shop_id
        return dict(self._post("/v1/admin/enrolment-codes", body))

    def enrol(self, code: str, name: str) -> JSON:
        return dict(self._post("/v1/terminals/enrol", {"code": code, "name": name}, auth=False))

    def revoke_terminal(self, terminal_id: str) -> JSON:
        return dict(self._post(f"/v1/terminals/{_seg(terminal_id)}/revoke") or {})

    def staff_login(self, staff_code: str, password: str) -> JSON:
        """Opens the clerk's session on the cloud (online only: there is no offline login) and keeps it: every
        later request carries it until `staff_logout`. The answer holds `staff_session`, `staff_id`, `name`,
        `department_id`, `department_name`, `role`, `idle_timeout_s`."""
        data = dict(self._post("/v1/staff/login", {"staff_code": staff_code, "password": password}))
        self.http.staff_session = str(data["staff_session"])
        return data

    def staff_logout(self) -> bool:
        """Ends the clerk's session on the cloud and forgets it here (forgotten even when the cloud is unreachable:
        it then ends by idling out). True when the cloud confirmed the end."""
        session, self.http.staff_session = self.http.staff_session, None
        if not session:
            return False
        body = self.http.request("POST", "/v1/staff/logout", json={}, headers={"X-Staff-Session": session})
        return bool(body.get("ended")) if isinstance(body, dict) else False

    # -- resident authentication -----------------------------------------------------------------------------
    def auth_challenge(self) -> JSON:
        return dict(self._post("/v1/auth/challenge"))

    def auth_verify(self, challenge_id: str, certificate_der: bytes, signature: bytes) -> JSON:
        return dict(self._post("/v1/auth/verify", {
            "challenge_id": challenge_id,
            "certificate": base64.b64encode(certificate_der).decode(),
            "signature": base64.b64encode(signature).decode(),
        }))

    # -- MyKey IDs ---------------------------------------------------------------------------------------------
    def mykey_id_available(self, mykey_id: str) -> JSON:
        return dict(self._get(f"/v1/mykey-ids/{_seg(mykey_id)}/available"))

    def generate_mykey_id(self) -> JSON:
        return dict(self._post("/v1/mykey-ids/generate"))

    def create_mykey_id(self, auth_token: str, mykey_id: str | None = None) -> JSON:
        body: JSON = {"auth_token": auth_token}
        if mykey_id is not None:
            body["mykey_id"] = mykey_id
        return dict(self._post("/v1/mykey-ids", body))

    def get_mykey_id(self, mykey_id: str) -> JSON:
        return dict(self._get(f"/v1/mykey-ids/{_seg(mykey_id)}"))

    def set_mykey_id_status(self, mykey_id: str, status: str) -> JSON:
        return dict(self._post(f"/v1/mykey-ids/{_seg(mykey_id)}/status", {"status": status}))

    def rebind_mykey_id(self, auth_token: str, old_fingerprint: str | None = None,
                        mykey_id: str | None = None, *, old_auth_token: str | None = None,
                        second_staff: tuple[str, str] | None = None) -> JSON:
        """Move a MyKey ID to a renewed certificate: proof by `old_auth_token` (an authentication with the old
        certificate on this terminal) or `second_staff` (another clerk's (staff_code, password))."""
        body: JSON = {"auth_token": auth_token}
        if old_fingerprint is not None:
            body["old_fingerprint"] = old_fingerprint
        if mykey_id is not None:
            body["mykey_id"] = mykey_id
        if old_auth_token is not None:
            body["old_auth_token"] = old_auth_token
        if second_staff is not None:
            body["second_staff"] = {"staff_code": second_staff[0], "password": second_staff[1]}
        return dict(self._post("/v1/mykey-ids/rebind", body))

    def service_ids(self, mykey_id: str) -> Any:
        return self._get(f"/v1/mykey-ids/{_seg(mykey_id)}/service-ids")

    def add_service_id(self, mykey_id: str, business_id: str, customer_id: str) -> JSON:
        return dict(self._post(f"/v1/mykey-ids/{_seg(mykey_id)}/service-ids",
                               {"business_id": business_id, "customer_id": customer_id}))

    # -- points --------------------------------------------------------------------------------------------------
    def point_types(self) -> Any:
        return self._get("/v1/point-types")

    def departments(self) -> Any:
        return self._get("/v1/departments")

    def programmes(self) -> Any:
        return self._get("/v1/programmes")

    def grant(self, programme_id: Any, mykey_id: str, points: int, idempotency_key: str) -> JSON:
        return dict(self._post("/v1/grants", {"programme_id": programme_id, "mykey_id": mykey_id,
                                              "points": points, "idempotency_key": idempotency_key}))

    def grants_bulk(self, grants: Sequence[JSON]) -> Any:
        return self._post("/v1/grants/bulk", {"grants": list(grants)})

    def balances(self, mykey_id: str, *, resident_token: str | None = None) -> JSON:
        """Needs the resident's auth_token for this MyKey ID (`resident_token`) or a clerk logged in here."""
        return dict(self.http.request("GET", f"/v1/balances/{_seg(mykey_id)}", headers=_resident(resident_token)))

    def history(self, mykey_id: str, limit: int = 100, before_id: int | None = None, *,
                resident_token: str | None = None) -> JSON:
        """As `balances`; a store terminal sees only its own shop's entries."""
        params: dict[str, Any] = {"limit": limit}
        if before_id is not None:
            params["before_id"] = before_id
        return dict(self.http.request("GET", f"/v1/history/{_seg(mykey_id)}", params=params,
                                      headers=_resident(resident_token)))

    # -- shops ---------------------------------------------------------------------------------------------------
    def pay(self, point_type_id: Any, points: int, idempotency_key: str, *, consent: Mapping[str, str]) -> JSON:
        """A card payment with the resident's signed consent (wire form, kiosk.core.consent.to_wire)."""
        body: JSON = {"point_type_id": point_type_id, "points": points, "idempotency_key": idempotency_key,
                      "consent": dict(consent)}
        return dict(self._post("/v1/payments", body))

    def reverse_payment(self, payment_id: Any) -> JSON:
        return dict(self._post(f"/v1/payments/{_seg(payment_id)}/reverse"))

    # -- vouchers ------------------------------------------------------------------------------------------------
    def issue_vouchers(self, consent: Mapping[str, str], point_type_id: Any, points: int, count: int,
                       validity_days: int | None = None) -> JSON:
        """Vouchers from the resident's balance; the consent's statement says voucher_issue, shop "-", this
        terminal, the point type, points × count and count."""
        body: JSON = {"consent": dict(consent), "point_type_id": point_type_id, "points": points, "count": count}
        if validity_days is not None:
            body["validity_days"] = validity_days
        return dict(self._post("/v1/vouchers", body))

    def redeem_voucher(self, code: str, idempotency_key: str) -> JSON:
        return dict(self._post("/v1/vouchers/redeem", {"code": code, "idempotency_key": idempotency_key}))

    def void_voucher(self, number: str) -> JSON:
        return dict(self._post(f"/v1/vouchers/{_seg(number)}/void"))

    def reconcile_vouchers(self, numbers: Sequence[str], shop_id: Any, *, codes: Sequence[str] = (),
                           second_staff: tuple[str, str] | None = None) -> JSON:
        """Paper vouchers collected from a shop: by QR code (`codes`), or by number with a second clerk's
        (staff_code, password) confirmation."""
        body: JSON = {"numbers": list(numbers), "codes": list(codes), "shop_id": shop_id}
        if second_staff is not None:
            body["second_staff"] = {"staff_code": second_staff[0], "password": second_staff[1]}
        return dict(self._post("/v1/vouchers/reconcile", body))

    # -- measures ------------------------------------------------------------------------------------------------
    def measures(self, mykey_id: str | None = None) -> Any:
        """Measures with `taken`; with `mykey_id`, also `pre_registered` for that MyKey ID."""
        return self._get("/v1/measures", {"mykey_id": mykey_id} if mykey_id else None)

    def apply(self, measure_id: Any, mykey_id: str, municipality_code: str, payment_service: str,
              idempotency_key: str) -> JSON:
        return dict(self._post("/v1/applications", {
            "measure_id": measure_id, "mykey_id": mykey_id, "municipality_code": municipality_code,
            "payment_service": payment_service, "idempotency_key": idempotency_key}))

    def application(self, application_id: Any) -> JSON:
        return dict(self._get(f"/v1/applications/{_seg(application_id)}"))

    def applications(self, **filters: Any) -> Any:
        return self._get("/v1/applications", filters or None)

    def review_application(self, application_id: Any, approve: bool, reason: str | None = None) -> JSON:
        body: JSON = {"approve": approve}
        if reason is not None:
            body["reason"] = reason
        return dict(self._post(f"/v1/applications/{_seg(application_id)}/review", body))

    # -- sync and the changes feed -----------------------------------------------------------------------------
    def sync(self, operations: Sequence[QueuedOperation], timeout: float | None = None) -> list[OperationResult]:
        body = self._post("/v1/sync", {"operations": [op.wire() for op in operations]}, timeout=timeout)
        raw = body.get("results") if isinstance(body, dict) else None
        if not isinstance(raw, list) or len(raw) != len(operations):
            raise CloudProtocolError("sync answer does not hold one result per operation")
        results = []
        for op, item in zip(operations, raw, strict=True):
            if not isinstance(item, dict) or item.get("key") != op.key or item.get("status") not in FINAL_STATUSES:
                raise CloudProtocolError(f"sync result out of order or malformed for {op.key}")
            results.append(OperationResult(
                key=op.key, kind=op.kind, status=item["status"], code=item.get("code"),
                message=item.get("message"), message_ja=item.get("message_ja"),
                result=item.get("result") or {}))
        return results

    def changes(self, cursor: int, limit: int = 500) -> JSON:
        body = self._get("/v1/changes", {"cursor": cursor, "limit": limit})
        if not isinstance(body, dict) or not isinstance(body.get("changes"), list):
            raise CloudProtocolError("changes answer malformed")
        return body

    # -- reports and conflicts ---------------------------------------------------------------------------------
    def report_grants(self, month: str, by: str = "programme") -> JSON:
        return dict(self._get("/v1/reports/grants", {"month": month, "by": by}))

    def report_grants_csv(self, month: str, by: str = "programme") -> str:
        return self.http.request_text("GET", "/v1/reports/grants", params={"month": month, "by": by,
                                                                            "format": "csv"})

    def report_settlement(self, date_from: str, date_to: str, shop_id: Any | None = None) -> JSON:
        return dict(self._get("/v1/reports/settlement", self._settlement_params(date_from, date_to, shop_id)))

    def report_settlement_csv(self, date_from: str, date_to: str, shop_id: Any | None = None) -> str:
        params = {**self._settlement_params(date_from, date_to, shop_id), "format": "csv"}
        return self.http.request_text("GET", "/v1/reports/settlement", params=params)

    @staticmethod
    def _settlement_params(date_from: str, date_to: str, shop_id: Any | None) -> dict[str, Any]:
        params: dict[str, Any] = {"from": date_from, "to": date_to}
        if shop_id is not None:
            params["shop_id"] = shop_id
        return params

    def conflicts(self, resolved: bool = False, *, include_resolved: bool = False, after_id: int = 0) -> JSON:
        """Office/admin: all conflicts; a store terminal: those involving its shop (with `involvement`)."""
        params: dict[str, Any] = {"resolved": str(resolved).lower()}
        if include_resolved:
            params["include_resolved"] = "true"
        if after_id:
            params["after_id"] = after_id
        body = self._get("/v1/conflicts", params)
        if not isinstance(body, dict) or not isinstance(body.get("conflicts"), list):
            raise CloudProtocolError("conflicts answer malformed")
        return body

    def resolve_conflict(self, conflict_id: Any) -> JSON:
        return dict(self._post(f"/v1/conflicts/{_seg(conflict_id)}/resolve"))

    # -- terminals and administration --------------------------------------------------------------------------
    def me(self) -> JSON:
        return dict(self._get("/v1/terminals/me"))

    def terminals(self) -> Any:
        return self._get("/v1/terminals")

    def shops(self) -> Any:
        return self._get("/v1/shops")

    def admin_add_shop(self, name: str, street: str, payee_account: str = "") -> JSON:
        return dict(self._post("/v1/admin/shops", {"name": name, "street": street, "payee_account": payee_account}))

    def admin_add_programme(self, **fields: Any) -> JSON:
        """Fields: department_id, point_type_id, name, name_en, premium?, validity_days?, max_points_per_grant?"""
        return dict(self._post("/v1/admin/programmes", fields))

    def admin_add_measure(self, **fields: Any) -> JSON:
        """Fields as MeasureIn of CONTRACTS.md (datetimes as ISO-8601 text with offset)."""
        return dict(self._post("/v1/admin/measures", fields))

    def admin_set_offline_limit(self, point_type_id: Any, per_card_per_day: int) -> JSON:
        return dict(self._post(f"/v1/admin/point-types/{_seg(point_type_id)}/offline-limit",
                               {"per_card_per_day": per_card_per_day}))

    def admin_rotate_voucher_key(self) -> JSON:
        return dict(self._post("/v1/admin/voucher-keys/rotate"))

    def admin_pre_register_attendance(self, programme_id: Any, mykey_id: str, points: int) -> JSON:
        return dict(self._post("/v1/admin/attendance", {"programme_id": programme_id, "mykey_id": mykey_id,
                                                        "points": points}))

    def admin_reserve(self, programme_id: Any, mykey_id: str, points: int, transfer_deadline: datetime) -> JSON:
        return dict(self._post("/v1/admin/reserved", {"programme_id": programme_id, "mykey_id": mykey_id,
                                                      "points": points,
                                                      "transfer_deadline": transfer_deadline.isoformat()}))

    def admin_sweep_reserved(self) -> JSON:
        return dict(self._post("/v1/admin/reserved/sweep"))
