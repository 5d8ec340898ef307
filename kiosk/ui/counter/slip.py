"""The printable MyKey ID slip (A6): to the default printer when the machine has one, and always as a PDF file
(Qt's own PDF writer) that any printer can print later."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.ui.i18n import pick_font_family

A6 = QPageLayout(QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait, QMarginsF(8, 8, 8, 8),
                 QPageLayout.Unit.Millimeter)


def render_slip(device: QPagedPaintDevice, mykey_id: str, terminal_name: str = "") -> None:
    painter = QPainter(device)
    try:
        family = pick_font_family() or "Sans"
        rect = painter.viewport()
        width = rect.width()
        dpi = device.logicalDpiY()
        y = 0.0

        def line(text: str, size: int, bold: bool = False, height: float = 1.8) -> None:
            nonlocal y
            font = QFont(family, size)
            font.setBold(bold)
            painter.setFont(font)
            h = size * height * dpi / 72
            flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(QRectF(0, y, width, h), flags, text)
            y += h

        line(QCoreApplication.translate("Slip", "Your MyKey ID"), 14, True)
        line(mykey_id, 26, True, 2.2)
        line(QCoreApplication.translate("Slip", "Keep this slip. You need the MyKey ID and your My Number Card to use "
                                                "municipal points."), 7, False, 3.0)
        line(QCoreApplication.translate("Slip", "Issued: %1").replace(
            "%1", datetime.now().strftime("%Y-%m-%d %H:%M")), 8)
        if terminal_name:
            line(terminal_name, 8)
    finally:
        painter.end()


def save_slip_pdf(directory: Path, mykey_id: str, terminal_name: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"mykey-slip-{datetime.now().strftime('%Y%m%d-%H%M%S')}.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageLayout(A6)
    writer.setResolution(300)
    writer.setTitle("MyKey ID")
    render_slip(writer, mykey_id, terminal_name)
    return path


def print_slip(mykey_id: str, terminal_name: str = "") -> str | None:
    """Print on the default printer; returns its name, or None when this machine has no printer."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(A6)
    render_slip(printer, mykey_id, terminal_name)
    return info.printerName()
