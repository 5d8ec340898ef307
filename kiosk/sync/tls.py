"""TLS to the points cloud: the operating system's trust store, an optional extra CA file, optional pinning.

* Trust: `truststore` when it is installed (Windows / macOS certificate stores, Linux system bundle), else
  `ssl.create_default_context()` (OpenSSL's default paths: the distribution's CA bundle on Linux, the Windows
  store through `load_default_certs`). `cloud_ca_file` (setting) or $KIOSK_CLOUD_CA adds a municipality's own CA.
* Pinning (optional): `cloud_tls_pins` (setting) or $KIOSK_CLOUD_PINS, a comma-separated list of SHA-256 digests of
  the cloud's leaf certificate or of its public key (SubjectPublicKeyInfo), as hex or as "sha256/<base64>". When
  pins are set, the TLS handshake is checked right after it completes, before a byte of a request (the token) is
  sent; a certificate that matches none is refused with `cloud_certificate_pin_mismatch`. Pin two keys (the
  current and the next one) before rotating the server's certificate.

The policy is set once at start-up (`configure`, from the terminal's settings) and read by every CloudTransport.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import re
import ssl
from dataclasses import dataclass
from typing import Any

from kiosk.sync.errors import CloudUnavailable


class CloudTlsRefused(CloudUnavailable):
    """The cloud's certificate was not accepted; nothing was sent. The terminal stays offline until it is fixed."""

    code = "cloud_certificate_untrusted"
    message = ("The points cloud's certificate is not trusted by this computer, so the terminal did not connect. "
               "Ask the municipality's IT to check the cloud address and its certificate.")
    message_ja = ("ポイントクラウドの証明書をこのコンピューターが信頼できないため、接続しませんでした。"
                  "クラウドのアドレスと証明書の確認を市区町村の情報システム担当に依頼してください。")


class CloudPinMismatch(CloudTlsRefused):
    code = "cloud_certificate_pin_mismatch"
    message = ("The points cloud presented a certificate that does not match the one this terminal is set to "
               "expect (certificate pinning), so the terminal did not connect. Ask the municipality's IT: the "
               "cloud's certificate may have changed, or the connection is being intercepted.")
    message_ja = ("ポイントクラウドの証明書が、この端末に設定された証明書（証明書ピン留め）と一致しないため、"
                  "接続しませんでした。市区町村の情報システム担当に連絡してください（証明書の更新、"
                  "または通信の傍受の可能性があります）。")


@dataclass(frozen=True)
class TlsPolicy:
    pins: frozenset[bytes] = frozenset()  # SHA-256 digests (certificate or SPKI)
    ca_file: str = ""


_policy = TlsPolicy()


def parse_pins(text: str) -> frozenset[bytes]:
    """'sha256/<base64>' or 64 hex digits (colons allowed), separated by commas or blanks."""
    pins: set[bytes] = set()
    for item in re.split(r"[,\s]+", text.strip()):
        if not item:
            continue
        value = item.removeprefix("sha256/").removeprefix("sha256:")
        hexed = value.replace(":", "")
        if re.fullmatch(r"[0-9A-Fa-f]{64}", hexed):
            pins.add(bytes.fromhex(hexed))
            continue
        try:
            raw = base64.b64decode(value + "=" * (-len(value) % 4), validate=True)
        except ValueError:
            raw = b""
        if len(raw) != 32:
            raise ValueError(f"not a SHA-256 pin: {item[:12]}…")
        pins.add(raw)
    return frozenset(pins)


def configure(pins: str = "", ca_file: str = "") -> TlsPolicy:
    """Set the policy for every CloudTransport made from now on (settings first, then the environment)."""
    global _policy
    _policy = TlsPolicy(parse_pins(pins or os.environ.get("KIOSK_CLOUD_PINS", "")),
                        ca_file or os.environ.get("KIOSK_CLOUD_CA", ""))
    logging.getLogger(__name__).info("cloud TLS policy", extra={"fields": {
        "expected_digests": len(_policy.pins), "extra_ca_file": _policy.ca_file or None}})
    return _policy


def policy() -> TlsPolicy:
    if not _policy.pins and not _policy.ca_file and (os.environ.get("KIOSK_CLOUD_PINS") or
                                                     os.environ.get("KIOSK_CLOUD_CA")):
        return configure()
    return _policy


def certificate_digests(der: bytes) -> set[bytes]:
    """SHA-256 of the certificate and of its SubjectPublicKeyInfo."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    spki = x509.load_der_x509_certificate(der).public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return {hashlib.sha256(der).digest(), hashlib.sha256(spki).digest()}


def pin_of(der: bytes, kind: str = "spki") -> str:
    """The 'sha256/<base64>' pin of a certificate (kind 'spki' or 'cert'), for the settings."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if kind == "cert":
        data = der
    else:
        data = x509.load_der_x509_certificate(der).public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return "sha256/" + base64.b64encode(hashlib.sha256(data).digest()).decode()


class _PinnedSocket(ssl.SSLSocket):
    """Checks the pin as soon as the handshake is done (wrap_socket runs it), before anything is sent."""

    def do_handshake(self, block: bool = False) -> None:
        super().do_handshake(block)
        pins: frozenset[bytes] = getattr(self.context, "kiosk_pins", frozenset())
        if not pins:
            return
        der = self.getpeercert(binary_form=True)
        if not der or not (certificate_digests(der) & pins):
            self.close()
            raise ssl.SSLCertVerificationError(f"{CloudPinMismatch.code}: certificate pin mismatch")


def ssl_context(current: TlsPolicy | None = None) -> ssl.SSLContext:
    """A client context: system trust (truststore if installed), the extra CA file, hostname check, TLS 1.2+."""
    current = current or policy()
    context: Any
    try:
        import truststore

        context = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except ImportError:
        context = ssl.create_default_context()
    if current.ca_file:
        context.load_verify_locations(cafile=current.ca_file)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    if current.pins:
        if not isinstance(context, ssl.SSLContext) or type(context).__module__.startswith("truststore"):
            context = ssl.create_default_context(cafile=current.ca_file or None)  # pins need the plain context
            context.minimum_version = ssl.TLSVersion.TLSv1_2
        context.sslsocket_class = _PinnedSocket
        context.kiosk_pins = current.pins
    return context  # type: ignore[no-any-return]


def refusal(exc: BaseException) -> CloudTlsRefused | None:
    """The TLS refusal behind an httpx error, if that is what it was (pin mismatch or an untrusted chain)."""
    seen: BaseException | None = exc
    while seen is not None:
        text = str(seen)
        if CloudPinMismatch.code in text:
            return CloudPinMismatch(text)
        if isinstance(seen, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in text:
            return CloudTlsRefused(text)
        seen = seen.__cause__ or seen.__context__
    return None
