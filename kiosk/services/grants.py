"""Point grants by programme: one resident at a time, or attendance (pre-registered applicants on tap).

Every grant is written to the outbox first (works offline); the service then waits briefly for the cloud's
answer.

Duplicates: the cloud refuses a second attendance grant (`already_attended`) and any grant its programme's
`repeat_rule` (`once_per_day` / `once` / `unlimited`) does not allow (`duplicate_grant`, also for grants made
offline and synced later). The terminal refuses early what it can see: its own grants of the day (works offline)
and, when online, the resident's history in the cloud (grants made by any terminal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.mykey import normalize
from kiosk.services.ports import CloudPort, OutboxPort, Submitted


@dataclass(frozen=True)
class Programme:
    programme_id: str
    name: str
    department_name: str
    points: int
    once_per_day: bool
    premium: bool = False
    attendance: bool = False
    repeat_rule: str = "once_per_day"  # the cloud's rule: once_per_day | once | unlimited
    name_en: str = ""  # shown in English when the cloud has one (issue 13: no Japanese left in English)
    department_name_en: str = ""


@dataclass
class GrantOutcome:
    mykey_id: str
    points: int
    submitted: Submitted

    @property
    def queued(self) -> bool:
        return self.submitted.status == "queued"


@dataclass
class _Ledger:
    day: date | None = None
    granted: dict[str, set[str]] = field(default_factory=dict)  # programme -> MyKey IDs granted here today


class GrantService:
    def __init__(self, cloud: CloudPort, outbox: OutboxPort, wait_s: float = 3.0,
                 today: Callable[[], date] = date.today) -> None:
        self._cloud = cloud
        self._revoked: Callable[[], set[int]] = getattr(cloud, "revoked_serials", set)
        self._today = today
        self._outbox = outbox
        self._wait_s = wait_s
        self._ledger = _Ledger()
        self._lock = threading.Lock()

    def _granted_today_in_cloud(self, programme: Programme, mykey_id: str) -> bool:
        """Online: did any terminal grant this programme to this MyKey ID today? Offline: unknown (False)."""
        try:
            entries = self._cloud.history(mykey_id)
        except Exception as exc:
            error = translate_error(exc)
            if error.code == "cloud_unavailable":
                return False
            raise error from None
        today = self._today()
        return any(str(e.get("programme_id")) == programme.programme_id and e.get("kind") == "grant"
                   and (programme.repeat_rule == "once" or _local_day(str(e.get("occurred_at"))) == today)
                   for e in entries)

    def programmes(self) -> list[Programme]:
        try:
            rows = self._cloud.programmes()
        except Exception as exc:
            raise translate_error(exc) from None
        return [programme_from(r) for r in rows]

    def attend_by_card(self, programme: Programme, fingerprint: str, serial: int | None = None) -> GrantOutcome:
        """Attendance by a card tap without a PIN: the certificate's fingerprint (read freely from the card) goes
        to the cloud, which maps it to the bound MyKey ID and grants the registered points once. Through the
        outbox, so it also works offline (queued; the cloud decides when it arrives). A second tap of the same
        card for the same programme at this terminal is refused here, even offline."""
        value = fingerprint.strip().lower()
        if len(value) != 64:
            raise ServiceError("certificate_invalid")
        if serial is not None and serial in self._revoked():  # the reference data's CRLs: refused even offline
            raise ServiceError("certificate_revoked")
        pid: int | str = int(programme.programme_id) if programme.programme_id.isdigit() else programme.programme_id
        tag = "card:" + value
        with self._lock:
            if self._ledger.day != self._today():
                self._ledger = _Ledger(self._today())
            seen = self._ledger.granted.setdefault(programme.programme_id, set())
            if tag in seen:
                raise ServiceError("duplicate_grant")
            seen.add(tag)
        try:
            submitted = self._outbox.submit("attendance", {"programme_id": pid, "certificate_fingerprint": value},
                                            self._wait_s)
        except Exception as exc:
            with self._lock:
                seen.discard(tag)
            raise translate_error(exc) from None
        if submitted.status in ("rejected", "conflict"):
            if submitted.code not in ("duplicate_grant", "already_attended"):
                with self._lock:
                    seen.discard(tag)
            raise ServiceError(_GRANT_CODES.get(submitted.code, submitted.code or "rejected"), submitted.message)
        result = submitted.result or {}
        return GrantOutcome(str(result.get("mykey_id") or ""), int(result.get("points") or 0), submitted)

    def grant(self, programme: Programme, mykey_id: str, points: int | None = None) -> GrantOutcome:
        value = normalize(mykey_id)
        amount = programme.points if points is None else int(points)
        if amount <= 0:
            raise ServiceError("invalid_points")
        kind = "attendance" if programme.attendance else "grant"
        pid: int | str = int(programme.programme_id) if programme.programme_id.isdigit() else programme.programme_id
        payload: dict[str, Any] = {"programme_id": pid, "mykey_id": value}
        if kind == "grant":
            payload["points"] = amount
        if not programme.attendance and programme.once_per_day and self._granted_today_in_cloud(programme, value):
            raise ServiceError("duplicate_grant")
        with self._lock:
            if self._ledger.day != self._today():
                self._ledger = _Ledger(self._today())
            seen = self._ledger.granted.setdefault(programme.programme_id, set())
            if programme.once_per_day and value in seen:
                raise ServiceError("duplicate_grant")
            seen.add(value)
        try:
            submitted = self._outbox.submit(kind, payload, self._wait_s)
        except Exception as exc:
            with self._lock:
                seen.discard(value)
            raise translate_error(exc) from None
        if submitted.status in ("rejected", "conflict"):
            if submitted.code not in ("duplicate_grant", "already_attended"):
                with self._lock:
                    seen.discard(value)
            raise ServiceError(_GRANT_CODES.get(submitted.code, submitted.code or "rejected"), submitted.message)
        result = submitted.result or {}
        return GrantOutcome(value, int(result.get("points", amount)), submitted)


_GRANT_CODES = {"already_attended": "duplicate_grant", "not_pre_registered": "not_registered",
                "mykey_id_unknown": "mykey_id_not_found", "unknown_programme": "programme_not_found",
                "certificate_not_bound": "no_mykey_id", "certificate_expired": "certificate_invalid",
                "mykey_id_not_valid": "mykey_id_invalid"}


def _local_day(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text).astimezone().date()
    except (TypeError, ValueError):
        return None


def programme_from(row: dict[str, Any]) -> Programme:
    rule = str(row.get("repeat_rule") or "")
    if rule not in ("once_per_day", "once", "unlimited"):  # a row without the cloud's rule: once a day
        legacy = str(row.get("rule") or row.get("grant_rule") or "")
        rule = "unlimited" if legacy in ("repeat", "repeatable") else "once_per_day"
    return Programme(
        programme_id=str(row.get("programme_id") or row.get("id")),
        name=str(row.get("name_ja") or row.get("name") or ""),
        department_name=str(row.get("department_name") or row.get("department") or ""),
        points=int(row.get("points") or row.get("default_points") or 0),
        once_per_day=rule != "unlimited",
        premium=bool(row.get("premium", False)),
        attendance=bool(row.get("attendance", False)),
        repeat_rule=rule,
        name_en=str(row.get("name_en") or ""),
        department_name_en=str(row.get("department_name_en") or ""),
    )
