"""The commerce-association office's Qt-free service (issue 11): the clerk's login, the resident's card (online
only), vouchers (issue with the resident's consent, print, re-print, void, void-and-re-issue), the exchange desk
and cash sales. Reconciliation and settlement live in office_batches.py / office_settlement.py.

Online only: every step needs the cloud, and `online()` is asked before a task starts (the screens say so first).
The PIN is used once for the card's first signature and never kept; the consent is signed on the same visit.
"""

from __future__ import annotations

import base64
import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire
from kiosk.core.rules.voucher_issue import VoucherRule
from kiosk.services.errors import CloudNeeded, ServiceError, translate_error
from kiosk.services.office_cloud import OfficeCloud

MAX_VOUCHERS = 50


@dataclass(frozen=True, slots=True)
class ResidentVisit:
    mykey_id: str
    auth_token: str
    balances: dict[int, int]

    def balance(self, point_type_id: int) -> int:
        return self.balances.get(point_type_id, 0)


@dataclass(frozen=True, slots=True)
class IssuedVoucher:
    number: str
    code: str
    points: int
    valid_until: str
    reprint: bool = False
    copy: int = 1


class OfficeService:
    def __init__(self, cloud: OfficeCloud, card: Any, *, terminal_id: int, municipality_code: str,
                 out_dir: Path, point_name: str = "A市ポイント", street_name: str = "○○商店街") -> None:
        self.cloud = cloud
        self.card = card
        self.terminal_id = terminal_id
        self.municipality_code = municipality_code
        self.out_dir = out_dir
        self.point_name = point_name  # Japanese: the paper's (vouchers and receipts are printed in Japanese)
        self.point_name_en = ""  # for the screen in English, when the cloud has one
        self.street_name = street_name
        self.card_timeout = 20.0
        self.staff: dict[str, Any] | None = None
        self.printer: Any = None  # the 80 mm receipt printer (kiosk.printing.escpos_out target), as at the shop

    # -- state ---------------------------------------------------------------------------------------------
    def online(self) -> bool:
        return self.cloud.online()

    def require_online(self) -> None:
        if not self.online():
            raise CloudNeeded("the office works online only")

    def login(self, staff_code: str, password: str) -> dict[str, Any]:
        try:
            self.staff = self.cloud.login(staff_code, password)
        except Exception as exc:
            raise translate_error(exc) from None
        return self.staff

    def logout(self) -> None:
        self.staff = None
        with contextlib.suppress(Exception):  # the session ends on the cloud by itself when idle
            self.cloud.logout()

    # -- the card ------------------------------------------------------------------------------------------
    def _card(self, name: str, *args: Any) -> Any:
        result = getattr(self.card, name)(*args)
        return result.result(timeout=self.card_timeout) if hasattr(result, "result") else result

    def read_card(self, pin: str, progress: Callable[[str], None] = lambda step: None) -> ResidentVisit:
        """The resident's card and PIN: the cloud's challenge signed → MyKey ID, auth token, balances."""
        if not (len(pin) == 4 and pin.isdigit()):
            raise ServiceError("pin_format")
        try:
            self.require_online()
            progress("read_certificate")
            value = self._card("read_user_auth_certificate")
            der = bytes(getattr(value, "cert_der", value))
            challenge = self.cloud.client.auth_challenge()
            progress("sign")
            signature = bytes(self._card("sign_challenge", pin, base64.b64decode(challenge["challenge"])))
            progress("verify")
            verified = self.cloud.client.auth_verify(str(challenge["challenge_id"]), der, signature)
            mykey_id = verified.get("mykey_id")
            if not mykey_id:
                raise ServiceError("no_mykey_id")
            token = str(verified.get("auth_token") or "")
            data = self.cloud.client.balances(mykey_id, resident_token=token)
            balances = {int(a["point_type_id"]): int(a.get("balance") or 0) for a in data.get("accounts") or []}
            return ResidentVisit(str(mykey_id), token, balances)
        except Exception as exc:
            raise translate_error(exc) from None

    def consent(self, action: str, shop_id: int | None, point_type_id: int, points: int, count: int = 1
                ) -> dict[str, str]:
        """The statement the resident confirmed, signed on this visit (no second PIN), in wire form."""
        statement = encode_statement(ConsentStatement(
            action=action, municipality_code=self.municipality_code, shop_id=shop_id, terminal_id=self.terminal_id,
            point_type_id=point_type_id, points=points, count=count, nonce=new_nonce(),
            at=statement_now(self.cloud.now())))
        signature = bytes(self._card("sign_statement", statement))
        der_value = self._card("read_user_auth_certificate")
        return to_wire(statement, signature, bytes(getattr(der_value, "cert_der", der_value)))

    def release_card(self) -> None:
        reset = getattr(self.card, "release_card", None) or getattr(self.card, "reset", None)
        if reset is not None:
            with contextlib.suppress(Exception):
                reset()

    # -- vouchers ------------------------------------------------------------------------------------------
    def voucher_rule(self, point_type_id: int) -> VoucherRule:
        """The municipality's voucher rule (validity choices, most points on one voucher) as the cloud enforces it."""
        return VoucherRule.from_json(self.cloud.call("GET", f"/v1/office/voucher-rules/{int(point_type_id)}"))

    def issue(self, visit: ResidentVisit, point_type_id: int, points_each: int, count: int,
              validity_days: int) -> list[IssuedVoucher]:
        if points_each <= 0 or not 1 <= count <= MAX_VOUCHERS:
            raise ServiceError("invalid_points")
        if points_each * count > visit.balance(point_type_id):
            raise ServiceError("insufficient_points")
        try:
            self.require_online()
            consent = self.consent("voucher_issue", None, point_type_id, points_each * count, count)
            data = self.cloud.client.issue_vouchers(consent, point_type_id, points_each, count,
                                                    validity_days=validity_days)
        except Exception as exc:
            raise translate_error(exc) from None
        return [IssuedVoucher(v["number"], v["code"], int(v["points"]), str(v["valid_until"]))
                for v in data["vouchers"]]

    def reprint(self, number: str) -> IssuedVoucher:
        data = self.cloud.call("POST", f"/v1/office/vouchers/{_digits(number)}/reprint")
        return IssuedVoucher(data["number"], data["code"], int(data["points"]), str(data["valid_until"]), True,
                             int(data["copy"]))

    def void(self, number: str) -> dict[str, Any]:
        try:
            return dict(self.cloud.client.void_voucher(_digits(number)))
        except Exception as exc:
            raise translate_error(exc) from None

    def reissue(self, number: str) -> tuple[str, IssuedVoucher]:
        data = self.cloud.call("POST", f"/v1/office/vouchers/{_digits(number)}/reissue")
        v = data["voucher"]
        return str(data["voided"]), IssuedVoucher(v["number"], v["code"], int(v["points"]), str(v["valid_until"]))

    def print_vouchers(self, vouchers: list[IssuedVoucher], layout: str = "a4") -> Path:
        """The PDF, always saved (A4 sheets of 8 with cut marks, or one 80 mm ticket per voucher)."""
        from kiosk.printing.slip_pdf import save_slips_pdf
        from kiosk.printing.ticket import render_ticket, ticket_lines
        from kiosk.printing.voucher_pdf import save_vouchers_a4

        printable = self._printable(vouchers)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kind = "reprint" if any(v.reprint for v in vouchers) else "vouchers"
        name = f"{kind}-{vouchers[0].number}-{stamp}-{uuid.uuid4().hex[:4]}"
        if layout == "ticket":
            return save_slips_pdf([(render_ticket(p), ticket_lines(p)) for p in printable],
                                  self.out_dir / "vouchers" / f"{name}-ticket.pdf", title="ポイント券")
        return save_vouchers_a4(printable, self.out_dir / "vouchers" / f"{name}.pdf")

    def _printable(self, vouchers: list[IssuedVoucher]) -> list[Any]:
        from kiosk.printing.voucher import PrintableVoucher

        return [PrintableVoucher.from_code(v.code, point_name=self.point_name, street_name=self.street_name,
                                           reprint=v.reprint) for v in vouchers]

    def print_tickets(self, vouchers: list[IssuedVoucher]) -> tuple[Path, bool]:
        """One 80 mm ticket per voucher: the PDF always saved; sent to the receipt printer (ESC/POS raster, the
        shop's printing seam kiosk.printing.escpos_out, cut after each) when one is set. (path, printed)"""
        path = self.print_vouchers(vouchers, "ticket")
        if self.printer is None:
            return path, False
        from kiosk.printing.escpos_out import PrinterUnavailable, print_images
        from kiosk.printing.ticket import render_ticket

        try:
            print_images(self.printer, [render_ticket(p) for p in self._printable(vouchers)])
        except PrinterUnavailable as exc:
            raise ServiceError("printer_unavailable", f"{exc} (the PDF was saved: {path.name})",
                               message_ja=f"レシートプリンターが応答しません。PDFは保存しました（{path.name}）。") from None
        return path, True

    # -- the exchange desk -------------------------------------------------------------------------------------
    def exchange(self, visit: ResidentVisit, *, kind: str, shop_id: int, point_type_id: int, points: int,
                 serials: list[str] | None = None, denomination: int | None = None,
                 card_number: str | None = None) -> dict[str, Any]:
        if points > visit.balance(point_type_id):
            raise ServiceError("insufficient_points")
        try:
            self.require_online()
            consent = self.consent("exchange", shop_id, point_type_id, points)
        except Exception as exc:
            raise translate_error(exc) from None
        body: dict[str, Any] = {"kind": kind, "point_type_id": point_type_id, "points": points, "shop_id": shop_id,
                                "consent": consent}
        if kind == "gift_certificate":
            body.update(serials=list(serials or []), denomination=denomination)
        else:
            body["card_number"] = card_number
        return dict(self.cloud.call("POST", "/v1/office/exchanges", body))

    def cash_rule(self, point_type_id: int) -> dict[str, Any]:
        return dict(self.cloud.call("GET", f"/v1/office/cash-sale-rules/{int(point_type_id)}"))

    def cash_sale(self, visit: ResidentVisit, point_type_id: int, yen: int) -> dict[str, Any]:
        return dict(self.cloud.call("POST", "/v1/office/cash-sales", {
            "auth_token": visit.auth_token, "point_type_id": point_type_id, "yen": yen,
            "idempotency_key": uuid.uuid4().hex}))

    def cash_day(self, day: date) -> dict[str, Any]:
        return dict(self.cloud.call("GET", "/v1/office/cash-sales/day", params={"day": day.isoformat()}))

    def cash_receipt(self, sale: dict[str, Any]) -> Path:
        from kiosk.services.office_receipts import save_cash_receipt

        return save_cash_receipt(sale, self.point_name, self.out_dir / "receipts")

    def shops(self) -> dict[str, Any]:
        return dict(self.cloud.call("GET", "/v1/office/shops"))


def _digits(number: str) -> str:
    text = "".join(ch for ch in number if ch.isdigit())
    if len(text) != 13:
        raise ServiceError("voucher_number_invalid", "A voucher number has 13 digits.",
                           message_ja="発券番号は13桁です。")
    return text
