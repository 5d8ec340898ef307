"""The card-text application (券面事項入力補助AP): the four basic items, with the resident's own 4-digit PIN."""

from __future__ import annotations

from kiosk.card import constants as c
from kiosk.card.apdu import CommandApdu
from kiosk.card.basic_items import BasicItems, parse_basic_items
from kiosk.card.jpki import check_pin_format
from kiosk.card.reader_io import read_tlv_file, select_app, select_ef
from kiosk.card.session import CardSession
from kiosk.card.status import pin_tries, verify_result

TEXT_MAX_TRIES = 3


def select(session: CardSession) -> None:
    select_app(session, c.TEXT_AID)


def tries_left(session: CardSession) -> int:
    select(session)
    select_ef(session, c.TEXT_PIN)
    return pin_tries(session.transmit(CommandApdu(0x00, c.INS_VERIFY, 0x00, 0x80)), "text", TEXT_MAX_TRIES)


def read_basic_items(session: CardSession, pin: str) -> BasicItems:
    pin_bytes = check_pin_format(pin)
    select(session)
    select_ef(session, c.TEXT_PIN)
    verify_result(session.transmit(CommandApdu(0x00, c.INS_VERIFY, 0x00, 0x80, pin_bytes)), "text")
    select_ef(session, c.TEXT_BASIC_ITEMS)
    raw = read_tlv_file(session, max_size=4096)
    # re-selecting the application makes the card drop the verified state of the text PIN at once
    select_app(session, c.TEXT_AID, force=True)
    return parse_basic_items(raw)
