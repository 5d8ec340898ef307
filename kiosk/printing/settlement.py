"""The shop's day-end settlement (issue 10, "Day end"): a receipt-printer slip, an A4 PDF and a CSV.

Per day and for the whole period: payments, reversals and voucher redemptions (count and points), the pending
(offline, not yet confirmed) items, and the conflicts to look at. CSV is UTF-8 with a BOM so Excel opens it in
Japanese; never what was bought (there is no field for it).
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Literal

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from kiosk.printing.fonts import register_pdf_font
from kiosk.printing.pdf import make_canvas, save_atomically
from kiosk.printing.raster import Slip
from kiosk.printing.receipts import PENDING_JA, time_ja
from kiosk.printing.voucher import JST, date_ja

Kind = Literal["payment", "reversal", "redemption"]
KINDS: tuple[Kind, ...] = ("payment", "reversal", "redemption")
KIND_JA = {"payment": "ポイント支払", "reversal": "取消", "redemption": "ポイント券利用"}
CSV_HEADER = ("日時", "種別", "種別コード", "ポイント", "取引番号", "発券番号", "状態")


@dataclass(frozen=True, slots=True)
class SettlementItem:
    at: datetime
    kind: Kind
    points: int
    reference: str
    pending: bool = False
    voucher_number: str = ""


@dataclass(frozen=True, slots=True)
class SettlementConflict:
    at: datetime
    reference: str
    description: str


@dataclass(frozen=True, slots=True)
class Totals:
    count: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    points: dict[Kind, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    pending: int = 0

    @property
    def net(self) -> int:
        """Points the association owes the shop: card payments and vouchers taken, less reversals."""
        return self.points["payment"] + self.points["redemption"] - self.points["reversal"]


@dataclass(frozen=True, slots=True)
class Settlement:
    shop_name: str
    start: date
    end: date
    items: Sequence[SettlementItem]
    conflicts: Sequence[SettlementConflict] = ()
    printed_at: datetime | None = None

    def _local_day(self, item: SettlementItem) -> date:
        return item.at.astimezone(JST).date() if item.at.tzinfo else item.at.date()

    def totals(self, items: Sequence[SettlementItem] | None = None) -> Totals:
        t = Totals()
        pending = 0
        for item in self.items if items is None else items:
            t.count[item.kind] += 1
            t.points[item.kind] += item.points
            pending += item.pending
        return Totals(t.count, t.points, pending)

    def per_day(self) -> dict[date, Totals]:
        days: dict[date, list[SettlementItem]] = defaultdict(list)
        for item in self.items:
            days[self._local_day(item)].append(item)
        return {day: self.totals(days[day]) for day in sorted(days)}

    @property
    def period_text(self) -> str:
        if self.start == self.end:
            return date_ja(self.start)
        return f"{date_ja(self.start)} 〜 {date_ja(self.end)}"


def signed_points(kind: Kind, points: int) -> str:
    """Reversals are taken off the amount: shown with a minus."""
    return f"-{points:,} pt" if kind == "reversal" and points else f"{points:,} pt"


def _totals_block(slip: Slip, t: Totals, size: int = 24) -> None:
    for kind in KINDS:
        slip.pair(f"{KIND_JA[kind]}  {t.count[kind]}件", signed_points(kind, t.points[kind]), size=size)
    slip.pair("差引（精算額）", f"{t.net:,} pt", size=size + 2, value_size=size + 8)


def render_settlement_slip(s: Settlement) -> Image.Image:
    return settlement_slip(s).render()


def settlement_slip(s: Settlement) -> Slip:
    slip = Slip()
    slip.text(s.shop_name, size=32, align="center", pad=8)
    slip.text("精算表（日計）", size=30, align="center", pad=2).text("Day-end settlement", size=20, align="center")
    slip.text(s.period_text, size=21, align="center")
    slip.rule()
    days = s.per_day()
    if len(days) > 1:
        for day, t in days.items():
            slip.text(date_ja(day), size=24, pad=4)
            _totals_block(slip, t, size=22)
            slip.rule(dashed=True)
    slip.text("期間合計", size=26, pad=4)
    _totals_block(slip, s.totals())
    slip.rule()
    total = s.totals()
    if total.pending:
        slip.boxed(f"{PENDING_JA} {total.pending}件", size=26)
        for item in s.items:
            if item.pending:
                slip.pair(f"{KIND_JA[item.kind]} {item.reference}", f"{item.points:,} pt", size=20, pad=4)
    if s.conflicts:
        slip.boxed(f"要確認（競合） {len(s.conflicts)}件", size=26, inverse=True)
        for conflict in s.conflicts:
            slip.text(f"{time_ja(conflict.at)} {conflict.reference}", size=20, pad=2)
            slip.text(conflict.description, size=20)
    if s.printed_at:
        slip.rule(dashed=True).pair("出力日時", time_ja(s.printed_at), size=20)
    return slip


def render_settlement_pdf(s: Settlement, target: str | Path | io.BytesIO) -> None:
    """The A4 statement: the period's totals, then the totals per day, pending items and conflicts."""
    c = make_canvas(target, A4, f"精算表 {s.shop_name}")
    font = register_pdf_font()
    page_h = A4[1] / mm
    y = page_h - 20.0

    def line(text: str, size: float = 10, x: float = 18, right: str | None = None, gap: float = 6) -> None:
        nonlocal y
        if y < 20:
            c.showPage()
            y = page_h - 20
        c.setFont(font, size)
        c.drawString(x * mm, y * mm, text)
        if right is not None:
            c.drawRightString(192 * mm, y * mm, right)
        y -= gap

    line(f"精算表　{s.shop_name}", size=16, gap=8)
    line(f"期間：{s.period_text}", size=11, gap=10)
    total = s.totals()
    line("期間合計", size=12, gap=7)
    for kind in KINDS:
        line(f"{KIND_JA[kind]}　{total.count[kind]}件", x=24, right=signed_points(kind, total.points[kind]))
    line("差引（精算額）", size=12, x=24, right=f"{total.net:,} pt", gap=10)
    line("日別", size=12, gap=7)
    for day, t in s.per_day().items():
        parts = "　".join(f"{KIND_JA[k]} {t.count[k]}件 {t.points[k]:,}pt" for k in KINDS)
        line(f"{date_ja(day)}　{parts}", size=9, x=24, right=f"{t.net:,} pt")
    y -= 4
    pending = [i for i in s.items if i.pending]
    line(f"{PENDING_JA}：{len(pending)}件", size=12, gap=7)
    for item in pending:
        line(f"{time_ja(item.at)}　{KIND_JA[item.kind]}　{item.reference}", size=9, x=24, right=f"{item.points:,} pt")
    y -= 4
    line(f"要確認（競合）：{len(s.conflicts)}件", size=12, gap=7)
    for conflict in s.conflicts:
        line(f"{time_ja(conflict.at)}　{conflict.reference}　{conflict.description}", size=9, x=24)
    if s.printed_at:
        y -= 4
        line(f"出力日時：{time_ja(s.printed_at)}", size=8)
    c.showPage()
    c.save()


def save_settlement_pdf(s: Settlement, path: str | Path) -> Path:
    return save_atomically(lambda tmp: render_settlement_pdf(s, tmp), path)


def settlement_csv(s: Settlement) -> bytes:
    """Every item of the period, one a row, UTF-8 with BOM (Excel opens it in Japanese), CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for item in sorted(s.items, key=lambda i: i.at):
        local = item.at.astimezone(JST) if item.at.tzinfo else item.at
        writer.writerow((
            local.strftime("%Y-%m-%d %H:%M:%S"), KIND_JA[item.kind], item.kind,
            -item.points if item.kind == "reversal" else item.points,
            item.reference, item.voucher_number, "未確定" if item.pending else "確定",
        ))
    return out.getvalue().encode("utf-8-sig")


def save_settlement_csv(s: Settlement, path: str | Path) -> Path:
    def write(tmp: Path) -> None:
        tmp.write_bytes(settlement_csv(s))
    return save_atomically(write, path)
