# mypy: disable-error-code="no-untyped-call"
from __future__ import annotations

from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyrings.alt.file import PlaintextKeyring
from sync_fakecloud import FakeCloud

from kiosk.sync.client import CloudClient
from kiosk.sync.credentials import SERVICE, CredentialStore, TerminalCredentials, enrol, is_secure
from kiosk.sync.errors import KeyringUnavailable


class MemoryOSKeyring(KeyringBackend):
    """Stands in for an OS keyring (Secret Service / Keychain / Credential Locker) in this container."""

    priority = 5

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.items[(service, username)]


def test_fail_null_and_plain_file_backends_are_not_secure() -> None:
    assert not is_secure(fail.Keyring())
    assert not is_secure(null.Keyring())
    assert not is_secure(PlaintextKeyring())
    assert is_secure(MemoryOSKeyring())


def _cloud_with_enrolment() -> tuple[FakeCloud, CloudClient]:
    cloud = FakeCloud()
    calls: list[str] = []
    original = cloud.handle

    def handle(request):  # type: ignore[no-untyped-def]
        if request.url.path == "/v1/terminals/enrol":
            calls.append("enrol")
            return cloud._answer(200, {"terminal_id": 7, "token": "good-token", "role": "store",
                                       "municipality_code": "131016", "shop_id": 3})
        return original(request)

    cloud.handle = handle  # type: ignore[method-assign]
    cloud.enrol_calls = calls  # type: ignore[attr-defined]
    return cloud, CloudClient("https://cloud.test", transport=cloud.transport())


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), PlaintextKeyring()])
def test_no_usable_keyring_refuses_to_enrol_before_contacting_the_cloud(backend: KeyringBackend) -> None:
    cloud, client = _cloud_with_enrolment()
    store = CredentialStore(backend)
    with pytest.raises(KeyringUnavailable) as exc:
        enrol("https://cloud.test", "CODE", "shop-1", store, client)
    assert "キーリング" in exc.value.message_ja and "keyring" in exc.value.message
    assert cloud.enrol_calls == []  # type: ignore[attr-defined]
    assert store.label is None


def test_os_keyring_keeps_the_token() -> None:
    _, client = _cloud_with_enrolment()
    backend = MemoryOSKeyring()
    store = CredentialStore(backend)
    creds = enrol("https://cloud.test/", "CODE", "shop-1", store, client)
    assert creds == TerminalCredentials("https://cloud.test", 7, "good-token", "store", "131016", 3, "shop-1")
    assert store.load() == creds
    assert "good-token" in backend.items[(SERVICE, "terminal")]
    store.clear()
    assert store.load() is None


def test_demo_mode_uses_a_labelled_file(tmp_path: Path) -> None:
    _, client = _cloud_with_enrolment()
    store = CredentialStore(fail.Keyring(), demo_dir=tmp_path / "demo")
    enrol("http://127.0.0.1:8000", "CODE", "shop-1", store, client)  # the demo keyring: a loopback cloud only
    assert (tmp_path / "demo" / "demo-credentials.cfg").exists()
    assert store.label is not None and "デモ" in store.label and "Demo" in store.label
    reopened = CredentialStore(demo_dir=tmp_path / "demo")
    loaded = reopened.load()
    assert loaded is not None and loaded.token == "good-token"
