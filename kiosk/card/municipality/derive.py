"""Deriving the municipality from the address on the card.

The card holds no municipality code. The address starts with the prefecture, then (for towns and villages)
usually the county, then the municipality, then for a designated city the ward. We normalise (NFKC, ヶ/ケ,
spaces) and take the longest municipality name that the address starts with inside its prefecture:
- designated-city wards match "札幌市中央区" before the city "札幌市" (an old ward name on a card that has
  not been updated after a ward reorganisation still gives the city);
- towns match with or without their county ("北佐久郡軽井沢町" / "軽井沢町"); cities whose names contain 郡
  (郡山市, 大和郡山市) match as themselves;
- same-name cities in different prefectures (府中市 in 東京都 and 広島県) are told apart by the prefecture.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kiosk.card.errors import MunicipalityUnknown
from kiosk.card.municipality.codes import CodeList, Municipality, load_code_list


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("ヶ", "ケ").replace("ヵ", "カ").replace("ｹ", "ケ")
    return "".join(text.split())


@lru_cache(maxsize=4)
def _index(codes: CodeList) -> dict[str, list[tuple[str, Municipality]]]:
    index: dict[str, list[tuple[str, Municipality]]] = {}
    for m in codes.municipalities:
        keys = {normalize(m.name)}
        if m.county:
            keys.add(normalize(m.county + m.name))
        for key in keys:
            index.setdefault(normalize(m.prefecture), []).append((key, m))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


def derive_municipality(address: str, codes: CodeList | None = None) -> Municipality:
    codes = codes or load_code_list()
    index = _index(codes)
    text = normalize(address)
    prefectures = [p for p in index if text.startswith(p)]
    if not prefectures:
        raise MunicipalityUnknown("the address does not start with a prefecture")
    pref = max(prefectures, key=len)
    rest = text[len(pref):]
    best: list[Municipality] = []
    best_len = 0
    for key, m in index[pref]:
        if len(key) < best_len:
            break
        if rest.startswith(key) and m not in best:
            best.append(m)
            best_len = len(key)
    if not best:
        raise MunicipalityUnknown("no municipality of the code list matches the address")
    if len(best) > 1:
        names = ", ".join(f"{m.code} {m.full_name}" for m in best)
        raise MunicipalityUnknown(f"the address matches several municipalities: {names}")
    return best[0]
