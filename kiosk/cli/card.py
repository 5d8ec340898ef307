"""`kiosk card ...`: readers, watch, info, emulate (the card helper's command line).

PINs are never taken as arguments: `--verify-pin` asks on the terminal without echo, or reads one line from
standard input with `--pin-stdin`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

PIN_EXIT = 3
ERROR_EXIT = 2


def default_pki_dir() -> Path:
    from kiosk.config import demo_data_dir

    base = demo_data_dir()
    for candidate in (base / "cloud" / "pki", base / "pki"):
        if (candidate / "manifest.json").exists():
            return candidate
    return base / "cloud" / "pki"


def _backend_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--backend", choices=("pcsc", "nfc", "simulated"), default=os.environ.get("KIOSK_CARD_BACKEND", "pcsc"))
    p.add_argument("--reader", default=None, help="reader name (default: the first reader with a card)")
    p.add_argument("--nfc-path", default="usb", help="nfcpy device path for --backend nfc (e.g. usb, udp:localhost:50000)")
    p.add_argument("--pki-dir", type=Path, default=None, help="demo PKI for --backend simulated")
    p.add_argument("--resident", default="yamada", help="sample card placed on the simulated reader")


def register(subparsers: Any) -> None:
    card = subparsers.add_parser("card", help="My Number Card readers and the software card")
    sub = card.add_subparsers(dest="card_command", required=True)

    readers = sub.add_parser("readers", help="list card readers")
    _backend_args(readers)
    readers.add_argument("--json", action="store_true")
    readers.set_defaults(func=cmd_readers)

    watch = sub.add_parser("watch", help="print reader and card events until interrupted")
    _backend_args(watch)
    watch.add_argument("--duration", type=float, default=None, help="stop after this many seconds")
    watch.set_defaults(func=cmd_watch)

    info = sub.add_parser("info", help="show the card's certificate and PIN tries left (no PIN needed)")
    _backend_args(info)
    info.add_argument("--json", action="store_true")
    info.add_argument("--verify-pin", action="store_true", help="ask for the user-auth PIN and sign a test challenge")
    info.add_argument("--pin-stdin", action="store_true", help="read the PIN from standard input (never an argument)")
    info.set_defaults(func=cmd_info)

    emulate = sub.add_parser("emulate", help="run the software card (sample resident) as a virtual card")
    mode = emulate.add_mutually_exclusive_group(required=True)
    mode.add_argument("--vpcd", action="store_true", help="as a vsmartcard-vpcd card for pcscd")
    mode.add_argument("--nfc-udp", type=int, metavar="PORT", help="as an NFC Type 4B card on nfcpy's udp driver")
    emulate.add_argument("--host", default="127.0.0.1")
    emulate.add_argument("--port", type=int, default=35963, help="vpcd port (35963 = 'Virtual PCD 00 00')")
    emulate.add_argument("--resident", default="yamada")
    emulate.add_argument("--pki-dir", type=Path, default=None)
    emulate.add_argument("--sign-delay", type=float, default=0.0, help=argparse.SUPPRESS)
    emulate.set_defaults(func=cmd_emulate)


def _make_service(args: argparse.Namespace) -> Any:
    from kiosk.card.backend import create_backend
    from kiosk.card.service import CardService

    options: dict[str, Any] = {}
    if args.backend == "nfc":
        options["path"] = args.nfc_path
    elif args.backend == "simulated":
        from kiosk.demo import ensure_demo_pki

        options["pki"] = ensure_demo_pki(args.pki_dir or default_pki_dir())
    backend = create_backend(args.backend, **options)
    if args.backend == "simulated":
        backend.reader().insert(args.resident)  # type: ignore[attr-defined]
    return CardService(backend, reader=args.reader)


def _fail(exc: BaseException) -> int:
    from kiosk.card.errors import CardError, PinBlocked, WrongPin

    if isinstance(exc, CardError):
        print(f"{exc.message_ja}\n{exc.message_en}", file=sys.stderr)
        return PIN_EXIT if isinstance(exc, WrongPin | PinBlocked) else ERROR_EXIT
    raise exc


def cmd_readers(args: argparse.Namespace) -> int:
    service = _make_service(args)
    try:
        statuses = service.submit(service.backend.poll).result(timeout=30)
    finally:
        service.stop()
    if args.json:
        print(json.dumps([{"name": s.name, "card_present": s.card_present} for s in statuses], ensure_ascii=False))
    elif not statuses:
        print("カードリーダーが見つかりません / no card reader found")
    else:
        for s in statuses:
            print(f"{s.name}\t{'card' if s.card_present else '-'}")
    return 0


def cmd_watch(args: argparse.Namespace) -> int:
    service = _make_service(args)
    stop = threading.Event()

    def show(event: object) -> None:
        print(f"{type(event).__name__.removesuffix('Event')}\t{json.dumps(vars(event), ensure_ascii=False)}", flush=True)

    service.subscribe(show)
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        service.start()
        stop.wait(args.duration)
    finally:
        signal.signal(signal.SIGINT, previous)
        service.stop()
    return 0


def _certificate_info(der: bytes) -> dict[str, Any]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes

    cert = x509.load_der_x509_certificate(der)
    return {
        "subject": cert.subject.rfc4514_string(),
        "serial": format(cert.serial_number, "X"),
        "issuer": cert.issuer.rfc4514_string(),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
        "sha256_fingerprint": cert.fingerprint(hashes.SHA256()).hex(),
    }


def cmd_info(args: argparse.Namespace) -> int:
    from kiosk.card.errors import CardError, NotMyNumberCard

    service = _make_service(args)
    try:
        try:
            label = service.token_label().result(timeout=30)
            cert = service.read_user_auth_certificate().result(timeout=30)
            result: dict[str, Any] = {
                "card_type": "My Number Card (JPKI)",
                "token_label": label,
                "user_auth_certificate": _certificate_info(cert.cert_der),
                "ca_certificate_subject": _certificate_info(cert.ca_cert_der)["subject"],
                "jpki_pin_tries_left": service.jpki_tries_left().result(timeout=30),
                "text_pin_tries_left": service.text_tries_left().result(timeout=30),
            }
            if args.verify_pin:
                result["pin_check"] = _verify_pin(service, cert.cert_der, result["jpki_pin_tries_left"], args.pin_stdin)
        except NotMyNumberCard as exc:
            print(f"{exc.message_ja}\n{exc.message_en}", file=sys.stderr)
            return ERROR_EXIT
        except CardError as exc:
            return _fail(exc)
    finally:
        service.stop()
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        c = result["user_auth_certificate"]
        print(f"カード種別 / card type      : {result['card_type']}")
        print(f"トークン / token label      : {result['token_label']}")
        print(f"利用者証明用証明書 subject  : {c['subject']}")
        print(f"  serial                    : {c['serial']}")
        print(f"  issuer                    : {c['issuer']}")
        print(f"  validity                  : {c['not_before']} - {c['not_after']}")
        print(f"JPKI PIN 残り / tries left  : {result['jpki_pin_tries_left']}")
        print(f"券面事項PIN 残り / tries left: {result['text_pin_tries_left']}")
        if "pin_check" in result:
            print(f"PIN + 署名 / PIN and signature: {result['pin_check']}")
    return 0


def _verify_pin(service: Any, cert_der: bytes, tries: int, pin_stdin: bool) -> str:
    import secrets

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    from kiosk.card.errors import PinBlocked
    from kiosk.card.interaction import PinRequest, TerminalInteraction

    if tries == 0:
        raise PinBlocked("jpki")
    handler = TerminalInteraction(pin_from_stdin=pin_stdin)
    pin = handler.ask_pin(PinRequest("jpki", tries))
    if pin is None:
        return "cancelled"
    challenge = secrets.token_bytes(32)
    signature = service.sign_challenge(pin, challenge).result(timeout=60)
    del pin
    key = x509.load_der_x509_certificate(cert_der).public_key()
    assert isinstance(key, rsa.RSAPublicKey)
    key.verify(signature, challenge, padding.PKCS1v15(), hashes.SHA256())
    return "ok (signature verified with the certificate)"


def cmd_emulate(args: argparse.Namespace) -> int:
    from kiosk.card.softcard.card import SoftCard
    from kiosk.demo import ensure_demo_pki

    pki = ensure_demo_pki(args.pki_dir or default_pki_dir())
    card = SoftCard(pki.resident(args.resident), pki.ca_cert_der, sign_delay=args.sign_delay)
    stop = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        if args.vpcd:
            from kiosk.card.softcard.vpcd import VpcdCard

            vc = VpcdCard(card, host=args.host, port=args.port)
            print(f"software card of {args.resident} -> vpcd {args.host}:{args.port} (Ctrl-C to remove)", file=sys.stderr)
            while not stop.is_set():  # reconnect if pcscd restarts
                try:
                    vc.start(timeout=1.0)
                except OSError:
                    stop.wait(0.5)
                    continue
                while vc.connected.is_set() and not stop.is_set():
                    stop.wait(0.2)
                vc.stop()
        else:
            from kiosk.card.softcard.nfc_listener import NfcCardListener

            listener = NfcCardListener(card, args.nfc_udp, host=args.host).start()
            print(f"software card of {args.resident} -> nfc udp port {args.nfc_udp} (Ctrl-C to remove)", file=sys.stderr)
            stop.wait()
            listener.close()
    finally:
        signal.signal(signal.SIGINT, previous)
    return 0
