"""Reconciling a shop's bundle of paper vouchers (pattern ①), Qt-free: codes come from a QR scanner or a camera
(one at a time) or from a sheet-fed scan (a multi-page PDF/TIFF decoded page by page with kiosk.scan); vouchers
whose QR cannot be read are added by their printed number (the close then needs a second clerk). The cloud checks
every signature, marks the vouchers used and closes the bundle as one reconciliation record for the shop."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.errors import DomainError
from kiosk.core.voucher_code import VoucherClaims, decode_voucher
from kiosk.services.errors import ServiceError
from kiosk.services.office_cloud import OfficeCloud

OUTCOMES = ("accepted", "expired", "already_used", "voided", "forged", "shop_not_allowed", "invalid", "unknown")


@dataclass
class Bundle:
    """What the clerk has gathered for one shop before closing."""

    shop_id: int
    codes: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    unreadable_pages: list[int] = field(default_factory=list)

    def add_code(self, text: str) -> str:
        """A scanned code: its number (decoded here to show it; the cloud verifies the signature). A code already
        in the bundle is not added twice. Raises ServiceError for text that is no voucher code."""
        code = text.strip()
        try:
            claims = decode_voucher(code)
        except DomainError:
            raise ServiceError("voucher_malformed", "This is not a voucher code.",
                               message_ja="ポイント券のコードではありません。") from None
        if code not in self.codes:
            self.codes.append(code)
        return claims.number

    def add_number(self, text: str) -> str:
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) != 13:
            raise ServiceError("voucher_number_invalid", "A voucher number has 13 digits.",
                               message_ja="発券番号は13桁です。")
        if digits not in self.numbers:
            self.numbers.append(digits)
        return digits

    @property
    def size(self) -> int:
        return len(self.codes) + len(self.numbers)


def read_scanned(bundle: Bundle, path: str | Path,
                 on_page: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """A scanned bundle (PDF or TIFF), page by page: every QR found goes into the bundle; pages with none are
    listed (their vouchers are then entered by number)."""
    from kiosk.scan.bundle import read_bundle

    def check(code: str) -> VoucherClaims:
        return decode_voucher(code)  # the signature is the cloud's to check, at close

    report = read_bundle(path, check, on_page=on_page)
    added = 0
    for item in report.items:
        if item.claims is not None and item.text not in bundle.codes:
            bundle.codes.append(item.text)
            added += 1
    bundle.unreadable_pages = list(report.pages_without_code)
    return {"pages": report.pages, "codes": added, "pages_without_code": list(report.pages_without_code)}


def close(cloud: OfficeCloud, bundle: Bundle, second_staff: tuple[str, str] | None = None) -> dict[str, Any]:
    """Close the bundle as one record (the cloud's answer: outcomes, counts, points accepted)."""
    if bundle.size == 0:
        raise ServiceError("bundle_empty", "Nothing scanned yet.", message_ja="まだ何も読み取っていません。")
    body: dict[str, Any] = {"shop_id": bundle.shop_id, "codes": bundle.codes, "numbers": bundle.numbers}
    if bundle.numbers and second_staff is not None:
        body["second_staff"] = {"staff_code": second_staff[0], "password": second_staff[1]}
    return dict(cloud.call("POST", "/v1/office/reconciliations", body))
