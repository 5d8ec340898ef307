"""The 全国地方公共団体コード list shipped in resources/municipalities/ (see its README for the sources)."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk import resources

DEFAULT_CSV = resources.path("municipalities", "municipalities.csv")  # source tree or bundle (kiosk/resources.py)


def check_digit(code5: str) -> str:
    """The check digit of a 5-digit local-government code (総務省 rule)."""
    if len(code5) != 5 or not code5.isdigit():
        raise ValueError("a local-government code has 5 digits before its check digit")
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return str((11 - total % 11) % 10)


def is_valid_code(code: str) -> bool:
    return len(code) == 6 and code.isdigit() and check_digit(code[:5]) == code[5]


@dataclass(frozen=True)
class Municipality:
    code: str  # 6 digits with check digit; for a designated city's ward, the ward's code
    prefecture: str
    name: str  # display name without prefecture: "札幌市中央区", "軽井沢町", "府中市"
    county: str = ""  # 郡, for towns and villages
    city_code: str = ""  # the designated city (政令指定都市) when `code` is one of its wards
    city_name: str = ""
    kana: str = ""

    @property
    def prefecture_code(self) -> str:
        return self.code[:2]

    @property
    def full_name(self) -> str:
        return f"{self.prefecture}{self.county}{self.name}"

    def belongs_to(self, code: str) -> bool:
        """True for its own code and, for a ward, the designated city's code."""
        return code in (self.code, self.city_code)


@dataclass(frozen=True)
class CodeList:
    municipalities: tuple[Municipality, ...]
    source: Path

    def by_code(self, code: str) -> Municipality:
        for m in self.municipalities:
            if m.code == code:
                return m
        raise KeyError(code)

    @property
    def prefectures(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.prefecture for m in self.municipalities))


@lru_cache(maxsize=4)
def load_code_list(path: Path | None = None) -> CodeList:
    path = path or Path(os.environ.get("KIOSK_MUNICIPALITY_CSV", DEFAULT_CSV))
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            city = row["city"]
            rows.append(
                Municipality(
                    code=row["code"], prefecture=row["prefecture"],
                    name=f"{city}{row['name']}" if city else row["name"], county=row["county"],
                    city_code=row["city_code"], city_name=city, kana=row["kana"],
                )
            )
    return CodeList(tuple(rows), path)
