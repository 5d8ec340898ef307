"""The sample residents of demo mode and of the tests (public test data, never real people).

Chosen to cover the cases the card layer must get right: a designated-city ward (札幌市中央区, 横浜市西区,
大阪市北区), a town in a district (北佐久郡軽井沢町), the two 府中市 (東京都 and 広島県), a city whose name
contains 郡 (郡山市), a blocked JPKI PIN, a revoked certificate and a child under 15 without a signing
certificate. Demo PINs are documented in the README: JPKI user-auth PIN 1234, card-text PIN 5678.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DEMO_JPKI_PIN = "1234"
DEMO_TEXT_PIN = "5678"


@dataclass(frozen=True)
class ResidentSpec:
    key: str
    name: str
    address: str
    birth_date: str  # YYYYMMDD
    sex: str  # ISO 5218: "1" male, "2" female, "9" not applicable
    municipality_code: str  # expected, 6 digits with check digit (for tests)
    blocked: bool = False
    revoked: bool = False
    has_signing_cert: bool = True


def _child_birth_date(today: date) -> str:
    return f"{today.year - 10:04d}0315"


def resident_specs(today: date | None = None) -> list[ResidentSpec]:
    today = today or date.today()
    return [
        ResidentSpec("yamada", "山田　太郎", "北海道札幌市中央区北一条西二丁目１番地", "19800412", "1", "011011"),
        ResidentSpec("suzuki", "鈴木　花子", "東京都府中市宮西町二丁目２４番地", "19920705", "2", "132063"),
        ResidentSpec(
            "tanaka", "田中　一郎", "広島県府中市府川町３１５番地", "19550101", "1", "342084", blocked=True
        ),
        ResidentSpec(
            "sato", "佐藤　美咲", "神奈川県横浜市西区みなとみらい三丁目１番１号", "19880920", "2", "141038",
            revoked=True,
        ),
        ResidentSpec(
            "kobayashi", "小林　さくら", "長野県北佐久郡軽井沢町大字軽井沢１３２３番地２８",
            _child_birth_date(today), "2", "203211", has_signing_cert=False,
        ),
        ResidentSpec("takahashi", "髙橋　健", "大阪府大阪市北区中之島一丁目３番２０号", "19701130", "1", "271276"),
        ResidentSpec("ito", "伊藤　陽子", "福島県郡山市朝日一丁目２３番７号", "19650228", "2", "072036"),
    ]
