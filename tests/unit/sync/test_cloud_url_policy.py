# mypy: disable-error-code="no-untyped-call"
"""The terminal talks to its cloud over https only (plain http for a loopback cloud), and the unencrypted demo
keyring only with a loopback cloud: enrolment, the saved credentials, the runtime and the settings refuse."""

from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backends import fail
from test_sync_credentials import MemoryOSKeyring, _cloud_with_enrolment

from kiosk.config import Config, cloud_url_problem, is_loopback_url
from kiosk.services.runtime import TerminalRuntime
from kiosk.sync.credentials import CredentialStore, TerminalCredentials, check_cloud_url, enrol
from kiosk.sync.errors import DemoKeyringNotLocal, InsecureCloudUrl


@pytest.mark.parametrize("url", ["https://points.example.jp", "https://10.0.0.5:8443/", "http://127.0.0.1:8000",
                                 "http://localhost:8000", "http://[::1]:9000", "http://127.8.9.10"])
def test_allowed(url: str) -> None:
    assert cloud_url_problem(url) is None
    assert check_cloud_url(url) == url.strip().rstrip("/")


@pytest.mark.parametrize("url", ["http://points.example.jp", "http://192.168.1.20:8000", "http://10.0.0.5",
                                 "ftp://127.0.0.1", "points.example.jp", "", "https://", "http://127.0.0.1.evil.jp",
                                 "http://localhost.evil.jp:80"])
def test_refused(url: str) -> None:
    assert cloud_url_problem(url) == "insecure_cloud_url"
    with pytest.raises(InsecureCloudUrl) as caught:
        check_cloud_url(url)
    assert caught.value.code == "insecure_cloud_url"
    assert "https://" in caught.value.message and "https://" in caught.value.message_ja


def test_loopback() -> None:
    assert is_loopback_url("http://127.0.0.1") and is_loopback_url("https://localhost:1") \
        and is_loopback_url("http://[::1]/")
    assert not is_loopback_url("http://128.0.0.1") and not is_loopback_url("https://example.localhost.jp")


def test_enrolment_over_plain_http_is_refused_before_the_code_is_sent() -> None:
    cloud, client = _cloud_with_enrolment()
    store = CredentialStore(MemoryOSKeyring())
    with pytest.raises(InsecureCloudUrl):
        enrol("http://cloud.example.jp", "CODE", "shop-1", store, client)
    assert cloud.enrol_calls == []  # type: ignore[attr-defined]
    assert store.load() is None


def test_demo_keyring_only_with_a_loopback_cloud(tmp_path: Path) -> None:
    cloud, client = _cloud_with_enrolment()
    demo = CredentialStore(fail.Keyring(), demo_dir=tmp_path / "demo")
    with pytest.raises(DemoKeyringNotLocal) as caught:
        enrol("https://points.example.jp", "CODE", "shop-1", demo, client)
    assert caught.value.code == "demo_keyring_not_local" and "デモ" in caught.value.message_ja
    assert cloud.enrol_calls == []  # type: ignore[attr-defined]
    with pytest.raises(DemoKeyringNotLocal):
        demo.save(TerminalCredentials("https://points.example.jp", 1, "t", "store"))
    assert not (tmp_path / "demo" / "demo-credentials.cfg").exists()


def test_runtime_refuses_an_insecure_or_non_local_demo_cloud(tmp_path: Path) -> None:
    with pytest.raises(InsecureCloudUrl):
        TerminalRuntime.start(tmp_path, "http://points.example.jp", "1.x", "store", card_service=None)
    with pytest.raises(DemoKeyringNotLocal):
        TerminalRuntime.start(tmp_path, "https://points.example.jp", "1.x", "store", card_service=None,
                              credential_label="demo")
    assert not (tmp_path / "terminal.db").exists()  # refused before anything was opened


def test_settings_refuse_an_insecure_address_but_keep_a_valid_one() -> None:
    config = Config()
    config.set("cloud_url", "https://points.example.jp")
    with pytest.raises(ValueError, match="https://"):
        config.set("cloud_url", "http://points.example.jp")
    assert config.cloud_url == "https://points.example.jp"
    config.set("cloud_url", "")  # not set yet: allowed


def test_the_refusals_reach_the_screens_with_their_text() -> None:
    from kiosk.services.errors import translate_error
    from kiosk.sync.conflicts import describe_conflict

    error = translate_error(InsecureCloudUrl())
    assert error.code == "insecure_cloud_url" and "https://" in error.message_ja
    code, english, japanese = describe_conflict("offline_payment", {"problem": "operation_time_out_of_window",
                                                                    "reason": "too_old"})
    assert code == "operation_time_out_of_window" and "offline window" in english and "オフライン期間" in japanese
