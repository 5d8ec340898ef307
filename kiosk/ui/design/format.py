"""Dates, amounts, points and data names as people read them: 2027年2月28日（日）, 1,000 ポイント, ¥1,000."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

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


def yen(n: int) -> str:
    """An amount of money: ¥1,000 in English, 1,000 円 in Japanese."""
    return QCoreApplication.translate("Format", "¥%1").replace("%1", f"{n:,}")


def local_name(name: str, name_en: str | None = "") -> str:
    """The one choice of a data name for the screen (programmes, departments, point types, measures): the English
    name in English when the cloud has one, else the Japanese name as stored."""
    return (name_en if _english() else "") or name


def local_names(rows: Iterable[dict[str, Any]], key: str = "name") -> dict[Any, str]:
    """id → local_name of rows as the cloud lists them ({"id", key, key + "_en"})."""
    return {r["id"]: local_name(str(r.get(key) or ""), r.get(f"{key}_en")) for r in rows}
