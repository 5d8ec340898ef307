"""Signed test vouchers for the sync unit tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import make_voucher_number

PRIVATE, PUBLIC = new_signing_key()


def voucher(serial: int, *, points: int = 500, start: datetime | None = None, days: int = 30,
            key_id: int = 1, private: bytes = PRIVATE) -> str:
    start = start or datetime.now(UTC) - timedelta(days=1)
    claims = VoucherClaims(key_id=key_id, point_type_id=1, number=make_voucher_number(serial), points=points,
                           valid_from=int(start.timestamp()),
                           valid_until=int((start + timedelta(days=days)).timestamp()), terminal_id=9)
    return encode_voucher(claims, private)
