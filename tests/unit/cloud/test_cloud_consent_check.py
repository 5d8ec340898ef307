"""services.consent.check_proof (no database): the documented code for every bad proof, never another exception."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.demo.consent import make_consent
from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk_cloud.errors import MESSAGES, ApiError
from kiosk_cloud.jpki import TrustStore
from kiosk_cloud.services.consent import ConsentIn, Expected, check_proof
from kiosk_cloud.settings import Settings

EXPECTED = Expected("payment", "132063", 3, 12, 1, 500)


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPKI:
    return ensure_demo_pki(Path(tmp_path_factory.mktemp("pki")) / "pki")


@pytest.fixture(scope="module")
def trust(pki: DemoPKI) -> TrustStore:
    return TrustStore.from_der([pki.ca_cert_der], [pki.crl_der])


def _consent(pki: DemoPKI, who: str = "yamada", **changes: object) -> ConsentIn:
    fields: dict[str, object] = {"action": "payment", "municipality_code": "132063", "shop_id": 3, "terminal_id": 12,
                                 "point_type_id": 1, "points": 500}
    fields.update(changes)
    return ConsentIn.model_validate(make_consent(pki.resident(who), **fields))  # type: ignore[arg-type]


def _code(consent: ConsentIn | None, trust: TrustStore, *, offline: bool = False) -> str:
    with pytest.raises(ApiError) as exc:
        check_proof(consent, EXPECTED, trust, now=datetime.now(UTC), offline=offline, window=Settings())
    assert exc.value.code in MESSAGES
    return exc.value.code


def test_a_good_proof_names_the_card(pki: DemoPKI, trust: TrustStore) -> None:
    proof = check_proof(_consent(pki), EXPECTED, trust, now=datetime.now(UTC), offline=False, window=Settings())
    assert proof.statement.points == 500 and len(proof.cert.fingerprint) == 64
    assert proof.cert.serial == str(pki.resident("yamada").cert_serial)


def test_each_refusal_has_its_code(pki: DemoPKI, trust: TrustStore) -> None:
    now = datetime.now(UTC)
    assert _code(None, trust) == "consent_missing"
    assert _code(_consent(pki, points=499), trust) == "consent_mismatch"
    assert _code(_consent(pki, at=now - timedelta(minutes=6)), trust) == "consent_stale"
    assert _code(_consent(pki, at=now + timedelta(minutes=6)), trust) == "consent_future"
    # offline: hours old is fine (the demo certificates are a day old), older than the window (72 h + skew) is not
    check_proof(_consent(pki, at=now - timedelta(hours=20)), EXPECTED, trust, now=now, offline=True,
                window=Settings())
    assert _code(_consent(pki, at=now - timedelta(hours=73)), trust, offline=True) == "consent_stale"
    assert _code(_consent(pki, who="sato"), trust) == "certificate_revoked"
    assert _code(_consent(pki), TrustStore.from_der([], [])) == "certificate_untrusted"
    assert _code(_consent(pki), TrustStore.from_der([pki.ca_cert_der], [])) == "revocation_list_stale"
    swapped = _consent(pki).model_copy(update={"signature": _consent(pki, who="suzuki").signature})
    assert _code(swapped, trust) == "consent_bad_signature"


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_mangled_proofs_are_refused_with_a_code(pki: DemoPKI, trust: TrustStore, data: st.DataObject) -> None:
    good = _consent(pki).model_dump()
    part = data.draw(st.sampled_from(["statement", "signature", "certificate"]))
    raw = bytearray(base64.b64decode(good[part]))
    how = data.draw(st.sampled_from(["flip", "cut", "random"]))
    if how == "flip":
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] ^= data.draw(st.integers(1, 255))
    elif how == "cut":
        raw = raw[: data.draw(st.integers(1, max(1, len(raw) - 1)))]
    else:
        raw = bytearray(data.draw(st.binary(min_size=1, max_size=600)))
    good[part] = base64.b64encode(bytes(raw)).decode()
    consent = ConsentIn.model_validate(good)
    try:
        check_proof(consent, EXPECTED, trust, now=datetime.now(UTC), offline=False, window=Settings())
    except ApiError as exc:
        assert exc.code in MESSAGES


def test_resident_authentication_refuses_a_damaged_certificate_with_a_code(pki: DemoPKI, trust: TrustStore) -> None:
    """The same lazy parsing in jpki.verify_user_auth (POST /v1/auth/verify) answered some damaged certificates
    with a 500; every byte damaged in turn must give a catalogued code."""
    from kiosk_cloud.jpki import verify_user_auth

    der = bytearray(pki.resident("yamada").cert_der or b"")
    for i in range(len(der)):
        damaged = bytearray(der)
        damaged[i] ^= 0x5A
        with pytest.raises(ApiError) as exc:
            verify_user_auth(bytes(damaged), b"x" * 256, b"challenge", trust, datetime.now(UTC))
        assert exc.value.code in MESSAGES


def test_every_damaged_certificate_byte_gives_a_code(pki: DemoPKI, trust: TrustStore) -> None:
    good = _consent(pki).model_dump()
    der = bytearray(base64.b64decode(good["certificate"]))
    for i in range(len(der)):
        damaged = bytearray(der)
        damaged[i] ^= 0x5A
        consent = ConsentIn.model_validate({**good, "certificate": base64.b64encode(bytes(damaged)).decode()})
        assert _code(consent, trust) in {"consent_malformed", "certificate_untrusted", "certificate_expired",
                                         "consent_bad_signature", "certificate_revoked", "revocation_list_stale"}
