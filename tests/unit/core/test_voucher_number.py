import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.errors import VoucherNumberInvalid
from kiosk.core.voucher_number import MAX_SERIAL, check_voucher_number, make_voucher_number, serial_of


@given(st.integers(min_value=0, max_value=MAX_SERIAL))
def test_round_trip(serial):
    number = make_voucher_number(serial)
    assert len(number) == 13 and number.isdigit()
    assert check_voucher_number(number) == number
    assert serial_of(number) == serial


@given(st.integers(min_value=0, max_value=MAX_SERIAL), st.integers(0, 12), st.integers(1, 9))
def test_every_single_digit_error_is_caught(serial, position, delta):
    number = make_voucher_number(serial)
    wrong = number[:position] + str((int(number[position]) + delta) % 10) + number[position + 1 :]
    with pytest.raises(VoucherNumberInvalid):
        check_voucher_number(wrong)


@given(st.integers(min_value=0, max_value=MAX_SERIAL), st.integers(0, 11))
def test_every_adjacent_transposition_is_caught(serial, position):
    number = make_voucher_number(serial)
    a, b = number[position], number[position + 1]
    if a == b:
        return
    swapped = number[:position] + b + a + number[position + 2 :]
    with pytest.raises(VoucherNumberInvalid):
        check_voucher_number(swapped)


def test_typed_forms_are_accepted():
    number = make_voucher_number(42)
    spaced = f"{number[:4]}-{number[4:8]} {number[8:]}"
    full_width = number.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert check_voucher_number(spaced) == number
    assert check_voucher_number(full_width) == number


@pytest.mark.parametrize("bad", [-1, MAX_SERIAL + 1, True, 1.5])
def test_serial_range(bad):
    with pytest.raises(VoucherNumberInvalid):
        make_voucher_number(bad)


@given(st.text(max_size=30))
def test_garbage_raises_only_the_documented_error(text):
    with contextlib.suppress(VoucherNumberInvalid):
        check_voucher_number(text)
