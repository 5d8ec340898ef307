"""The Zengin (全銀協) general-transfer file (総合振込, 種別コード 21) and the bank/branch code list.

Fixed-length records of exactly 120 bytes in Shift_JIS, each followed by CRLF: one header (データ区分 1), one data
record per payee (2), a trailer (8) with the count and the total, an end record (9). Numeric fields (N) are
right-aligned and zero-filled; character fields (C) are left-aligned and space-filled and may hold only
half-width katakana, upper-case letters, digits, the space and ( ) . - / — names are converted here (full-width
and hiragana to half-width katakana, small kana to their large form, ー to -) and refused when something is left
that banks do not accept.

Bank and branch codes are checked against the `zengin-code` package from PyPI (MIT), which ships the whole code
list as JSON inside the wheel (no network at run time); its files are read directly, per bank, on first use.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from kiosk_cloud.errors import ApiError

RECORD = 120
ACCOUNT_TYPES = {"1": "普通", "2": "当座", "4": "貯蓄", "9": "その他"}
_SMALL = str.maketrans("ｧｨｩｪｫｬｭｮｯ", "ｱｲｳｴｵﾔﾕﾖﾂ")
_ALLOWED = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ().-/") | {chr(c) for c in range(0xFF66, 0xFFA0)}


@cache
def _to_half() -> dict[str, str]:
    """Full-width katakana (with voiced forms) → half-width, built from Unicode's own compatibility mapping."""
    table: dict[str, str] = {}
    for code in range(0xFF61, 0xFFA0):
        half = chr(code)
        table.setdefault(unicodedata.normalize("NFKC", half), half)
    for code in range(0xFF66, 0xFF9E):
        for mark in ("\uff9e", "\uff9f"):
            composed = unicodedata.normalize("NFKC", chr(code) + mark)
            if len(composed) == 1:
                table.setdefault(composed, chr(code) + mark)
    return table


def to_zengin_kana(text: str) -> str:
    """A name as a bank accepts it: half-width katakana, upper-case letters, digits, space and ( ) . - /."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):  # full-width letters/digits → ASCII; half kana → full
        if "\u3041" <= ch <= "\u3096":  # hiragana → katakana
            ch = chr(ord(ch) + 0x60)
        if ch in "ー－‐―":
            ch = "-"
        elif ch == "　":
            ch = " "
        out.append(_to_half().get(ch, ch.upper()))
    return "".join(out).translate(_SMALL)


def check_kana(text: str, width: int, field: str) -> str:
    value = to_zengin_kana(text).strip()
    bad = sorted({ch for ch in value if ch not in _ALLOWED})
    if not value or bad:
        raise ApiError("zengin_name_invalid", f"{field}: characters a bank does not accept: {''.join(bad)!r}",
                       field=field)
    if len(value.encode("cp932")) > width:
        raise ApiError("zengin_name_invalid", f"{field}: longer than {width} half-width characters", field=field)
    return value


# --- the bank/branch code list (zengin-code) -------------------------------------------------------------

def _data(*parts: str) -> Any:
    root = resources.files("zengin_code").joinpath("source-data", "data")
    for part in parts:
        root = root.joinpath(part)
    return json.loads(root.read_text("utf-8"))


@cache
def banks() -> dict[str, dict[str, str]]:
    return dict(_data("banks.json"))


@cache
def branches(bank_code: str) -> dict[str, dict[str, str]]:
    if bank_code not in banks():
        return {}
    return dict(_data("branches", f"{bank_code}.json"))


def code_list_version() -> str:
    return str(resources.files("zengin_code").joinpath("source-data", "data", "updated_at").read_text()).strip()


@dataclass(frozen=True, slots=True)
class BankAccount:
    bank_code: str
    branch_code: str
    account_type: str
    account_number: str
    holder_kana: str
    bank_name: str = ""
    branch_name: str = ""
    bank_kana: str = ""
    branch_kana: str = ""

    def public(self) -> dict[str, str]:
        return {"bank_code": self.bank_code, "bank_name": self.bank_name, "branch_code": self.branch_code,
                "branch_name": self.branch_name, "account_type": self.account_type,
                "account_number": self.account_number, "holder_kana": self.holder_kana}


def check_account(bank_code: str, branch_code: str, account_type: str, account_number: str,
                  holder: str) -> BankAccount:
    """A payee's account checked against the code list; raises ApiError (bank_code_unknown, branch_code_unknown,
    account_invalid, zengin_name_invalid)."""
    if not (len(bank_code) == 4 and bank_code.isdigit()) or bank_code not in banks():
        raise ApiError("bank_code_unknown", bank_code=bank_code)
    branch = branches(bank_code).get(branch_code) if len(branch_code) == 3 and branch_code.isdigit() else None
    if branch is None:
        raise ApiError("branch_code_unknown", bank_code=bank_code, branch_code=branch_code)
    if account_type not in ACCOUNT_TYPES or not account_number.isdigit() or not 1 <= len(account_number) <= 7:
        raise ApiError("account_invalid")
    bank = banks()[bank_code]
    return BankAccount(bank_code, branch_code, account_type, account_number.zfill(7),
                       check_kana(holder, 30, "holder_kana"), bank["name"], branch["name"],
                       to_zengin_kana(bank["kana"])[:15], to_zengin_kana(branch["kana"])[:15])


def with_names(account: BankAccount) -> BankAccount:
    """The stored account with the code list's names filled in (for the statement and the transfer file)."""
    return check_account(account.bank_code, account.branch_code, account.account_type, account.account_number,
                         account.holder_kana)


# --- the file ------------------------------------------------------------------------------------------------

def _n(value: int | str, width: int) -> str:
    text = str(value)
    if not text.isdigit() or len(text) > width:
        raise ValueError(f"numeric field of {width}: {value!r}")
    return text.zfill(width)


def _c(text: str, width: int) -> str:
    encoded = text.encode("cp932")
    if len(encoded) > width:
        encoded = encoded[:width]
    return encoded.decode("cp932") + " " * (width - len(encoded))


def _record(*fields: str) -> bytes:
    data = "".join(fields).encode("cp932")
    if len(data) != RECORD:
        raise AssertionError(f"a Zengin record must be {RECORD} bytes, got {len(data)}")
    return data + b"\r\n"


@dataclass(frozen=True, slots=True)
class Transfer:
    account: BankAccount
    amount: int
    customer_code: str = ""  # 顧客コード1: the shop id, so the payee's bank statement says which shop


def transfer_file(payer: BankAccount, requester_code: str, transfer_date: date,
                  transfers: list[Transfer]) -> bytes:
    """The whole file: header, one data record per transfer (amount > 0), trailer, end; CRLF after each."""
    header = _record("1", "21", "0", _n(requester_code, 10), _c(payer.holder_kana, 40),
                     f"{transfer_date.month:02d}{transfer_date.day:02d}", _n(payer.bank_code, 4),
                     _c(payer.bank_kana, 15), _n(payer.branch_code, 3), _c(payer.branch_kana, 15),
                     _n(payer.account_type, 1), _n(payer.account_number, 7), " " * 17)
    body = []
    for t in transfers:
        if t.amount <= 0:
            continue
        a = t.account
        body.append(_record("2", _n(a.bank_code, 4), _c(a.bank_kana, 15), _n(a.branch_code, 3),
                            _c(a.branch_kana, 15), "0000", _n(a.account_type, 1), _n(a.account_number, 7),
                            _c(a.holder_kana, 30), _n(t.amount, 10), "0", _n(t.customer_code or "0", 10),
                            "0" * 10, "7", " ", " " * 7))
    total = sum(t.amount for t in transfers if t.amount > 0)
    trailer = _record("8", _n(len(body), 6), _n(total, 12), " " * 101)
    end = _record("9", " " * 119)
    return header + b"".join(body) + trailer + end
