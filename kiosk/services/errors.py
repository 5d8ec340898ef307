"""Service-level failures: what a screen needs to know, independent of the card stack or the HTTP client.

`translate_error` is the one place that turns card-layer, cloud-client and domain exceptions into a
`ServiceError` with a stable `code`. The UI maps each code to Japanese/English text (kiosk/ui/errors.py).
No PIN is ever put into these errors.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A failure a screen can explain. `code` is stable; `tries_left` is set for PIN failures."""

    def __init__(self, code: str, detail: str = "", *, tries_left: int | None = None,
                 message_ja: str = "", transient: bool = False) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.tries_left = tries_left
        self.message_ja = message_ja
        self.transient = transient


class CloudNeeded(ServiceError):
    """The action needs the cloud and the cloud cannot be reached now (nothing was lost)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("cloud_unavailable", detail, transient=True)


# card-layer exception class name -> service code (the card package's typed errors, matched by name so the
# services do not depend on the card package's internal module layout)
_CARD_ERRORS = {
    "WrongPin": "wrong_pin",
    "PinBlocked": "pin_blocked",
    "CardRemoved": "card_removed",
    "NoCard": "no_card",
    "CardAbsent": "no_card",
    "NotMyNumberCard": "not_mynumber_card",
    "ReaderGone": "reader_gone",
    "ReaderUnavailable": "reader_gone",
    "NoReader": "reader_gone",
    "CardTimeout": "card_timeout",
    "GuardViolation": "unexpected",
}

# kiosk.card error codes that the screens know under another name
_CARD_CODE_ALIASES = {
    "not_my_number_card": "not_mynumber_card",
    "no_reader": "reader_gone",
    "invalid_pin_format": "pin_format",
}

# cloud error codes (CONTRACTS.md: {"error": {"code": ...}}) that screens explain in their own words
KNOWN_CLOUD_CODES = frozenset({
    "mykey_id_taken", "mykey_id_not_found", "mykey_id_exists", "invalid_mykey_id", "certificate_revoked",
    "certificate_invalid", "certificate_untrusted", "signature_invalid", "challenge_expired", "measure_full",
    "not_eligible", "measure_closed", "already_applied", "duplicate_grant", "programme_not_found",
    "measure_not_found", "invalid_login", "auth_token_expired", "forbidden_role", "mykey_id_suspended",
    "mykey_id_invalid", "invalid_points", "not_registered", "insufficient_points", "points_expired",
})

_CODE_ALIASES = {
    "mykey_taken": "mykey_id_taken",
    "mykey_not_found": "mykey_id_not_found",
    "not_found": "not_found",
    "revoked_certificate": "certificate_revoked",
    "capacity_reached": "measure_full",
    "measure_capacity_reached": "measure_full",
    "duplicate": "duplicate_grant",
    "already_attended": "duplicate_grant",
    "not_pre_registered": "not_registered",
    "mykey_id_unknown": "mykey_id_not_found",
    "unknown_measure": "measure_not_found",
    "unknown_programme": "programme_not_found",
    "bad_login": "invalid_login",
    "staff_login_failed": "invalid_login",
    "challenge_invalid": "challenge_expired",
    "auth_token_invalid": "auth_token_expired",
    "certificate_expired": "certificate_invalid",
    "certificate_already_bound": "mykey_id_exists",
    "service_id_taken": "service_id_taken",
    "invalid_credentials": "invalid_login",
}


def translate_error(exc: BaseException) -> ServiceError:
    """Map any exception raised below the services into a ServiceError (never leaks a PIN: none is held)."""
    if isinstance(exc, ServiceError):
        return exc
    names = [cls.__name__ for cls in type(exc).__mro__]
    card_code = getattr(exc, "code", None)
    if type(exc).__module__.startswith("kiosk.card") and isinstance(card_code, str):
        raw = card_code
        code = _CARD_CODE_ALIASES.get(raw, raw)
        tries = _int_attr(exc, "tries_left")
        if code == "wrong_pin" and tries == 0:
            code = "pin_blocked"
        return ServiceError(code, str(getattr(exc, "message_en", "") or ""), tries_left=tries,
                            message_ja=str(getattr(exc, "message_ja", "") or ""))
    for name in names:
        if name in _CARD_ERRORS:
            code = _CARD_ERRORS[name]
            tries = _int_attr(exc, "tries_left")
            if code == "wrong_pin" and tries == 0:
                code = "pin_blocked"
            return ServiceError(code, type(exc).__name__, tries_left=tries)
    if "CloudTlsRefused" in names:  # kiosk.sync.tls: an untrusted or wrongly pinned cloud certificate
        return ServiceError(str(getattr(exc, "code", "cloud_certificate_untrusted")), str(getattr(exc, "message", "")),
                            message_ja=str(getattr(exc, "message_ja", "") or ""))
    if "CloudUnavailable" in names:
        return CloudNeeded(type(exc).__name__)
    if "InsecureCloudUrl" in names:  # kiosk.sync.errors: https only (or a loopback cloud), demo keyring local only
        return ServiceError(str(getattr(exc, "code", "insecure_cloud_url")), str(getattr(exc, "message", "")),
                            message_ja=str(getattr(exc, "message_ja", "") or ""))
    if "CloudRejected" in names:
        raw = str(getattr(exc, "code", "") or "rejected")
        code = _CODE_ALIASES.get(raw, raw)
        return ServiceError(code, str(getattr(exc, "message", "") or ""),
                            message_ja=str(getattr(exc, "message_ja", "") or ""))
    if "DomainError" in names:
        return ServiceError(str(getattr(exc, "code", "domain_error")), str(getattr(exc, "message", "")))
    if isinstance(exc, TimeoutError):
        return ServiceError("card_timeout", "timeout", transient=True)
    return ServiceError("unexpected", type(exc).__name__)


def _int_attr(obj: Any, name: str) -> int | None:
    value = getattr(obj, name, None)
    return value if isinstance(value, int) else None
