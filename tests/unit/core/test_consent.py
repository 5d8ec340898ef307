"""kiosk.core.consent: the canonical statement round-trips exactly; anything else is ConsentMalformed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.core.consent import (
    ACTIONS,
    ConsentMalformed,
    ConsentStatement,
    encode_statement,
    new_nonce,
    parse_statement,
)
from kiosk.core.errors import DomainError

JST = timezone(timedelta(hours=9))

EXAMPLE = (
    b"MYKEY-CONSENT/1\naction=payment\nmunicipality=132063\nshop=3\nterminal=12\npoint_type=1\n"
    b"points=500\ncount=1\nnonce=0123456789abcdef0123456789abcdef\nat=2026-11-30T22:40:00+09:00"
)


def _example(**changes: object) -> ConsentStatement:
    values: dict[str, object] = {
        "action": "payment", "municipality_code": "132063", "shop_id": 3, "terminal_id": 12,
        "point_type_id": 1, "points": 500, "count": 1, "nonce": "0123456789abcdef0123456789abcdef",
        "at": datetime(2026, 11, 30, 22, 40, tzinfo=JST),
    }
    values.update(changes)
    return ConsentStatement(**values)  # type: ignore[arg-type]


def test_the_documented_example_is_exactly_the_canonical_text() -> None:
    assert encode_statement(_example()) == EXAMPLE
    assert parse_statement(EXAMPLE) == _example()
    voucher = _example(action="voucher_issue", shop_id=None, points=3000, count=3)
    assert b"\nshop=-\n" in encode_statement(voucher)
    assert parse_statement(encode_statement(voucher)) == voucher


def test_new_nonce_is_128_random_bits_in_lower_hex() -> None:
    nonces = {new_nonce() for _ in range(100)}
    assert len(nonces) == 100
    assert all(len(n) == 32 and n == n.lower() and int(n, 16) >= 0 for n in nonces)


offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda m: timezone(timedelta(minutes=m))
)
times = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)).map(
        lambda d: d.replace(microsecond=0)
    ),
    offsets,
)
ids = st.integers(min_value=1, max_value=2**63 - 1)
statements = st.builds(
    ConsentStatement,
    action=st.sampled_from(ACTIONS),
    municipality_code=st.from_regex(r"[0-9]{6}", fullmatch=True),
    shop_id=st.none() | ids,
    terminal_id=ids,
    point_type_id=ids,
    points=st.integers(min_value=1, max_value=10**12),
    count=st.integers(min_value=1, max_value=10_000),
    nonce=st.from_regex(r"[0-9a-f]{32}", fullmatch=True),
    at=times,
)


@settings(max_examples=300)
@given(statements)
def test_round_trip_is_exact(statement: ConsentStatement) -> None:
    data = encode_statement(statement)
    parsed = parse_statement(data)
    assert parsed == statement
    assert parsed.at.utcoffset() == statement.at.utcoffset()
    assert encode_statement(parsed) == data
    assert not data.endswith(b"\n")


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_garbage_is_malformed_never_another_error(data: bytes) -> None:
    try:
        parse_statement(data)
    except ConsentMalformed as exc:
        assert isinstance(exc, DomainError) and exc.code == "consent_malformed"
    else:  # pragma: no cover - random bytes are never a canonical statement
        pytest.fail("garbage parsed")


@settings(max_examples=300)
@given(statements, st.data())
def test_any_one_byte_change_is_refused_or_a_different_statement(
    statement: ConsentStatement, data: st.DataObject
) -> None:
    raw = bytearray(encode_statement(statement))
    i = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    raw[i] = data.draw(st.integers(min_value=0, max_value=255).filter(lambda b: b != raw[i]))
    try:
        other = parse_statement(bytes(raw))
    except ConsentMalformed:
        return
    # it parsed: then it is canonical, and it says something else than the signed statement
    assert encode_statement(other) == bytes(raw)
    assert other != statement


@pytest.mark.parametrize(
    "text",
    [
        EXAMPLE + b"\n",  # trailing newline
        EXAMPLE.replace(b"\n", b"\r\n"),
        EXAMPLE.replace(b"MYKEY-CONSENT/1", b"MYKEY-CONSENT/2"),
        EXAMPLE.replace(b"shop=3\nterminal=12", b"terminal=12\nshop=3"),  # order
        EXAMPLE.replace(b"points=500", b"points=0500"),  # leading zero
        EXAMPLE.replace(b"points=500", b"points=0"),
        EXAMPLE.replace(b"points=500", b"points=-5"),
        EXAMPLE.replace(b"points=500", b"points= 500"),
        EXAMPLE.replace(b"count=1", b"count=0"),
        EXAMPLE.replace(b"shop=3", b"shop=0"),
        EXAMPLE.replace(b"shop=3", b"shop="),
        EXAMPLE.replace(b"action=payment", b"action=grant"),
        EXAMPLE.replace(b"municipality=132063", b"municipality=13206"),
        EXAMPLE.replace(b"nonce=0123456789abcdef", b"nonce=0123456789ABCDEF"),
        EXAMPLE.replace(b"nonce=0123456789abcdef0123456789abcdef", b"nonce=0123"),
        EXAMPLE.replace(b"+09:00", b""),  # naive
        EXAMPLE.replace(b"+09:00", b"Z"),
        EXAMPLE.replace(b"22:40:00", b"22:40:00.5"),
        EXAMPLE.replace(b"2026-11-30", b"2026-02-30"),
        EXAMPLE.replace(b"nonce=", b"nonce=\xef\xbc\x90"),  # non-ASCII
        EXAMPLE + b"\nextra=1",
        b"",
        b"x" * 5000,
    ],
)
def test_non_canonical_forms_are_refused(text: bytes) -> None:
    with pytest.raises(ConsentMalformed):
        parse_statement(text)


@pytest.mark.parametrize(
    "changes",
    [
        {"action": "grant"}, {"points": 0}, {"points": True}, {"count": 0}, {"nonce": "0" * 31},
        {"at": datetime(2026, 11, 30, 22, 40)}, {"at": datetime(2026, 11, 30, 22, 40, 0, 1, tzinfo=UTC)},
        {"shop_id": 0}, {"terminal_id": -1}, {"municipality_code": "abcdef"},
        {"at": datetime(2026, 11, 30, tzinfo=timezone(timedelta(seconds=30)))},
    ],
)
def test_a_statement_that_cannot_be_written_is_refused_at_construction(changes: dict[str, object]) -> None:
    with pytest.raises(ConsentMalformed):
        _example(**changes)


def test_demo_make_consent_is_a_signature_over_the_exact_statement(tmp_path_factory: pytest.TempPathFactory) -> None:
    import base64

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from kiosk.demo.consent import make_consent
    from kiosk.demo.pki import ensure_demo_pki

    resident = ensure_demo_pki(tmp_path_factory.mktemp("pki") / "pki").resident("yamada")
    at = datetime(2026, 11, 30, 13, 40, 5, 999, tzinfo=UTC)
    wire = make_consent(
        resident, action="payment", municipality_code="132063", shop_id=3, terminal_id=12, point_type_id=1,
        points=500, at=at, nonce="ab" * 16,
    )
    statement = base64.b64decode(wire["statement"])
    parsed = parse_statement(statement)
    assert parsed == _example(at=at.replace(microsecond=0), nonce="ab" * 16)
    assert parsed.at.utcoffset() == timedelta(hours=9)
    cert = x509.load_der_x509_certificate(base64.b64decode(wire["certificate"]))
    assert base64.b64decode(wire["certificate"]) == resident.cert_der
    key = cert.public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    key.verify(base64.b64decode(wire["signature"]), statement, padding.PKCS1v15(), hashes.SHA256())
