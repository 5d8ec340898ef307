"""kiosk/logs.py: JSON lines, rotation, and the redaction filter (by field name and by value pattern)."""

from __future__ import annotations

import base64
import json
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import redact_text, redact_value, setup_logging, short_mykey, teardown_logging

CERT = bytes(range(256)) * 3  # stands for a DER certificate


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = setup_logging(tmp_path, "DEBUG", stderr=False)
    yield path
    teardown_logging()


def lines(path: Path) -> list[dict]:
    logging.getLogger().handlers[-1].flush()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_one_json_object_per_event_with_fields(log_file: Path) -> None:
    logging.getLogger("kiosk.test").info("paid %d points", 300, extra={"fields": {"shop_id": 4, "outcome": "ok"}})
    entry = lines(log_file)[-1]
    assert entry["level"] == "INFO" and entry["logger"] == "kiosk.test" and entry["event"] == "paid 300 points"
    assert entry["fields"] == {"shop_id": 4, "outcome": "ok"}
    assert entry["time"].endswith("Z") and "T" in entry["time"]


def test_fields_redacted_by_name(log_file: Path) -> None:
    fields = {"pin": "4071", "jpki_pin": "4071", "password": "demo-pass", "token": "abc", "auth_token": "x",
              "staff_session": "12.secret", "signature": "c2ln", "certificate_der": CERT, "consent": {"pin": 1},
              "name": "山田 太郎", "address": "東京都府中市", "birth_date": "1980-01-01", "mykey_id": "YMDTRU01",
              "points": 300, "terminal_name": "デモ"}
    logging.getLogger("kiosk.test").debug("event", extra={"fields": fields})
    got = lines(log_file)[-1]["fields"]
    for name in ("pin", "jpki_pin", "password", "token", "auth_token", "staff_session", "signature", "certificate_der",
                 "consent", "name", "address", "birth_date"):
        assert got[name] == "[redacted]", name
    assert got["mykey_id"] == "YMD…" and got["points"] == 300
    assert got["terminal_name"] == "[ja]"  # not secret by name, but Japanese text is removed by value


def test_extra_attributes_are_fields_too(log_file: Path) -> None:
    logging.getLogger("kiosk.test").info("x", extra={"pin": "4071", "count": 2})
    assert lines(log_file)[-1]["fields"] == {"pin": "[redacted]", "count": 2}


@pytest.mark.parametrize(("text", "secret"), [
    ("verify PIN 4071 sent", "4071"),
    ("pin=4071", "4071"),
    ('{"pin": "4071"}', "4071"),
    ("APDU 00 20 00 80 04 34 30 37 31", "34 30 37 31"),
    ("APDU 0020008004" + "34303731", "34303731"),
    ("Authorization: Bearer tok_Zx81kq0Pw3nV9sLm2Yb", "tok_Zx81kq0Pw3nV9sLm2Yb"),
    ("cert " + base64.b64encode(CERT).decode(), base64.b64encode(CERT).decode()[100:140]),
    ("cert " + base64.urlsafe_b64encode(CERT).decode(), base64.urlsafe_b64encode(CERT).decode()[100:140]),
    ("cert " + CERT.hex(), CERT.hex()[100:140]),
    (f"cert {CERT[:40]!r}", repr(CERT[:40])[10:30]),
    ("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "MIIB"),
    ("resident 山田 太郎, 東京都府中市宮西町", "山田"),
    ("lookup YMDTRU01 done", "YMDTRU01"),
    ("GET /v1/mykey/TKHKEN03/services", "TKHKEN03"),
    ("voucher CBJ6NMVKN4IYQQSQY4TDHYRW5ZRM3KEC2VDOBSLDGOA3IGZ2FQ3UJ6VYAA", "CBJ6NMVKN4IYQQSQY4TDHYRW5ZRM3KEC"),
])
def test_values_redacted_by_pattern(log_file: Path, text: str, secret: str) -> None:
    logging.getLogger("kiosk.test").warning("saw %s", text)
    logging.getLogger("kiosk.test").info("field", extra={"fields": {"detail": text}})
    raw = log_file.read_text(encoding="utf-8")
    assert secret not in raw and secret not in json.dumps(lines(log_file), ensure_ascii=False)


def test_plain_words_numbers_and_paths_survive() -> None:
    for text in ("sync cycle: 3 sent, 0 failed in 0.12 s", "operation failed: insufficient_points",
                 "file /tmp/kiosk-data/terminal/store.db", "voucher 1234567890123 redeemed", "HTTP/1.1 200 OK",
                 "points cloud unreachable: ConnectError('[Errno 111] Connection refused')"):
        assert redact_text(text) == text


def test_exception_text_is_redacted(log_file: Path) -> None:
    try:
        raise ValueError("bad PIN 4071 for YMDTRU01")
    except ValueError:
        logging.getLogger("kiosk.test").exception("failed")
    entry = lines(log_file)[-1]
    assert "ValueError" in entry["exc"] and "4071" not in entry["exc"] and "YMDTRU01" not in entry["exc"]
    assert "test_exception_text_is_redacted" in entry["exc"]  # the frames stay


def test_rotation_keeps_backups(tmp_path: Path) -> None:
    path = setup_logging(tmp_path, "INFO", max_bytes=2000, backups=2, stderr=False)
    try:
        for i in range(200):
            logging.getLogger("kiosk.test").info("event %d", i)
    finally:
        teardown_logging()
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2"]
    assert all(os.path.getsize(path.parent / n) <= 2000 for n in names)


def test_level_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LOG_LEVEL", "WARNING")
    path = setup_logging(tmp_path, stderr=False)
    try:
        logging.getLogger("kiosk.test").info("not kept")
        logging.getLogger("kiosk.test").warning("kept")
    finally:
        teardown_logging()
    events = [json.loads(x)["event"] for x in path.read_text(encoding="utf-8").splitlines()]
    assert "kept" in events and "not kept" not in events


def test_short_mykey_and_values() -> None:
    assert short_mykey("YMDTRU01") == "YMD…"
    assert redact_value("payload", b"\x01\x02") == "[2 bytes]"
    assert redact_value("detail", {"token": "t", "n": [1, "YMDTRU01"]}) == {"token": "[redacted]", "n": [1, "YMD…"]}
