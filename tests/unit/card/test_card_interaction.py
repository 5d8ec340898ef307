from __future__ import annotations

import io

from kiosk.card.interaction import PinRequest, TerminalInteraction


def test_prompts_show_tries_and_warn_before_the_last() -> None:
    normal = PinRequest("jpki", 3)
    last = PinRequest("text", 1)
    assert "残り3回" in normal.prompt_ja() and "3 tries left" in normal.prompt_en()
    assert not normal.last_try and "ロック" not in normal.prompt_ja()
    assert last.last_try and "ロック" in last.prompt_ja() and "locks" in last.prompt_en()
    assert "券面事項" in last.prompt_ja()


def test_terminal_interaction_from_stdin() -> None:
    out = io.StringIO()
    handler = TerminalInteraction(pin_from_stdin=True, out=out, stdin=io.StringIO("1234\n\n"))
    assert handler.ask_pin(PinRequest("jpki", 3)) == "1234"
    assert handler.ask_pin(PinRequest("jpki", 2)) is None  # empty line: cancelled
    handler.show_message("カードを置いてください。", "Place the card.")
    assert "カード" in out.getvalue() and "1234" not in out.getvalue()
