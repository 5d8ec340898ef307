from __future__ import annotations

import base64
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from sync_fakecloud import FakeCloud
from sync_vouchers import PUBLIC, voucher

from kiosk.core.consent import to_wire
from kiosk.core.voucher_code import new_signing_key
from kiosk.core.voucher_number import make_voucher_number
from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk.sync.credentials import TerminalCredentials
from kiosk.sync.engine import SyncEngine
from kiosk.sync.errors import OfflineRefused
from kiosk.sync.offline import MESSAGES, local_day, new_challenge
from kiosk.sync.services import StoreDesk


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> DemoPKI:
    return ensure_demo_pki(Path(tmp_path_factory.mktemp("pki")))


@pytest.fixture
def desk(engine: SyncEngine, cloud: FakeCloud, pki: DemoPKI) -> StoreDesk:
    cloud.add_change("voucher_key", "1", {"key_id": 1, "public_key": base64.b64encode(PUBLIC).decode(),
                                          "valid_from": "2020-01-01T00:00:00+00:00",
                                          "valid_until": "2099-01-01T00:00:00+00:00"})
    cloud.add_change("voided_voucher", make_voucher_number(66), {"number": make_voucher_number(66)})
    cloud.add_change("offline_limit", "1", {"point_type_id": 1, "per_card_per_day": 1000})
    cloud.add_change("revocation", "jpki", {"ca_certs": [base64.b64encode(pki.ca_cert_der).decode()],
                                            "crls": [base64.b64encode(pki.crl_der).decode()],
                                            "revoked_serials": []})
    engine.reference.pull(engine.client)
    till = TerminalCredentials("http://cloud.test", 7, "good-token", "store", municipality_code="132063", shop_id=3)
    return StoreDesk(engine, answer_wait=2.0, terminal=till)


def test_every_offline_refusal_has_japanese_and_english_text() -> None:
    for code, (english, japanese) in MESSAGES.items():
        assert english and japanese and english != japanese, code
        assert any("\u3040" <= ch <= "\u9fff" for ch in japanese), code


def test_offline_voucher_checks(desk: StoreDesk, engine: SyncEngine) -> None:
    engine._online = False  # as after a failed probe
    ok = desk.redeem_voucher(voucher(1))
    assert ok.accepted and ok.offline and ok.status == "queued" and ok.points == 500
    assert engine.outbox.peek(10)[0].kind == "offline_voucher_redeem"
    assert desk.redeem_voucher(voucher(1)).code == "voucher_already_used_here"
    assert desk.redeem_voucher(voucher(66)).code == "voucher_voided"
    expired = voucher(2, start=datetime.now(UTC) - timedelta(days=40), days=10)
    assert desk.redeem_voucher(expired).code == "voucher_expired"
    future = voucher(3, start=datetime.now(UTC) + timedelta(days=2))
    assert desk.redeem_voucher(future).code == "voucher_not_yet_valid"
    other_private, _ = new_signing_key()
    assert desk.redeem_voucher(voucher(4, private=other_private)).code == "voucher_bad_signature"
    assert desk.redeem_voucher(voucher(5, key_id=7)).code == "voucher_unknown_key"
    tampered = list(voucher(6))
    tampered[40] = "A" if tampered[40] != "A" else "B"
    assert desk.redeem_voucher("".join(tampered)).code in ("voucher_bad_signature", "voucher_malformed")
    assert desk.redeem_voucher("HELLO").code == "voucher_malformed"
    assert engine.outbox.length() == 1  # only the one good voucher was queued


def test_offline_voucher_refused_for_a_revoked_or_expired_key(desk: StoreDesk, engine: SyncEngine,
                                                              cloud: FakeCloud) -> None:
    """The key's validity and revocation come on the feed; the terminal refuses with their own codes."""
    now = datetime.now(UTC)
    window = {"public_key": base64.b64encode(PUBLIC).decode(), "valid_from": (now - timedelta(days=30)).isoformat()}
    cloud.add_change("voucher_key", "2", {"key_id": 2, **window, "valid_until": (now + timedelta(days=30)).isoformat(),
                                          "revoked_at": (now - timedelta(hours=1)).isoformat()})
    cloud.add_change("voucher_key", "3", {"key_id": 3, **window, "valid_until": (now - timedelta(days=20)).isoformat(),
                                          "verify_until": (now + timedelta(days=30)).isoformat()})
    cloud.add_change("voucher_key", "4", {"key_id": 4, **window, "valid_until": (now + timedelta(days=30)).isoformat(),
                                          "verify_until": (now - timedelta(minutes=1)).isoformat()})
    engine.reference.pull(engine.client)
    revoked = desk.redeem_voucher(voucher(11, key_id=2))
    assert revoked.code == "voucher_key_revoked" and not revoked.accepted and "失効" in revoked.message_ja
    # signed (valid_from) after the key stopped signing
    assert desk.redeem_voucher(voucher(12, key_id=3, start=now - timedelta(days=1))).code == "voucher_key_expired"
    assert desk.redeem_voucher(voucher(13, key_id=4)).code == "voucher_key_expired"  # past its verify_until
    assert desk.redeem_voucher(voucher(14, key_id=1)).accepted  # the good key still works


def test_concurrent_double_scan_is_refused_once(desk: StoreDesk, engine: SyncEngine) -> None:
    engine._online = False
    code = voucher(11)
    outcomes = []
    threads = [threading.Thread(target=lambda: outcomes.append(desk.redeem_voucher(code))) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(o.accepted for o in outcomes) == [False] * 5 + [True]
    assert engine.outbox.length() == 1


def test_online_redemption_waits_for_the_cloud(desk: StoreDesk, engine: SyncEngine, cloud: FakeCloud) -> None:
    engine.start()
    assert engine.probe()
    outcome = desk.redeem_voucher(voucher(21))
    assert outcome.status == "applied" and not outcome.offline
    assert engine.outbox.peek(10) == [] and cloud.applied == [outcome.key]
    # a key rotated in after the last pull: online, the cloud judges it
    other_private, _ = new_signing_key()
    rotated = desk.redeem_voucher(voucher(23, key_id=7, private=other_private))
    assert rotated.status == "applied" and rotated.points == 0
    # but a forged signature under a known key is refused here, online or not
    assert desk.redeem_voucher(voucher(24, private=other_private)).code == "voucher_bad_signature"
    cloud.reject = lambda op: ("voucher_already_used", "used elsewhere")
    refused = desk.redeem_voucher(voucher(22))
    assert refused.status == "rejected" and refused.code == "voucher_already_used" and refused.message_ja
    assert engine.outbox.dead_letters() == []  # shown on screen, not left for staff


def _sign(pki: DemoPKI, who: str, challenge: bytes) -> tuple[bytes, bytes]:
    resident = pki.resident(who)
    assert resident.cert_der is not None
    return resident.cert_der, resident.private_key().sign(challenge, padding.PKCS1v15(), hashes.SHA256())


def _consent(desk: StoreDesk, pki: DemoPKI, who: str, point_type_id: int, points: int,
             statement: bytes | None = None) -> dict[str, str]:
    """What the store screen does: the desk writes the statement, the resident's card signs it."""
    data = statement if statement is not None else desk.consent_statement(point_type_id, points)
    cert, signature = _sign(pki, who, data)
    return to_wire(data, signature, cert)


def test_offline_card_payment_checks_consent_chain_revocation_and_daily_limit(desk: StoreDesk, engine: SyncEngine,
                                                                              pki: DemoPKI) -> None:
    challenge = new_challenge()
    cert, signature = _sign(pki, "yamada", challenge)
    card = desk.verify_card_offline(cert, signature, challenge)
    assert len(card.fingerprint) == 64
    assert desk.offline_allowance(card, 1) == 1000
    first = _consent(desk, pki, "yamada", 1, 600)
    assert desk.pay_offline(first, 1, 600).accepted
    assert desk.pay_offline(_consent(desk, pki, "yamada", 1, 401), 1, 401).code == "offline_limit_exceeded"
    assert desk.pay_offline(_consent(desk, pki, "yamada", 1, 400), 1, 400).accepted
    assert desk.offline_allowance(card, 1) == 0
    assert desk.pay_offline(_consent(desk, pki, "yamada", 2, 10), 2, 10).code == "offline_limit_unknown"
    [op1, _op2] = engine.outbox.peek(10)
    # the operation carries the proof for the cloud to verify at sync: statement, signature, certificate
    assert op1.kind == "offline_payment" and op1.payload["consent"] == first
    assert set(op1.payload) == {"point_type_id", "points", "consent"}
    # a second card has its own allowance
    cert2, sig2 = _sign(pki, "suzuki", challenge)
    assert desk.offline_allowance(desk.verify_card_offline(cert2, sig2, challenge), 1) == 1000

    with pytest.raises(OfflineRefused) as bad:
        desk.verify_card_offline(cert, signature, new_challenge())
    assert bad.value.code == "card_signature_invalid"
    revoked_cert, revoked_sig = _sign(pki, "sato", challenge)
    with pytest.raises(OfflineRefused) as revoked:
        desk.verify_card_offline(revoked_cert, revoked_sig, challenge)
    assert revoked.value.code == "card_certificate_revoked"
    assert desk.pay_offline(_consent(desk, pki, "sato", 1, 5), 1, 5).code == "card_certificate_revoked"


def test_offline_payment_refuses_a_consent_for_something_else(desk: StoreDesk, engine: SyncEngine,
                                                              pki: DemoPKI) -> None:
    good = desk.consent_statement(1, 100)
    assert desk.pay_offline(_consent(desk, pki, "ito", 1, 100, good), 1, 200).code == "consent_mismatch"
    for old, new in ((b"terminal=7", b"terminal=8"), (b"shop=3", b"shop=4"), (b"action=payment", b"action=exchange")):
        other = good.replace(old, new)
        assert desk.pay_offline(_consent(desk, pki, "ito", 1, 100, other), 1, 100).code == "consent_mismatch"
    stale = desk.consent_statement(1, 100).replace(b"at=20", b"at=19")
    assert desk.pay_offline(_consent(desk, pki, "ito", 1, 100, stale), 1, 100).code == "consent_stale"
    tampered = dict(_consent(desk, pki, "ito", 1, 100, good))
    tampered["statement"] = base64.b64encode(good.replace(b"points=100", b"points=10")).decode()
    assert desk.pay_offline(tampered, 1, 10).code == "card_signature_invalid"
    assert desk.pay_offline({"statement": "", "signature": "", "certificate": ""}, 1, 100).code == \
        "consent_malformed"
    assert engine.outbox.length() == 0  # nothing queued


def test_untrusted_card_is_refused(desk: StoreDesk, tmp_path: Path) -> None:
    stranger = ensure_demo_pki(tmp_path / "other-pki")  # a different CA
    challenge = new_challenge()
    cert, signature = _sign(stranger, "yamada", challenge)
    with pytest.raises(OfflineRefused) as exc:
        desk.verify_card_offline(cert, signature, challenge)
    assert exc.value.code == "card_certificate_untrusted"


def test_offline_day_is_the_municipality_day() -> None:
    assert local_day(datetime(2026, 11, 21, 15, 30, tzinfo=UTC)) == "2026-11-22"  # 00:30 JST
    assert local_day(datetime(2026, 11, 21, 14, 59, tzinfo=UTC)) == "2026-11-21"


def test_online_payment_is_not_accepted_until_the_cloud_confirms(desk: StoreDesk, engine: SyncEngine,
                                                                 cloud: FakeCloud) -> None:
    assert engine.probe()
    desk.answer_wait = 0.3
    cloud.fail_next = ["drop"] * 50  # the cloud vanishes right after the resident authenticated
    waiting = desk.pay_online({"statement": "c3Q=", "signature": "c2ln", "certificate": "Y2VydA=="}, 1, 700)
    assert not waiting.accepted and waiting.status == "queued" and waiting.code == "awaiting_cloud"
    assert waiting.message_ja and "商品" in waiting.message_ja
    cloud.fail_next = []
    engine.start()
    confirmed = desk.pay_online({"statement": "c3Q=", "signature": "c2ln", "certificate": "Y2VydA=="}, 1, 300)
    assert confirmed.accepted and confirmed.status == "applied" and not confirmed.offline
    result = engine.wait_result(waiting.key or "", 5)
    assert result is not None and result.status == "applied"  # the first one went through later, once


def test_the_published_limits_reach_the_terminal(desk: StoreDesk, engine: SyncEngine, cloud: FakeCloud) -> None:
    assert engine.reference.limits()["offline_window_s"] == 72 * 3600  # the defaults before the feed says
    cloud.add_change("limits", "132063", {"offline_window_s": 86400, "clock_skew_s": 300, "crl_grace_s": 600})
    engine.reference.pull(engine.client)
    assert engine.reference.limits() == {"offline_window_s": 86400, "clock_skew_s": 300, "crl_grace_s": 600}


def test_a_damaged_certificate_is_refused_not_a_crash(desk: StoreDesk, pki: DemoPKI) -> None:
    statement = desk.consent_statement(1, 50)
    good = _consent(desk, pki, "yamada", 1, 50, statement)
    cert = bytearray(base64.b64decode(good["certificate"]))
    codes = set()
    for i in range(0, len(cert), 7):  # one damaged byte at a time, all through the certificate
        damaged = bytearray(cert)
        damaged[i] ^= 0x5A
        outcome = desk.pay_offline({**good, "certificate": base64.b64encode(bytes(damaged)).decode()}, 1, 50)
        assert not outcome.accepted and outcome.code in MESSAGES
        codes.add(outcome.code)
    assert "card_certificate_invalid" in codes
