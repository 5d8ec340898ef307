"""The APDU guard: the one place that decides which commands may reach a card.

Every card session of every backend sends its commands through `CardSession.transmit`, which asks this guard
first (see session.py). The guard is an allow-list that tracks which application and which EF the card has
selected, so that the individual number can never be read:

- SELECT by name (P1=04) only of the JPKI and card-text applications; the card-face application and any
  other AID are refused.
- SELECT EF (P1=02) only of the EFs this product uses in the selected application. Text-AP EF 0001 (the
  individual number) and EF 0014 (verification number A = the individual number) are never on the list; no
  other kind of SELECT (by path, MF, parent) is allowed.
- READ BINARY only with P1 bit 8 clear (no short-EF-identifier addressing, which could name EF 0001 without
  selecting it) and only of a readable EF selected through this guard.
- VERIFY only of the selected PIN EF (JPKI 0018, text 0011) with P1=00 P2=80: so never on EF 0014.
- COMPUTE DIGITAL SIGNATURE only with the JPKI user-auth key selected; GET RESPONSE; nothing else
  (no logical channels, no command chaining, no proprietary instructions).
"""

from __future__ import annotations

from kiosk.card import constants as c
from kiosk.card.apdu import CommandApdu
from kiosk.card.errors import ForbiddenApdu

SELECTABLE: dict[bytes, frozenset[int]] = {
    c.JPKI_AID: frozenset(
        {c.JPKI_TOKEN_INFO, c.JPKI_USER_AUTH_CERT, c.JPKI_USER_AUTH_CA_CERT, c.JPKI_USER_AUTH_KEY,
         c.JPKI_USER_AUTH_PIN}
    ),
    c.TEXT_AID: frozenset({c.TEXT_BASIC_ITEMS, c.TEXT_PIN}),
}
READABLE: dict[bytes, frozenset[int]] = {
    c.JPKI_AID: frozenset({c.JPKI_TOKEN_INFO, c.JPKI_USER_AUTH_CERT, c.JPKI_USER_AUTH_CA_CERT}),
    c.TEXT_AID: frozenset({c.TEXT_BASIC_ITEMS}),
}
PIN_EFS: dict[bytes, int] = {c.JPKI_AID: c.JPKI_USER_AUTH_PIN, c.TEXT_AID: c.TEXT_PIN}
# never reachable, whatever the lists above say (a second line of defence against a careless edit)
NEVER_EF: dict[bytes, frozenset[int]] = {
    c.TEXT_AID: frozenset({c.TEXT_INDIVIDUAL_NUMBER, c.TEXT_VERIFY_NUMBER_A}),
}


class ApduGuard:
    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """The card was reset or re-connected: nothing is selected."""
        self._app: bytes | None = None
        self._ef: int | None = None

    @property
    def selected(self) -> tuple[bytes | None, int | None]:
        return self._app, self._ef

    def check(self, apdu: CommandApdu) -> None:
        """Raise ForbiddenApdu unless `apdu` is allowed now; on success, track what it selects."""
        if apdu.cla not in (0x00, 0x80):
            raise ForbiddenApdu(f"class byte {apdu.cla:02X} refused (channels/chaining/secure messaging)")
        if apdu.cla == 0x80 and apdu.ins != c.INS_SIGN:
            raise ForbiddenApdu(f"proprietary instruction {apdu.ins:02X} refused")
        handler = {
            c.INS_SELECT: self._select,
            c.INS_READ_BINARY: self._read,
            c.INS_VERIFY: self._verify,
            c.INS_SIGN: self._sign,
            c.INS_GET_RESPONSE: self._get_response,
        }.get(apdu.ins)
        if handler is None:
            raise ForbiddenApdu(f"instruction {apdu.ins:02X} refused")
        handler(apdu)

    def _select(self, apdu: CommandApdu) -> None:
        if apdu.p1 == 0x04:
            if apdu.data not in SELECTABLE:
                raise ForbiddenApdu("SELECT of an application other than JPKI / card-text refused")
            if apdu.p2 not in (0x00, 0x0C):
                raise ForbiddenApdu("SELECT with partial-name / next-occurrence refused")
            self._app, self._ef = apdu.data, None
            return
        if apdu.p1 == 0x02 and len(apdu.data) == 2 and apdu.p2 in (0x00, 0x0C):
            fid = int.from_bytes(apdu.data, "big")
            app = self._app
            if app is None or fid not in SELECTABLE[app] or fid in NEVER_EF.get(app, frozenset()):
                raise ForbiddenApdu(f"SELECT EF {fid:04X} refused in this application")
            self._ef = fid
            return
        raise ForbiddenApdu(f"SELECT with P1={apdu.p1:02X} refused")

    def _read(self, apdu: CommandApdu) -> None:
        if apdu.p1 & 0x80:
            raise ForbiddenApdu("READ BINARY by short EF identifier refused")
        if apdu.data:
            raise ForbiddenApdu("READ BINARY with a data field refused")
        app, ef = self._app, self._ef
        if app is None or ef is None or ef not in READABLE[app]:
            raise ForbiddenApdu("READ BINARY of an EF not selected through the guard refused")

    def _verify(self, apdu: CommandApdu) -> None:
        app, ef = self._app, self._ef
        if apdu.p1 != 0x00 or apdu.p2 != 0x80:
            raise ForbiddenApdu("VERIFY must address the selected PIN EF (P1=00 P2=80)")
        if app is None or ef != PIN_EFS[app]:
            raise ForbiddenApdu("VERIFY on an EF other than the JPKI user-auth / card-text PIN refused")

    def _sign(self, apdu: CommandApdu) -> None:
        if apdu.cla != 0x80 or apdu.p1 != 0x00 or apdu.p2 != 0x80:
            raise ForbiddenApdu("COMPUTE DIGITAL SIGNATURE with unexpected parameters refused")
        if self._app != c.JPKI_AID or self._ef != c.JPKI_USER_AUTH_KEY:
            raise ForbiddenApdu("signing is only allowed with the JPKI user-auth key")

    def _get_response(self, apdu: CommandApdu) -> None:
        if apdu.p1 or apdu.p2 or apdu.data:
            raise ForbiddenApdu("malformed GET RESPONSE refused")
