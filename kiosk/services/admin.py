"""The administration terminal's service (issue 12, Qt-free): the admin clerk's session, setting up (point types,
programmes, measures with the eligible list, shops, voucher rules, staff), terminals (enrolment code as text and
QR, last contact, backlog, revoke), post-review, reserved points, support events, the change history, reports with
drill-down and the exports (CSV as the cloud streams it, PDF made here). Every call goes to the cloud online."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kiosk.services.admin_exports import save_report_pdf

JST = timezone(timedelta(hours=9))
REPORTS = ("grants", "usage", "vouchers", "expired", "applications", "conflicts")


@dataclass
class AdminService:
    cloud: Any  # kiosk.services.office_cloud.OfficeCloud (JSON calls and file downloads with the staff session)
    out_dir: Path
    municipality: str = ""
    staff: dict[str, Any] | None = None
    setup_cache: dict[str, Any] = field(default_factory=dict)
    card: Any = None  # the terminal's card service (a supporter's consent); None: no reader on this terminal
    terminal_id: int = 0
    municipality_code: str = ""
    card_timeout: float = 20.0
    support_target: dict[str, Any] | None = None  # the support event the supporter screen takes points for

    # -- the clerk ---------------------------------------------------------------------------------------------
    def online(self) -> bool:
        return bool(self.cloud.online())

    def login(self, staff_code: str, password: str) -> dict[str, Any]:
        """Log in and read the set-up; a clerk who is not an administrator is refused and logged out again."""
        staff = dict(self.cloud.login(staff_code, password))
        self.staff = staff
        try:
            self.setup()
        except Exception:
            self.logout()
            raise
        return staff

    def logout(self) -> None:
        try:
            self.cloud.logout()
        finally:
            self.staff = None

    def _call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        return self.cloud.call(method, path, body, {k: v for k, v in params.items() if v is not None} or None)

    # -- setting up --------------------------------------------------------------------------------------------
    def setup(self) -> dict[str, Any]:
        self.setup_cache = dict(self._call("GET", "/v1/admin/setup"))
        town = self.setup_cache.get("municipality") or {}
        self.municipality = str(town.get("name") or self.municipality)
        return self.setup_cache

    def edit(self, kind: str, entity_id: int, changes: dict[str, Any]) -> dict[str, Any]:
        """kind: point-types | programmes | shops | staff (the cloud audits before/after)."""
        return dict(self._call("PATCH", f"/v1/admin/{kind}/{entity_id}", changes))

    def add(self, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        """kind: shops | programmes | measures | departments | staff | support-events."""
        return dict(self._call("POST", f"/v1/admin/{kind}", values))

    def set_voucher_rule(self, point_type_id: int, validity_days: int, max_points: int,
                         shop_ids: list[int]) -> dict[str, Any]:
        return dict(self._call("PUT", f"/v1/admin/voucher-rules/{point_type_id}",
                               {"validity_days": validity_days, "max_points": max_points, "shop_ids": shop_ids}))

    def upload_eligible(self, measure_id: int, csv_file: Path) -> dict[str, Any]:
        """The eligible list (pre-review) from a CSV file: MyKey IDs in the first column (UTF-8, BOM allowed;
        Shift_JIS files from Excel are read too)."""
        raw = Path(csv_file).read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp932")
        return dict(self._call("POST", f"/v1/admin/measures/{measure_id}/eligible", {"csv": text}))

    # -- terminals -----------------------------------------------------------------------------------------------
    def terminals(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/admin/terminals")["terminals"])

    def enrolment_code(self, role: str, name: str, shop_id: int | None) -> dict[str, Any]:
        """A one-time code for a new terminal (shown as text and as a QR the terminal can scan)."""
        return dict(self._call("POST", "/v1/admin/enrolment-codes", {"role": role, "name": name, "shop_id": shop_id}))

    def revoke(self, terminal_id: int) -> dict[str, Any]:
        return dict(self._call("POST", f"/v1/terminals/{terminal_id}/revoke"))

    # -- post-review, reserved points, support events -----------------------------------------------------------
    def applications(self, status: str | None = "applied", measure_id: int | None = None) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/applications", status=status, measure_id=measure_id)["applications"])

    def review(self, ids: list[int], approve: bool, reason: str | None) -> dict[str, Any]:
        return dict(self._call("POST", "/v1/admin/applications/review",
                               {"application_ids": ids, "approve": approve, "reason": reason or None}))

    def sweep_reserved(self) -> list[dict[str, Any]]:
        return list(self._call("POST", "/v1/admin/reserved/sweep")["transferred"])

    def municipal_accounts(self) -> list[dict[str, Any]]:
        return list(self._call("GET", "/v1/admin/accounts")["accounts"])

    def support_event(self, account_id: int) -> dict[str, Any]:
        return dict(self._call("GET", f"/v1/admin/support-events/{account_id}"))

    def fund(self, account_id: int, programme_id: int, points: int) -> dict[str, Any]:
        return dict(self._call("POST", f"/v1/admin/support-events/{account_id}/fund",
                               {"programme_id": programme_id, "points": points}))

    def give_to_event(self, event: dict[str, Any], points: int, pin: str, name: str | None = None) -> dict[str, Any]:
        """A supporter gives points to the event: the card signs a statement of exactly this gift (action
        `event_support`, shop = the event's account) after the resident's PIN; the cloud checks it and moves the
        points. `name`: only when the resident wishes the organiser to be told it. The PIN is used once, never kept."""
        from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire
        from kiosk.services.errors import ServiceError, translate_error

        if self.card is None:
            raise ServiceError("reader_gone", "no card reader on this terminal")
        if not (len(pin) == 4 and pin.isdigit()):
            raise ServiceError("pin_format")
        try:
            statement = encode_statement(ConsentStatement(
                action="event_support", municipality_code=self.municipality_code, shop_id=int(event["account_id"]),
                terminal_id=self.terminal_id, point_type_id=int(event["point_type_id"]), points=points, count=1,
                nonce=new_nonce(), at=statement_now(self.cloud.now())))
            signature = bytes(self._card("sign_statement", statement, pin))
            der = self._card("read_user_auth_certificate")
            consent = to_wire(statement, signature, bytes(getattr(der, "cert_der", der)))
            return dict(self._call("POST", f"/v1/admin/support-events/{int(event['account_id'])}/support",
                                   {"points": points, "consent": consent, "name": name or None}))
        except ServiceError:
            raise
        except Exception as exc:
            raise translate_error(exc) from None

    def release_card(self) -> None:
        reset = getattr(self.card, "release_card", None) or getattr(self.card, "reset", None)
        if reset is not None:
            with contextlib.suppress(Exception):  # the card may already be gone
                reset()

    def _card(self, name: str, *args: Any) -> Any:
        result = getattr(self.card, name)(*args)
        return result.result(timeout=self.card_timeout) if hasattr(result, "result") else result

    def payout(self, account_id: int, points: int, payee: str) -> dict[str, Any]:
        return dict(self._call("POST", f"/v1/admin/support-events/{account_id}/payout",
                               {"points": points, "payee": payee}))

    # -- history and reports -----------------------------------------------------------------------------------
    def history(self, action: str | None = None, before_id: int | None = None, limit: int = 100) -> dict[str, Any]:
        return dict(self._call("GET", "/v1/admin/audit", action=action, before_id=before_id, limit=limit))

    def report(self, name: str, period: str, by: str = "programme") -> dict[str, Any]:
        return dict(self._call("GET", f"/v1/admin/reports/{name}", period=period, by=by))

    def drill(self, name: str, period: str, key: str, month: str | None, by: str = "programme") -> dict[str, Any]:
        return dict(self._call("GET", f"/v1/admin/reports/{name}/rows", period=period, key=key, month=month, by=by))

    def export_csv(self, name: str, period: str, by: str = "programme") -> Path:
        """The cloud's CSV (UTF-8 with BOM), saved byte for byte."""
        if name == "accounting":
            data = self.cloud.download("/v1/admin/exports/accounting", {"period": period, "format": "csv"})
            path = self.out_dir / f"seisan_{period}.csv"
        else:
            data = self.cloud.download(f"/v1/admin/exports/reports/{name}.csv", {"period": period, "by": by})
            path = self.out_dir / (f"{name}_{by}_{period}.csv" if name == "grants" else f"{name}_{period}.csv")
        self.out_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".csv.part")
        tmp.write_bytes(data)
        tmp.replace(path)
        return path

    def export_pdf(self, name: str, period: str, by: str = "programme",
                   report: dict[str, Any] | None = None) -> Path:
        if name == "accounting":
            report = dict(self._call("GET", "/v1/admin/exports/accounting", period=period))
        report = report or self.report(name, period, by)
        subtitle = {"programme": "事業別", "department": "担当課別", "mykey_id": "マイキーID別"}.get(by, "") \
            if name == "grants" else ""
        path = self.out_dir / (f"{name}_{by}_{period}.pdf" if name == "grants" else f"{name}_{period}.pdf")
        return save_report_pdf(path, municipality=self.municipality, name=name, period=period,
                               columns=report["columns"], rows=report["rows"], subtitle=subtitle,
                               printed_at=datetime.now(JST))


def default_period(now: datetime | None = None) -> str:
    """This month in Japan time: 'YYYY-MM'."""
    return (now or datetime.now(JST)).astimezone(JST).strftime("%Y-%m")
