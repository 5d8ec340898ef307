"""The systemd units of deploy/systemd pass `systemd-analyze verify` and start what they say; a node with several
workers reports the metrics of all of them (prometheus_client's multiprocess mode, as the unit sets it up)."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from kiosk_cloud.cli import build_parser

from .procs import DEPLOY, ROOT, start_node

UNITS = sorted((DEPLOY / "systemd").iterdir())
VENV_BIN = Path(sys.executable).parent


def _installed(unit: Path, into: Path) -> Path:
    """The unit as installed from this checkout: /opt/kiosk-cloud/venv → this virtualenv, /opt/kiosk-cloud/deploy →
    deploy/ here."""
    text = unit.read_text().replace("/opt/kiosk-cloud/venv/bin/python", sys.executable)
    text = text.replace("/opt/kiosk-cloud/venv/bin/", f"{VENV_BIN}/").replace("/opt/kiosk-cloud/deploy", str(DEPLOY))
    out = into / unit.name
    out.write_text(text)
    return out


@pytest.mark.parametrize("unit", UNITS, ids=[u.name for u in UNITS])
def test_unit_verifies(unit: Path, tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze not installed")
    for other in UNITS:  # the units it needs (the migration before a node, a timer's service) beside it
        _installed(other, tmp_path)
    installed = tmp_path / unit.name
    done = subprocess.run(["systemd-analyze", "verify", "--man=no", str(installed)], capture_output=True, text=True,
                          env={"SYSTEMD_LOG_LEVEL": "notice", "PATH": "/usr/bin:/bin",
                               "SYSTEMD_UNIT_PATH": f"{tmp_path}:"}, timeout=60)
    problems = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    assert done.returncode == 0 and problems == [], problems


def _exec_start(unit: str) -> list[str]:
    text = (DEPLOY / "systemd" / unit).read_text()
    line = next(x for x in text.splitlines() if x.startswith("ExecStart="))
    return shlex.split(line.removeprefix("ExecStart="))


def test_node_unit_runs_kiosk_cloud_serve_with_arguments_it_accepts() -> None:
    text = (DEPLOY / "systemd" / "kiosk-cloud@.service").read_text()
    line = next(x for x in text.splitlines() if x.startswith("Environment=KIOSK_CLOUD_BIND"))
    defaults = dict(re.findall(r"(\w+)=(\S+)", line.removeprefix("Environment=")))
    argv = [re.sub(r"\$\{(\w+)\}", lambda m: defaults[m.group(1)], a).replace("%i", "8701")
            for a in _exec_start("kiosk-cloud@.service")]
    assert argv[0] == "/opt/kiosk-cloud/venv/bin/kiosk-cloud"
    args = build_parser().parse_args(argv[1:])
    assert (args.command, args.host, args.port, args.workers) == ("serve", "127.0.0.1", 8701, 2)
    assert "PROMETHEUS_MULTIPROC_DIR=/run/kiosk-cloud-%i" in text and "RuntimeDirectory=kiosk-cloud-%i" in text
    migrate = _exec_start("kiosk-cloud-migrate.service")
    assert build_parser().parse_args(migrate[1:]).command == "migrate"
    for unit, script in (("kiosk-cloud-backup.service", "backup.py"),
                         ("kiosk-cloud-restore-drill.service", "restore_drill.py")):
        argv = _exec_start(unit)
        path = Path(argv[1].replace("/opt/kiosk-cloud/deploy", str(DEPLOY)))
        assert path.name == script and path.exists()
        helped = subprocess.run([sys.executable, str(path), "--help"], capture_output=True, text=True, cwd=ROOT)
        assert helped.returncode == 0
        assert all(a.split("=")[0] in helped.stdout for a in argv[2:] if a.startswith("--")), (unit, argv)


def test_a_node_with_two_workers_reports_the_metrics_of_both(demo_url: str, tmp_path: Path) -> None:
    metrics_dir = tmp_path / "metrics"
    metrics_dir.mkdir()
    (metrics_dir / "counter_12345.db").write_bytes(b"stale from the last run")  # emptied at start
    node = start_node(demo_url, tmp_path, workers=2, env={"PROMETHEUS_MULTIPROC_DIR": str(metrics_dir)})
    try:
        for _ in range(30):  # a new connection each: the workers share the listening socket
            assert httpx.get(node.url + "/v1/health").status_code == 200
        for _ in range(8):  # new connections: answered by either worker, each scrape sums both
            text = httpx.get(node.url + "/metrics").text
            match = re.search(r'kiosk_http_requests_total\{method="GET",route="/v1/health",status="200"\} (\S+)',
                              text)
            assert match is not None and float(match.group(1)) >= 30
        pids = {p.name.split("_")[-1] for p in metrics_dir.glob("*.db")}
        assert len(pids) >= 2, pids  # both workers wrote their share
        assert not (metrics_dir / "counter_12345.db").exists()
    finally:
        node.stop()


@pytest.fixture
def demo_url(tmp_path: Path, pki_dir: Path) -> str:
    from kiosk_cloud.demo import init_demo

    return init_demo(f"sqlite:///{tmp_path}/cloud.sqlite3", pki_dir).database_url


@pytest.mark.postgres
def test_nodes_starting_together_on_an_empty_database_take_turns_to_migrate(pg_server: str) -> None:
    """`kiosk-cloud migrate` (and `serve`, which upgrades first) on several machines at once: an advisory lock makes
    them take turns; every one ends at head and exits 0."""
    from cloud.pg import fresh_database

    url = fresh_database(pg_server)
    procs = [subprocess.Popen([sys.executable, "-m", "kiosk_cloud.cli", "migrate", "--database-url", url],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=ROOT) for _ in range(3)]
    outputs = [p.communicate(timeout=300)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    import psycopg

    from kiosk_cloud.api.health import expected_heads

    with psycopg.connect(url) as conn:
        current = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    assert current == list(expected_heads(url))
