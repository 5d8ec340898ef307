"""`make_consent(resident, ...)`: a demo resident's signed consent in the wire form, as the card would make it.

For tests, benchmarks and the sync fault tests: the statement is `kiosk.core.consent.encode_statement`, the
signature RSA PKCS#1 v1.5 over SHA-256 of the statement with the resident's user-auth key (the card signs a
SHA-256 DigestInfo), the certificate the resident's user-auth certificate (DER). All three base64.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

from kiosk.core.consent import ConsentStatement, encode_statement, new_nonce, statement_now, to_wire

if TYPE_CHECKING:
    from kiosk.demo.pki import DemoResident


def sign_statement_with(resident: DemoResident, statement: bytes) -> bytes:
    """The signature the resident's card makes over `statement`."""
    return resident.private_key().sign(statement, padding.PKCS1v15(), hashes.SHA256())


def consent_wire(statement: bytes, signature: bytes, certificate: bytes) -> dict[str, str]:
    """The wire form `{"statement", "signature", "certificate"}` (base64 each)."""
    return to_wire(statement, signature, certificate)


def make_consent(
    resident: DemoResident,
    *,
    action: str,
    municipality_code: str,
    shop_id: int | None,
    terminal_id: int,
    point_type_id: int,
    points: int,
    count: int = 1,
    at: datetime | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The resident's consent to `action` (wire form), signed with the demo resident's key."""
    if resident.cert_der is None:
        raise ValueError(f"resident {resident.key} has no user-auth certificate")
    statement = ConsentStatement(
        action=action,
        municipality_code=municipality_code,
        shop_id=shop_id,
        terminal_id=terminal_id,
        point_type_id=point_type_id,
        points=points,
        count=count,
        nonce=nonce if nonce is not None else new_nonce(),
        at=statement_now(at if at is not None else datetime.now(UTC)),
    )
    data = encode_statement(statement)
    return consent_wire(data, sign_statement_with(resident, data), resident.cert_der)
