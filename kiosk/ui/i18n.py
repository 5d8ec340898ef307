"""Translations and fonts: Japanese first (kiosk_ja.qm built from kiosk_ja.ts with pyside6-lrelease)."""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from kiosk import resources

RESOURCES = resources.root()  # the source tree or a PyInstaller bundle (kiosk/resources.py)
TRANSLATIONS = RESOURCES / "translations"
FONTS = RESOURCES / "fonts"
CJK_FAMILIES = ("Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP", "IPAexGothic", "IPAGothic",
                "Takao Gothic", "Yu Gothic UI", "Meiryo", "Hiragino Sans")

_installed: list[QTranslator] = []
# the .qm bytes the translators read from: Qt does not copy them, so they live as long as the process (a language
# switch adds ~100 KB). Read into memory, not mapped from the file: rewriting a .qm under a running kiosk (an
# update copied in place, a developer's lrelease) crashed it with a segfault in QTranslator (found by the memory soak)
_kept: list[bytes] = []


def _load(translator: QTranslator, path: object) -> bool:
    try:
        with open(str(path), "rb") as qm:
            data = qm.read()
    except OSError:
        return False
    if not translator.load(data):
        return False
    _kept.append(data)
    return True


PSEUDO = "pseudo"
_KEEP = re.compile(r"(%L?\d+|%n|\{[^}]*\}|<[^>]+>|&[a-zA-Z]+;|&(?=\w)|\s+)")
_ACCENTS = str.maketrans("AaCcEeGgIiLlNnOoRrSsTtUuYyZz", "ÅáÇçÉéĜĝÎíĹĺÑñÖóŔŕŠšŢţÛúÝýŽž")


def pseudo(text: str) -> str:
    """English source text, accented, bracketed and stretched by about 40% (placeholders, tags, entities and
    mnemonics kept), so that text that bypassed tr() and text too long for its box both show on screen."""
    if not text.strip():
        return text
    parts = _KEEP.split(text)
    shown = "".join(p if (i % 2 or not p) else p.translate(_ACCENTS) for i, p in enumerate(parts))
    letters = sum(len(p) for i, p in enumerate(parts) if not i % 2)
    return f"[{shown}{' ' + '·' * max(1, round(letters * 0.4)) if letters else ''}]"


class PseudoTranslator(QTranslator):
    """Every translated string in pseudo form (KIOSK_LANGUAGE=pseudo or `--language pseudo`)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return pseudo(source)

    def isEmpty(self) -> bool:
        return False


def requested_language(language: str) -> str:
    """$KIOSK_LANGUAGE ("ja", "en" or "pseudo") wins over the setting."""
    forced = os.environ.get("KIOSK_LANGUAGE", "").strip().lower()
    return forced if forced in ("ja", "en", PSEUDO) else language


def install_language(app: QCoreApplication, language: str) -> bool:
    """Install the translator for `language` ("ja", "en" or "pseudo"; $KIOSK_LANGUAGE wins); English is the source
    text, "pseudo" is English stretched and bracketed (the data and the rest of the app see English). Returns True
    if loaded."""
    language = requested_language(language)
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    app.setProperty("kiosk_pseudo", language == PSEUDO)
    if language == PSEUDO:
        language = "en"
        translator: QTranslator = PseudoTranslator(app)
        app.installTranslator(translator)
        _installed.append(translator)
    app.setProperty("kiosk_language", language)
    QLocale.setDefault(QLocale(QLocale.Language.Japanese if language == "ja" else QLocale.Language.English))
    if language == "en":
        # English plurals ("1 try left"): kiosk_en.qm holds only the %n strings' forms (pseudo keeps its own text)
        plurals = QTranslator(app)
        if not _installed and _load(plurals, TRANSLATIONS / "kiosk_en.qm"):
            app.installTranslator(plurals)
            _installed.append(plurals)
        return True
    translator = QTranslator(app)
    if not _load(translator, TRANSLATIONS / f"kiosk_{language}.qm"):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    # Qt's own strings (dialog buttons) when Qt ships them
    qt_tr = QTranslator(app)
    from PySide6.QtCore import QLibraryInfo

    if qt_tr.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_tr)
        _installed.append(qt_tr)
    return True


def pick_font_family() -> str | None:
    """A font family that renders Japanese: a bundled one in resources/fonts, else a known system CJK font."""
    if FONTS.is_dir():
        for path in sorted(FONTS.glob("*.[ot]t[fc]")):
            QFontDatabase.addApplicationFont(str(path))
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return family
    return None


def apply_font(app: QApplication, large_text: bool = False) -> str | None:
    family = pick_font_family()
    font = QFont(family) if family else app.font()
    font.setPointSize(18 if large_text else 14)
    app.setFont(font)
    return family
