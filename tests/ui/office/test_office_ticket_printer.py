"""The voucher's 80 mm ticket on the receipt printer (issue 11), through the shop's ESC/POS seam
(kiosk.printing.escpos_out, KIOSK_RECEIPT_PRINTER): the clerk issues vouchers, asks for the ticket copy, and a
raw port-9100 listener gets one raster ticket per voucher, each cut; the printed rasters are turned back into
images and every QR decodes (zxing-cpp) to the voucher's code, whose signature verifies with the cloud's key.
A printer that does not answer is said, and the PDF is saved all the same."""

from __future__ import annotations

import base64
import importlib.util
import socket
import time
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication

from .test_office_flow import TIMEOUT, card_and_pin, click, open_task, press, result


def _escpos_test_module() -> Any:
    """The receipt tests' raw printer and raster parser (tests/integration/printing), reused."""
    path = Path(__file__).resolve().parents[2] / "integration" / "printing" / "test_escpos_network.py"
    spec = importlib.util.spec_from_file_location("kiosk_tests_escpos_network", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


escpos = _escpos_test_module()


def _issue(qtbot: Any, win: Any, backend: Any) -> Any:
    screen = open_task(qtbot, win, "office_issue")
    card_and_pin(qtbot, win, backend, screen)
    qtbot.waitUntil(lambda: screen.stack.currentWidget() is screen.amount_page, timeout=TIMEOUT)
    screen.per_voucher.setCurrentIndex(0)
    screen.count.setCurrentIndex(1)  # 2 vouchers
    click(qtbot, screen.next_button)
    click(qtbot, screen.issue_button)
    result(qtbot, screen, "success")
    return screen


def test_the_ticket_copy_goes_to_the_receipt_printer_and_its_qr_verifies(qtbot: Any, office: Any,
                                                                         backend: Any) -> None:
    import zxingcpp

    from kiosk.core.voucher_code import verify_voucher
    from kiosk.printing.escpos_out import CUT_PART, NetworkTarget

    printer = escpos.RawPrinter()
    service = office.ctx.office.service
    service.printer = NetworkTarget("127.0.0.1", printer.port, timeout=5)
    try:
        screen = _issue(qtbot, office, backend)
        issued = list(screen.issued)
        press(qtbot, screen, QCoreApplication.translate("IssueScreen", "Ticket printer copy"))
        assert printer.done.wait(20)
        qtbot.waitUntil(lambda: "レシートプリンター" in screen.result_panel.text()
                        or "receipt printer" in screen.result_panel.text(), timeout=TIMEOUT)
    finally:
        printer.close()
    job = printer.jobs[0]
    assert job.startswith(b"\x1b@") and job.count(CUT_PART) == len(issued) == 2 and job.endswith(CUT_PART)
    keys = {int(c["data"]["key_id"]): base64.b64decode(c["data"]["public_key"])
            for c in service.cloud.client.changes(0, 1000)["changes"] if c["kind"] == "voucher_key"}
    tickets = job.split(CUT_PART)[:-1]  # one ticket per voucher, cut after each
    for voucher, part in zip(issued, tickets, strict=True):
        printed = np.vstack([np.asarray(r) for r in escpos.parse_rasters(part)])  # what goes on the paper
        assert printed.shape[1] == 576  # 80 mm at 203 dpi
        found = zxingcpp.read_barcodes(printed, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
        assert [f.text for f in found] == [voucher.code]
        claims = verify_voucher(found[0].text, keys, int(time.time()))
        assert claims.number == voucher.number and claims.points == voucher.points
    assert list((Path(service.out_dir) / "vouchers").glob("*-ticket.pdf"))  # and the PDF saved


def test_a_receipt_printer_that_does_not_answer_is_said_and_the_pdf_kept(qtbot: Any, office: Any,
                                                                          backend: Any) -> None:
    from kiosk.printing.escpos_out import NetworkTarget

    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()  # nothing listens there now
    service = office.ctx.office.service
    service.printer = NetworkTarget("127.0.0.1", port, timeout=2)
    screen = _issue(qtbot, office, backend)
    press(qtbot, screen, QCoreApplication.translate("IssueScreen", "Ticket printer copy"))
    qtbot.waitUntil(lambda: "✖" in screen.result_panel.text(), timeout=TIMEOUT)
    assert "PDF" in screen.result_panel.text()
    assert list((Path(service.out_dir) / "vouchers").glob("*-ticket.pdf"))
