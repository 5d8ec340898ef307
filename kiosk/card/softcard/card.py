"""`SoftCard`: a software My Number Card that answers APDUs like a real one (CARD.md).

It holds the JPKI application (token info, user-auth certificate and CA certificate, RSA-2048 user-auth key,
the 4-digit user-auth PIN with 3 tries; a signing certificate/PIN for adults) and the card-text application
(EF 0002 basic items, its own 4-digit PIN with 3 tries, and, like a real card, EF 0001 with a *fake*
individual number and EF 0014, which the terminal's APDU guard must never let anyone reach). It also has the
card-face application, and answers unknown applications (6A82) and instructions (6D00) as a card does.

PIN counters live in the object, so they persist across insert/remove like on a real card; `reset()` (power
off, reset, re-select) only drops the verified state. The card never keeps received PINs beyond the compare.
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed

from kiosk.card import constants as c
from kiosk.card.apdu import MAX_SHORT_LE, CommandApdu
from kiosk.card.softcard import files
from kiosk.demo.pki import DemoResident

# the contact ATR of the My Number Card (OpenSC's JPKI driver knows it)
MY_NUMBER_CARD_ATR = bytes.fromhex("3BE000FF8131FE4514")
SIGN_PIN_EF = 0x001B
SIGN_KEY_EF = 0x001A
TEXT_VERIFY_B = 0x0015
DEMO_SIGN_PIN = "DEMOSIGN1234"

SW_OK = b"\x90\x00"


def sw(value: int) -> bytes:
    return value.to_bytes(2, "big")


@dataclass
class PinRef:
    secret: bytes
    max_tries: int
    tries: int

    def check(self, candidate: bytes) -> bool:
        return hmac.compare_digest(self.secret, candidate)


@dataclass
class AppState:
    files: dict[int, bytes]
    pins: dict[int, PinRef]
    # EF -> PIN EF that must be verified before reading it (absent: free)
    read_acl: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass
class Stats:
    commands: int = 0
    # (ins, p1, p2, selected data) of the last 4,096 commands; VERIFY data (PINs) is never recorded. Bounded: a demo
    # kiosk left running grew by ~60 entries per customer (benchmarks/memory_soak.py, tracemalloc)
    log: deque[tuple[int, int, int, bytes]] = field(default_factory=lambda: deque(maxlen=4096))


class SoftCard:
    def __init__(
        self,
        resident: DemoResident,
        ca_cert_der: bytes,
        *,
        extended_length: bool = True,
        sign_delay: float = 0.0,
        atr: bytes = MY_NUMBER_CARD_ATR,
    ) -> None:
        if resident.cert_der is None or resident.private_key_pem is None:
            raise ValueError("a soft card needs the resident's user-auth certificate and key")
        self.resident_key = resident.key
        self.atr = atr
        self.extended_length = extended_length
        self.sign_delay = sign_delay
        self.stats = Stats()
        self._key: rsa.RSAPrivateKey = resident.private_key()
        self._lock = threading.Lock()
        jpki_files = {
            c.JPKI_TOKEN_INFO: files.token_info(),
            c.JPKI_USER_AUTH_CERT: files.cert_file(resident.cert_der),
            c.JPKI_USER_AUTH_CA_CERT: files.cert_file(ca_cert_der),
            c.JPKI_USER_AUTH_KEY: b"",
            c.JPKI_USER_AUTH_PIN: b"",
        }
        jpki_pins = {c.JPKI_USER_AUTH_PIN: PinRef(resident.jpki_pin.encode(), 3, 0 if resident.blocked else 3)}
        jpki_acl: dict[int, tuple[int, ...]] = {c.JPKI_USER_AUTH_KEY: (0xFFFF,)}  # a key is never readable
        if resident.has_signing_cert:
            jpki_files.update({c.JPKI_SIGN_CERT: files.cert_file(b"\x30\x03\x02\x01\x00"), SIGN_KEY_EF: b"",
                               SIGN_PIN_EF: b""})
            jpki_pins[SIGN_PIN_EF] = PinRef(DEMO_SIGN_PIN.encode(), 5, 5)
            jpki_acl.update({c.JPKI_SIGN_CERT: (SIGN_PIN_EF,), SIGN_KEY_EF: (0xFFFF,)})
        verify_b = (resident.birth_date[2:] + "2035" + "0000").encode()
        self._apps: dict[bytes, AppState] = {
            c.JPKI_AID: AppState(jpki_files, jpki_pins, jpki_acl),
            c.TEXT_AID: AppState(
                {
                    c.TEXT_INDIVIDUAL_NUMBER: files.individual_number_file(),
                    c.TEXT_BASIC_ITEMS: files.basic_items_file(
                        resident.name, resident.address, resident.birth_date, resident.sex
                    ),
                    0x0004: b"\x7f\x21\x00", 0x0005: b"\x00" * 16,
                    c.TEXT_PIN: b"", c.TEXT_VERIFY_NUMBER_A: b"", TEXT_VERIFY_B: b"",
                },
                {
                    c.TEXT_PIN: PinRef(resident.text_pin.encode(), 3, 3),
                    c.TEXT_VERIFY_NUMBER_A: PinRef(files.FAKE_INDIVIDUAL_NUMBER.encode(), 3, 3),
                    TEXT_VERIFY_B: PinRef(verify_b, 3, 3),
                },
                {
                    c.TEXT_INDIVIDUAL_NUMBER: (c.TEXT_PIN, c.TEXT_VERIFY_NUMBER_A),
                    c.TEXT_BASIC_ITEMS: (c.TEXT_PIN, c.TEXT_VERIFY_NUMBER_A, TEXT_VERIFY_B),
                },
            ),
            c.CARD_FACE_AID: AppState({0x0001: b"", 0x0002: b""}, {}, {0x0001: (0xFFFF,), 0x0002: (0xFFFF,)}),
        }
        self.reset()

    # --- state -------------------------------------------------------------------------------------------
    def reset(self) -> None:
        """Power-on/reset: nothing selected, no PIN verified."""
        self._app: bytes | None = None
        self._ef: int | None = None
        self._verified: set[tuple[bytes, int]] = set()

    def tries_left(self, aid: bytes, pin_ef: int) -> int:
        return self._apps[aid].pins[pin_ef].tries

    # --- APDU processing ---------------------------------------------------------------------------------
    def process(self, raw: bytes) -> bytes:
        with self._lock:
            self.stats.commands += 1
            try:
                apdu = CommandApdu.decode(raw)
            except ValueError:
                return sw(0x6700)
            if apdu.ins == c.INS_SELECT:
                self.stats.log.append((apdu.ins, apdu.p1, apdu.p2, apdu.data))
            else:
                self.stats.log.append((apdu.ins, apdu.p1, apdu.p2, b""))
            if apdu.cla not in (0x00, 0x80):
                return sw(self._class_error(apdu.cla))
            if apdu.extended and not self.extended_length:
                return sw(0x6700)
            if apdu.cla == 0x80:
                return self._sign(apdu) if apdu.ins == c.INS_SIGN else sw(0x6D00)
            handler: Callable[[CommandApdu], bytes] | None = {
                c.INS_SELECT: self._select,
                c.INS_READ_BINARY: self._read_binary,
                c.INS_VERIFY: self._verify,
                c.INS_GET_RESPONSE: self._get_response,
            }.get(apdu.ins)
            return handler(apdu) if handler else sw(0x6D00)

    @staticmethod
    def _class_error(cla: int) -> int:
        if cla & 0x0C:
            return 0x6882  # secure messaging not supported
        if cla & 0x03:
            return 0x6881  # logical channel not supported
        if cla & 0x10:
            return 0x6884  # command chaining not supported
        return 0x6E00

    def _select(self, apdu: CommandApdu) -> bytes:
        if apdu.p1 == 0x04:
            if apdu.data in self._apps and apdu.p2 in (0x00, 0x0C):
                self._app, self._ef = apdu.data, None
                self._verified = {v for v in self._verified if v[0] != apdu.data}
                return SW_OK
            return sw(0x6A82)
        if apdu.p1 == 0x02 and apdu.p2 in (0x00, 0x0C):
            if len(apdu.data) != 2:
                return sw(0x6700)
            fid = int.from_bytes(apdu.data, "big")
            if self._app is None or fid not in self._apps[self._app].files:
                return sw(0x6A82)
            self._ef = fid
            return SW_OK
        return sw(0x6A86)

    @staticmethod
    def _get_response(_apdu: CommandApdu) -> bytes:
        return sw(0x6985)  # nothing pending: this card answers T=1 style, never 61xx

    def _readable(self, app: bytes, fid: int) -> bool:
        needed = self._apps[app].read_acl.get(fid)
        return needed is None or any((app, p) in self._verified for p in needed)

    def _read_binary(self, apdu: CommandApdu) -> bytes:
        if self._app is None:
            return sw(0x6986)
        state = self._apps[self._app]
        if apdu.p1 & 0x80:  # short EF identifier addressing, as ISO 7816-4 allows
            fid = apdu.p1 & 0x1F
            if fid not in state.files:
                return sw(0x6A82)
            self._ef = fid
            offset = apdu.p2
        else:
            offset = (apdu.p1 << 8) | apdu.p2
        if self._ef is None:
            return sw(0x6986)
        if self._ef in state.pins:
            return sw(0x6981)
        if not self._readable(self._app, self._ef):
            return sw(0x6982)
        data = state.files[self._ef]
        if offset >= len(data):
            return sw(0x6B00)
        le = apdu.le if apdu.le is not None else MAX_SHORT_LE
        return data[offset : offset + le] + SW_OK

    def _verify(self, apdu: CommandApdu) -> bytes:
        if self._app is None or self._ef is None:
            return sw(0x6986)
        if apdu.p1 != 0x00 or apdu.p2 != 0x80:
            return sw(0x6A86)
        pin = self._apps[self._app].pins.get(self._ef)
        if pin is None:
            return sw(0x6981)
        ref = (self._app, self._ef)
        if not apdu.data:  # status query: consumes no try
            if pin.tries == 0:
                return sw(0x63C0)
            return SW_OK if ref in self._verified else sw(0x63C0 | pin.tries)
        if pin.tries == 0:
            return sw(0x6983)
        if pin.check(apdu.data):
            pin.tries = pin.max_tries
            self._verified.add(ref)
            return SW_OK
        pin.tries -= 1
        self._verified.discard(ref)
        return sw(0x63C0 | pin.tries)

    def _sign(self, apdu: CommandApdu) -> bytes:
        if apdu.p1 != 0x00 or apdu.p2 != 0x80:
            return sw(0x6A86)
        if self._app != c.JPKI_AID or self._ef != c.JPKI_USER_AUTH_KEY:
            return sw(0x6985)
        if (c.JPKI_AID, c.JPKI_USER_AUTH_PIN) not in self._verified:
            return sw(0x6982)
        if not apdu.data or len(apdu.data) > 256 - 11:
            return sw(0x6700)
        if self.sign_delay:
            time.sleep(self.sign_delay)
        return self._raw_pkcs1_sign(apdu.data) + SW_OK

    def _raw_pkcs1_sign(self, digest_info: bytes) -> bytes:
        prefix = c.SHA256_DIGEST_INFO_PREFIX
        if digest_info.startswith(prefix) and len(digest_info) == len(prefix) + 32:
            return self._key.sign(digest_info[len(prefix):], padding.PKCS1v15(), Prehashed(hashes.SHA256()))
        # any other DigestInfo: PKCS#1 v1.5 type 1 padding and the raw RSA operation, as the card does
        nums = self._key.private_numbers()
        k = (self._key.key_size + 7) // 8
        em = b"\x00\x01" + b"\xff" * (k - len(digest_info) - 3) + b"\x00" + digest_info
        m = int.from_bytes(em, "big")
        s1 = pow(m, nums.dmp1, nums.p)
        s2 = pow(m, nums.dmq1, nums.q)
        h = (nums.iqmp * (s1 - s2)) % nums.p
        return (s2 + h * nums.q).to_bytes(k, "big")
