"""Time limits from the settings: challenge expiry, resident token expiry, the payment reversal window."""

from __future__ import annotations

import base64
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk_cloud.demo import DemoInfo
from kiosk_cloud.embedded import start_embedded
from kiosk_cloud.settings import Settings

from .helpers import Cloud, sign


@pytest.fixture
def strict_cloud(demo: DemoInfo, pki_dir: Path) -> Iterator[Cloud]:
    settings = Settings(database_url=demo.database_url, challenge_ttl_s=1, resident_token_ttl_s=2,
                        payment_reversal_window_s=1)
    server = start_embedded(demo.database_url, settings=settings)
    cloud = Cloud(server.url, demo, pki_dir / "pki")
    try:
        yield cloud
    finally:
        cloud.close()
        server.stop()


def test_expired_challenge_token_and_reversal_window(strict_cloud: Cloud) -> None:
    cloud = strict_cloud
    store = cloud.terminal("store")
    yamada = cloud.resident("yamada")
    challenge = store.ok("POST", "/auth/challenge")
    counter = cloud.terminal("counter")
    auth = counter.authenticate(yamada)  # a fresh resident token
    paid = store.pay(yamada, 10, point_type_id=cloud.point_type).json()
    time.sleep(2.2)
    raw = base64.b64decode(challenge["challenge"])
    late = store.post("/auth/verify", {"challenge_id": challenge["challenge_id"],
                                       "certificate": base64.b64encode(yamada.cert_der or b"").decode(),
                                       "signature": base64.b64encode(sign(yamada, raw)).decode()})
    assert late.status_code == 400 and late.json()["error"]["code"] == "challenge_invalid"
    stale = counter.post("/mykey-ids", {"auth_token": auth["auth_token"]})  # the resident token expired
    assert stale.status_code == 401 and stale.json()["error"]["code"] == "auth_token_invalid"
    too_late = store.post(f"/payments/{paid['payment_id']}/reverse")
    assert too_late.status_code == 409 and too_late.json()["error"]["code"] == "reversal_window_passed"
