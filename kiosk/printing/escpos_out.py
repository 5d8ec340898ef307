"""Send slips to an ESC/POS receipt printer with python-escpos: network (raw TCP port 9100), USB (libusb), a
device file (Linux usblp /dev/usb/lp0) or a Windows printer queue (RAW through the spooler).

Each slip is one raster image (GS v 0, the command every ESC/POS printer since the TM-T88II understands, Epson
TM-m30 and Star mC-Print3 in ESC/POS mode included) followed by a feed and a cut (GS V). The printer profile is
"TM-T20II" from python-escpos's capability database: 80 mm paper, 576 dots at 203 dpi, full and partial cut, which
is what a TM-m30 or an mC-Print3 offers.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

PROFILE = "TM-T20II"
CUT_FULL = b"\x1dV\x00"   # GS V 0
CUT_PART = b"\x1dV\x01"   # GS V 1
RASTER = b"\x1dv0"        # GS v 0


class PrinterUnavailable(RuntimeError):
    """The receipt printer could not be reached or refused the data."""


@dataclass(frozen=True, slots=True)
class NetworkTarget:
    host: str
    port: int = 9100
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class UsbTarget:
    vendor_id: int           # e.g. 0x04B8 Epson, 0x0519 Star
    product_id: int
    interface: int = 0
    in_ep: int = 0x82
    out_ep: int = 0x01


@dataclass(frozen=True, slots=True)
class DeviceFileTarget:
    """A printer device file: Linux's usblp driver (/dev/usb/lp0), a serial port, or a plain file."""

    path: str


@dataclass(frozen=True, slots=True)
class WindowsTarget:
    """A printer installed in Windows (e.g. a TM-m30 on USB with Epson's driver), sent RAW through the spooler."""

    printer_name: str


Target = NetworkTarget | UsbTarget | DeviceFileTarget | WindowsTarget


def _write(printer: Any, images: Sequence[Image.Image], cut: bool) -> None:
    printer.hw("INIT")
    for image in images:
        printer.image(image, impl="bitImageRaster", center=False)
        if cut:
            printer.cut(mode="PART")


def escpos_bytes(images: Sequence[Image.Image], cut: bool = True) -> bytes:
    """The exact bytes a printer would get, without a printer (python-escpos's Dummy)."""
    from escpos.printer import Dummy

    printer = Dummy(profile=PROFILE)
    _write(printer, images, cut)
    return bytes(printer.output)


def open_printer(target: Target) -> Any:
    from escpos.printer import File, Network, Usb, Win32Raw

    if isinstance(target, NetworkTarget):
        return Network(target.host, port=target.port, timeout=target.timeout, profile=PROFILE)
    if isinstance(target, DeviceFileTarget):
        return File(target.path, profile=PROFILE)
    if isinstance(target, WindowsTarget):
        if not Win32Raw.is_usable():
            raise PrinterUnavailable("printing through the Windows spooler needs Windows (pywin32)")
        return Win32Raw(target.printer_name, profile=PROFILE)
    if not Usb.is_usable():
        raise PrinterUnavailable("USB receipt printers need pyusb and libusb-1.0 (Debian: libusb-1.0-0)")
    return Usb(target.vendor_id, target.product_id, interface=target.interface,
               in_ep=target.in_ep, out_ep=target.out_ep, profile=PROFILE)


def print_images(target: Target, images: Sequence[Image.Image], cut: bool = True) -> int:
    """Print each image as its own slip (cut after each); return the bytes sent. Raises PrinterUnavailable."""
    if not images:
        return 0
    payload = escpos_bytes(images, cut)
    printer = open_printer(target)
    try:
        printer.open()
        printer._raw(payload)
    except Exception as exc:  # python-escpos raises its own, socket and usb errors alike
        raise PrinterUnavailable(f"receipt printer {target}: {exc}") from exc
    finally:
        with contextlib.suppress(Exception):
            printer.close()
    return len(payload)
