"""`kiosk card ...` on the simulated backend."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.demo import DemoPKI


def test_info_json_without_pin(pki: DemoPKI, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["card", "info", "--backend", "simulated", "--pki-dir", str(pki.directory), "--resident", "ito", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["token_label"] == "JPKIAPICCTOKEN2"
    assert out["user_auth_certificate"]["serial"] == format(pki.resident("ito").cert_serial or 0, "X")
    assert out["jpki_pin_tries_left"] == 3 and out["text_pin_tries_left"] == 3
    assert "pin_check" not in out


def test_verify_pin_from_stdin(pki: DemoPKI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    args = ["card", "info", "--backend", "simulated", "--pki-dir", str(pki.directory), "--verify-pin", "--pin-stdin"]
    assert main(args) == 0
    out = capsys.readouterr()
    assert "signature verified" in out.out and "1234" not in out.out + out.err


def test_wrong_and_blocked_pin_exit_codes(pki: DemoPKI, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    base = ["card", "info", "--backend", "simulated", "--pki-dir", str(pki.directory), "--verify-pin", "--pin-stdin"]
    assert main(base) == 3
    assert "残り2回" in capsys.readouterr().err
    assert main([*base, "--resident", "tanaka"]) == 3
    assert "ロック" in capsys.readouterr().err


def test_pin_is_never_an_argument(pki: DemoPKI) -> None:
    with pytest.raises(SystemExit):
        main(["card", "info", "--backend", "simulated", "--pin", "1234"])


def test_readers_and_watch(pki: DemoPKI, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["card", "readers", "--backend", "simulated", "--pki-dir", str(pki.directory), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [{"name": "Simulated Reader 0", "card_present": True}]
    assert main(["card", "watch", "--backend", "simulated", "--pki-dir", str(pki.directory), "--duration", "0.5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("ReaderAdded") and lines[1].startswith("CardInserted")
