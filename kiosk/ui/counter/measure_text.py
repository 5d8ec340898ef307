"""Translated texts for measures: conditions and the reasons an applicant is not eligible."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.config import QT_TRANSLATE_NOOP
from kiosk.core.measures import Eligibility, Reason, Review
from kiosk.services.measures import MeasureView
from kiosk.ui.design.format import format_date

_REASONS = {
    Reason.NOT_OPEN_YET: QT_TRANSLATE_NOOP("Measures", "The application period has not started yet."),
    Reason.CLOSED: QT_TRANSLATE_NOOP("Measures", "The application period has ended."),
    Reason.FULL: QT_TRANSLATE_NOOP("Measures", "The measure has reached its capacity."),
    Reason.ALREADY_APPLIED: QT_TRANSLATE_NOOP("Measures", "This MyKey ID has already applied."),
    Reason.MYKEY_NOT_VALID: QT_TRANSLATE_NOOP("Measures", "The MyKey ID is not valid."),
    Reason.RESIDENCY_UNKNOWN: QT_TRANSLATE_NOOP("Measures", "The address on the card could not be matched to a "
                                                "municipality."),
    Reason.NOT_RESIDENT: QT_TRANSLATE_NOOP("Measures", "The address on the card is not in this municipality."),
    Reason.NOT_PRE_REGISTERED: QT_TRANSLATE_NOOP("Measures", "This MyKey ID is not on the list of eligible "
                                                 "residents."),
}


def reason_text(reason: Reason) -> str:
    return QCoreApplication.translate("Measures", _REASONS[reason])


def conditions_text(view: MeasureView) -> str:
    """Two short lines: who and how much (with the places left); until when and how it is reviewed."""
    m = view.measure
    who = [QCoreApplication.translate("Measures", "%1 points per person").replace("%1", f"{m.points_per_person:,}")]
    if m.eligibility is Eligibility.OPEN and not m.residency_required:
        who.append(QCoreApplication.translate("Measures", "open to every applicant"))
    if m.residency_required:
        who.append(QCoreApplication.translate("Measures", "residents only (checked from the address on the card)"))
    if m.eligibility is Eligibility.RESTRICTED and m.review is Review.PRE:
        who.append(QCoreApplication.translate("Measures", "pre-registered residents only"))
    if m.capacity is not None and view.places_left is None:  # offline: the places taken are not known
        who.append(QCoreApplication.translate("Measures", "capacity %1").replace("%1", str(m.capacity)))
    elif m.capacity is not None:
        who.append(QCoreApplication.translate("Measures", "capacity %1 (%2 places left)")
                   .replace("%1", str(m.capacity)).replace("%2", str(max(m.capacity - view.taken, 0))))
    when = [QCoreApplication.translate("Measures", "apply by %1").replace("%1", format_date(m.closes_at)),
            QCoreApplication.translate("Measures", "review after applying") if m.review is Review.POST
            else QCoreApplication.translate("Measures", "reviewed before applying")]
    app = QCoreApplication.instance()
    dot = " · " if app is not None and app.property("kiosk_language") == "en" else "・"  # Japanese punctuation in ja only
    return dot.join(who) + "\n" + dot.join(when)
