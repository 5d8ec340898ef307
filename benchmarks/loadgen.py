"""Drive an HTTP endpoint with wrk (C, from Debian's packages) and read its figures.

The load generator must not be the bottleneck on a 2-core machine, so it is wrk with a small Lua script
(pay.lua), not Python.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass
class Figures:
    connections: int
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    prefix = [] if os.geteuid() == 0 else ["sudo"]
    subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "wrk"], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    return shutil.which("wrk") or sys.exit("wrk could not be installed")


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if not match:
        raise ValueError(f"unexpected wrk duration {text!r}")
    return float(match.group(1)) * _UNITS[match.group(2)]


def parse_wrk(output: str, connections: int) -> Figures:
    percentiles = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    total = re.search(r"(\d+) requests in", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not ("50" in percentiles and "99" in percentiles and total and rate):
        raise RuntimeError(f"could not read wrk output:\n{output}")
    return Figures(
        connections=connections,
        requests_per_s=float(rate.group(1)),
        p50_ms=_ms(percentiles["50"]),
        p99_ms=_ms(percentiles["99"]),
        requests=int(total.group(1)),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(x) for x in errors.groups()) if errors else 0,
    )


def run_wrk(base_url: str, path: str, ids: list[str], connections: int, seconds: int,
            auth: str | None = None, extra_json: str = "") -> Figures:
    env = {**os.environ, "WRK_PATH": path, "WRK_IDS": ",".join(ids), "WRK_EXTRA": extra_json}
    if auth:
        env["WRK_AUTH"] = auth
    threads = min(2, connections)
    cmd = [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
           "-s", str(HERE / "pay.lua"), base_url]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return parse_wrk(out, connections)


def run_wrk_bodies(base_url: str, path: str, bodies_file: Path, connections: int, seconds: int,
                   auth: str | None = None) -> Figures:
    """wrk over pre-made request bodies (pay_bodies.lua): one line of `bodies_file` per request."""
    threads = min(2, connections)
    env = {**os.environ, "WRK_PATH": path, "WRK_BODIES": str(bodies_file), "WRK_THREADS": str(threads)}
    if auth:
        env["WRK_AUTH"] = auth
    cmd = [ensure_wrk(), f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
           "-s", str(HERE / "pay_bodies.lua"), base_url]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return parse_wrk(out, connections)


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not become healthy")
