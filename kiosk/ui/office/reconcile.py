"""Reconcile a shop's bundle of paper vouchers (pattern ①): choose the shop, scan every voucher (a QR scanner
types into the scan field; the camera or a USB-serial scanner through the shop's scanner relay,
kiosk/ui/store/scanners.py; a sheet-fed scanner's PDF/TIFF is read page by page), add a voucher whose QR cannot be
read by its number (a second clerk confirms at the close), then close the bundle: one record for that shop, with
what was accepted, already used (and where), forged, expired or voided."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.services.errors import ServiceError
from kiosk.services.office_batches import Bundle, close, read_scanned
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.choices import TileList
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import points
from kiosk.ui.design.result_panel import Action
from kiosk.ui.design.style import metrics
from kiosk.ui.office.base import OfficeScreen
from kiosk.ui.screen import page
from kiosk.ui.theme import label


class ReconcileScreen(OfficeScreen):
    name = "office_reconcile"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.bundle: Bundle | None = None
        self.shop_names: dict[int, str] = {}
        self.shop = TileList(columns=1, compact=True)
        self.shop.setObjectName("reconcileShop")
        self.shop.currentRowChanged.connect(lambda _row: self._shop_chosen(self.shop.currentData()))
        self.scan_field = Field(self.tr("Scan each voucher's QR code"))
        self.scan_field.edit.setObjectName("reconcileScan")
        self.scan_field.edit.returnPressed.connect(self._scanned)
        self.file_button = QPushButton(self.tr("Read a scanned bundle…"))
        self.file_button.setObjectName("reconcileFile")
        self.file_button.clicked.connect(self._choose_file)
        self.scan_field.add_button(self.file_button)
        from kiosk.ui.store.scanners import ScanRelay, default_camera

        self.scanners = ScanRelay(self)  # the camera and a serial scanner → add_code, on the GUI thread
        self.scanners.scanned.connect(self.add_code)
        self.scanners.failed.connect(self._scanner_failed)
        self.camera_source = default_camera  # tests and the demo may give another frame source
        self.camera_button = QPushButton(self.tr("Camera"))
        self.camera_button.setObjectName("reconcileCamera")
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._camera)
        self.number_field = Field(self.tr("QR unreadable: voucher number"))
        self.number_field.edit.setObjectName("reconcileNumber")
        self.number_field.edit.returnPressed.connect(self._number)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("reconcileAddNumber")
        add.clicked.connect(self._number)
        self.number_field.add_button(add)
        self.second_code = Field(self.tr("Second clerk"))
        self.second_code.edit.setObjectName("secondStaffCode")
        self.second_password = Field(self.tr("Password"))
        self.second_password.edit.setObjectName("secondStaffPassword")
        self.second_password.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.second_row = QWidget()
        row = QHBoxLayout(self.second_row)
        metrics(row, 0, "gap")
        row.addWidget(self.second_code)
        row.addWidget(self.second_password)
        self.second_row.hide()
        self.count_label = label("", "section", name="reconcileCount")
        self.close_button = QPushButton(self.tr("Close the bundle"))
        self.close_button.setObjectName("reconcileClose")
        self.close_button.clicked.connect(self._close)
        clear = QPushButton(self.tr("Start again"))
        clear.setObjectName("reconcileClear")
        clear.clicked.connect(self._reset)
        shops = QWidget()
        left = QVBoxLayout(shops)
        metrics(left, 0, "tight")
        left.addWidget(label(self.tr("Shop that brought the bundle"), "section"))
        left.addWidget(self.shop)
        left.addStretch(1)
        fields = QWidget()
        column = QVBoxLayout(fields)
        metrics(column, 0, "gap")
        column.addWidget(self.scan_field)
        column.addWidget(self.number_field)
        column.addWidget(self.second_row)
        column.addWidget(self.count_label)
        column.addStretch(1)
        form = QWidget()
        row_layout = QHBoxLayout(form)
        metrics(row_layout, 0, "gap")
        row_layout.addWidget(shops, 1)
        row_layout.addWidget(fields, 2)
        self._refresh()
        self.frame(self.tr("Reconcile paper vouchers"), page(form, ActionBar(self.close_button, clear, self.camera_button)))

    def entered(self) -> None:
        if self.result_shown() or self.offline_first():
            return
        if not self.shop.count():
            self.run(self.service.shops, self._shops)
        if self.scanners.serial is None:
            self.scanners.start_serial()  # KIOSK_SCANNER_SERIAL, as at the shop
        self.scan_field.edit.setFocus()

    def _camera(self, on: bool) -> None:
        """The camera stays on for the whole bundle: each voucher held up is added once."""
        self.camera_button.setText(self.tr("Stop the camera") if on else self.tr("Camera"))
        if on:
            self.scan_field.set_ok(self.tr("Hold each voucher's QR code in front of the camera."))
            if not self.scanners.start_camera(self.camera_source):
                self.camera_button.setChecked(False)
        else:
            self.scanners.stop_camera()

    def _scanner_failed(self, code: str) -> None:
        texts = {"camera_unavailable": self.tr("No camera can be opened on this terminal."),
                 "scanner_unavailable": self.tr("The serial scanner cannot be opened; check its cable and port."),
                 "scanner_unplugged": self.tr("The serial scanner was unplugged.")}
        self.scan_field.set_error(texts.get(code, code))

    def hideEvent(self, event: object) -> None:  # leaving the screen turns the camera and the serial scanner off
        self.camera_button.setChecked(False)
        self.scanners.stop()
        super().hideEvent(event)  # type: ignore[arg-type]

    def _shops(self, data: Any) -> None:
        self.shop.clear()
        for s in data.get("shops") or []:
            self.shop_names[int(s["id"])] = str(s["name"])
            self.shop.add(str(s["name"]), "", int(s["id"]))
        self._refresh()

    def _shop_chosen(self, shop_id: Any) -> None:
        if shop_id is not None and (self.bundle is None or self.bundle.shop_id != int(shop_id)):
            self.bundle = Bundle(int(shop_id))
        self._refresh()

    def _need_bundle(self) -> Bundle | None:
        if self.bundle is None:
            self.scan_field.set_error(self.tr("Choose the shop first"))
        return self.bundle

    def add_code(self, text: str) -> None:
        bundle = self._need_bundle()
        if bundle is None or not text.strip():
            return
        try:
            number = bundle.add_code(text)
        except ServiceError as error:
            self.scan_field.set_error(self.tr("Not a voucher code — scan again or enter the number below"))
            self.ctx.sound("error")
            del error
        else:
            self.scan_field.set_ok(self.tr("Read %1").replace("%1", number))
        self.scan_field.edit.clear()
        self._refresh()

    def _scanned(self) -> None:
        self.add_code(self.scan_field.text())

    def _number(self) -> None:
        bundle = self._need_bundle()
        if bundle is None:
            return
        try:
            number = bundle.add_number(self.number_field.text())
        except ServiceError:
            self.number_field.set_error(self.tr("A voucher number has 13 digits"))
            return
        self.number_field.set_ok(self.tr("Added %1 — a second clerk confirms at the close").replace("%1", number))
        self.number_field.edit.clear()
        self._refresh()

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Scanned bundle"), str(self.ctx.data_dir),
                                                    self.tr("Scans (*.pdf *.tif *.tiff)"))
        if path:
            self.read_file(path)

    def read_file(self, path: str) -> None:
        bundle = self._need_bundle()
        if bundle is None:
            return
        self.run(lambda: read_scanned(bundle, path), self._file_read)

    def _file_read(self, report: Any) -> None:
        message = self.tr("%1 pages, %2 vouchers read").replace("%1", str(report["pages"])).replace(
            "%2", str(report["codes"]))
        if report["pages_without_code"]:
            message += " — " + self.tr("no code found on pages %1: enter those by number").replace(
                "%1", ", ".join(str(p) for p in report["pages_without_code"]))
        self.scan_field.set_ok(message)
        self._refresh()

    def _refresh(self) -> None:
        b = self.bundle
        size = 0 if b is None else b.size
        numbers = 0 if b is None else len(b.numbers)
        self.count_label.setText(self.tr("%1 vouchers in this bundle (%2 by number)").replace("%1", str(size))
                                 .replace("%2", str(numbers)))
        self.second_row.setVisible(numbers > 0)
        self.close_button.setEnabled(size > 0)

    def _close(self) -> None:
        bundle = self.bundle
        if bundle is None or not bundle.size:
            return
        second = None
        if bundle.numbers:
            second = (self.second_code.text().strip(), self.second_password.text())
            self.second_password.edit.clear()
        cloud = self.service.cloud
        self.run(lambda: close(cloud, bundle, second), self._closed)

    def _closed(self, batch: Any) -> None:
        outcomes = batch.get("outcomes") or {}
        names = {"accepted": self.tr("accepted"), "expired": self.tr("expired (counted, check the date)"),
                 "already_used": self.tr("already used"), "voided": self.tr("voided"), "forged": self.tr("forged"),
                 "shop_not_allowed": self.tr("not accepted at this shop"), "invalid": self.tr("not valid"),
                 "unknown": self.tr("unknown")}
        parts = [f"{names.get(k, k)} {v}" for k, v in outcomes.items()]
        used = [r for r in batch.get("results") or [] if r.get("outcome") == "already_used"]
        where = [self.tr("%1 used at %2").replace("%1", str(r.get("number"))).replace(
            "%2", self.shop_names.get(int(r.get("redeemed_shop_id") or 0), "?")) for r in used[:3]]
        shop = self.shop_names.get(int(batch["shop_id"]), "")
        kind = "success" if not batch.get("refused") else "warning"
        self.bundle = Bundle(int(batch["shop_id"]))
        self._refresh()
        self.done(self.tr("Bundle closed for %1 (record %2)").replace("%1", shop).replace("%2", str(batch["batch_id"])),
                  " / ".join(parts + where), amount=points(int(batch.get("accepted_points") or 0)), kind=kind,
                  actions=[Action(self.tr("Next bundle"), self._next, primary=True),
                           Action(self.tr("Back to the office menu"), lambda: self.navigate.emit("office_home"))])

    def _next(self) -> None:
        self.close_result()
        self.scan_field.edit.setFocus()

    def _reset(self) -> None:
        if self.bundle is not None:
            self.bundle = Bundle(self.bundle.shop_id)
        self.scan_field.set_state(None)
        self.number_field.set_state(None)
        self._refresh()
