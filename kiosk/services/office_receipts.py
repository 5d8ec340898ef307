"""The receipt of a cash sale of points (80 mm slip, saved as PDF): receipt number, yen received, points credited
(with the premium), validity, time. Qt-free."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from kiosk.printing.raster import Slip
from kiosk.printing.slip_pdf import save_slips_pdf
from kiosk.printing.voucher import date_ja

JST = timezone(timedelta(hours=9))


def cash_receipt_slip(sale: dict[str, Any], point_name: str) -> Slip:
    at = datetime.fromisoformat(str(sale["at"])).astimezone(JST)
    until = datetime.fromisoformat(str(sale["expires_at"])).astimezone(JST)
    slip = Slip()
    slip.text("領収書", size=36, align="center", pad=8).text("Receipt", size=20, align="center")
    slip.rule()
    slip.pair("受付番号", str(sale["receipt_number"]))
    slip.pair("日時", f"{date_ja(at.date())} {at:%H:%M}")
    slip.rule()
    slip.pair("お預かり金額", f"{int(sale['yen']):,} 円", size=26, value_size=32)
    slip.pair(f"{point_name}", f"{int(sale['points']):,} pt", size=26, value_size=32)
    slip.pair(f"うちプレミアム分（{int(sale['premium_rate_pct'])}%）", f"{int(sale['premium_points']):,} pt")
    slip.pair("有効期限", date_ja(until.date()))
    slip.rule()
    slip.text("上記の金額を正に領収いたしました。", size=22)
    return slip


def save_cash_receipt(sale: dict[str, Any], point_name: str, directory: Path) -> Path:
    slip = cash_receipt_slip(sale, point_name)
    return save_slips_pdf([(slip.render(), slip.words)], directory / f"{sale['receipt_number']}.pdf",
                          title="領収書")
