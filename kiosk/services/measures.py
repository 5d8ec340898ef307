"""Measure applications: open measures, residency from the card-text basic items, eligibility, submission.

Eligibility is decided with kiosk.core.measures (the same rules the cloud applies); the application itself is
written to the outbox (works offline) and the cloud's answer carries the review state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.core import measures as core
from kiosk.core.mykey_id import MyKeyStatus
from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.ports import BasicItems, CardPort, CloudPort, OutboxPort, Submitted

# used when the cloud's measure does not list the payment services it accepts
DEFAULT_PAYMENT_SERVICES = ("PayPay", "楽天ペイ", "d払い", "au PAY", "Suica")


@dataclass(frozen=True)
class MeasureView:
    measure: core.Measure
    taken: int
    payment_services: tuple[str, ...]
    conditions: str  # the cloud's own description of the conditions (Japanese when given)
    taken_known: bool = True  # False: the cloud did not say how many places are taken (it decides at submission)
    pre_registered_known: bool = True  # False: the eligible list is checked by the cloud at submission
    name_en: str = ""  # the measure's English name, when the cloud has one
    payment_services_en: tuple[str, ...] = ()  # each payment service's English name ("" when it has none)

    def payment_service_en(self, service: str) -> str:
        pairs = dict(zip(self.payment_services, self.payment_services_en, strict=False))
        return pairs.get(service, "")

    @property
    def measure_id(self) -> str:
        return self.measure.measure_id

    @property
    def places_left(self) -> int | None:
        """Places left when the cloud said how many are taken and the measure has a capacity."""
        if self.measure.capacity is None or not self.taken_known:
            return None
        return max(self.measure.capacity - self.taken, 0)

    def refusal_before_input(self, mykey_id: str) -> core.Reason | None:
        """What already rules this resident out before they type anything: the measure is full, or it takes
        only pre-registered residents and this MyKey ID is not on its list (only when the cloud said so)."""
        if self.places_left == 0:
            return core.Reason.FULL
        m = self.measure
        if (self.pre_registered_known and m.eligibility is core.Eligibility.RESTRICTED and m.review is core.Review.PRE
                and mykey_id not in m.pre_registered):
            return core.Reason.NOT_PRE_REGISTERED
        return None


@dataclass(frozen=True)
class ApplicationState:
    application_id: str | None
    state: str  # "approved" | "pending_review" | "rejected" | "queued" | other cloud state
    submitted: Submitted


class MeasureService:
    def __init__(self, cloud: CloudPort, card: CardPort, outbox: OutboxPort, wait_s: float = 3.0) -> None:
        self._cloud = cloud
        self._card = card
        self._outbox = outbox
        self._wait_s = wait_s

    def open_measures(self, now: datetime | None = None, mykey_id: str | None = None) -> list[MeasureView]:
        """Open measures; with the resident's MyKey ID the cloud also says whether they are pre-registered, so
        the screen can say "full" / "not pre-registered" before anything is typed (offline: unknown)."""
        try:
            rows = self._cloud.measures(mykey_id) if mykey_id else self._cloud.measures()
        except Exception as exc:
            raise translate_error(exc) from None
        now = now or datetime.now(UTC)
        views = [measure_from(r, mykey_id) for r in rows]
        return [v for v in views if v.measure.opens_at <= now < v.measure.closes_at]

    def read_basic_items(self, pin: str, consent: bool) -> BasicItems:
        """The four basic items + municipality; only with the resident's consent (and their card-text PIN)."""
        if not consent:
            raise ServiceError("consent_required")
        if not (len(pin) == 4 and pin.isdigit()):
            raise ServiceError("pin_format")
        try:
            items = self._card.read_basic_items(pin, consent)
        except Exception as exc:
            raise translate_error(exc) from None
        return items

    def check(self, view: MeasureView, mykey_id: str, status: str, basic: BasicItems | None,
              now: datetime | None = None) -> core.Decision:
        applicant = core.Applicant(mykey_id=mykey_id, status=MyKeyStatus(status) if status in
                                   {s.value for s in MyKeyStatus} else MyKeyStatus.INVALID,
                                   municipality_code=basic.municipality_code if basic else None)
        decision = core.check_eligibility(view.measure, applicant, now or datetime.now(UTC), view.taken)
        unknown = set()
        if not view.pre_registered_known:
            unknown.add(core.Reason.NOT_PRE_REGISTERED)
        if not view.taken_known:
            unknown.add(core.Reason.FULL)
        reasons = tuple(r for r in decision.reasons if r not in unknown)
        if reasons == decision.reasons:
            return decision
        if reasons:
            return core.Decision(False, reasons, None, decision.places_left)
        outcome = core.Outcome.PENDING_REVIEW if view.measure.review is core.Review.POST else core.Outcome.APPROVED
        return core.Decision(True, (), outcome, None)

    def submit(self, view: MeasureView, mykey_id: str, basic: BasicItems, payment_service: str) -> ApplicationState:
        if payment_service not in view.payment_services:
            raise ServiceError("payment_service_unknown")
        payload = {"measure_id": _wire_id(view.measure_id), "mykey_id": mykey_id,
                   "municipality_code": basic.municipality_code or None, "payment_service": payment_service}
        try:
            submitted = self._outbox.submit("application", payload, self._wait_s)
        except Exception as exc:
            raise translate_error(exc) from None
        if submitted.status in ("rejected", "conflict"):
            reasons = (submitted.result or {}).get("reasons") or []
            detail = ", ".join(str(r) for r in reasons) or submitted.message
            raise ServiceError(_reason_code(submitted.code, detail), detail)
        result = submitted.result or {}
        app_id = result.get("application_id") or result.get("id")
        state = str(result.get("state") or result.get("status") or ("queued" if not submitted.done else "submitted"))
        return ApplicationState(str(app_id) if app_id is not None else None, state, submitted)

    def refresh(self, application_id: str) -> str:
        try:
            data = self._cloud.application(application_id)
        except Exception as exc:
            raise translate_error(exc) from None
        return str(data.get("state") or data.get("status") or "")


def _reason_code(code: str, message: str = "") -> str:
    """The cloud refuses with `not_eligible` and the reasons in the message: the most useful one first."""
    if code == "not_eligible":
        reasons = {r.strip() for r in message.split(",")}
        for reason, mapped in (("full", "measure_full"), ("already_applied", "already_applied"),
                               ("closed", "measure_closed"), ("not_open_yet", "measure_closed")):
            if reason in reasons:
                return mapped
        return "not_eligible"
    return {"unknown_measure": "measure_not_found", "mykey_id_unknown": "mykey_id_not_found",
            "full": "measure_full"}.get(code, code or "rejected")


def _wire_id(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _time(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def measure_from(row: dict[str, Any], mykey_id: str | None = None) -> MeasureView:
    listed = row.get("pre_registered")
    if isinstance(listed, bool):  # the cloud's answer for the MyKey ID it was asked about
        pre_registered = frozenset({mykey_id}) if listed and mykey_id else frozenset()
    else:
        pre_registered = frozenset(listed or ())
    measure = core.Measure(
        measure_id=str(row.get("measure_id") or row.get("id")),
        name=str(row.get("name_ja") or row.get("name") or ""),
        municipality_code=str(row.get("municipality_code") or ""),
        eligibility=core.Eligibility(row.get("eligibility", "open")),
        kind=core.MeasureKind(row.get("kind", "grant")),
        points_per_person=int(row.get("points_per_person") or row.get("points") or 1),
        opens_at=_time(row.get("opens_at")),
        closes_at=_time(row.get("closes_at")),
        review=core.Review(row.get("review", "post")),
        capacity=int(row["capacity"]) if row.get("capacity") is not None else None,
        residency_required=bool(row.get("residency_required", False)),
        pre_registered=pre_registered,
    )
    services = tuple(str(s) for s in (row.get("payment_services") or DEFAULT_PAYMENT_SERVICES))
    taken = row.get("taken", row.get("applications"))
    return MeasureView(measure, int(taken or 0), services,
                       str(row.get("conditions_ja") or row.get("conditions") or row.get("description") or ""),
                       taken_known=taken is not None, pre_registered_known="pre_registered" in row,
                       name_en=str(row.get("name_en") or ""),
                       payment_services_en=tuple(str(s or "") for s in row.get("payment_services_en") or ()))
