"""The shop's 80 mm receipts: payment, reversal, voucher redemption (issue 10, "Receipts").

A receipt tells the shop, the time, the points, the balance after (payments), the voucher number (redemptions) and
「未確定（オフライン）」 while the cloud has not confirmed an offline operation. It never says what was bought: the
data below has no field for it, on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PIL import Image

from kiosk.printing.raster import Slip
from kiosk.printing.voucher import JST, date_ja, group_number

PENDING_JA = "未確定（オフライン）"
PENDING_EN = "Pending (offline) - not yet confirmed"


def time_ja(at: datetime) -> str:
    local = at.astimezone(JST) if at.tzinfo else at
    return f"{date_ja(local.date())} {local:%H:%M}"


@dataclass(frozen=True, slots=True)
class ReceiptHeader:
    shop_name: str
    at: datetime
    reference: str            # the operation's id (what a clerk quotes when asking about it)
    point_name: str = "ポイント"
    terminal: str = ""
    pending: bool = False


@dataclass(frozen=True, slots=True)
class PaymentReceipt:
    header: ReceiptHeader
    points: int
    balance_after: int | None  # None offline: the balance is not known there


@dataclass(frozen=True, slots=True)
class ReversalReceipt:
    header: ReceiptHeader
    points: int
    original_reference: str
    reason: str = ""
    balance_after: int | None = None


@dataclass(frozen=True, slots=True)
class RedemptionReceipt:
    header: ReceiptHeader
    points: int
    voucher_number: str


Receipt = PaymentReceipt | ReversalReceipt | RedemptionReceipt

TITLES = {
    PaymentReceipt: ("ポイント支払", "Payment with points"),
    ReversalReceipt: ("ポイント支払 取消", "Reversal"),
    RedemptionReceipt: ("ポイント券 利用", "Voucher redeemed"),
}


def _head(slip: Slip, receipt: Receipt) -> ReceiptHeader:
    h = receipt.header
    title_ja, title_en = TITLES[type(receipt)]
    slip.text(h.shop_name, size=34, align="center", pad=10)
    slip.text(title_ja, size=30, align="center", pad=2).text(title_en, size=20, align="center")
    slip.rule()
    if h.pending:
        slip.boxed(PENDING_JA, size=32, inverse=True).text(PENDING_EN, size=20, align="center")
    slip.pair("日時", time_ja(h.at), size=24)
    return h


def _foot(slip: Slip, h: ReceiptHeader) -> None:
    slip.rule(dashed=True)
    slip.pair("取引番号", h.reference, size=22)
    if h.terminal:
        slip.pair("端末", h.terminal, size=22)
    if h.pending:
        slip.text("通信が回復するとセンターで確定します。", size=22)


def render_receipt(receipt: Receipt) -> Image.Image:
    return receipt_slip(receipt).render()


def receipt_pdf_page(receipt: Receipt) -> tuple[Image.Image, list[str]]:
    """(image, words) for kiosk.printing.slip_pdf: the receipt's saved or Qt-printed copy."""
    slip = receipt_slip(receipt)
    return slip.render(), slip.words


def receipt_slip(receipt: Receipt) -> Slip:
    slip = Slip()
    h = _head(slip, receipt)
    sign = "-" if isinstance(receipt, ReversalReceipt) else ""
    label = {PaymentReceipt: "ご利用ポイント", ReversalReceipt: "取消ポイント", RedemptionReceipt: "券面ポイント"}
    slip.pair(h.point_name, "", size=24)
    slip.pair(label[type(receipt)], f"{sign}{receipt.points:,} pt", size=26, value_size=48)
    if isinstance(receipt, RedemptionReceipt):
        slip.pair("発券番号", group_number(receipt.voucher_number), size=26)
    if isinstance(receipt, ReversalReceipt):
        slip.pair("元の取引", receipt.original_reference, size=22)
        if receipt.reason:
            slip.text(f"理由：{receipt.reason}", size=22)
    if isinstance(receipt, PaymentReceipt | ReversalReceipt):
        balance_label = "取消後残高" if isinstance(receipt, ReversalReceipt) else "ご利用後残高"
        if receipt.balance_after is not None:
            slip.pair(balance_label, f"{receipt.balance_after:,} pt", size=26, value_size=32)
        else:
            slip.pair(balance_label, "オフラインのため不明", size=22)
    _foot(slip, h)
    return slip
