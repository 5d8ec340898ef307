"""Identifiers of the My Number Card (see shared CARD.md)."""

from __future__ import annotations

JPKI_AID = bytes.fromhex("D392F000260100000001")
TEXT_AID = bytes.fromhex("D3921000310001010408")
# the card-face application (券面AP): holds the individual number; this product never selects it
CARD_FACE_AID = bytes.fromhex("D3921000310001010402")

# JPKI application
JPKI_TOKEN_INFO = 0x0006
JPKI_USER_AUTH_CERT = 0x000A
JPKI_USER_AUTH_CA_CERT = 0x000B
JPKI_USER_AUTH_KEY = 0x0017
JPKI_USER_AUTH_PIN = 0x0018
JPKI_SIGN_CERT = 0x0001  # signing certificate: not used by this product

# card-text application (券面事項入力補助AP)
TEXT_INDIVIDUAL_NUMBER = 0x0001  # never selected, never read
TEXT_BASIC_ITEMS = 0x0002
TEXT_PIN = 0x0011
TEXT_VERIFY_NUMBER_A = 0x0014  # = the individual number: never accepted as input

INS_SELECT = 0xA4
INS_READ_BINARY = 0xB0
INS_VERIFY = 0x20
INS_SIGN = 0x2A
INS_GET_RESPONSE = 0xC0

# DigestInfo prefix for SHA-256 (the host sends the full DigestInfo, the card pads)
SHA256_DIGEST_INFO_PREFIX = bytes.fromhex("3031300d060960864801650304020105000420")
PIN_LENGTH = 4
