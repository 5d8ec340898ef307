"""Real processes for the deployment tests: `kiosk-cloud serve` nodes, HAProxy with the configuration of
deploy/haproxy_config.py, a TLS certificate for it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
CLI = [sys.executable, "-m", "kiosk_cloud.cli"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(url: str, proc: subprocess.Popen[bytes] | None, timeout: float = 60.0,
                 verify: object = True) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(url, timeout=2, verify=verify).status_code == 200:  # type: ignore[arg-type]
                return
        except httpx.HTTPError:
            pass
        if (proc is not None and proc.poll() is not None) or time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up")
        time.sleep(0.2)


@dataclass
class Node:
    port: int
    proc: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def kill9(self) -> None:
        """What a crashed machine or OOM kill does: SIGKILL to the node's whole process group, no clean-up."""
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)


def start_node(database_url: str, workdir: Path, *, port: int | None = None, workers: int = 1,
               pool_size: int = 5, env: dict[str, str] | None = None) -> Node:
    port = port or free_port()
    log = workdir / f"node-{port}.log"
    out = log.open("ab")
    proc = subprocess.Popen([*CLI, "serve", "--database-url", database_url, "--port", str(port),
                             "--workers", str(workers), "--pool-size", str(pool_size)],
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT,
                            env={**os.environ, **(env or {})})
    node = Node(port, proc, log)
    try:
        wait_healthy(node.url + "/v1/health", proc)
    except RuntimeError:
        node.stop()
        raise RuntimeError(f"node did not start: {log.read_text()[-2000:]}") from None
    return node


def tls_files(directory: Path) -> tuple[Path, Path]:
    """A throwaway CA and a server certificate for 127.0.0.1 / localhost: (HAProxy's PEM: chain + key, CA PEM)."""
    now = dt.datetime.now(dt.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kiosk-cloud test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
          .not_valid_after(now + dt.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    import ipaddress

    cert = (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    pem = directory / "haproxy.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    pem.chmod(0o600)
    ca_pem = directory / "ca.pem"
    ca_pem.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    return pem, ca_pem


@dataclass
class Balancer:
    port: int
    proc: subprocess.Popen[bytes]
    stats_socket: Path
    config: Path
    log: Path
    tls: bool = field(default=True)

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def stats(self) -> dict[str, dict[str, str]]:
        """`show stat` of the node backend, by server name (status, stot = sessions, hrsp_2xx, hrsp_5xx ...)."""
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(str(self.stats_socket))
            s.sendall(b"show stat\n")
            raw = b""
            while chunk := s.recv(65536):
                raw += chunk
        lines = raw.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        rows = [dict(zip(header, line.split(","), strict=False)) for line in lines[1:] if line]
        return {r["svname"]: r for r in rows if r["pxname"] == "kiosk_cloud_nodes"}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def start_haproxy(nodes: list[int], workdir: Path, *, tls: bool = True) -> Balancer:
    """HAProxy in the foreground with the configuration deploy/haproxy_config.py writes (TLS with a test CA)."""
    binary = shutil.which("haproxy") or ("/usr/sbin/haproxy" if Path("/usr/sbin/haproxy").exists() else None)
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("haproxy is required under CI (./dev installs it)")
        pytest.skip("haproxy is not installed (./dev installs it)")
    port = free_port()
    pem = tls_files(workdir)[0] if tls else None
    stats = workdir / "haproxy.sock"
    args = [sys.executable, str(DEPLOY / "haproxy_config.py"), "--listen", f"127.0.0.1:{port}",
            "--log", "stdout format raw local0", "--stats-socket", str(stats), "--check-interval-ms", "500",
            "--maxconn", "1000"]
    args += [f"--node=127.0.0.1:{p}" for p in nodes]
    if pem is not None:
        args += ["--tls", str(pem)]
    config = workdir / "haproxy.cfg"
    config.write_text(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
    subprocess.run([binary, "-c", "-q", "-f", str(config)], check=True)
    log = workdir / "haproxy.log"
    proc = subprocess.Popen([binary, "-db", "-f", str(config)], stdout=log.open("ab"), stderr=subprocess.STDOUT)
    balancer = Balancer(port, proc, stats, config, log, tls)
    verify = ssl.create_default_context(cafile=str(workdir / "ca.pem")) if tls else True
    try:
        wait_healthy(balancer.url + "/v1/health", proc, timeout=30, verify=verify)
    except RuntimeError:
        balancer.stop()
        raise RuntimeError(f"haproxy did not come up: {log.read_text()[-2000:]}") from None
    return balancer
