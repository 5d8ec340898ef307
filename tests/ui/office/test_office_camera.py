"""The camera in the office's reconcile screen (issue 11): the shop's scanner relay (kiosk/ui/store/scanners.py)
reused — one camera session reads a whole bundle, each voucher once even if held up again, a non-voucher QR is
said and not added; the bundle then closes as one record. No camera: said, the button off again."""

from __future__ import annotations

from typing import Any

import numpy as np

from .test_office_flow import TIMEOUT, click, open_task, result


def test_the_camera_reads_a_bundle_once_per_voucher(qtbot: Any, office: Any, backend: Any) -> None:
    from kiosk.scan.camera import ArrayFrames
    from kiosk.scan.synthetic import voucher_frame
    from kiosk.services.store_demo import DemoOffice
    from kiosk.ui.store.scanners import ScanRelay

    demo = DemoOffice(backend)
    try:
        first, second = demo.issue("suzuki", 300, count=2)
    finally:
        demo.close()
    win = office
    rec = open_task(qtbot, win, "office_reconcile")
    assert isinstance(rec.scanners, ScanRelay)  # the shop's relay, not a copy
    qtbot.waitUntil(lambda: rec.shop.count() > 0, timeout=TIMEOUT)
    rec.shop.setCurrentIndex(0)
    blank = np.full((720, 1280), 255, dtype=np.uint8)
    frames = ([voucher_frame(first["code"])] * 3 + [blank] + [voucher_frame(second["code"])] * 3
              + [voucher_frame(first["code"])] * 2)  # the first held up again
    rec.camera_source = lambda: ArrayFrames(frames)
    click(qtbot, rec.camera_button)
    assert rec.camera_button.isChecked() and rec.scanners.camera is not None
    qtbot.waitUntil(lambda: rec.bundle is not None and len(rec.bundle.codes) == 2, timeout=TIMEOUT)
    qtbot.wait(300)
    assert rec.bundle.codes == [first["code"], second["code"]]  # each once
    assert second["number"] in rec.scan_field.line.text()
    click(qtbot, rec.camera_button)  # off
    assert rec.scanners.camera is None
    click(qtbot, rec.close_button)
    assert "600" in result(qtbot, rec, "success")


def test_no_camera_is_said_on_the_reconcile_screen(qtbot: Any, office: Any) -> None:
    rec = open_task(qtbot, office, "office_reconcile")

    def none() -> Any:
        raise OSError("camera 0 could not be opened")

    rec.camera_source = none
    click(qtbot, rec.camera_button)
    qtbot.waitUntil(lambda: rec.scan_field.edit.property("state") == "error", timeout=5000)
    assert not rec.camera_button.isChecked() and rec.scanners.camera is None
