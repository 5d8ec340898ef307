"""Redeem a paper voucher (pattern ②): scan (keyboard-wedge or serial scanner, or typed) → checked on this
terminal (signature, key, validity, voided list, this municipality, already used here) → the points, the voucher
number and one big 「使う」 button → the result, with its own colour and sound. Online the cloud's answer stands;
offline the local record stops a second use here and the cloud reports a use elsewhere as a conflict. A success
closes itself after about 3 s, ready for the next scan; a refusal waits for a tap."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.services.store import Redeemed, VoucherPreview
from kiosk.ui.context import UiContext
from kiosk.ui.design.action_bar import ActionBar
from kiosk.ui.design.field import Field
from kiosk.ui.design.format import format_date, local_name, points
from kiosk.ui.design.result_panel import Action, Result
from kiosk.ui.store.base import CurrentPageStack, centred_page
from kiosk.ui.store.printing import ReceiptScreen
from kiosk.ui.theme import label
from kiosk.ui.widgets.steps import StepBar


def group(number: str) -> str:
    """A voucher number as printed: 0000 0001 2345 9."""
    return " ".join(number[i:i + 4] for i in range(0, 12, 4)) + " " + number[12:]


class RedeemScreen(ReceiptScreen):
    name = "store_redeem"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.preview: VoucherPreview | None = None
        self.redeemed: Redeemed | None = None
        self._attempt = 0
        self.wedge: object = None  # the keyboard-wedge filter (kiosk/ui/store/__init__.py)
        from kiosk.ui.store.scanners import ScanRelay, default_camera

        self.scanners = ScanRelay(self)  # serial scanner and camera → on_scan, on the GUI thread
        self.scanners.scanned.connect(self.on_scan)
        self.scanners.failed.connect(self._scanner_failed)
        self.camera_source = default_camera  # tests and the demo may give another frame source
        self.steps_bar = StepBar([self.tr("Scan"), self.tr("Check"), self.tr("Done")])
        self.stack = CurrentPageStack()
        self.scan_page = self._scan_page()
        self.check_page = self._check_page()
        self.stack.addWidget(self.scan_page)
        self.stack.addWidget(self.check_page)
        self.frame(self.tr("Redeem a voucher"), self.stack, steps=self.steps_bar)

    def _scan_page(self) -> QWidget:
        prompt = label(self.tr("Scan the QR code on the voucher."), "title", name="scanPrompt")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = label(self.tr("A scanner works on this screen and on the shop's home; no field needs to be "
                             "chosen. Without a scanner, type the code below."), "muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_field = Field(self.tr("Voucher code"), self.tr("149 letters and digits"))
        self.code_field.edit.setObjectName("voucherCode")
        self.code_field.edit.setInputMethodHints(Qt.InputMethodHint.ImhLatinOnly | Qt.InputMethodHint.ImhNoPredictiveText
                                                 | Qt.InputMethodHint.ImhPreferUppercase)
        self.code_field.edit.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)  # no IME in this field
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("voucherCheck")
        self.check_button.setEnabled(False)
        self.check_button.clicked.connect(lambda: self.check(self.code_field.text()))
        self.code_field.edit.textChanged.connect(lambda t: self.check_button.setEnabled(len(t.strip()) >= 20))
        self.code_field.edit.returnPressed.connect(lambda: self.check(self.code_field.text()))
        self.camera_button = QPushButton(self.tr("Read with the camera"))
        self.camera_button.setObjectName("voucherCamera")
        self.camera_button.setCheckable(True)
        self.camera_button.toggled.connect(self._camera)
        self.scanner_note = label("", "muted", name="scannerNote")
        self.scanner_note.hide()
        return centred_page(prompt, hint, self.code_field, self.scanner_note,
                            actions=ActionBar(self.check_button, self.camera_button))

    def _camera(self, on: bool) -> None:
        if on:
            self.scanner_note.setText(self.tr("Hold the voucher's QR code in front of the camera."))
            self.scanner_note.show()
            if not self.scanners.start_camera(self.camera_source):
                self.camera_button.setChecked(False)
        else:
            self.scanners.stop_camera()
            self.scanner_note.hide()

    def _scanner_failed(self, code: str) -> None:
        texts = {"camera_unavailable": self.tr("No camera can be opened on this terminal."),
                 "scanner_unavailable": self.tr("The serial scanner cannot be opened; check its cable and port."),
                 "scanner_unplugged": self.tr("The serial scanner was unplugged.")}
        self.scanner_note.setText("✖ " + texts.get(code, code))
        self.scanner_note.show()

    def hideEvent(self, event: object) -> None:  # leaving the screen turns the camera off
        self.camera_button.setChecked(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    def _check_page(self) -> QWidget:
        self.points_label = label("", "big", name="voucherPoints")
        self.points_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number_label = label("", "residentTitle", name="voucherNumber")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.valid_label = label("", "resident", name="voucherValid")
        self.valid_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.redeem_button = QPushButton(self.tr("Redeem"))
        self.redeem_button.setObjectName("voucherRedeem")
        self.redeem_button.clicked.connect(self.redeem)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setObjectName("voucherCancel")
        cancel.clicked.connect(self.next_scan)
        return centred_page(self.points_label, self.number_label, self.valid_label,
                            actions=ActionBar(self.redeem_button, cancel))

    def entered(self) -> None:
        if not self.result_shown() and self.preview is None:
            self.next_scan()

    # --- scanning ---------------------------------------------------------------------------------------------
    def on_scan(self, code: str) -> None:
        """A complete scan from the wedge filter (or a serial scanner): check it at once."""
        if self.preview is not None and not self.result_shown():
            return  # a voucher is on screen waiting for 使う: a second scan does not replace it silently
        self.check(code)

    def check(self, code: str) -> None:
        code = code.strip()
        if not code:
            return
        self._attempt += 1
        attempt = self._attempt
        self.code_field.clear()
        service = self.service
        self.runner.run(lambda: service.check_voucher(code), lambda p: self._checked(attempt, p),
                        lambda e: self._refused(attempt, e))

    def _checked(self, attempt: int, preview: object) -> None:
        if attempt != self._attempt:
            return
        assert isinstance(preview, VoucherPreview)
        self.camera_button.setChecked(False)
        self.preview = preview
        self.close_result()
        self.points_label.setText(points(preview.points))
        self.number_label.setText(self.tr("Voucher No. %1").replace("%1", group(preview.number)))
        self.valid_label.setText(self.tr("%1 · valid until %2").replace("%1", local_name(preview.point_name, preview.point_name_en)).replace(
            "%2", format_date(preview.valid_until)))
        self.stack.setCurrentWidget(self.check_page)
        self.steps_bar.set_current(1)
        self.redeem_button.setEnabled(True)
        self.redeem_button.setFocus()

    def redeem(self) -> None:
        preview = self.preview
        if preview is None:
            return
        self.redeem_button.setEnabled(False)
        attempt = self._attempt
        service = self.service
        self.runner.run(lambda: service.redeem(preview), lambda r: self._done(attempt, r),
                        lambda e: self._refused(attempt, e))

    def _done(self, attempt: int, redeemed: object) -> None:
        if attempt != self._attempt:
            return
        assert isinstance(redeemed, Redeemed)
        self.redeemed = redeemed
        self.preview = None
        self.steps_bar.set_current(2, finished=True)
        actions = [self.receipt_action(),
                   Action(self.tr("Next voucher"), self.next_scan, primary=True)]
        number = self.tr("Voucher No. %1").replace("%1", group(redeemed.number))
        if redeemed.pending:
            self.ctx.sound("queued")
            self.show_result(Result("queued", self.tr("Redeemed — pending"), number + "\n" + self.tr(
                "Offline: recorded on this terminal; the cloud confirms it when the connection returns."),
                amount="+" + points(redeemed.points), actions=actions, auto_close=True, sound=False))
        else:
            self.ctx.sound("paid")
            self.show_result(Result("success", self.tr("Redeemed"), number, amount="+" + points(redeemed.points),
                                    actions=actions, auto_close=True, sound=False))

    def _refused(self, attempt: int, error: object) -> None:
        if attempt != self._attempt:
            return
        from kiosk.services.errors import ServiceError

        assert isinstance(error, ServiceError)
        self.preview = None
        self.steps_bar.set_current(1)
        self.show_result(self.refusal(error, [Action(self.tr("Next voucher"), self.next_scan, primary=True)]))

    def next_scan(self) -> None:
        self._attempt += 1
        self.preview = None
        self.close_result()
        self.code_field.clear()
        self.stack.setCurrentWidget(self.scan_page)
        self.steps_bar.set_current(0)
        self.code_field.edit.setFocus()

    def current_receipt(self) -> Any:
        redeemed = self.redeemed
        if redeemed is None:
            return None
        return self.records.redemption_receipt(redeemed, self.service.point_name(1))

    def clear(self) -> None:
        """Nothing of a resident is on this screen; a session wipe leaves a voucher being checked alone."""
