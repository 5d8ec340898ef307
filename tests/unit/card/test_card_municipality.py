"""Municipality from the address, against the shipped code list."""

from __future__ import annotations

import csv

import pytest

from kiosk.card.errors import MunicipalityUnknown
from kiosk.card.municipality import check_digit, derive_municipality, load_code_list
from kiosk.card.municipality.codes import DEFAULT_CSV, is_valid_code
from kiosk.demo.residents import resident_specs


def test_every_code_has_a_valid_check_digit_and_the_list_is_complete() -> None:
    codes = load_code_list()
    assert len(codes.municipalities) > 1900
    assert all(is_valid_code(m.code) for m in codes.municipalities)
    assert len(codes.prefectures) == 47
    assert check_digit("13206") == "3" and check_digit("01101") == "1" and check_digit("01100") == "2"
    designated = {m.code for m in codes.municipalities if m.city_code}
    assert len({m.city_code for m in codes.municipalities if m.city_code}) == 20  # 20 政令指定都市
    assert designated


def test_every_municipality_is_found_from_its_own_name() -> None:
    codes = load_code_list()
    for m in codes.municipalities:
        assert derive_municipality(m.full_name + "１丁目１番地", codes).code == m.code, m


@pytest.mark.parametrize(
    ("address", "code", "city_code"),
    [
        ("北海道札幌市中央区北一条西二丁目１番地", "011011", "011002"),  # designated-city ward
        ("神奈川県横浜市西区みなとみらい三丁目１番１号", "141038", "141003"),
        ("大阪府大阪市北区中之島一丁目３番２０号", "271276", "271004"),
        ("静岡県浜松市中央区元城町１０３番地の２", "221384", "221309"),  # 2024 ward reorganisation
        ("静岡県浜松市中区元城町１０３番地の２", "221309", ""),  # old ward name: the city is still right
        ("東京都府中市宮西町二丁目２４番地", "132063", ""),  # same-name cities
        ("広島県府中市府川町３１５番地", "342084", ""),
        ("広島県安芸郡府中町大通三丁目５番１号", "343021", ""),  # ... and a same-name town
        ("長野県北佐久郡軽井沢町大字軽井沢１３２３番地２８", "203211", ""),  # district (郡)
        ("長野県軽井沢町大字軽井沢", "203211", ""),  # district omitted
        ("北海道古宇郡泊村大字茅沼村", "014036", ""),
        ("福島県郡山市朝日一丁目２３番７号", "072036", ""),  # 郡 inside a city name
        ("奈良県大和郡山市北郡山町２４８番地４", "292036", ""),
        ("三重県四日市市諏訪町１番５号", "242021", ""),  # 市 inside a city name
        ("東京都千代田区千代田１番１号", "131016", ""),  # special ward = municipality
        ("東京都大島町元町一丁目１番１号", "133612", ""),  # island town without a district
        ("千葉県鎌ヶ谷市新鎌ケ谷二丁目６番１号", "122246", ""),  # ヶ / ケ
        ("京都府京都市中京区寺町通御池上る上本能寺前町４８８番地", "261041", "261009"),
        ("東京都　府中市 宮西町", "132063", ""),  # spaces
    ],
)
def test_hard_cases(address: str, code: str, city_code: str) -> None:
    m = derive_municipality(address)
    assert (m.code, m.city_code) == (code, city_code)
    assert m.belongs_to(code) and (not city_code or m.belongs_to(city_code))


def test_demo_residents_municipalities() -> None:
    for spec in resident_specs():
        assert derive_municipality(spec.address).code == spec.municipality_code, spec.key


@pytest.mark.parametrize("address", ["", "Tokyo", "府中市宮西町", "東京都存在しない市"])
def test_unknown_addresses(address: str) -> None:
    with pytest.raises(MunicipalityUnknown) as info:
        derive_municipality(address)
    assert info.value.message_ja and info.value.message_en


def test_the_shipped_file_is_the_generated_one() -> None:
    with open(DEFAULT_CSV, encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["code", "prefecture", "county", "name", "city", "city_code", "kana"]
