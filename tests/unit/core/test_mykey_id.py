import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.errors import InvalidMyKeyId
from kiosk.core.mykey_id import LOOK_ALIKES, SAFE_ALPHABET, generate_candidate, normalize_mykey_id


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [("ab12cd34", "AB12CD34"), ("  AB12CD34 ", "AB12CD34"), ("ＡＢ１２ｃｄ３４", "AB12CD34")],
)
def test_normalises_case_blanks_and_full_width(typed, canonical):
    assert normalize_mykey_id(typed) == canonical


@pytest.mark.parametrize("typed", ["", "AB12CD3", "AB12CD345", "AB12-D34", "AB12CDあ4", "AB 2CD34"])
def test_refuses_wrong_length_or_characters(typed):
    with pytest.raises(InvalidMyKeyId):
        normalize_mykey_id(typed)


def test_candidates_are_valid_and_avoid_look_alikes():
    rng = random.Random(7)
    seen = set()
    for _ in range(2000):
        candidate = generate_candidate(rng)
        assert normalize_mykey_id(candidate) == candidate
        assert not set(candidate) & LOOK_ALIKES
        seen.add(candidate)
    assert len(seen) == 2000
    assert set("".join(seen)) == set(SAFE_ALPHABET)


@given(st.text(max_size=20))
def test_any_text_is_either_canonical_or_refused(text):
    try:
        value = normalize_mykey_id(text)
    except InvalidMyKeyId:
        return
    assert len(value) == 8 and value == value.upper() and value.isascii() and value.isalnum()
