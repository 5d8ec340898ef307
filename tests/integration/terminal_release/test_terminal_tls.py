"""TLS to the cloud (kiosk/sync/tls.py) against a real local HTTPS server with a generated CA: accepted with the
right pin (SPKI or certificate, base64 or hex), refused with a wrong pin before any request is sent, refused for a
CA the terminal does not trust; the refusals carry a code and a message in English and Japanese."""

from __future__ import annotations

import datetime as dt
import hashlib
import http.server
import ipaddress
import json
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from kiosk.services.errors import translate_error
from kiosk.sync import tls
from kiosk.sync.errors import CloudUnavailable
from kiosk.sync.http import CloudTransport


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _ca(cn: str) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(cn)).issuer_name(_name(cn)).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                         content_commitment=False, key_encipherment=False, data_encipherment=False,
                                         key_agreement=False, encipher_only=False, decipher_only=False),
                           critical=True)
            .sign(key, hashes.SHA256()))
    return key, cert


def _leaf(ca_key: ec.EllipticCurvePrivateKey, ca: x509.Certificate) -> tuple[ec.EllipticCurvePrivateKey,
                                                                              x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name("localhost")).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    return key, cert


def _pem(path: Path, *items: bytes) -> Path:
    path.write_bytes(b"".join(items))
    return path


class Server:
    def __init__(self, tmp: Path) -> None:
        ca_key, self.ca = _ca("Test Municipality Cloud CA")
        key, self.cert = _leaf(ca_key, self.ca)
        self.ca_file = _pem(tmp / "ca.pem", self.ca.public_bytes(serialization.Encoding.PEM))
        _other_key, other = _ca("Some Other CA")
        self.other_ca_file = _pem(tmp / "other.pem", other.public_bytes(serialization.Encoding.PEM))
        chain = _pem(tmp / "server.pem", self.cert.public_bytes(serialization.Encoding.PEM))
        key_file = _pem(tmp / "server.key", key.private_bytes(serialization.Encoding.PEM,
                                                              serialization.PrivateFormat.PKCS8,
                                                              serialization.NoEncryption()))
        self.requests: list[tuple[str, str | None]] = []
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.requests.append((self.path, self.headers.get("Authorization")))
                body = json.dumps({"status": "ok"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(chain, key_file)
        self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.url = f"https://localhost:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    monkeypatch.delenv("KIOSK_CLOUD_PINS", raising=False)
    monkeypatch.delenv("KIOSK_CLOUD_CA", raising=False)
    s = Server(tmp_path)
    yield s
    s.stop()
    tls.configure("", "")


def _get(server: Server) -> object:
    transport = CloudTransport(server.url, "secret-terminal-token")
    try:
        return transport.request("GET", "/v1/health", auth=True)
    finally:
        transport.close()


def test_trusted_ca_is_accepted(server: Server) -> None:
    tls.configure(ca_file=str(server.ca_file))
    assert _get(server) == {"status": "ok"}
    assert server.requests == [("/v1/health", "Bearer secret-terminal-token")]


@pytest.mark.parametrize("kind", ["spki-base64", "cert-base64", "spki-hex", "cert-hex-colons", "two-pins"])
def test_right_pin_is_accepted(server: Server, kind: str) -> None:
    der = server.der()
    spki = server.cert.public_key().public_bytes(serialization.Encoding.DER,
                                                 serialization.PublicFormat.SubjectPublicKeyInfo)
    pin = {"spki-base64": tls.pin_of(der), "cert-base64": tls.pin_of(der, "cert"),
           "spki-hex": hashlib.sha256(spki).hexdigest(),
           "cert-hex-colons": ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest()),
           "two-pins": "sha256/" + "A" * 43 + "=, " + tls.pin_of(der)}[kind]
    tls.configure(pins=pin, ca_file=str(server.ca_file))
    assert _get(server) == {"status": "ok"}


def test_wrong_pin_is_refused_before_anything_is_sent(server: Server) -> None:
    other_spki = ec.generate_private_key(ec.SECP256R1()).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    tls.configure(pins=hashlib.sha256(other_spki).hexdigest(), ca_file=str(server.ca_file))
    with pytest.raises(tls.CloudPinMismatch) as refused:
        _get(server)
    assert isinstance(refused.value, CloudUnavailable)  # the terminal stays offline, its outbox kept
    assert server.requests == []  # no request, no token left this terminal
    error = translate_error(refused.value)
    assert error.code == "cloud_certificate_pin_mismatch"
    assert "certificate pinning" in error.detail and "証明書ピン留め" in error.message_ja


def test_untrusted_ca_is_refused(server: Server) -> None:
    tls.configure(ca_file=str(server.other_ca_file))  # the system store and an unrelated CA: not the cloud's
    with pytest.raises(tls.CloudTlsRefused) as refused:
        _get(server)
    assert not isinstance(refused.value, tls.CloudPinMismatch)
    assert server.requests == []
    error = translate_error(refused.value)
    assert error.code == "cloud_certificate_untrusted"
    assert "not trusted" in error.detail and "信頼できない" in error.message_ja


def test_right_pin_does_not_replace_trust(server: Server) -> None:
    """A pin narrows what is trusted; it does not make an unknown CA trusted."""
    tls.configure(pins=tls.pin_of(server.der()))
    with pytest.raises(tls.CloudTlsRefused):
        _get(server)
    assert server.requests == []


def test_pins_from_the_environment(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_CLOUD_CA", str(server.ca_file))
    monkeypatch.setenv("KIOSK_CLOUD_PINS", "00" * 32)
    tls.configure()
    with pytest.raises(tls.CloudPinMismatch):
        _get(server)


def test_bad_pin_text_is_refused() -> None:
    with pytest.raises(ValueError, match="not a SHA-256 pin"):
        tls.parse_pins("sha256/short")
