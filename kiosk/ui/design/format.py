"""Dates, amounts and points as people read them: 2027年2月28日（日）, 1,000 ポイント."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _english() -> bool:
    app = QCoreApplication.instance()
    return app is not None and app.property("kiosk_language") == "en"


def format_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone() if value.tzinfo else value
    if _english():
        return f"{_WEEKDAYS_EN[value.weekday()]} {value.day} {_MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日（{_WEEKDAYS_JA[value.weekday()]}）"


def points(n: int) -> str:
    return QCoreApplication.translate("Format", "%1 points").replace("%1", f"{n:,}")


def signed_points(n: int) -> str:
    return ("+" if n > 0 else "") + points(n)
