"""Day-end settlement: totals per day in Japan time, the CSV (UTF-8 BOM, CRLF), the A4 PDF and the slip."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

from kiosk.printing.settlement import (
    CSV_HEADER,
    Settlement,
    SettlementConflict,
    SettlementItem,
    render_settlement_slip,
    save_settlement_csv,
    save_settlement_pdf,
    settlement_csv,
)

from .conftest import pdffonts, pdftotext


def sample() -> Settlement:
    items = [
        SettlementItem(datetime(2026, 11, 29, 14, 59, tzinfo=UTC), "payment", 500, "P-1"),      # 23:59 JST 29th
        SettlementItem(datetime(2026, 11, 29, 15, 1, tzinfo=UTC), "payment", 700, "P-2"),       # 00:01 JST 30th
        SettlementItem(datetime(2026, 11, 30, 1, 0, tzinfo=UTC), "reversal", 700, "V-3"),
        SettlementItem(datetime(2026, 11, 30, 2, 0, tzinfo=UTC), "redemption", 1000, "R-4",
                       voucher_number="0000000123459"),
        SettlementItem(datetime(2026, 11, 30, 3, 0, tzinfo=UTC), "payment", 300, "P-5", pending=True),
    ]
    conflicts = [SettlementConflict(datetime(2026, 11, 30, 4, 0, tzinfo=UTC), "R-9", "別の店舗で利用済みのポイント券")]
    return Settlement("さくら商店", date(2026, 11, 29), date(2026, 11, 30), items, conflicts,
                      printed_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC))


def test_totals_and_days_follow_japan_time() -> None:
    s = sample()
    total = s.totals()
    assert total.count == {"payment": 3, "reversal": 1, "redemption": 1}
    assert total.points == {"payment": 1500, "reversal": 700, "redemption": 1000}
    assert total.net == 1800 and total.pending == 1
    days = s.per_day()
    assert list(days) == [date(2026, 11, 29), date(2026, 11, 30)]
    assert days[date(2026, 11, 29)].points["payment"] == 500
    assert days[date(2026, 11, 30)].net == 700 - 700 + 1000 + 300


def test_csv_is_utf8_with_bom_crlf_and_one_row_per_item(tmp_path: Path) -> None:
    s = sample()
    raw = settlement_csv(s)
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw and b"\n\n" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 1 + 5
    assert rows[1][0] == "2026-11-29 23:59:59"[:16] + ":00"
    reversal = next(r for r in rows if r[2] == "reversal")
    assert reversal[3] == "-700"
    redemption = next(r for r in rows if r[2] == "redemption")
    assert redemption[5] == "0000000123459"
    assert [r[6] for r in rows[1:]].count("未確定") == 1
    path = save_settlement_csv(s, tmp_path / "day.csv")
    assert path.read_bytes() == raw


def test_pdf_reads_back_with_fonts_embedded(tmp_path: Path) -> None:
    pdf = save_settlement_pdf(sample(), tmp_path / "day.pdf")
    text = pdftotext(pdf)
    for needle in ("精算表", "さくら商店", "2026年11月29日（日） 〜 2026年11月30日（月）", "ポイント支払", "取消",
                   "ポイント券利用", "1,800 pt", "未確定（オフライン）：1件", "要確認（競合）：1件", "R-9"):
        assert needle in text, needle
    assert all(r["emb"] == "yes" for r in pdffonts(pdf))


def test_slip_renders_for_the_receipt_printer() -> None:
    image = render_settlement_slip(sample())
    assert image.mode == "1" and image.width == 576 and image.height > 600
