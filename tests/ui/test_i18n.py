"""Translations: every user-facing string exists in Japanese and English; the .qm is built from the .ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from kiosk.services.errors import KNOWN_CLOUD_CODES, ServiceError
from kiosk.ui.errors import known_codes, message_for
from kiosk.ui.i18n import TRANSLATIONS, install_language, pick_font_family

ROOT = Path(__file__).resolve().parents[2]


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")
            for ctx in root.findall("context") for m in ctx.findall("message")}


def test_every_source_string_has_a_finished_japanese_translation():
    messages = _messages(TRANSLATIONS / "kiosk_ja.ts")
    assert len(messages) > 150
    unfinished = [k for k, t in messages.items() if t is None or t.get("type") in ("unfinished", "obsolete")
                  or not ("".join(t.itertext())).strip()]
    assert unfinished == []


def test_the_ts_file_is_up_to_date_with_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = [*sorted(str(p) for p in (ROOT / "kiosk" / "ui").rglob("*.py")), str(ROOT / "kiosk" / "config.py")]
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    assert set(_messages(fresh)) == set(_messages(TRANSLATIONS / "kiosk_ja.ts"))


def test_the_qm_is_newer_than_or_built_from_the_ts(tmp_path):
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    out = tmp_path / "kiosk_ja.qm"
    subprocess.run([str(lrelease), str(TRANSLATIONS / "kiosk_ja.ts"), "-qm", str(out)], check=True,
                   capture_output=True)
    assert out.read_bytes() == (TRANSLATIONS / "kiosk_ja.qm").read_bytes()


def test_error_messages_in_both_languages(qapp):
    for code in known_codes():
        install_language(qapp, "en")
        english = message_for(ServiceError(code))
        install_language(qapp, "ja")
        japanese = message_for(ServiceError(code))
        assert english and japanese and english != japanese, code
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in japanese), code
    install_language(qapp, "ja")


def test_cloud_codes_the_services_name_are_explained(qapp):
    install_language(qapp, "ja")
    missing = sorted(code for code in KNOWN_CLOUD_CODES if code not in known_codes())
    assert missing == []


def test_an_unknown_cloud_code_falls_back_to_the_clouds_own_text(qapp):
    install_language(qapp, "ja")
    error = ServiceError("brand_new_code", "A new thing.", message_ja="新しいエラーです。")
    assert message_for(error) == "新しいエラーです。"
    install_language(qapp, "en")
    assert message_for(error) == "A new thing."
    install_language(qapp, "ja")


def test_a_japanese_font_is_available(qapp):
    family = pick_font_family()
    assert family is not None, "install fonts-noto-cjk (or put a CJK font in resources/fonts)"
    assert QCoreApplication.translate("ResidentBanner", "Next resident") == "次の方へ"
