"""The form of a new measure (施策, SPEC rule 10): name, point type, grant or purchase-linked reward, who may apply
(open or restricted), review before or after, card-face residency check, capacity, points per person, the
application period (Japan dates, from the first day's start to the last day's end) and the payment services a
resident may choose. The eligible list of a pre-review measure is loaded afterwards (setup screen, CSV)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from kiosk.ui.admin.choices import KINDS, REVIEW, WHO
from kiosk.ui.admin.forms import Attr


def measure_attrs(_screen: Any = None) -> list[Attr]:
    return [
        Attr("name", QCoreApplication.translate("MeasureForm", "Name")),
        Attr("name_en", QCoreApplication.translate("MeasureForm", "English name")),
        Attr("points_per_person", QCoreApplication.translate("MeasureForm", "Points per person"), "int"),
        Attr("opens_at", QCoreApplication.translate("MeasureForm", "From (YYYY-MM-DD)")),
        Attr("closes_at", QCoreApplication.translate("MeasureForm", "Until (YYYY-MM-DD)")),
        Attr("capacity", QCoreApplication.translate("MeasureForm", "Capacity (empty: none)"), "int", optional=True),
        Attr("reward_rate_percent", QCoreApplication.translate("MeasureForm", "Reward % (purchase)"), "int",
             optional=True),
        Attr("payment_services", QCoreApplication.translate("MeasureForm", "Payment services (a, b)")),
        Attr("point_type_id", QCoreApplication.translate("MeasureForm", "Point type"), "choice", wide=True),
        Attr("kind", QCoreApplication.translate("MeasureForm", "Kind"), "choice", KINDS),
        Attr("eligibility", QCoreApplication.translate("MeasureForm", "Who may apply"), "choice", WHO),
        Attr("review", QCoreApplication.translate("MeasureForm", "Review"), "choice", REVIEW),
        Attr("residency_required", QCoreApplication.translate("MeasureForm", "Card-face check (券面審査)"),
             "bool"),
    ]


def _day(text: Any, what: str) -> date:
    try:
        return date.fromisoformat(str(text or "").strip().replace("/", "-"))
    except ValueError:
        raise ValueError(QCoreApplication.translate("MeasureForm", "%1: a date like 2027-04-01").replace("%1", what)) from None


def new_measure(_screen: Any, values: dict[str, Any]) -> dict[str, Any]:
    """The body of POST /v1/admin/measures from the form; ValueError (a sentence for the clerk) when it cannot be."""
    if not values.get("name"):
        raise ValueError(QCoreApplication.translate("MeasureForm", "The measure needs a name."))
    opens = _day(values.get("opens_at"), QCoreApplication.translate("MeasureForm", "Applications from"))
    closes = _day(values.get("closes_at"), QCoreApplication.translate("MeasureForm", "Applications until"))
    if closes < opens:
        raise ValueError(QCoreApplication.translate("MeasureForm", "The last day of applications is before the first."))
    services = [s.strip() for s in str(values.get("payment_services") or "").replace("、", ",").split(",")
                if s.strip()]
    return {
        "name": values["name"], "name_en": values.get("name_en") or values["name"],
        "point_type_id": values["point_type_id"], "kind": values["kind"], "eligibility": values["eligibility"],
        "review": values["review"], "residency_required": bool(values.get("residency_required")),
        "capacity": values.get("capacity"), "points_per_person": values["points_per_person"],
        "reward_rate_percent": values.get("reward_rate_percent") or 0,
        "opens_at": f"{opens.isoformat()}T00:00:00+09:00", "closes_at": f"{closes.isoformat()}T23:59:59+09:00",
        "payment_services": services,
    }
