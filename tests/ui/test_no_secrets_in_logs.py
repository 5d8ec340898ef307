"""A typed PIN never appears in any log of the counter's end-to-end flows (pytest-qt, the real window, the simulated
card, the embedded cloud, the real sync engine): every log record of every logger at DEBUG, and everything written
to stdout/stderr, is scanned for the PINs typed (distinctive ones set on the sample cards — JPKI 4071, card text 8352,
a wrong 9306 typed first — and the demo's 1234/5678 where they are typed), the certificates, the terminal's token,
the clerk's session and password and the residents' auth tokens (scanner: tests/integration/sync/sync_secrets.py).
The cloud subprocess's own logs (access log, DEBUG) are scanned in tests/integration/sync/test_sync_it_no_secrets.py.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import TIMEOUT, identify, login, open_task, place, result_shown, type_pin

from kiosk.services.demo_backend import DemoBackend
from kiosk.sync.client import CloudClient

WRONG_PIN = "9306"
VOLUNTEER = "ボランティアポイント"
FOR_EVERYONE = "市民応援ポイント（全員）"


def _scanner() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "integration" / "sync" / "sync_secrets.py"
    spec = importlib.util.spec_from_file_location("kiosk_tests_sync_secrets", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


secrets_mod = _scanner()


@pytest.fixture(params=[("4071", "8352"), ("1234", "5678")], ids=["distinctive-pins", "demo-pins"])
def pins(request: pytest.FixtureRequest) -> tuple[str, str]:
    return tuple(request.param)  # type: ignore[return-value]


@pytest.fixture
def backend(demo_template: Path, tmp_path: Path, pins: tuple[str, str]) -> Iterator[DemoBackend]:
    """The UI tests' backend on a copy of the demo whose sample cards have `pins` (JPKI, card text)."""
    data = tmp_path / "demo"
    shutil.copytree(demo_template, data)
    info_path = data / "demo-info.json"
    info = json.loads(info_path.read_text(encoding="utf-8"))
    pki_dir = data / Path(info["pki_dir"]).relative_to(demo_template)
    info["pki_dir"] = str(pki_dir)
    info_path.write_text(json.dumps(info, ensure_ascii=False), encoding="utf-8")
    manifest = json.loads((pki_dir / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["residents"]:
        entry["jpki_pin"], entry["text_pin"] = pins
    (pki_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    started = DemoBackend.start(data, wait_s=3.0, probe_interval=0.5)
    assert all(r.jpki_pin == pins[0] for r in started.residents)
    yield started
    started.stop()


@pytest.fixture
def auth_tokens(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The residents' auth tokens the cloud hands out during the test (to look for them in the logs)."""
    seen: list[str] = []
    original = CloudClient.auth_verify

    def recording(self: CloudClient, challenge_id: str, certificate_der: bytes, signature: bytes) -> Any:
        answer = original(self, challenge_id, certificate_der, signature)
        seen.append(str(answer.get("auth_token") or ""))
        return answer

    monkeypatch.setattr(CloudClient, "auth_verify", recording)
    return seen


def _scan_everything(backend: DemoBackend, logs: Any, capfd: pytest.CaptureFixture[str], pins: tuple[str, str],
                     tokens: list[str]) -> None:
    s = secrets_mod.Secrets().pin(*pins, WRONG_PIN)
    for resident in backend.residents:
        s.certificate(resident.key, resident.cert_der)
    _code, password = backend.staff_login()
    s.string("staff password", password)
    client = backend.runtime.client
    s.string("terminal token", client.http.token)
    s.string("staff_session counter", client.staff_session)
    for i, token in enumerate(tokens):
        s.string(f"resident auth token {i}", token)
    assert tokens, "no resident authenticated: the flow did not run"
    out, err = capfd.readouterr()
    records = logs.text
    assert "kiosk" in records and "DEBUG" in records, records[:300]  # the capture is real
    planted = secrets_mod.scan([("probe", f"pin {pins[0]} token {tokens[0]}")], s)
    assert len(planted) == 2, planted
    found = secrets_mod.scan([("log records", records), ("stdout", out), ("stderr", err)], s)
    assert found == [], "\n".join(found[:20])
    print(f"scanned records {len(records)}, stdout {len(out)}, stderr {len(err)} characters")


def test_counter_flows_log_no_pin(qtbot, window, backend, pins, auth_tokens, capfd):  # type: ignore[no-untyped-def]
    jpki_pin, text_pin = pins
    with secrets_mod.all_logs_at_debug() as logs:
        # the clerk logs in (password typed), a MyKey ID is looked up with the card: a wrong PIN, then the right one
        login(qtbot, window, backend)
        screen = open_task(qtbot, window, "create_mykey")
        identify(qtbot, window, backend, screen, "takahashi", pin=WRONG_PIN)
        pad = screen.identify.pinpad
        qtbot.waitUntil(lambda: pad.tries_left() == 2 and pad.isVisible(), timeout=TIMEOUT)
        type_pin(qtbot, pad, jpki_pin)
        qtbot.waitUntil(lambda: result_shown(screen), timeout=TIMEOUT)
        assert screen.existing_id == "TKHKEN03"
        backend.reader.remove()
        qtbot.waitUntil(lambda: not window.session.card_present, timeout=TIMEOUT)
        # a grant to a tapped card (JPKI PIN on the pad)
        window.go("counter_home")
        qtbot.waitUntil(lambda: window.current().name == "counter_home", timeout=TIMEOUT)
        grant = open_task(qtbot, window, "grant")
        qtbot.waitUntil(lambda: grant.programme_list.count() > 0, timeout=TIMEOUT)
        grant.programme_list.setCurrentRow([p.name for p in grant._programmes].index(VOLUNTEER))
        qtbot.mouseClick(grant.start_button, Qt.MouseButton.LeftButton)
        grant.points.setValue(150)
        qtbot.waitUntil(grant.identify.card_prompt.isVisible, timeout=TIMEOUT)
        place(qtbot, window, backend, "yamada")
        qtbot.waitUntil(grant.identify.pinpad.isVisible, timeout=TIMEOUT)
        type_pin(qtbot, grant.identify.pinpad, jpki_pin)
        qtbot.waitUntil(lambda: "YMDTRU01" in grant.result_panel.text(), timeout=TIMEOUT)
        backend.reader.remove()
        qtbot.waitUntil(lambda: not window.session.card_present, timeout=TIMEOUT)
        # a measure application reading the card-text items (card-text PIN: a wrong one, then the right one)
        window.go("counter_home")
        qtbot.waitUntil(lambda: window.current().name == "counter_home", timeout=TIMEOUT)
        apply = open_task(qtbot, window, "measure_apply")
        identify(qtbot, window, backend, apply, "suzuki", pin=jpki_pin)
        qtbot.waitUntil(lambda: apply.stack.currentWidget() is apply.list_page and apply.measure_list.count() > 0,
                        timeout=TIMEOUT)
        apply.measure_list.setCurrentRow([v.measure.name for v in apply._measures].index(FOR_EVERYONE))
        qtbot.mouseClick(apply.choose_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: apply.text_pin.tries_left() == 3, timeout=TIMEOUT)
        apply.consent.click()
        qtbot.mouseClick(apply.consent_next, Qt.MouseButton.LeftButton)
        type_pin(qtbot, apply.text_pin, WRONG_PIN)
        qtbot.waitUntil(lambda: apply.text_pin.tries_left() == 2, timeout=TIMEOUT)
        type_pin(qtbot, apply.text_pin, text_pin)
        qtbot.waitUntil(lambda: apply.stack.currentWidget() is apply.payment_page, timeout=TIMEOUT)
        qtbot.mouseClick(apply.services.item(0), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(apply.to_summary, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(apply.submit_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: result_shown(apply), timeout=TIMEOUT)
        window.ctx.runner.wait_idle(5000)
        backend.runtime.engine.drain()
    _scan_everything(backend, logs, capfd, pins, auth_tokens)
