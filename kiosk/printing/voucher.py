"""What goes on a printed voucher, taken from the signed code itself so paper and QR can never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from kiosk.core.voucher_code import VoucherClaims, decode_voucher

JST = timezone(timedelta(hours=9), "JST")  # Japan keeps no daylight saving time
WEEKDAYS_JA = "月火水木金土日"
TITLE = "★★★ポイント券★★★"
REPRINT_JA = "再発行"
REPRINT_EN = "RE-PRINT"
ISSUE_STAMP = "発行認印"
SHOP_STAMP = "利用店舗印"


def date_ja(day: date) -> str:
    """2027年2月28日（日）"""
    return f"{day.year}年{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def local_date(epoch: int) -> date:
    return datetime.fromtimestamp(epoch, JST).date()


def group_number(number: str) -> str:
    """A 13-digit number in groups of four for reading aloud, the check digit set apart: 0000 0001 2345 6.

    Four-digit groups follow how Japanese counts (万, 億), and a clerk reads them back as 「ゼロゼロゼロゼロ、…」;
    check_voucher_number accepts the spaces when the number is typed back.
    """
    return f"{number[0:4]} {number[4:8]} {number[8:12]} {number[12:]}"


@dataclass(frozen=True, slots=True)
class PrintableVoucher:
    code: str                  # the signed 149-character Base32 code (the QR)
    claims: VoucherClaims      # decoded from `code`
    point_name: str            # the municipality point's name, e.g. "A市ポイント"
    street_name: str           # the shopping street, e.g. "○○商店街"
    issued_on: date            # the issue date (local)
    reprint: bool = False

    @classmethod
    def from_code(
        cls, code: str, *, point_name: str, street_name: str, issued_on: date | None = None, reprint: bool = False
    ) -> PrintableVoucher:
        claims = decode_voucher(code)
        return cls(
            code=code, claims=claims, point_name=point_name, street_name=street_name,
            issued_on=issued_on or local_date(claims.valid_from), reprint=reprint,
        )

    @property
    def points_text(self) -> str:
        return f"{self.claims.points:,}"

    @property
    def valid_from_text(self) -> str:
        return date_ja(local_date(self.claims.valid_from))

    @property
    def valid_until_text(self) -> str:
        return date_ja(local_date(self.claims.valid_until))

    @property
    def issued_text(self) -> str:
        return date_ja(self.issued_on)

    @property
    def number_text(self) -> str:
        return group_number(self.claims.number)

    @property
    def usage_text(self) -> str:
        return f"★{self.street_name}の各店舗でご利用頂けます。"
