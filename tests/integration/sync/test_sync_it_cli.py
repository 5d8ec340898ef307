"""`kiosk sync ...` as support staff and scripts use it, against the real cloud."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sync_cloud import Cloud
from sync_cloudproc import CloudProcess

from kiosk.cli import main
from kiosk.config import Config
from kiosk.sync.terminal import open_terminal


def _kiosk(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["sync", "--data-dir", str(data_dir), "--demo", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_status_run_dead_letters_and_resolve(cloud: Cloud, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = cloud.new_terminal("counter", "cli-1")
    programme_id = cloud.programme("Volunteering points")["id"]
    with open_terminal(data_dir, demo=True) as t:
        cloud.clerk(t)  # the clerk logs in (issue 8): the queued grants carry the session
        good = [t.engine.outbox.enqueue("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01",
                                                  "points": 2}) for _ in range(3)]
        bad = t.engine.outbox.enqueue("attendance", {"programme_id": programme_id, "mykey_id": "YMDTRU01"})
    code, out, _ = _kiosk(capsys, data_dir, "status", "--json")
    status = json.loads(out)
    assert code == 0 and status["online"] is True and status["queue_length"] == 4
    assert status["queue_by_kind"] == {"grant": 3, "attendance": 1}
    assert status["credential_label"] and status["enrolled"] is True

    code, out, err = _kiosk(capsys, data_dir, "run", "--json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and "remaining 0" in err
    assert [(r["key"], r["status"]) for r in lines] == [(k, "applied") for k in good] + [(bad, "rejected")]
    assert lines[-1]["message_ja"]

    code, out, _ = _kiosk(capsys, data_dir, "status")
    assert "online / オンライン" in out and "dead letters: 1" in out and "lists age:" in out
    assert "voucher_key=1" in out  # the run pulled the reference lists

    code, out, _ = _kiosk(capsys, data_dir, "dead-letters", "--json")
    [letter] = json.loads(out)
    assert letter["key"] == bad and letter["kind"] == "attendance"
    code, out, _ = _kiosk(capsys, data_dir, "resolve", bad, "--discard", "--by", "support-1", "--note", "not booked")
    assert code == 0 and "discarded" in out
    code, out, _ = _kiosk(capsys, data_dir, "dead-letters")
    assert "no dead letters" in out
    code, out, _ = _kiosk(capsys, data_dir, "conflicts")
    assert code == 0 and "no conflicts" in out


def test_run_reports_an_unreachable_cloud(cloud: Cloud, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = cloud.new_terminal("counter", "cli-2")
    with open_terminal(data_dir, demo=True) as t:
        cloud.clerk(t)
        t.engine.outbox.enqueue("grant", {"programme_id": 1, "mykey_id": "YMDTRU01", "points": 1})
    cloud.process.stop()
    code, out, err = _kiosk(capsys, data_dir, "run")
    assert code == 2 and "remaining 1" in err and out == ""
    code, out, _ = _kiosk(capsys, data_dir, "status", "--json")
    status = json.loads(out)
    assert status["online"] is False and status["queue_length"] == 1 and status["last_error"]


def test_cloud_address_from_the_option_or_the_settings(cloud: Cloud, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo's embedded cloud (and a moved server) listens elsewhere than at enrolment."""
    data_dir = cloud.new_terminal("counter", "cli-3")
    programme_id = cloud.programme("Volunteering points")["id"]
    with open_terminal(data_dir, demo=True) as t:
        cloud.clerk(t)
        for _ in range(2):
            t.engine.outbox.enqueue("grant", {"programme_id": programme_id, "mykey_id": "YMDTRU01", "points": 1})
    cloud.process.stop()
    moved = CloudProcess(cloud.process.db_path)  # same database, new port
    moved.start()
    try:
        code, _, err = _kiosk(capsys, data_dir, "run", "--max", "1")
        assert code == 2 and "remaining 2" in err
        code, out, err = _kiosk(capsys, data_dir, "--cloud-url", moved.url, "run", "--max", "1", "--no-pull")
        assert code == 0 and "remaining 1" in err and "applied" in out
        Config(data_dir / "settings.json", cloud_url=moved.url).save()
        code, out, err = _kiosk(capsys, data_dir, "run")
        assert code == 0 and "remaining 0" in err
    finally:
        moved.stop()


def test_enrol_from_the_command_line(cloud: Cloud, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = cloud.admin.create_enrolment_code("store", "cli-shop", cloud.info.shops[0]["id"])["code"]
    # no usable OS keyring here (tests use keyring's null backend): refused, and the code is not spent
    rc = main(["sync", "--data-dir", str(tmp_path / "a"), "enrol", "--cloud-url", cloud.url, "--code", code,
               "--name", "cli-shop"])
    _, err = capsys.readouterr()
    assert rc == 1 and "キーリング" in err and "keyring" in err
    rc = main(["sync", "--data-dir", str(tmp_path / "b"), "--demo", "enrol", "--cloud-url", cloud.url,
               "--code", code, "--name", "cli-shop"])
    out, _ = capsys.readouterr()
    assert rc == 0 and "(store)" in out and "デモモード" in out
    rc, out, _ = _kiosk(capsys, tmp_path / "b", "status", "--json")
    assert json.loads(out)["enrolled"] is True and json.loads(out)["online"] is True
