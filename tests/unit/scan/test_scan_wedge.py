"""The keyboard-wedge assembler: scans apart from typing, IME and full-width input, Enter missing or doubled."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.core.voucher_code import verify_voucher
from kiosk.scan.wedge import CODE_LENGTH, Scan, Typed, WedgeAssembler, normalise_scan

from .conftest import NOW

FULL_WIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def full_width(text: str) -> str:
    return "".join(FULL_WIDTH.get(ch, ch) for ch in text)


def type_keys(w: WedgeAssembler, keys: str, start: float = 100.0, per_key: float = 0.001) -> tuple[list, float]:
    events: list = []
    t = start
    for i, key in enumerate(keys):
        t = start + i * per_key
        events += w.feed(key, t)
    return events, t


def settle(w: WedgeAssembler, t: float) -> list:
    """What the UI's timer gets when it fires at the deadline (or a moment after `t` if nothing is held)."""
    deadline = w.deadline()
    return w.poll((deadline if deadline is not None else t + w.burst_gap) + 0.001)


def test_149_characters_at_1_ms_a_key_complete_at_the_last_key(code: str, public_keys) -> None:  # type: ignore[no-untyped-def]
    w = WedgeAssembler()
    events, last = type_keys(w, code)
    assert len(events) == 1
    scan = events[0]
    assert isinstance(scan, Scan) and scan.reason == "length" and scan.ended == last
    assert scan.text == code and scan.looks_like_voucher
    assert verify_voucher(scan.text, public_keys, NOW).points == 100
    assert not w.holding and w.deadline() is None
    assert settle(w, last) == []


@pytest.mark.parametrize("suffix", ["\r", "\n", "\r\n", "\n\n", "\t"])
def test_enter_after_a_complete_scan_is_swallowed_even_doubled(code: str, suffix: str) -> None:
    w = WedgeAssembler()
    events, last = type_keys(w, code + suffix)
    assert [type(e) for e in events] == [Scan]
    assert settle(w, last) == []


def test_missing_enter_and_a_short_code_closes_on_the_gap(code: str) -> None:
    w = WedgeAssembler()
    events, last = type_keys(w, code[:120])
    assert events == [] and w.holding and w.in_burst
    assert w.deadline() == pytest.approx(last + w.burst_gap)
    assert w.poll(last + w.burst_gap / 2) == []
    (scan,) = settle(w, last)
    assert isinstance(scan, Scan) and scan.reason == "gap" and scan.text == code[:120]
    assert not scan.looks_like_voucher


def test_short_code_with_enter_closes_on_enter(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, code[:60] + "\r")
    assert len(events) == 1 and events[0].reason == "enter" and events[0].text == code[:60]


def test_full_width_keys_from_an_ime_in_kana_mode(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, full_width(code) + "\r")
    assert [type(e) for e in events] == [Scan]
    assert events[0].text == code and events[0].raw == full_width(code)


def test_ime_committing_the_whole_code_at_once(code: str) -> None:
    w = WedgeAssembler()
    assert w.feed(full_width(code), 5.0)[0] == Scan(code, full_width(code), "length", 5.0, 5.0)
    assert w.feed("\n", 5.001) == []          # the Enter that made the IME commit, if it is passed on


def test_lower_case_and_stray_blanks(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, " " + code.lower() + "\r")
    assert [e.text for e in events] == [code]


def test_slow_scanner_10_ms_a_key_is_still_a_scan(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, code, per_key=0.010)
    assert [e.text for e in events if isinstance(e, Scan)] == [code]


def test_a_person_typing_goes_to_the_field_one_key_at_a_time() -> None:
    w = WedgeAssembler()
    out: list = []
    t = 10.0
    for key in "tanaka\r":
        out += w.feed(key, t)
        t += 0.15
    out += settle(w, t)
    assert all(isinstance(e, Typed) for e in out)
    assert "".join(e.text for e in out) == "tanaka\n"
    assert len(out) == 7                        # each key released on its own


def test_a_fast_typist_rollover_is_not_a_scan() -> None:
    w = WedgeAssembler()
    events, last = type_keys(w, "the", per_key=0.012)
    events += settle(w, last)
    assert events == [Typed("the")]


def test_a_person_pressing_enter_alone() -> None:
    w = WedgeAssembler()
    assert w.feed("\r", 1.0) == [Typed("\n")]


def test_an_ime_committing_a_japanese_word_is_typing() -> None:
    w = WedgeAssembler()
    word = "東京都千代田区霞が関一丁目"
    events = w.feed(word, 3.0) + settle(w, 3.0)
    assert events == [Typed(word)]


def test_another_barcode_is_a_scan_never_a_field(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, "4901234567894\r")
    assert len(events) == 1 and isinstance(events[0], Scan)
    assert events[0].text == "4901234567894" and not events[0].looks_like_voucher


def test_typing_right_after_a_scan_is_not_glued_to_it(code: str) -> None:
    w = WedgeAssembler()
    events, last = type_keys(w, code + "\r\n")
    later, end = type_keys(w, "ab", start=last + 0.5, per_key=0.2)
    later += settle(w, end)
    assert [type(e) for e in events] == [Scan]
    assert later == [Typed("a"), Typed("b")]


def test_enter_long_after_a_scan_is_the_persons(code: str) -> None:
    w = WedgeAssembler()
    _, last = type_keys(w, code)
    assert w.feed("\r", last + 1.0) == [Typed("\n")]


def test_two_scans_back_to_back(make_codes) -> None:  # type: ignore[no-untyped-def]
    a, b = make_codes(2, first_serial=700)
    w = WedgeAssembler()
    first, last = type_keys(w, a + "\r")
    second, _ = type_keys(w, b + "\r", start=last + 0.3)
    assert [e.text for e in first + second] == [a, b]


def test_normalise_scan() -> None:
    assert normalise_scan("ＡＢＣ２３４\u3000x\r") == "ABC234X"
    assert normalise_scan(unicodedata.normalize("NFD", "abc")) == "ABC"


@given(
    per_key=st.floats(min_value=0.0, max_value=0.02),
    suffix=st.sampled_from(["", "\r", "\n", "\r\n", "\r\r", "\t"]),
    wide=st.booleans(),
    lower=st.booleans(),
    start=st.floats(min_value=0.0, max_value=1e6),
)
def test_any_scanner_timing_and_suffix_gives_exactly_one_scan(code: str, per_key: float, suffix: str, wide: bool,
                                                              lower: bool, start: float) -> None:
    keys = code.lower() if lower else code
    keys = full_width(keys) if wide else keys
    w = WedgeAssembler()
    events, last = type_keys(w, keys + suffix, start=start, per_key=per_key)
    events += settle(w, last)
    assert len(events) == 1 and isinstance(events[0], Scan)
    assert events[0].text == code and len(events[0].text) == CODE_LENGTH


def test_backspace_and_escape_are_a_persons_and_go_on_in_order() -> None:
    w = WedgeAssembler()
    out = w.feed("a", 1.0) + w.feed("\b", 1.01) + w.feed("b", 1.2) + w.feed("\x1b", 1.5)
    assert out == [Typed("a"), Typed("\b"), Typed("b"), Typed("\x1b")]
    assert not w.holding


def test_a_control_character_inside_a_scan_is_dropped(code: str) -> None:
    w = WedgeAssembler()
    events, _ = type_keys(w, code[:80] + "\x00" + code[80:])
    assert [e.text for e in events] == [code]


def test_a_key_without_text_only_flushes() -> None:
    w = WedgeAssembler()
    w.feed("x", 1.0)
    assert w.feed("", 1.01) == [] and w.holding
    assert w.feed("", 1.1) == [Typed("x")]


def test_an_ime_committing_a_latin_word_is_typing_even_if_base32_only() -> None:
    w = WedgeAssembler()
    events = w.feed("ｔａｎａｋａｔａｒｏ", 2.0)
    assert events == [] and w.deadline() == pytest.approx(2.0 + w.commit_gap)
    assert w.poll(2.0 + w.commit_gap + 0.001) == [Typed("ｔａｎａｋａｔａｒｏ")]


def test_an_ime_committing_the_code_in_pieces(code: str) -> None:
    w = WedgeAssembler()
    assert w.feed(full_width(code[:100]), 7.0) == []         # the composition filled up: first piece
    assert w.poll(7.0 + w.burst_gap + 0.01) == []            # a commit waits longer than a key
    (scan,) = w.feed(full_width(code[100:]), 7.08)           # the rest, at the scanner's Enter
    assert isinstance(scan, Scan) and scan.text == code and scan.reason == "length"
    assert w.feed("\r", 7.081) == []
