"""Receipts printed to a real TCP listener on loopback speaking the raw port-9100 protocol (what a TM-m30 or an
mC-Print3 does on its network port): the bytes carry an ESC/POS raster image equal to the rendered slip, and a cut.
"""

from __future__ import annotations

import socket
import threading
from datetime import UTC, datetime

import numpy as np
import pytest
from PIL import Image

from kiosk.printing.escpos_out import (
    CUT_PART,
    RASTER,
    NetworkTarget,
    PrinterUnavailable,
    escpos_bytes,
    print_images,
)
from kiosk.printing.receipts import PaymentReceipt, ReceiptHeader, RedemptionReceipt, render_receipt


class RawPrinter:
    """A socket server that accepts print jobs and keeps every byte of each, like a printer's port 9100."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.jobs: list[bytes] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while data := conn.recv(65536):
                    chunks.append(data)
            self.jobs.append(b"".join(chunks))
            self.done.set()

    def close(self) -> None:
        self.sock.close()


def parse_rasters(data: bytes) -> list[Image.Image]:
    """Every GS v 0 image in an ESC/POS stream, decoded back to pixels."""
    images, at = [], 0
    while (at := data.find(RASTER, at)) >= 0:
        mode = data[at + 3]
        assert mode == 0                                  # normal density (203 × 203 dpi)
        xb = data[at + 4] | data[at + 5] << 8
        h = data[at + 6] | data[at + 7] << 8
        body = data[at + 8: at + 8 + xb * h]
        assert len(body) == xb * h
        bits = np.unpackbits(np.frombuffer(body, dtype=np.uint8)).reshape(h, xb * 8)
        images.append(Image.fromarray(np.where(bits == 1, 0, 255).astype(np.uint8), mode="L"))
        at += 8 + xb * h
    return images


@pytest.fixture
def printer():  # type: ignore[no-untyped-def]
    server = RawPrinter()
    yield server
    server.close()


def receipt_images() -> list[Image.Image]:
    head = ReceiptHeader("さくら商店", datetime(2026, 11, 30, 5, 12, tzinfo=UTC), "P-1", "A市ポイント",
                         pending=True)
    return [render_receipt(PaymentReceipt(head, 1200, None)),
            render_receipt(RedemptionReceipt(head, 1000, "0000000123459"))]


def test_two_receipts_over_tcp_9100_protocol(printer: RawPrinter) -> None:
    images = receipt_images()
    sent = print_images(NetworkTarget("127.0.0.1", printer.port, timeout=5), images)
    assert printer.done.wait(5)
    job = printer.jobs[0]
    assert len(job) == sent == len(escpos_bytes(images))
    assert job.startswith(b"\x1b@")                       # ESC @ initialise
    assert job.count(CUT_PART) == 2 and job.endswith(CUT_PART)
    assert job.count(b"\x1bd\x06") == 2                   # feed past the cutter before each cut
    rasters = parse_rasters(job)
    # python-escpos splits a tall image into fragments of at most 960 rows; stitch them per receipt
    assert sum(r.height for r in rasters) == sum(i.height for i in images)
    assert all(r.width == 576 for r in rasters)
    printed = np.vstack([np.asarray(r) for r in rasters])
    rendered = np.vstack([np.asarray(i.convert("L")) for i in images])
    assert np.array_equal(printed, rendered)              # the exact pixels that were rendered
    cut_at = job.find(CUT_PART)
    assert job.find(RASTER) < cut_at < job.rfind(RASTER)  # one receipt, cut, the next


def test_unreachable_printer_is_a_clear_error() -> None:
    free = socket.socket()
    free.bind(("127.0.0.1", 0))
    port = free.getsockname()[1]
    free.close()                                          # nothing listens there now
    with pytest.raises(PrinterUnavailable, match="receipt printer"):
        print_images(NetworkTarget("127.0.0.1", port, timeout=2), receipt_images())


def test_voucher_ticket_takes_the_same_path_and_its_printed_qr_verifies(printer: RawPrinter) -> None:
    import zxingcpp

    from kiosk.core.voucher_code import VoucherClaims, encode_voucher, new_signing_key, verify_voucher
    from kiosk.core.voucher_number import make_voucher_number
    from kiosk.printing.ticket import render_ticket
    from kiosk.printing.voucher import PrintableVoucher

    private, public = new_signing_key()
    code = encode_voucher(VoucherClaims(key_id=2, point_type_id=1, number=make_voucher_number(77), points=500,
                                        valid_from=1796050800, valid_until=1803826799, terminal_id=5), private)
    ticket = render_ticket(PrintableVoucher.from_code(code, point_name="A市ポイント", street_name="○○商店街"))
    print_images(NetworkTarget("127.0.0.1", printer.port, timeout=5), [ticket])
    assert printer.done.wait(5)
    job = printer.jobs[0]
    assert job.endswith(CUT_PART)
    printed = np.vstack([np.asarray(r) for r in parse_rasters(job)])     # what the printer would put on paper
    found = zxingcpp.read_barcodes(printed, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    assert [f.text for f in found] == [code]
    assert verify_voucher(found[0].text, {2: public}, 1796050800).points == 500


def test_usb_printer_not_plugged_in_is_a_clear_error() -> None:
    from kiosk.printing.escpos_out import UsbTarget

    with pytest.raises(PrinterUnavailable):
        print_images(UsbTarget(0x04B8, 0x0E28), receipt_images())   # TM-m30's ids; no such device here


def test_device_file_target_gets_the_same_bytes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kiosk.printing.escpos_out import DeviceFileTarget

    images = receipt_images()
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    sent = print_images(DeviceFileTarget(str(device)), images)
    assert device.read_bytes() == escpos_bytes(images) and sent == device.stat().st_size


def test_windows_queue_off_windows_is_a_clear_error() -> None:
    import sys

    from kiosk.printing.escpos_out import WindowsTarget

    if sys.platform == "win32":
        pytest.skip("a real Windows machine may have the queue")
    with pytest.raises(PrinterUnavailable, match="Windows"):
        print_images(WindowsTarget("EPSON TM-m30 Receipt"), receipt_images())
