"""This terminal's version and the oldest one the cloud still serves (`min_terminal_version` in GET /v1/health).

Qt-free and I/O-free: the sync client reports what /v1/health said (`observe`), the start-up check asks the cloud
once (`check`), and the status line reads `status_text`. A terminal older than the minimum refuses to run (the
full-screen kiosk.ui.update_required); a cloud that cannot be reached does not stop an offline terminal.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from kiosk import __version__

TERMINAL_VERSION = __version__
log = logging.getLogger(__name__)
_lock = threading.Lock()
_minimum: str | None = None
# the start-up check waits at most this long for the cloud: an offline terminal opens without a long pause, and the
# sync engine's health probes keep the minimum current afterwards (the status line shows it)
START_CHECK_TIMEOUT_S = 1.0


def parse(version: str) -> tuple[int, ...]:
    """'1.2.10' → (1, 2, 10); anything after the numbers (rc1, +local) is ignored; '' or '0' → (0,)."""
    numbers = re.match(r"\s*v?(\d+(?:\.\d+)*)", str(version or ""))
    if numbers is None:
        return (0,)
    parts = [int(p) for p in numbers.group(1).split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def is_older(version: str, minimum: str) -> bool:
    return parse(version) < parse(minimum)


def observe(health: Any) -> None:
    """Remember the minimum a /v1/health answer carried (called by the sync client on every health call)."""
    global _minimum
    if isinstance(health, dict) and isinstance(health.get("min_terminal_version"), str):
        with _lock:
            _minimum = health["min_terminal_version"]


def cloud_minimum() -> str | None:
    with _lock:
        return _minimum


@dataclass(frozen=True)
class VersionCheck:
    terminal: str
    minimum: str | None  # None: the cloud did not answer (offline) — the terminal runs

    @property
    def outdated(self) -> bool:
        return self.minimum is not None and is_older(self.terminal, self.minimum)


def check(client: Any, terminal: str = TERMINAL_VERSION) -> VersionCheck:
    """Ask the cloud's health once (client: kiosk.sync.client.CloudClient); offline or refused → minimum None."""
    try:
        client.health(timeout=START_CHECK_TIMEOUT_S)
    except Exception as exc:  # offline, 5xx, refused: the start goes on, the sync layer says why
        result = VersionCheck(terminal, cloud_minimum())
        log.info("version check: cloud not answering", extra={"fields": {"terminal": terminal,
                                                                           "error": type(exc).__name__}})
        return result
    result = VersionCheck(terminal, cloud_minimum())
    log.info("version check", extra={"fields": {"terminal": terminal, "cloud_minimum": result.minimum,
                                                "outdated": result.outdated}})
    return result


def status_text(terminal: str = TERMINAL_VERSION) -> tuple[str, str | None]:
    """(this terminal's version, the cloud's minimum or None) for the status line."""
    return terminal, cloud_minimum()


class TerminalOutdated(Exception):
    """The cloud serves terminals from `minimum` on; this one is older. Texts in English and Japanese."""

    code = "terminal_outdated"
    headline = "This terminal must be updated"
    headline_ja = "この端末は更新が必要です"
    message = ("The points cloud no longer serves this version of the terminal software, so the terminal cannot be "
               "used. Please contact the municipality's IT department to have it updated.")
    message_ja = ("この端末のソフトウェアは古いため、ポイントクラウドで使えません。\n"
                  "市区町村の情報システム担当に更新を依頼してください。")
    versions = "This terminal: {terminal} · required: {minimum} or later"
    versions_ja = "この端末: {terminal} ／ 必要なバージョン: {minimum} 以上"

    def __init__(self, terminal: str, minimum: str) -> None:
        super().__init__(f"{self.code}: {terminal} < {minimum}")
        self.terminal, self.minimum = terminal, minimum

    def texts(self, language: str) -> tuple[str, str, str]:
        """(headline, message, versions) in `language` ("ja", else English)."""
        ja = language == "ja"
        versions = (self.versions_ja if ja else self.versions).format(terminal=self.terminal, minimum=self.minimum)
        return (self.headline_ja if ja else self.headline), (self.message_ja if ja else self.message), versions
