"""Every flow the demo can drive, with the terminal's own log (kiosk/logs.py) at DEBUG — counter: create a MyKey
ID, a wrong then the right PIN, grant, apply for a measure (card-text PIN); shop: pay, redeem; office: issue;
sync — then the log files are scanned for the PINs typed (distinctive ones set on the sample cards), the
certificates (base64, URL-safe base64, hex, bytes repr), the terminals' tokens, clerk sessions and password, the
full MyKey IDs, the card text (names, addresses, birth dates) and the voucher codes: none may appear."""

from __future__ import annotations

import importlib.util
import json
import logging
import shutil
import sys
from pathlib import Path
from types import ModuleType

from terminal_stack import demo_stack

from kiosk.logs import setup_logging, teardown_logging
from kiosk.services.demo_backend import DemoBackend

JPKI_PIN, TEXT_PIN, WRONG_PIN = "4071", "8352", "9306"
FOR_EVERYONE = ("市民応援ポイント（全員）", "Points for every applicant")


def _scanner() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "sync" / "sync_secrets.py"
    spec = importlib.util.spec_from_file_location("kiosk_tests_sync_secrets_logs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _demo_with_pins(tmp: Path) -> Path:
    template = tmp / "template"
    DemoBackend.start(template).stop()
    data = tmp / "demo"
    shutil.copytree(template, data)
    info_path = data / "demo-info.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    pki_dir = data / Path(info["pki_dir"]).relative_to(template)
    info["pki_dir"] = str(pki_dir)
    info_path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    manifest = json.loads((pki_dir / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["residents"]:
        entry["jpki_pin"], entry["text_pin"] = JPKI_PIN, TEXT_PIN
    (pki_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return data


def _create_mykey_id(soak, key: str, new_id: str) -> None:  # type: ignore[no-untyped-def]
    s = soak.go("create_mykey")
    soak.place(key)
    pad = s.identify.pinpad
    soak.wait(lambda: pad.isVisible() and pad.tries_left() == 3, "create PIN pad")
    for digit in WRONG_PIN:
        pad.press(digit)
    pad.submit()
    soak.wait(lambda: pad.tries_left() == 2 and pad.isVisible(), "wrong PIN noted")
    for digit in JPKI_PIN:
        pad.press(digit)
    pad.submit()
    soak.wait(lambda: s.stack.currentWidget() is s.choose_page, "choose a MyKey ID")
    s.candidate.setText(new_id)
    s._candidate_edited()
    s._check()
    soak.wait(s.next_button.isEnabled, "candidate available")
    s._to_confirm()
    s._create()
    soak.wait(s.result_shown, "MyKey ID created")
    assert s.result_panel.kind() == "success", s.result_panel.text()
    soak.lift()


def _apply(soak, key: str) -> None:  # type: ignore[no-untyped-def]
    s = soak.go("measure_apply")
    soak.place(key)
    soak.wait(lambda: s.identify.pinpad.isVisible(), "apply PIN pad")
    for digit in JPKI_PIN:
        s.identify.pinpad.press(digit)
    s.identify.pinpad.submit()
    soak.wait(lambda: s.stack.currentWidget() is s.list_page and s.measure_list.count() > 0, "measures")
    s.measure_list.setCurrentRow([v.measure.name for v in s._measures].index(
        next(n for n in FOR_EVERYONE if n in [v.measure.name for v in s._measures])))
    s._choose()
    s.consent.setChecked(True)
    s._to_pin()
    soak.wait(lambda: s.text_pin.tries_left() is not None, "card-text PIN")
    for digit in TEXT_PIN:
        s.text_pin.press(digit)
    s.text_pin.submit()
    soak.wait(lambda: s.stack.currentWidget() is s.payment_page, "payment service")
    s.services.setCurrentRow(0)
    s._to_summary()
    s._submit()
    soak.wait(s.result_shown, "applied")
    assert s.result_panel.kind() == "success", s.result_panel.text()
    soak.lift()


def test_every_flow_leaves_no_secret_in_the_log_files(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secrets_mod = _scanner()
    data = _demo_with_pins(tmp_path)
    log_file = setup_logging(data, "DEBUG", max_bytes=256 * 1024, backups=20, stderr=False)
    for name in list(logging.Logger.manager.loggerDict):  # every library's logger at DEBUG too
        logger = logging.getLogger(name)
        if logger.level > logging.DEBUG:
            logger.setLevel(logging.DEBUG)
    codes: list[str] = []
    try:
        with demo_stack(data) as soak:
            soak.pin = JPKI_PIN
            soak.login_counter()
            _create_mykey_id(soak, "kobayashi", "KBY7WQ3M")
            _apply(soak, "suzuki")
            original = soak.office_issue

            def issue() -> str:
                code = original()
                codes.append(code)
                return code

            soak.office_issue = issue
            for _ in range(2):
                soak.customer()  # grant, card + PIN, lookup, pay, office issue, redeem, sync
            assert soak.steps["shop redeem"] == 2 and soak.steps["office issue"] == 2
            backend = soak.backend
            s = secrets_mod.Secrets().pin(JPKI_PIN, TEXT_PIN, WRONG_PIN)
            for resident in backend.residents:
                s.certificate(resident.key, resident.cert_der)
                s.certificate(f"{resident.key} private key", resident.private_key_pem)
                for field in ("name", "address", "birth_date"):
                    s.string(f"{resident.key} card text {field}", getattr(resident, field))
            _code, password = backend.staff_login()
            s.string("staff password", password)
            s.string("counter token", backend.runtime.client.http.token)
            s.string("staff_session counter", backend.runtime.client.staff_session)
            for name, terminal in (("store", soak.store), ("office", soak.office)):
                for attr in ("client", "cloud"):
                    client = getattr(terminal, attr, None)
                    http = getattr(client, "http", None)
                    if http is not None:
                        s.string(f"{name} token", http.token)
                        s.string(f"staff_session {name}", getattr(client, "staff_session", None))
            mykey_ids = [*backend.info["residents"].values(), "KBY7WQ3M"]
            for mykey_id in filter(None, mykey_ids):
                s.string(f"MyKey ID {mykey_id}", mykey_id)
            for i, voucher in enumerate(codes):
                s.string(f"voucher code {i}", voucher)
    finally:
        teardown_logging()
    files = sorted(log_file.parent.glob("kiosk.log*"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in files)
    entries = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert len(entries) > 200 and {"DEBUG", "INFO"} <= {e["level"] for e in entries}  # the log is real
    assert any("/v1/" in e["event"] for e in entries)  # the HTTP traffic was logged (httpx at DEBUG)
    assert len(s.strings) > 20 and len(s.certificates) >= 6
    planted = secrets_mod.scan([("probe", f"pin {JPKI_PIN} {mykey_ids[0]}")], s)
    assert len(planted) == 2, planted  # the scanner would see them
    found = secrets_mod.scan([(p.name, p.read_text(encoding="utf-8")) for p in files], s)
    assert found == [], "\n".join(found[:20])
    print(f"{len(entries)} log lines in {len(files)} files scanned")
