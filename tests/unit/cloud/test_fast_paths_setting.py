"""The kill-switch: KIOSK_CLOUD_FAST_PATHS=0 turns every fast path off (the differential test shows what that means)."""

from __future__ import annotations

import pytest

from kiosk_cloud.settings import Settings


@pytest.mark.parametrize(("value", "on"), [("0", False), ("false", False), ("off", False), ("no", False),
                                           ("1", True), ("true", True), ("yes", True)])
def test_env_turns_the_fast_paths_off(monkeypatch: pytest.MonkeyPatch, value: str, on: bool) -> None:
    monkeypatch.setenv("KIOSK_CLOUD_FAST_PATHS", value)
    assert Settings.from_env().fast_paths is on


def test_on_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_CLOUD_FAST_PATHS", raising=False)
    assert Settings().fast_paths and Settings.from_env().fast_paths
    assert Settings.from_env(fast_paths=False).fast_paths is False
