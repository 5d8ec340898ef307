"""A report as an A4 PDF (issue 12): the municipality's name, the report and its period, a bar chart of the monthly
totals, the table, "page n / N" on every page; IPAex Gothic embedded (kiosk.printing.pdf). Qt-free."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm

from kiosk.printing.pdf import make_canvas, save_atomically

JST = timezone(timedelta(hours=9))

TITLES = {
    "grants": "ポイント付与実績", "usage": "店舗別ポイント利用実績（カード・ポイント券）", "vouchers": "ポイント券の発行・利用・無効・未利用",
    "expired": "失効ポイント", "applications": "施策の申込と審査状況", "conflicts": "オフライン競合と処理状況",
    "accounting": "精算データ",
}
HEADERS = {
    "month": "月", "key": "コード", "name": "名称", "normal": "通常pt", "premium": "プレミアムpt", "count": "件数",
    "card_points": "カードpt", "card_count": "カード件数", "voucher_points": "券pt", "voucher_count": "券枚数",
    "issued_count": "発行枚数", "issued_points": "発行pt", "redeemed_count": "利用枚数", "redeemed_points": "利用pt",
    "voided_count": "無効枚数", "voided_points": "無効pt", "outstanding_points": "未利用pt（月末）", "points": "pt",
    "review": "審査", "applied": "審査待ち", "approved": "承認", "rejected": "却下", "granted": "付与済", "open": "未処理",
    "resolved": "処理済", "section": "区分", "payer": "支払元", "payee": "支払先", "account": "振込先口座",
    "item": "内訳", "amount_yen": "金額（円）",
}
# codes in the accounting data, as printed
VALUES = {"charge": "費用負担", "payout": "支払", "normal": "通常", "premium": "プレミアム", "card": "カード",
          "voucher": "ポイント券", "municipality": "市（総合管理）", "pre": "事前", "post": "事後"}
# the figure a report's bars show per month
BAR_COLUMN = {"grants": "normal", "usage": "card_points", "vouchers": "issued_points", "expired": "points",
              "applications": "count", "conflicts": "count"}
ROWS_PER_PAGE = 28


def monthly_totals(name: str, rows: Sequence[dict[str, Any]]) -> list[tuple[str, int]]:
    """The bar values: one per month, summed over the report's keys (the grants bar adds premium points too)."""
    column = BAR_COLUMN.get(name)
    totals: dict[str, int] = {}
    for row in rows:
        month = str(row.get("month") or "")
        if not month or column is None:
            continue
        value = int(row.get(column) or 0)
        if name == "grants":
            value += int(row.get("premium") or 0)
        if name == "usage":
            value += int(row.get("voucher_points") or 0)
        totals[month] = totals.get(month, 0) + value
    return sorted(totals.items())


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "○" if value else ""
    if isinstance(value, int):
        return f"{value:,}"
    return "" if value is None else VALUES.get(str(value), str(value))


def render_report_pdf(target: Path, *, municipality: str, name: str, period: str, columns: Sequence[str],
                      rows: Sequence[dict[str, Any]], subtitle: str = "", printed_at: datetime | None = None) -> None:
    size = landscape(A4)
    width, height = size
    title = TITLES.get(name, name)
    c = make_canvas(target, size, f"{municipality} {title} {period}")
    bars = monthly_totals(name, rows)
    first_rows = ROWS_PER_PAGE - (10 if bars else 0)
    pages = 1 if len(rows) <= first_rows else 1 + -(-(len(rows) - first_rows) // ROWS_PER_PAGE)
    stamp = (printed_at or datetime.now(JST)).astimezone(JST).strftime("%Y年%m月%d日 %H:%M")
    shown = [col for col in columns if col != "key" or name in ("grants",)]
    weights = [3.0 if col in ("name", "payee", "payer", "account") else 1.0 for col in shown]
    unit = (width - 30 * mm) / max(1.0, sum(weights))
    lefts = [15 * mm + unit * sum(weights[:i]) for i in range(len(shown))]
    widths = [unit * w for w in weights]
    numeric = {col for col in shown if any(isinstance(r.get(col), int) and not isinstance(r.get(col), bool)
                                           for r in rows[:50])}
    index = 0
    for page in range(1, pages + 1):
        y = height - 15 * mm
        c.setFont(c._fontname, 9)
        c.drawString(15 * mm, y, municipality)
        c.drawRightString(width - 15 * mm, y, f"出力 {stamp}")
        y -= 9 * mm
        c.setFont(c._fontname, 16)
        c.drawString(15 * mm, y, f"{title}　{period}" + (f"　{subtitle}" if subtitle else ""))
        y -= 6 * mm
        if page == 1 and bars:
            y = _bars(c, bars, 15 * mm, y - 38 * mm, width - 30 * mm, 34 * mm) - 8 * mm
        c.setFont(c._fontname, 8.5)
        c.setFillGray(0.9)
        c.rect(15 * mm, y - 2 * mm, width - 30 * mm, 6 * mm, stroke=0, fill=1)
        c.setFillGray(0)
        for i, col in enumerate(shown):
            if col in numeric:
                c.drawRightString(lefts[i] + widths[i] - 1.5 * mm, y, HEADERS.get(col, col))
            else:
                c.drawString(lefts[i] + 1.5 * mm, y, HEADERS.get(col, col))
        y -= 6 * mm
        take = first_rows if page == 1 else ROWS_PER_PAGE
        for row in rows[index:index + take]:
            for i, col in enumerate(shown):
                text = _cell(row.get(col))
                if col in numeric:
                    c.drawRightString(lefts[i] + widths[i] - 1.5 * mm, y, text)
                else:
                    c.drawString(lefts[i] + 1.5 * mm, y, text[:40])
            c.setStrokeGray(0.85)
            c.line(15 * mm, y - 1.8 * mm, width - 15 * mm, y - 1.8 * mm)
            y -= 5.6 * mm
        index += take
        if not rows and page == 1:
            c.drawString(15 * mm, y, "この期間の実績はありません。")
        c.setFont(c._fontname, 9)
        c.drawCentredString(width / 2, 8 * mm, f"{page} / {pages} ページ")
        c.showPage()
    c.save()


def _bars(c: Any, bars: Sequence[tuple[str, int]], x: float, y: float, w: float, h: float) -> float:
    top = max(1, max(v for _m, v in bars))
    slot = w / max(12, len(bars))
    c.setStrokeGray(0.6)
    c.line(x, y, x + w, y)
    c.setFont(c._fontname, 7)
    for i, (month, value) in enumerate(bars):
        bar_h = h * value / top
        c.setFillColorRGB(0.11, 0.37, 0.66)
        c.rect(x + i * slot + slot * 0.15, y, slot * 0.7, bar_h, stroke=0, fill=1)
        c.setFillGray(0)
        c.drawCentredString(x + i * slot + slot / 2, y - 3.5 * mm, month[2:].replace("-", "/"))
        c.drawCentredString(x + i * slot + slot / 2, y + bar_h + 1 * mm, f"{value:,}")
    return float(y - 4 * mm)


def save_report_pdf(path: Path, **kw: Any) -> Path:
    return save_atomically(lambda tmp: render_report_pdf(tmp, **kw), path)
