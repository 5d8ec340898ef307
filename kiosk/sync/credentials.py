"""Terminal credentials from enrolment, kept in the OS keyring.

With no usable keyring (keyring's `fail`/`null` backends, or a plain-text file backend such as the ones of
keyrings.alt) the terminal refuses to enrol: `KeyringUnavailable`. Demo mode may keep them in a file keyring in
the data directory instead, and says so: `label` is shown on screen and in `kiosk sync status`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import keyring
from keyring.backend import KeyringBackend

from kiosk.config import cloud_url_problem
from kiosk.sync.client import CloudClient
from kiosk.sync.errors import DemoKeyringNotLocal, InsecureCloudUrl, KeyringUnavailable, NotEnrolled

SERVICE = "mykey-kiosk"
USERNAME = "terminal"
DEMO_LABEL_JA = "デモモード：資格情報は暗号化されていないファイルに保存されています"
DEMO_LABEL_EN = "Demo mode: credentials kept in an unencrypted file"
_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


@dataclass(frozen=True)
class TerminalCredentials:
    cloud_url: str
    terminal_id: Any
    token: str
    role: str
    municipality_code: str | None = None
    shop_id: Any = None
    name: str | None = None


def check_cloud_url(url: str, *, demo_keyring: bool = False) -> str:
    """The cloud URL, if the terminal may talk to it: https, or plain http to a loopback address only (the
    token and residents' data must never cross a network in clear). With the unencrypted demo keyring the cloud
    must be on this machine whatever the scheme. Raises InsecureCloudUrl / DemoKeyringNotLocal."""
    problem = cloud_url_problem(url, demo_keyring=demo_keyring)
    if problem == "demo_keyring_not_local":
        raise DemoKeyringNotLocal()
    if problem is not None:
        raise InsecureCloudUrl()
    return url.strip().rstrip("/")


def is_secure(backend: KeyringBackend) -> bool:
    """True for a real OS keyring (Secret Service, macOS Keychain, Windows Credential Locker, ...)."""
    children = getattr(backend, "backends", None)
    if children is not None:  # the chainer: usable if any of its members is
        return any(is_secure(child) for child in children)
    module = type(backend).__module__
    if module.startswith(_INSECURE_MODULES):
        return False
    try:
        return float(type(backend).priority) > 0
    except Exception:  # a backend whose priority check fails is not usable here
        return False


class CredentialStore:
    def __init__(self, backend: KeyringBackend | None = None, *, demo_dir: Path | None = None) -> None:
        """`demo_dir` set means demo mode: a labelled plain file keyring in that directory."""
        self.demo = demo_dir is not None
        if demo_dir is not None:
            from keyrings.alt.file import PlaintextKeyring

            demo_dir.mkdir(parents=True, exist_ok=True)
            file_backend = PlaintextKeyring()
            file_backend.file_path = str(demo_dir / "demo-credentials.cfg")
            self.backend: KeyringBackend = file_backend
        else:
            self.backend = backend if backend is not None else keyring.get_keyring()

    @property
    def usable(self) -> bool:
        return self.demo or is_secure(self.backend)

    @property
    def label(self) -> str | None:
        """Text to show on screen when credentials are not in a secure keyring (demo mode)."""
        return f"{DEMO_LABEL_JA} / {DEMO_LABEL_EN}" if self.demo else None

    def save(self, credentials: TerminalCredentials) -> None:
        if not self.usable:
            raise KeyringUnavailable()
        check_cloud_url(credentials.cloud_url, demo_keyring=self.demo)
        self.backend.set_password(SERVICE, USERNAME, json.dumps(asdict(credentials)))

    def load(self) -> TerminalCredentials | None:
        if not self.usable:
            return None
        raw = self.backend.get_password(SERVICE, USERNAME)
        return None if raw is None else TerminalCredentials(**json.loads(raw))

    def require(self) -> TerminalCredentials:
        credentials = self.load()
        if credentials is None:
            raise NotEnrolled()
        return credentials

    def clear(self) -> None:
        if self.usable and self.backend.get_password(SERVICE, USERNAME) is not None:
            self.backend.delete_password(SERVICE, USERNAME)


def enrol(cloud_url: str, code: str, name: str, credentials: CredentialStore,
          client: CloudClient | None = None) -> TerminalCredentials:
    """Enrol this terminal with a one-time code; refuses before contacting the cloud if there is no usable
    keyring (the token would otherwise have to be written in plain text)."""
    if not credentials.usable:
        raise KeyringUnavailable()
    cloud_url = check_cloud_url(cloud_url, demo_keyring=credentials.demo)  # before the code is sent anywhere
    own = client is None
    client = client or CloudClient(cloud_url)
    try:
        answer = client.enrol(code, name)
    finally:
        if own:
            client.close()
    result = TerminalCredentials(
        cloud_url=cloud_url.rstrip("/"), terminal_id=answer["terminal_id"], token=answer["token"],
        role=answer["role"], municipality_code=answer.get("municipality_code"), shop_id=answer.get("shop_id"),
        name=name,
    )
    credentials.save(result)
    return result
