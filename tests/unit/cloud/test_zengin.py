"""The Zengin transfer file's pure parts (kiosk_cloud.services.zengin): names to half-width kana, the code list
from the zengin-code package, and the record layout byte by byte."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk_cloud.errors import ApiError
from kiosk_cloud.services import zengin


@pytest.mark.parametrize(("text", "expected"), [
    ("ヤマダ　タロウ", "ﾔﾏﾀﾞ ﾀﾛｳ"), ("がっこう", "ｶﾞﾂｺｳ"), ("カ）フチュウショウテン", "ｶ)ﾌﾁﾕｳｼﾖｳﾃﾝ"),
    ("ｻｸﾗﾍﾞｰｶﾘｰ", "ｻｸﾗﾍﾞ-ｶﾘ-"), ("ＡＢＣ商事", "ABC商事"), ("パン", "ﾊﾟﾝ"), ("ヴ", "ｳﾞ"),
])
def test_names_to_bank_kana(text: str, expected: str) -> None:
    assert zengin.to_zengin_kana(text) == expected


def test_names_a_bank_cannot_carry_are_refused() -> None:
    for bad in ("府中商店", "ｱ" * 31, "", "abc@"):
        with pytest.raises(ApiError):
            zengin.check_kana(bad, 30, "holder")


def test_code_list_is_shipped_offline() -> None:
    assert zengin.banks()["0001"]["name"] == "みずほ"
    assert "001" in zengin.branches("0001") and zengin.branches("9999") == {}
    assert zengin.code_list_version().isdigit()
    with pytest.raises(ApiError, match="bank_code_unknown"):
        zengin.check_account("0002", "001", "1", "1", "ｱ")
    with pytest.raises(ApiError, match="branch_code_unknown"):
        zengin.check_account("0001", "999", "1", "1", "ｱ")
    with pytest.raises(ApiError, match="account_invalid"):
        zengin.check_account("0001", "001", "3", "1", "ｱ")


def test_file_layout() -> None:
    payer = zengin.check_account("0001", "001", "1", "1111111", "ﾌﾁﾕｳｼﾖｳﾃﾝｶﾞｲ")
    payee = zengin.check_account("0005", next(iter(zengin.branches("0005"))), "2", "42", "ｶ)ﾃｽﾄ")
    data = zengin.transfer_file(payer, "123", date(2027, 1, 5),
                                [zengin.Transfer(payee, 1000, "7"), zengin.Transfer(payee, 0, "8")])
    records = data.split(b"\r\n")
    assert records[-1] == b"" and [len(r) for r in records[:-1]] == [120, 120, 120, 120]
    header, body, trailer, end = (r.decode("cp932") for r in records[:-1])
    assert header[:4] == "1210" and header[4:14] == "0000000123" and header[54:58] == "0105"
    assert body[0] == "2" and body[42] == "2" and body[43:50] == "0000042" and body[80:90] == "0000001000"
    assert body[91:101] == "0000000007"
    assert trailer[:19] == "8000001000000001000" and end == "9" + " " * 119  # the zero transfer is left out
    with pytest.raises(AssertionError):
        zengin._record("1" * 119)
