"""A card payment online, end to end: the software card, the real local cloud, the real sync engine; its receipt
printed to a real raw-9100 listener."""

from __future__ import annotations

import socket
import threading
from typing import Any

from .helpers import click, confirm, lift, open_pay, pin, place, press, result, today


def test_payment_online(qtbot: Any, shop: Any, backend: Any, store_terminal: Any, sound: Any) -> None:
    pay = open_pay(qtbot, shop, 500)
    assert pay.amount_banner.isVisible() and pay.amount_banner.text() == "500 ポイント"
    place(qtbot, shop, backend, "yamada")
    assert "未確認" in shop.banner.text()  # a card, not yet proven
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: "YMDTRU01" in shop.banner.text(), timeout=15000)  # proven by its signature
    confirm(qtbot, pay)
    text = result(qtbot, pay, "success")
    assert "500" in text and "1,500" in text  # paid, and the new balance (2,000 − 500)
    assert "paid" in sound.played
    entries = store_terminal.records.activity(today(), today())
    assert [(e.kind, e.points, e.pending) for e in entries] == [("payment", 500, False)]
    lift(qtbot, shop, backend)
    assert pay.result_shown() and "1,500" not in pay.result_panel.text()  # the outcome stays, the balance goes
    assert "YMDTRU01" not in shop.banner.text()  # the resident is forgotten with the card
    press(qtbot, pay)  # 次の方へ: one tap
    assert pay.state == "amount" and pay.amount() == 0 and not pay.result_shown()


def test_second_amount_on_the_same_visit_needs_no_second_pin(qtbot: Any, shop: Any, backend: Any) -> None:
    pay = open_pay(qtbot, shop, 2500)  # more than yamada's 2,000
    place(qtbot, shop, backend, "yamada")
    pin(qtbot, pay)
    qtbot.waitUntil(lambda: pay.state == "short", timeout=15000)
    assert "2,000" in pay.short_text.text()
    click(qtbot, pay.use_all)  # partial use: what there is
    text = result(qtbot, pay, "success")
    assert "−2,000 ポイント" in text and pay.result_panel.detail.text().endswith("：0 ポイント")


class Listener:
    """A raw port-9100 printer: accepts connections on a loopback port and keeps every byte."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.data = bytearray()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                while chunk := conn.recv(65536):
                    self.data += chunk

    def close(self) -> None:
        self.sock.close()


def test_receipt_printed_on_a_network_printer(qtbot: Any, shop: Any, backend: Any, store_terminal: Any) -> None:
    from kiosk.printing.escpos_out import NetworkTarget

    listener = Listener()
    store_terminal.records.printer = NetworkTarget("127.0.0.1", listener.port)
    try:
        pay = open_pay(qtbot, shop, 100)
        place(qtbot, shop, backend, "suzuki")
        pin(qtbot, pay)
        confirm(qtbot, pay)
        result(qtbot, pay, "success")
        press(qtbot, pay, "レシートを印刷")
        qtbot.waitUntil(lambda: b"\x1dV" in listener.data, timeout=15000)  # GS V: the cut after the receipt
        assert b"\x1dv0" in listener.data  # GS v 0: the receipt as a raster image (Japanese text drawn)
        saved = list((store_terminal.records.receipts_dir).glob("receipt-*.pdf"))
        assert saved  # and the record kept as a PDF
    finally:
        listener.close()
