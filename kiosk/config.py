"""Terminal settings, declared once: name, type, default and a translatable label.

Settings live in a small JSON file (``settings.json``) in the terminal's data directory. The labels are marked
with ``QT_TRANSLATE_NOOP`` so lupdate picks them up; this module itself imports no Qt (the UI translates the
label with ``QCoreApplication.translate("Settings", label)``).
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    label: str
    choices: tuple[str, ...] = ()
    shown: bool = True  # False: set by IT in settings.json, not on the settings screen (TLS pins, CA file)


SETTINGS: tuple[Setting, ...] = (
    Setting("language", str, "ja", QT_TRANSLATE_NOOP("Settings", "Language"), ("ja", "en")),
    Setting("role", str, "counter", QT_TRANSLATE_NOOP("Settings", "Terminal role"),
            ("counter", "store", "office", "admin")),
    Setting("cloud_url", str, "", QT_TRANSLATE_NOOP("Settings", "Points cloud address")),
    # set by IT in settings.json, not on the screen (so their labels are not translated): kiosk/sync/tls.py
    Setting("cloud_tls_pins", str, "", "Cloud certificate pins (SHA-256, comma-separated; empty: no pinning)",
            shown=False),
    Setting("cloud_ca_file", str, "", "Extra CA certificate file for the cloud", shown=False),
    Setting("card_backend", str, "simulated", QT_TRANSLATE_NOOP("Settings", "Card reader backend"),
            ("simulated", "pcsc", "nfc")),
    Setting("idle_timeout_s", int, 120, QT_TRANSLATE_NOOP("Settings", "Idle time before the resident is cleared (seconds)")),
    Setting("large_text", bool, False, QT_TRANSLATE_NOOP("Settings", "Large text")),
    Setting("high_contrast", bool, False, QT_TRANSLATE_NOOP("Settings", "High contrast")),
    Setting("sound", bool, True, QT_TRANSLATE_NOOP("Settings", "Confirmation sound")),
    Setting("kiosk_mode", bool, False, QT_TRANSLATE_NOOP("Settings", "Full-screen kiosk mode")),
    Setting("resident_display", bool, False,
            QT_TRANSLATE_NOOP("Settings", "Second screen facing the resident (PIN pad, consent)")),
)

_BY_NAME = {s.name: s for s in SETTINGS}

# how a choice is shown (translated in the "Settings" context); language names are shown in their own language
CHOICE_LABELS = {
    "ja": "日本語",
    "en": "English",
    "counter": QT_TRANSLATE_NOOP("Settings", "Municipal counter"),
    "store": QT_TRANSLATE_NOOP("Settings", "Store"),
    "office": QT_TRANSLATE_NOOP("Settings", "Commerce-association office"),
    "admin": QT_TRANSLATE_NOOP("Settings", "Administration"),
    "simulated": QT_TRANSLATE_NOOP("Settings", "Simulated reader (demo, tests)"),
    "pcsc": QT_TRANSLATE_NOOP("Settings", "PC/SC reader (contact or contactless)"),
    "nfc": QT_TRANSLATE_NOOP("Settings", "Sony RC-S380 via nfcpy"),
}


def default_data_dir() -> Path:
    base = os.environ.get("KIOSK_DATA_DIR")
    if base:
        return Path(base)
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "mykey-kiosk"


def demo_data_dir() -> Path:
    base = os.environ.get("KIOSK_DEMO_DIR")
    if base:
        return Path(base)
    return default_data_dir() / "demo"


class Config:
    """Values of the declared settings; unknown names are refused, values are coerced to the declared type."""

    def __init__(self, path: Path | None = None, **overrides: Any) -> None:
        self.path = path
        self._values: dict[str, Any] = {s.name: s.default for s in SETTINGS}
        if path is not None and path.exists():
            data = json.loads(path.read_text(encoding="utf-8"))
            for name, value in data.items():
                if name in _BY_NAME:
                    self._values[name] = _coerce(_BY_NAME[name], value)
        for name, value in overrides.items():
            self.set(name, value)

    def get(self, name: str) -> Any:
        if name not in _BY_NAME:
            raise KeyError(name)
        return self._values[name]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in _BY_NAME:
            raise AttributeError(name)
        return self._values[name]

    def set(self, name: str, value: Any) -> None:
        if name not in _BY_NAME:
            raise KeyError(name)
        coerced = _coerce(_BY_NAME[name], value)
        if name == "cloud_url" and coerced.strip() and cloud_url_problem(coerced) is not None:
            raise ValueError(CLOUD_URL_RULE)  # a saved file is not refused here: the runtime refuses to connect
        self._values[name] = coerced

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._values, ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(self.path)


def is_loopback_url(url: str) -> bool:
    """True when the URL's host is this machine: localhost, 127.0.0.0/8 or ::1."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return False
    if not host:
        return False
    if host.lower() == "localhost" or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cloud_url_problem(url: str, *, demo_keyring: bool = False) -> str | None:
    """None when a terminal may talk to this cloud: https, or plain http to a loopback address only (the token
    and residents' data never cross a network in clear); with the unencrypted demo keyring the cloud must be on
    this machine whatever the scheme. Else the code: `insecure_cloud_url` or `demo_keyring_not_local`."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return "insecure_cloud_url"
    scheme, loopback = parts.scheme.lower(), is_loopback_url(url)
    if not parts.hostname or scheme not in ("https", "http") or (scheme == "http" and not loopback):
        return "insecure_cloud_url"
    if demo_keyring and not loopback:
        return "demo_keyring_not_local"
    return None


CLOUD_URL_RULE = QT_TRANSLATE_NOOP("Settings", "The points cloud address must start with https:// (http:// only for "
                                               "this computer, e.g. http://127.0.0.1).")


def _coerce(setting: Setting, value: Any) -> Any:
    if setting.type is bool:
        if isinstance(value, str):
            value = value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    result = setting.type(value)
    if setting.choices and result not in setting.choices:
        raise ValueError(f"{setting.name}: {result!r} is not one of {setting.choices}")
    if setting.type is int and result < 0:
        raise ValueError(f"{setting.name}: must not be negative")
    return result
