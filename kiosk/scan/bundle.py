"""A bundle of paper vouchers scanned in one go (pattern ①): every code on every page, checked offline, sorted.

`read_bundle` decodes a multi-page PDF/TIFF page by page, runs each code through `check` (the caller's full offline
check: signature, key validity and revocation, window, voided list, municipality — anything that raises a
VoucherError), and reports per code: accepted, or refused with the error's code, or a duplicate within the bundle
(the same voucher scanned twice). Pages with no readable code are listed, so the clerk can look at those sheets and
find their vouchers by number. Whether a voucher was already used elsewhere is the cloud's answer, not ours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.core.errors import VoucherError
from kiosk.core.voucher_code import VoucherClaims
from kiosk.scan.sources import PDF_DPI, decode_document

ACCEPTED = "accepted"
DUPLICATE = "duplicate_in_bundle"


@dataclass(frozen=True, slots=True)
class BundleItem:
    page: int
    text: str
    status: str                       # ACCEPTED, DUPLICATE, or the VoucherError's code (voucher_expired, ...)
    claims: VoucherClaims | None = None
    message: str = ""


@dataclass
class BundleReport:
    items: list[BundleItem] = field(default_factory=list)
    pages: int = 0
    pages_without_code: list[int] = field(default_factory=list)

    @property
    def accepted(self) -> list[BundleItem]:
        return [i for i in self.items if i.status == ACCEPTED]

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)

    @property
    def points_accepted(self) -> int:
        return sum(i.claims.points for i in self.accepted if i.claims is not None)


def read_bundle(source: str | Path | bytes, check: Callable[[str], VoucherClaims], *, dpi: int = PDF_DPI,
                on_page: Callable[[int, int], None] | None = None) -> BundleReport:
    """Decode and check a whole bundle; `on_page(page, codes_on_it)` reports progress page by page."""
    report = BundleReport()
    seen: set[str] = set()
    for page in decode_document(source, dpi):
        report.pages = page.page
        if not page.codes:
            report.pages_without_code.append(page.page)
        for decoded in page.codes:
            try:
                claims = check(decoded.text)
            except VoucherError as exc:
                report.items.append(BundleItem(page.page, decoded.text, exc.code, None, exc.message))
                continue
            status = DUPLICATE if claims.number in seen else ACCEPTED
            seen.add(claims.number)
            report.items.append(BundleItem(page.page, decoded.text, status, claims))
        if on_page is not None:
            on_page(page.page, len(page.codes))
    return report
