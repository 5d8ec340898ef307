"""Settling with shops, the office's side (Qt-free): the periods (open the next one, preview, close), the
statement per shop as an A4 PDF (IPAex Gothic embedded), the period's CSV for the accounting system and the Zengin
transfer file as the cloud produces them (saved as they come, byte for byte), and the shops' bank accounts."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from kiosk.printing.pdf import make_canvas, save_atomically
from kiosk.printing.voucher import date_ja
from kiosk.services.office_cloud import OfficeCloud

JST = timezone(timedelta(hours=9))
ROWS = (("payment", "カード決済", 1), ("voucher_scan", "ポイント券（QR読取）", 1),
        ("voucher_paper", "ポイント券（紙・事務局消込）", 1), ("exchange", "商品券・ポイントカード交換", 1),
        ("reversal", "取消", -1))
WHAT_JA = {"payment": "カード決済", "reversal": "取消", "voucher_scan": "ポイント券（QR）",
           "voucher_paper": "ポイント券（紙）", "exchange": "交換", "conflict": "競合"}
CONFLICT_JA = {"offline_voucher_redeem": "ポイント券（オフライン）", "offline_payment": "カード決済（オフライン）"}
PROBLEM_JA = {"voucher_already_used": "他店で使用済み", "voucher_voided": "無効化済み", "insufficient_points": "残高不足",
              "offline_limit_exceeded": "オフライン上限超過", "mykey_id_not_valid": "マイキーID停止・無効",
              "mykey_id_unknown": "マイキーID不明", "operation_time_out_of_window": "受付期間外",
              "voucher_shop_not_allowed": "利用対象外の店舗"}


class OfficeSettlements:
    def __init__(self, cloud: OfficeCloud, out_dir: Path) -> None:
        self.cloud = cloud
        self.out_dir = out_dir

    def list(self) -> list[dict[str, Any]]:
        return list(self.cloud.call("GET", "/v1/office/settlements")["settlements"])

    def next_period(self, today: date) -> tuple[date, date]:
        """The day after the last settlement ends (or the first of last month) up to yesterday (at least one day)."""
        items = self.list()
        if items:
            start = date.fromisoformat(items[0]["to"]) + timedelta(days=1)
        else:
            start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        return start, max(start, today - timedelta(days=1))

    def open(self, first: date, last: date) -> dict[str, Any]:
        return dict(self.cloud.call("POST", "/v1/office/settlements", {"from": first.isoformat(),
                                                                       "to": last.isoformat()}))

    def view(self, settlement_id: int) -> dict[str, Any]:
        return dict(self.cloud.call("GET", f"/v1/office/settlements/{int(settlement_id)}"))

    def close(self, settlement_id: int) -> dict[str, Any]:
        return dict(self.cloud.call("POST", f"/v1/office/settlements/{int(settlement_id)}/close"))

    def save_csv(self, settlement_id: int) -> Path:
        data = self.cloud.download(f"/v1/office/settlements/{int(settlement_id)}/csv")
        return _save_bytes(self.out_dir / "settlements" / f"settlement-{settlement_id}.csv", data)

    def save_zengin(self, settlement_id: int, transfer_date: date) -> Path:
        data = self.cloud.download(f"/v1/office/settlements/{int(settlement_id)}/zengin",
                                   params={"transfer_date": transfer_date.isoformat()})
        return _save_bytes(self.out_dir / "settlements" / f"zengin-{settlement_id}-{transfer_date:%m%d}.txt", data)

    def save_statements(self, settlement: dict[str, Any]) -> Path:
        """One A4 page per shop (a shop's statement may run over), in one PDF."""
        path = self.out_dir / "settlements" / f"statements-{settlement['id']}.pdf"
        return save_atomically(lambda tmp: render_statements(settlement, tmp), path)

    def bank_account(self, shop_id: int | None, values: dict[str, Any]) -> dict[str, Any]:
        path = "/v1/office/payer-account" if shop_id is None else f"/v1/office/shops/{int(shop_id)}/bank-account"
        return dict(self.cloud.call("PUT", path, values))

    def branch(self, bank_code: str, branch_code: str) -> dict[str, Any]:
        return dict(self.cloud.call("GET", f"/v1/office/banks/{bank_code}/branches/{branch_code}"))


def _save_bytes(path: Path, data: bytes) -> Path:
    def write(tmp: Path) -> None:
        tmp.write_bytes(data)
    return save_atomically(write, path)


def _when(text: str | None) -> str:
    if not text:
        return ""
    at = datetime.fromisoformat(text).astimezone(JST)
    return f"{date_ja(at.date())} {at:%H:%M}"


def render_statements(s: dict[str, Any], target: Any) -> None:
    from kiosk.printing.fonts import register_pdf_font

    c = make_canvas(target, A4, f"精算書 {s['from']}〜{s['to']}")
    font = register_pdf_font()
    top = A4[1] / mm - 20
    period = f"{date_ja(date.fromisoformat(s['from']))} 〜 {date_ja(date.fromisoformat(s['to']))}"
    shops = s["shops"] or [{"shop_id": 0, "shop_name": "（対象なし）", "amount_due": 0}]
    for line_ in shops:
        y = top

        def line(text: str, size: float = 11, x: float = 20, right: str | None = None, gap: float = 7) -> None:
            nonlocal y
            if y < 20:
                c.showPage()
                y = top
            c.setFont(font, size)
            c.drawString(x * mm, y * mm, text)
            if right is not None:
                c.drawRightString(190 * mm, y * mm, right)
            y -= gap

        line("精 算 書", size=20, gap=10)
        line(f"{line_['shop_name']}　様", size=15, gap=9)
        line(f"精算期間：{period}", gap=6)
        state = "締め済み" if s["status"] == "closed" else "未確定（締め前の試算）"
        line(f"精算番号：{s['id']}　{state}　{_when(s.get('closed_at'))}", size=10, gap=10)
        for key, name, sign in ROWS:
            figures = line_.get(key) or {"count": 0, "points": 0}
            amount = figures["points"] * sign
            line(f"{name}　{figures['count']}件", x=26, right=f"{amount:,} 円" if amount >= 0 else f"△{-amount:,} 円")
        conflict = line_.get("conflict") or {"count": 0, "points": 0}
        if conflict["count"]:  # what the shop handed goods for, then the conflicts deducted from it
            c.setLineWidth(0.3)
            c.line(24 * mm, (y + 4) * mm, 190 * mm, (y + 4) * mm)
            line("お取扱い合計", x=26, right=f"{int(line_.get('taken', line_['amount_due'])):,} 円")
            line(f"競合による差引　{conflict['count']}件", x=26, right=f"△{int(conflict['points']):,} 円")
        c.setLineWidth(0.6)
        c.line(24 * mm, (y + 4) * mm, 190 * mm, (y + 4) * mm)
        line("お支払額", size=14, x=26, right=f"{int(line_['amount_due']):,} 円", gap=10)
        items = line_.get("conflict_items") or []
        if items:
            line(f"差引いた競合 {len(items)}件（お支払いの対象外。事務局で確認します）", size=10, gap=6)
            for item in items:
                what = CONFLICT_JA.get(str(item.get("kind")), str(item.get("kind") or ""))
                why = "・".join(PROBLEM_JA.get(p, p) for p in str(item.get("problem") or "").split(",") if p)
                ref = item.get("reference") if item.get("reference") != item.get("kind") else ""
                line(f"{_when(item['at'])}　{what}　{ref or ''}　{why}", size=9, x=26,
                     right=f"△{int(item['points']):,} pt", gap=5)
            y -= 3
        elif conflict["count"]:
            line(f"要確認の競合 {conflict['count']}件（事務局で確認中）", size=10, gap=8)
        late = line_.get("late_items") or []
        if late:
            line(f"前回の締め後に届いた取引（オフライン処理）{len(late)}件：本精算に含みます", size=10, gap=6)
            for item in late:
                line(f"{_when(item['at'])}　{WHAT_JA.get(item['what'], item['what'])}　{item.get('reference') or ''}",
                     size=9, x=26, right=f"{int(item['points']):,} pt", gap=5)
        y -= 6
        line("1ポイント＝1円で精算します。", size=9, gap=5)
        c.showPage()
    c.save()
