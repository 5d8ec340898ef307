"""The operator guide's error list stays complete: every code of the catalogues (the cloud's kiosk_cloud/errors.py
MESSAGES and the terminal's, collected by docs/make_error_pages.py) has a row in docs/ja/errors.md AND
docs/en/errors.md with a meaning and what to do, and the pages say what docs/errors.toml says."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
ROW = re.compile(r"^\|(?P<shown>.*?)\|(?P<codes>(?:\s*`[a-z_]+`)+\s*)\|(?P<meaning>.*?)\|(?P<action>.*)\|\s*$")


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_error_pages", DOCS / "make_error_pages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GEN = _generator()


def rows(language: str) -> dict[str, tuple[str, str]]:
    """code -> (meaning, what to do) as written in docs/<language>/errors.md."""
    found: dict[str, tuple[str, str]] = {}
    for line in (DOCS / language / "errors.md").read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match is None:
            continue
        for code in re.findall(r"`([a-z_]+)`", match["codes"]):
            assert code not in found, f"{code} is explained twice in docs/{language}/errors.md"
            found[code] = (match["meaning"].strip(), match["action"].strip())
    return found


def test_the_catalogues_are_read() -> None:
    codes = GEN.catalogue()
    # a few from each source, so that a broken collector cannot pass with an empty set
    for code in ("validation_error", "settlement_closed", "wrong_pin", "pin_blocked", "cloud_unavailable",
                 "voucher_already_used_here", "awaiting_cloud", "voucher_presented_elsewhere", "printer_unavailable",
                 "keyring_unavailable", "admin_pin_locked"):
        assert code in codes, code
    assert len(codes) > 150


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_catalogue_code_is_explained(language: str) -> None:
    explained = rows(language)
    missing = sorted(set(GEN.catalogue()) - set(explained))
    assert not missing, (f"codes with no row in docs/{language}/errors.md: {missing} — add them to docs/errors.toml "
                         "and run .venv/bin/python docs/make_error_pages.py")
    for code, (meaning, action) in explained.items():
        assert len(meaning) >= 8 and len(action) >= 8, f"{code}: meaning and what to do must both be written"
        assert meaning != action, code


def test_the_source_has_both_languages_for_every_entry() -> None:
    guide = GEN.load_guide()
    sections = guide["sections"]
    for entry in guide["entry"]:
        assert entry["section"] in sections, entry["codes"]
        for language in ("ja", "en"):
            meaning, action = entry[language]
            assert meaning.strip() and action.strip(), (entry["codes"], language)
    assert GEN.missing_codes(guide) == []


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_pages_are_generated_from_the_source(language: str) -> None:
    """The meaning and what to do on the page are the ones in docs/errors.toml (the screen's text may move on)."""
    expected = GEN.render(language, GEN.load_guide(), GEN.catalogue())
    written = (DOCS / language / "errors.md").read_text(encoding="utf-8")

    def columns(text: str) -> list[tuple[str, str, str]]:
        return [(m["codes"].strip(), m["meaning"].strip(), m["action"].strip())
                for m in map(ROW.match, text.splitlines()) if m is not None]

    assert columns(written) == columns(expected), \
        f"docs/{language}/errors.md is out of date: run .venv/bin/python docs/make_error_pages.py"


def test_a_missing_code_is_reported() -> None:
    guide = GEN.load_guide()
    trimmed = {"sections": guide["sections"],
               "entry": [e for e in guide["entry"] if "wrong_pin" not in e["codes"]]}
    assert "wrong_pin" in GEN.missing_codes(trimmed)
