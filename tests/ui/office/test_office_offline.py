"""The office works online only: offline, each task says so before the card and the PIN (nothing started), and
"check again" carries on once the cloud is back."""

from __future__ import annotations

from typing import Any

from .test_office_flow import TIMEOUT, click, open_task, press


def test_offline_is_said_before_the_card(qtbot: Any, office: Any, monkeypatch: Any) -> None:
    cloud = office.ctx.office.cloud
    monkeypatch.setattr(cloud, "online", lambda: False)
    for target in ("office_issue", "office_desk", "office_reconcile", "office_settle"):
        office.go("office_home")
        screen = open_task(qtbot, office, target)
        qtbot.waitUntil(screen.result_shown, timeout=TIMEOUT)
        assert screen.result_panel.kind() == "error"
        pinpad = getattr(screen, "pinpad", None)
        assert pinpad is None or not pinpad.isVisible()
    monkeypatch.setattr(cloud, "online", lambda: True)
    press(qtbot, screen)  # check again
    assert not screen.result_shown()
    office.go("office_home")
    issue = open_task(qtbot, office, "office_issue")
    press(qtbot, issue)
    qtbot.waitUntil(lambda: issue.pinpad.isVisible(), timeout=TIMEOUT)
    click(qtbot, office.screens["office_issue"].back_button)
