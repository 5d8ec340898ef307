"""Domain error types.

Every failure the domain can report is one of these classes. Each carries a stable machine-readable `code`
(used on the wire by the cloud and mapped to translated text by the terminal) and an English developer
message. None of them ever carries a PIN or an individual number.
"""

from __future__ import annotations


class DomainError(Exception):
    """Base of every documented domain failure."""

    code: str = "domain_error"

    def __init__(self, message: str = "") -> None:
        super().__init__(message or self.code)
        self.message = message or self.code


class InvalidMyKeyId(DomainError):
    code = "invalid_mykey_id"


class InvalidPoints(DomainError):
    code = "invalid_points"


class InsufficientPoints(DomainError):
    code = "insufficient_points"

    def __init__(self, requested: int, available: int) -> None:
        super().__init__(f"requested {requested} points but only {available} are available")
        self.requested = requested
        self.available = available


class VoucherNumberInvalid(DomainError):
    code = "voucher_number_invalid"


class VoucherError(DomainError):
    """Base of every reason a voucher code is refused."""

    code = "voucher_invalid"


class VoucherMalformed(VoucherError):
    code = "voucher_malformed"


class VoucherUnknownKey(VoucherError):
    code = "voucher_unknown_key"

    def __init__(self, key_id: int) -> None:
        super().__init__(f"no public key with id {key_id}")
        self.key_id = key_id


class VoucherKeyRevoked(VoucherError):
    """The voucher's signing key was revoked (a leaked key): none of its vouchers verifies any more."""

    code = "voucher_key_revoked"


class VoucherKeyExpired(VoucherError):
    """The voucher was signed outside its key's signing validity, or the key's verification period is over."""

    code = "voucher_key_expired"


class VoucherBadSignature(VoucherError):
    code = "voucher_bad_signature"


class VoucherNotYetValid(VoucherError):
    code = "voucher_not_yet_valid"


class VoucherExpired(VoucherError):
    code = "voucher_expired"


class InvalidMeasure(DomainError):
    code = "invalid_measure"
