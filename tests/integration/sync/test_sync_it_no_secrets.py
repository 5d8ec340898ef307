"""A typed PIN never appears in any log (terminal services, sync engine, sync CLI, the cloud incl. uvicorn's access
log and exception text), nor do certificates, tokens or passwords: the end-to-end flows run against the real cloud
subprocess (SQLite and PostgreSQL) with every logger at DEBUG on both sides, uvicorn's access log on, and the
simulated card given distinctive PINs (JPKI 4071, card text 8352; a wrong 9306 typed first). Everything captured
(log records, stdout/stderr, the cloud's output, the CLI's output) is scanned (sync_secrets)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_cloud import Cloud
from sync_consent import consent_for
from sync_ledger import connect
from sync_secrets import Secrets, all_logs_at_debug, scan

from kiosk.card.backends.simulated import SimulatedBackend
from kiosk.card.errors import WrongPin
from kiosk.card.service import CardService
from kiosk.core.consent import to_wire
from kiosk.demo.pki import DemoPKI, ensure_demo_pki
from kiosk.sync.credentials import TerminalCredentials
from kiosk.sync.errors import CloudRejected
from kiosk.sync.services import StoreDesk
from kiosk.sync.terminal import credential_store, open_terminal
from kiosk_cloud.models import voucher_keys

JPKI_PIN, TEXT_PIN, WRONG_PIN = "4071", "8352", "9306"
WRONG_PASSWORD = "wrong-pass-7731"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def verbose_cloud(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Cloud]:
    from sync_dbcloud import fresh_database, running_cloud

    url = None if request.param == "sqlite" else fresh_database(request.getfixturevalue("pg_server"))
    with running_cloud(tmp_path, url, verbose=True) as c:
        yield c


def distinctive_pins(pki_dir: Path) -> DemoPKI:
    """The demo PKI with every sample card's PINs changed to ones no log line has by chance."""
    manifest = pki_dir / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    for entry in data["residents"]:
        entry["jpki_pin"], entry["text_pin"] = JPKI_PIN, TEXT_PIN
    manifest.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return ensure_demo_pki(pki_dir)


def _creds(data_dir: Path) -> TerminalCredentials:
    creds = credential_store(data_dir, demo=True).load()
    assert creds is not None
    return creds


def test_no_pin_certificate_token_or_password_in_any_log(verbose_cloud: Cloud, capfd: pytest.CaptureFixture[str]) -> None:
    cloud = verbose_cloud
    pki = distinctive_pins(cloud.tmp / "demo" / "pki")
    assert pki.resident("suzuki").jpki_pin == JPKI_PIN
    secrets = Secrets().pin(JPKI_PIN, TEXT_PIN, WRONG_PIN)
    for resident in pki.residents:
        secrets.certificate(resident.key, resident.cert_der)
    secrets.string("staff password", "demo-pass").string("wrong staff password", WRONG_PASSWORD)
    counter_dir = cloud.new_terminal("counter", "nosecret-counter")
    store_dir = cloud.new_terminal("store", "nosecret-store")
    office_dir = cloud.new_terminal("office", "nosecret-office")
    for name, data_dir in (("counter", counter_dir), ("store", store_dir), ("office", office_dir)):
        secrets.string(f"{name} terminal token", _creds(data_dir).token)
    secrets.string("admin terminal token", cloud.admin.http.token)
    secrets.string("staff_session admin", cloud.admin.staff_session)
    sim = SimulatedBackend(pki=pki)
    card = CardService(sim, poll_interval=0.02)
    cli_output = ""
    try:
        with all_logs_at_debug() as logs:
            # the counter: a clerk mistypes the password, then logs in; a resident authenticates with the card
            # (a wrong PIN first), the balance is read with the resident's token, a grant goes through the outbox
            with open_terminal(counter_dir, demo=True) as t:
                assert t.client is not None
                with pytest.raises(CloudRejected) as raised1:
                    t.client.staff_login("S001", WRONG_PASSWORD)
                session = str(t.client.staff_login("S001", "demo-pass")["staff_session"])
                secrets.string("staff_session counter", session)
                sim.reader().insert("suzuki")
                challenge = t.client.auth_challenge()
                raw = base64.b64decode(challenge["challenge"])
                with pytest.raises(WrongPin) as raised2:
                    card.authenticate(WRONG_PIN, raw).result(10)
                auth = card.authenticate(JPKI_PIN, raw).result(10)
                token = str(t.client.auth_verify(challenge["challenge_id"], auth.cert_der, auth.signature)["auth_token"])
                secrets.string("resident auth token", token)
                assert t.client.balances("SZKHNK02", resident_token=token)["mykey_id"] == "SZKHNK02"
                t.client.history("SZKHNK02", resident_token=token)
                with pytest.raises(CloudRejected) as raised3:  # someone else's token: refused, and the refusal is logged
                    t.client.balances("YMDTRU01", resident_token=token)
                basic = card.read_basic_items(TEXT_PIN, consent=True).result(10)
                assert basic.name
                t.engine.submit("grant", {"programme_id": cloud.programme("Volunteering points")["id"],
                                          "mykey_id": "SZKHNK02", "points": 10})
                assert t.engine.drain().results[0].status == "applied"
                t.engine.outbox.enqueue("grant", {"programme_id": cloud.programme("Volunteering points")["id"],
                                                  "mykey_id": "SZKHNK02", "points": 5})
            card.release_card().result(10)
            # the admin rotates the voucher signing key (a private key written by the cloud) and the office issues
            # a voucher with it
            cloud.admin.http.request("POST", "/v1/admin/voucher-keys/rotate", json={})
            with open_terminal(office_dir, demo=True) as o:
                assert o.client is not None
                o.client.staff_login("OFC01", "demo-pass")
                secrets.string("staff_session office", o.client.staff_session)
                issued = o.client.issue_vouchers(consent_for(o, pki, "takahashi", 100, action="voucher_issue"), 1, 100, 1)
                assert issued["vouchers"][0]["key_id"] >= 2
            # the sync CLI drains it (its own output is scanned too)
            run = subprocess.run([sys.executable, "-c", "import sys; from kiosk.cli import main; sys.exit(main())",
                                  "sync", "--data-dir", str(counter_dir), "--demo", "run", "--json", "--no-pull"],
                                 capture_output=True, text=True, timeout=120)
            cli_output = run.stdout + run.stderr
            assert run.returncode == 0 and '"applied"' in run.stdout, cli_output
            # the shop: a card payment with the resident's consent (PIN typed on the pad), a replayed consent,
            # an offline payment checked locally and settled at sync, a malformed consent
            with open_terminal(store_dir, demo=True) as t:
                t.engine.start()
                try:
                    desk = StoreDesk(t.engine, terminal=t.terminal)
                    assert t.engine.probe()
                    t.engine.pull_reference()
                    sim.reader().insert("ito")
                    statement = desk.consent_statement(1, 300)
                    with pytest.raises(WrongPin) as raised4:
                        card.sign_statement(statement, pin=WRONG_PIN).result(10)
                    signature = card.sign_statement(statement, pin=JPKI_PIN).result(10)
                    cert = pki.resident("ito").cert_der
                    assert cert is not None
                    consent = to_wire(statement, signature, cert)
                    paid = desk.pay_online(consent, 1, 300)
                    assert paid.accepted and paid.status == "applied", paid
                    again = desk.pay_online(consent, 1, 300)  # the same proof twice: refused by the cloud
                    assert not again.accepted and again.code == "consent_replayed", again
                    t.engine._online = False
                    offline_statement = desk.consent_statement(1, 200)
                    offline = desk.pay_offline(to_wire(offline_statement, card.sign_statement(offline_statement)
                                                       .result(10), cert), 1, 200)
                    assert offline.accepted and offline.offline, offline
                    t.engine._online = True
                    bad = desk.pay_online({"statement": "bm90IGEgc3RhdGVtZW50", "signature": "AAAA",
                                           "certificate": consent["certificate"]}, 1, 50)
                    assert not bad.accepted and bad.code == "consent_malformed", bad
                    t.engine.wake()
                    assert t.engine.wait_result(offline.key or "", 15) is not None
                    assert t.engine.outbox.operation(offline.key or "").status == "applied"  # type: ignore[union-attr]
                finally:
                    t.engine.stop()
            card.release_card().result(10)
        records = logs.text
        # the exceptions' own text (what a screen or a log handler would show)
        exceptions = "\n".join(f"{e.value!s} {e.value!r} {getattr(e.value, '__dict__', '')}"
                                for e in (raised1, raised2, raised3, raised4))
    finally:
        card.stop()
    cloud.process.stop()  # everything it wrote is flushed
    with connect(cloud.process.database_url) as conn:  # the voucher signing keys, the first made at init, one here
        keys = conn.execute(select(voucher_keys.c.key_id, voucher_keys.c.private_key)).all()
    assert len(keys) >= 2
    for key_id, private in keys:
        secrets.certificate(f"voucher private key {key_id}", bytes(private))
    out, err = capfd.readouterr()
    cloud_log = cloud.process.log.read_text(errors="replace")
    # the capture is real: the records, the access log and the cloud's debug output are all there
    assert "kiosk" in records and "DEBUG" in records, records[:500]
    assert '"POST /v1/sync HTTP/1.1" 200' in cloud_log and '"POST /v1/auth/verify HTTP/1.1" 200' in cloud_log
    # every logger at DEBUG in the cloud, SQLAlchemy's included: statements are logged, never their parameters or
    # the rows (kiosk_cloud.db)
    assert "sqlalchemy.engine.Engine.kiosk_cloud INFO" in cloud_log
    assert "SQL parameters hidden" in cloud_log and "sqlalchemy.engine.Engine.kiosk_cloud DEBUG" not in cloud_log
    assert "aiosqlite DEBUG" not in cloud_log  # nor aiosqlite's calls with their parameters
    texts = [("terminal log records", records), ("stdout", out), ("stderr", err), ("cloud output", cloud_log),
             ("sync CLI output", cli_output), ("exception texts", exceptions),
             ("refusals on the terminal", repr([again, bad]))]
    # and the scanner finds what it looks for
    planted = scan([("probe", f"pin={JPKI_PIN} apdu 00 20 00 80 04 {' '.join(f'{b:02X}' for b in JPKI_PIN.encode())}"
                               f" token={token}")], secrets)
    assert len(planted) >= 3, planted
    found = scan(texts, secrets)
    assert found == [], "\n".join(found[:20])
    print(f"scanned {sum(len(t) for _, t in texts)} characters: records {len(records)}, cloud {len(cloud_log)}, "
          f"stdout {len(out)}, stderr {len(err)}, CLI {len(cli_output)}; {len(list(secrets.needles()))} needles")
