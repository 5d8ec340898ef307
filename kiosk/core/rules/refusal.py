"""The refusal a rule raises: a stable code, an optional English detail and extra fields for the answer."""

from __future__ import annotations

from kiosk.core.errors import DomainError


class Refused(DomainError):
    """A rule says no. `code` is one of the cloud's catalogued codes (kiosk_cloud/errors.py MESSAGES)."""

    def __init__(self, code: str, detail: str = "", **extra: object) -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail
        self.extra: dict[str, object] = dict(extra)
