"""The printable MyKey ID slip (A6 PDF through Qt's own PDF writer; any printer can print it)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

from kiosk.ui.i18n import pick_font_family


def save_slip_pdf(directory: Path, mykey_id: str, terminal_name: str = "") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = directory / f"mykey-slip-{stamp}.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A6), QPageLayout.Orientation.Portrait,
                                     QMarginsF(8, 8, 8, 8), QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    writer.setTitle("MyKey ID")
    painter = QPainter(writer)
    try:
        family = pick_font_family() or "Sans"
        width = writer.width()
        y = 0.0

        def line(text: str, size: int, bold: bool = False, height: float = 1.8) -> None:
            nonlocal y
            font = QFont(family, size)
            font.setBold(bold)
            painter.setFont(font)
            h = size * height * writer.resolution() / 72
            painter.drawText(QRectF(0, y, width, h), int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap), text)
            y += h

        line(QCoreApplication.translate("Slip", "Your MyKey ID"), 14, True)
        line(mykey_id, 26, True, 2.2)
        line(QCoreApplication.translate("Slip", "Keep this slip. You need the MyKey ID and your My Number Card to use "
                        "municipal points."), 7, False, 3.0)
        line(QCoreApplication.translate("Slip", "Issued: %1").replace("%1", datetime.now().strftime("%Y-%m-%d %H:%M")), 8)
        if terminal_name:
            line(terminal_name, 8)
    finally:
        painter.end()
    return path
