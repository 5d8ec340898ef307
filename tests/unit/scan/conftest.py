"""Signed voucher codes for the scan tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key
from kiosk.core.voucher_number import make_voucher_number
from kiosk.printing.voucher import PrintableVoucher

VALID_FROM = 1796050800
VALID_UNTIL = 1803826799
NOW = VALID_FROM + 3600
KEY_ID = 9


@pytest.fixture(scope="session")
def signing_key() -> tuple[bytes, bytes]:
    return new_signing_key()


@pytest.fixture(scope="session")
def public_keys(signing_key: tuple[bytes, bytes]) -> dict[int, bytes]:
    return {KEY_ID: signing_key[1]}


@pytest.fixture(scope="session")
def make_codes(signing_key: tuple[bytes, bytes]) -> Callable[[int], list[str]]:
    def make(count: int, first_serial: int = 5000) -> list[str]:
        return [encode_voucher(VoucherClaims(
            key_id=KEY_ID, point_type_id=3, number=make_voucher_number(first_serial + i), points=100 * (i + 1),
            valid_from=VALID_FROM, valid_until=VALID_UNTIL, terminal_id=4), signing_key[0]) for i in range(count)]
    return make


@pytest.fixture(scope="session")
def code(make_codes: Callable[[int], list[str]]) -> str:
    return make_codes(1)[0]


def printable(codes: list[str]) -> list[PrintableVoucher]:
    return [PrintableVoucher.from_code(c, point_name="A市ポイント", street_name="○○商店街") for c in codes]
