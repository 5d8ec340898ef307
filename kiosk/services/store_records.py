"""The shop's records (issue 10), Qt-free: its activity (the cloud's `GET /v1/shop/activity` plus what this
terminal still holds pending), reversal with a reason, the day-end settlement, and receipts (saved as PDF, and
printed on an ESC/POS receipt printer when one is set)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.printing.receipts import (
    PaymentReceipt,
    ReceiptHeader,
    RedemptionReceipt,
    ReversalReceipt,
    receipt_pdf_page,
    render_receipt,
)
from kiosk.printing.settlement import Settlement, SettlementConflict, SettlementItem
from kiosk.services.errors import ServiceError, translate_error
from kiosk.services.store import Payment, Redeemed

log = logging.getLogger(__name__)
Receipt = PaymentReceipt | ReversalReceipt | RedemptionReceipt
PENDING_KINDS = {"offline_payment": "payment", "payment": "payment", "offline_voucher_redeem": "redemption",
                 "voucher_redeem": "redemption"}


@dataclass(frozen=True)
class Entry:
    """One line of the shop's activity."""

    kind: str  # payment | reversal | redemption
    at: datetime
    points: int
    reference: str  # payment id, reversal id, voucher number, or the pending operation's key
    pending: bool = False
    reversible: bool = False
    reversed: bool = False
    payment_id: int | None = None
    voucher_number: str = ""


def parse_target(text: str | None) -> Any:
    """The receipt printer setting: "host[:port]" (ESC/POS over the network), "/dev/usb/lp0" (a device file) or
    empty (none: receipts are saved as PDF only)."""
    from kiosk.printing.escpos_out import DeviceFileTarget, NetworkTarget

    text = (text or "").strip()
    if not text:
        return None
    if text.startswith("/") or text.startswith("\\\\"):
        return DeviceFileTarget(text)
    host, _, port = text.rpartition(":") if text.count(":") == 1 else (text, "", "")
    return NetworkTarget(host or text, int(port) if port.isdigit() else 9100)


class StoreRecords:
    def __init__(self, engine: Any, client: Any, *, shop_name: str, terminal_name: str, receipts_dir: Path,
                 printer: Any = None) -> None:
        self.engine = engine
        self.client = client
        self.shop_name = shop_name
        self.terminal_name = terminal_name
        self.receipts_dir = receipts_dir
        self.printer = printer  # a kiosk.printing.escpos_out target, or None

    # -- activity --------------------------------------------------------------------------------------------
    def activity(self, first: date, last: date) -> list[Entry]:
        """The cloud's record of this shop for the period, then what this terminal still holds pending."""
        try:
            data = self.client._get("/v1/shop/activity", {"from": first.isoformat(), "to": last.isoformat()})
        except Exception as exc:
            raise translate_error(exc) from None
        if data.get("shop_name"):
            self.shop_name = str(data["shop_name"])
        entries = [self._entry(e) for e in data.get("entries") or []]
        return entries + [e for e in self.pending() if first <= _day(e.at) <= last]

    @staticmethod
    def _entry(e: dict[str, Any]) -> Entry:
        kind = str(e["kind"])
        at = datetime.fromisoformat(str(e["at"]))
        if kind == "payment":
            return Entry(kind, at, int(e["points"]), str(e["id"]), reversible=bool(e.get("reversible")),
                         reversed=bool(e.get("reversed")), payment_id=int(e["id"]))
        if kind == "reversal":
            return Entry(kind, at, int(e["points"]), str(e["id"]), payment_id=e.get("payment_id"))
        return Entry(kind, at, int(e["points"]), str(e["voucher_number"]), voucher_number=str(e["voucher_number"]))

    def pending(self) -> list[Entry]:
        """Payments and redemptions still in the outbox (offline, or not confirmed yet)."""
        from kiosk.core.voucher_code import decode_voucher

        out = []
        for op in self.engine.outbox.peek(10_000):
            kind = PENDING_KINDS.get(op.kind)
            if kind is None:
                continue
            points, number = int(op.payload.get("points") or 0), ""
            if kind == "redemption":
                try:
                    claims = decode_voucher(str(op.payload.get("code") or ""))
                    points, number = claims.points, claims.number
                except Exception:
                    log.debug("a pending redemption with an unreadable code", exc_info=True)
            out.append(Entry(kind, op.created_at, points, op.key[:8].upper(), pending=True, voucher_number=number))
        return out

    def conflicts(self) -> list[SettlementConflict]:
        return [SettlementConflict(c.reported_at, c.key[:16], c.message_ja or c.message)
                for c in self.engine.outbox.conflicts(include_acknowledged=False)]

    # -- reversal ----------------------------------------------------------------------------------------------
    def reverse(self, payment_id: int, reason: str) -> dict[str, Any]:
        """Reverse one of this shop's payments with a reason (needs the cloud: the points return to their lots)."""
        if not reason.strip():
            raise ServiceError("reason_required")
        try:
            return dict(self.client._post(f"/v1/shop/payments/{int(payment_id)}/reverse", {"reason": reason.strip()}))
        except Exception as exc:
            raise translate_error(exc) from None

    # -- day end -------------------------------------------------------------------------------------------------
    def settlement(self, first: date, last: date) -> Settlement:
        entries = self.activity(first, last)
        items = [SettlementItem(e.at, e.kind, e.points, e.reference, e.pending, e.voucher_number)  # type: ignore[arg-type]
                 for e in entries]
        return Settlement(self.shop_name, first, last, items, self.conflicts(),
                          printed_at=self.engine.clock.cloud_now())

    def print_settlement(self, s: Settlement) -> Path:
        from kiosk.printing.settlement import render_settlement_slip, save_settlement_pdf

        path = save_settlement_pdf(s, self._path("settlement", "pdf"))
        if self.printer is not None:
            self._print(render_settlement_slip(s))
        return path

    def export_csv(self, s: Settlement, path: Path | None = None) -> Path:
        from kiosk.printing.settlement import save_settlement_csv

        return save_settlement_csv(s, path or self._path("settlement", "csv"))

    # -- receipts ------------------------------------------------------------------------------------------------
    def header(self, at: datetime, reference: str, point_name: str, pending: bool) -> ReceiptHeader:
        return ReceiptHeader(self.shop_name, at, reference, point_name, self.terminal_name, pending)

    def payment_receipt(self, p: Payment, point_name: str) -> PaymentReceipt:
        return PaymentReceipt(self.header(p.at, p.reference, point_name, p.pending), p.points, p.balance_after)

    def redemption_receipt(self, r: Redeemed, point_name: str) -> RedemptionReceipt:
        ref = (r.key or "")[:8].upper() if r.pending else r.number
        return RedemptionReceipt(self.header(r.at, ref, point_name, r.pending), r.points, r.number)

    def reversal_receipt(self, result: dict[str, Any], reason: str, point_name: str) -> ReversalReceipt:
        at = datetime.fromisoformat(str(result.get("reversed_at"))) if result.get("reversed_at") else \
            self.engine.clock.cloud_now()
        return ReversalReceipt(self.header(at, str(result.get("reversal_id", "")), point_name, False),
                               abs(int(result.get("points") or 0)), str(result.get("payment_id", "")), reason)

    def print_receipt(self, receipt: Receipt) -> Path:
        """Save the receipt as an 80 mm PDF (the record) and print it on the receipt printer when one is set."""
        from kiosk.printing.slip_pdf import save_slips_pdf

        path = save_slips_pdf([receipt_pdf_page(receipt)], self._path("receipt", "pdf"))
        if self.printer is not None:
            self._print(render_receipt(receipt))
        return path

    def _print(self, image: Any) -> None:
        from kiosk.printing.escpos_out import PrinterUnavailable, print_images

        try:
            print_images(self.printer, [image])
        except PrinterUnavailable as exc:
            raise ServiceError("printer_unavailable", str(exc)) from None

    def _path(self, stem: str, ext: str) -> Path:
        self.receipts_dir.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        return self.receipts_dir / f"{stem}-{stamp}.{ext}"


def _day(at: datetime) -> date:
    from kiosk.printing.voucher import JST

    return at.astimezone(JST).date() if at.tzinfo else at.date()
