"""The operator guide (docs/ja, docs/en): every page and image it links exists, both languages have the same
chapters, the screenshots are the 1280×800 ones and stay small, and the words it quotes from the screens are the
screens' words (the translation catalogue's English sources and Japanese translations)."""

from __future__ import annotations

import ast
import functools
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
GUIDES = ("ja", "en")
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
# the chapters a person at the counter, in the shop, at the office or in the administration reads
DAILY = ("counter.md", "shop.md", "office.md", "admin.md", "offline.md", "day-end.md")
IMAGE_BUDGET = 8_000_000  # bytes, every screenshot of both languages


def pages() -> list[Path]:
    found = [DOCS / "README.md"]
    for language in GUIDES:
        found += sorted((DOCS / language).glob("*.md"))
    return [p for p in found if p.exists()]


def _without_code(text: str) -> str:
    text = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    return re.sub(r"`[^`\n]*`", "", text)


def links(page: Path) -> list[str]:
    return LINK.findall(_without_code(page.read_text(encoding="utf-8")))


def test_the_guide_exists_in_both_languages() -> None:
    for language in GUIDES:
        for chapter in ("README.md", "setup.md", "errors.md", *DAILY):
            assert (DOCS / language / chapter).exists(), f"docs/{language}/{chapter}"


@pytest.mark.parametrize("page", pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_link_and_image_exists(page: Path) -> None:
    broken = []
    for target in links(page):
        if re.match(r"^[a-z]+:", target) or target.startswith("#"):
            continue  # web addresses, mail, anchors on the same page
        path = (page.parent / target.split("#", 1)[0]).resolve()
        if not path.exists():
            broken.append(target)
    assert not broken, f"{page.relative_to(ROOT)} links what does not exist: {broken}"


def _png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def test_the_screenshots_are_the_linked_ones_at_1280x800() -> None:
    total = 0
    for language in GUIDES:
        linked = {Path(t).name for p in (DOCS / language).glob("*.md") for t in links(p) if "/images/" in t}
        assert all(f"images/{language}/" in t for p in (DOCS / language).glob("*.md") for t in links(p)
                   if "/images/" in t), f"docs/{language} uses the other language's pictures"
        folder = DOCS / "images" / language
        kept = {p.name for p in folder.glob("*.png")}
        assert kept == linked, f"docs/images/{language}: not linked {kept - linked}, missing {linked - kept}"
        for image in folder.glob("*.png"):
            assert _png_size(image) == (1280, 800), image
            total += image.stat().st_size
    assert total < IMAGE_BUDGET, f"screenshots take {total / 1e6:.1f} MB"


@functools.cache
def _screen_words() -> tuple[list[str], list[str]]:
    """(English, Japanese) strings of the screens: the translation catalogue's sources and translations, and for
    Japanese also the literals of the code (texts printed on paper, card messages)."""
    english: list[str] = []
    japanese: list[str] = []
    root = ET.parse(ROOT / "resources" / "translations" / "kiosk_ja.ts").getroot()
    for message in root.iter("message"):
        english.append((message.findtext("source") or "").strip())
        translation = message.find("translation")
        if translation is not None:
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            japanese += [form.strip() for form in forms if form.strip()]
    for source in (ROOT / "kiosk").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.search(r"[ぁ-んァ-ン一-龥]",
                                                                                              node.value):
                japanese.append(node.value.strip())
    return english, japanese


def _says(screen: str, quote: str) -> bool:
    """`quote` is `screen` (with "…" or a value for %1, %n), or its first sentences, or the part before its colon."""
    pattern = re.compile(re.sub(r"%(?:\d|n)", ".+", re.escape(screen).replace(r"\%", "%")), re.DOTALL)
    if pattern.fullmatch(quote):
        return True
    shown = re.sub(r"%(?:\d|n)", "…", screen)
    if any(shown.startswith(quote + colon) for colon in ("：", ": ")) or (
            quote.endswith(("。", ".")) and shown.startswith(quote)):
        return True
    bare = screen.lstrip("✔⚠✖ ")
    return bare != screen and _says(bare, quote)


def _quoted(page: Path, language: str) -> list[str]:
    text = _without_code(page.read_text(encoding="utf-8"))
    if language == "ja":
        return re.findall(r"「([^」]+)」", text)
    return re.findall(r"\*\*([^*]+)\*\*", text)


@pytest.mark.parametrize("language", GUIDES)
def test_the_words_quoted_from_the_screens_are_the_screens_words(language: str) -> None:
    """Japanese pages quote a button or a message in 「」, English pages in **bold**: each is a string of the screens
    (a prefix such as ✔ / ⚠ and the ellipsis standing for a value are allowed)."""
    english, japanese = _screen_words()
    patterns = japanese if language == "ja" else english
    allowed = {  # words of the guide that are not a screen string: emphasis and names of the guide's own
        "ja": {"オフライン", "未確定", "不整合"},
        "en": {"The resident places the card.", "The resident types the PIN.", "up to each card's offline limit "
               "per day", "Do not leave a terminal switched off with operations queued.", "nothing",
               "stamp each voucher with the issuing seal", "second clerk", "conflict", "pending"},
    }[language]
    unknown = []
    for chapter in DAILY:
        for quote in _quoted(DOCS / language / chapter, language):
            quote = " ".join(quote.split())
            bare = quote.lstrip("✔⚠✖ ").strip()
            if not bare or bare in allowed or re.fullmatch(r"[\d,]+", bare):
                continue  # a mark alone, a word of the guide's own, a preset amount (100 / 500 / 1,000)
            if not any(_says(screen, candidate) for screen in patterns for candidate in {quote, bare}):
                unknown.append(f"{chapter}: {quote}")
    assert not unknown, "quoted words that no screen shows:\n" + "\n".join(unknown)


def test_screenshot_names_drop_the_running_number() -> None:
    """docs/pick_screenshots.py keeps a screenshot's name when the command adds screens before it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("pick_screenshots", DOCS / "pick_screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.stable_name("03-counter-home.png") == "counter-home"
    assert module.stable_name("shop-06-pay-paid.png") == "shop-pay-paid"
    assert module.stable_name("admin-12-terminal-code.png") == "admin-terminal-code"
    assert module.stable_name("office-pdf-receipt-1.png") is None  # the PDF pages are not screens
