"""Today's payments with a reversal (a reason, the points back to the same lots), and the day end (totals,
pending items, CSV with BOM, A4 PDF)."""

from __future__ import annotations

from typing import Any

from .helpers import click, confirm, lift, open_pay, pin, place, press, result, today


def pay(qtbot: Any, shop: Any, backend: Any, key: str, amount: int) -> None:
    screen = open_pay(qtbot, shop, amount)
    place(qtbot, shop, backend, key)
    pin(qtbot, screen)
    confirm(qtbot, screen)
    result(qtbot, screen, "success")
    lift(qtbot, shop, backend)
    press(qtbot, screen)
    shop.go("store_home")


def balance(backend: Any, store_terminal: Any, key: str) -> int:
    """The resident's balance of the first point type, read by the shop with the resident's card (as it pays)."""
    backend.reader.insert(key)
    try:
        visit = store_terminal.service.read_card("1234")
        return int(visit.available(1))
    finally:
        backend.reader.remove()


def test_reversal_with_a_reason(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    pay(qtbot, shop, backend, "yamada", 700)
    click(qtbot, shop.screens["store_home"].buttons["store_recent"])
    recent = shop.current()
    qtbot.waitUntil(lambda: recent.tiles.count() == 1, timeout=15000)
    assert not recent.reverse_button.isEnabled()  # nothing chosen yet
    click(qtbot, recent.tiles.item(0))
    click(qtbot, recent.reverse_button)
    assert not recent.confirm.isEnabled()  # a reason first
    click(qtbot, recent.reasons.item(1))
    click(qtbot, recent.confirm)
    text = result(qtbot, recent, "success")
    assert "+700" in text
    entries = store_terminal.records.activity(today(), today())
    assert sorted(e.kind for e in entries) == ["payment", "reversal"]
    assert next(e for e in entries if e.kind == "payment").reversed
    qtbot.wait(700)
    assert balance(backend, store_terminal, "yamada") == 2000  # the points are back
    press(qtbot, recent, "レシートを印刷")
    qtbot.waitUntil(lambda: bool(list(store_terminal.records.receipts_dir.glob("receipt-*.pdf"))), timeout=15000)
    press(qtbot, recent)  # 完了: the list again, the payment marked reversed
    qtbot.waitUntil(lambda: recent.tiles.count() == 2, timeout=15000)
    assert not any(recent.tiles.data(i).reversible for i in range(recent.tiles.count()))


def test_day_end(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    pay(qtbot, shop, backend, "suzuki", 300)
    pay(qtbot, shop, backend, "ito", 200)
    click(qtbot, shop.screens["store_home"].buttons["store_dayend"])
    dayend = shop.current()
    qtbot.waitUntil(lambda: dayend.settlement is not None, timeout=15000)
    assert "500" in dayend.due.text()
    assert dayend.settlement.totals().count["payment"] == 2
    click(qtbot, dayend.csv_button)
    qtbot.waitUntil(lambda: dayend.last_file is not None and dayend.last_file.suffix == ".csv", timeout=15000)
    data = dayend.last_file.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "ポイント支払".encode() in data  # UTF-8 with BOM, in Japanese
    click(qtbot, dayend.pdf_button)
    qtbot.waitUntil(lambda: dayend.last_file is not None and dayend.last_file.suffix == ".pdf", timeout=15000)
    assert dayend.last_file.read_bytes().startswith(b"%PDF")
