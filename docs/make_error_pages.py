"""Write docs/ja/errors.md and docs/en/errors.md from docs/errors.toml and the error catalogues.

    .venv/bin/python docs/make_error_pages.py          # rewrite both pages
    .venv/bin/python docs/make_error_pages.py --check  # exit 1 when a catalogue code has no entry

Every code a person can meet is listed once, in the section of docs/errors.toml that explains it: the cloud's
catalogue (kiosk_cloud/errors.py MESSAGES) and the terminal's (kiosk/services/errors.py and the codes the services
raise, the screens' texts in kiosk/ui/errors.py and kiosk/ui/store/messages.py, the offline checks
kiosk/sync/offline.py, the sync conflicts kiosk/sync/conflicts.py, the card and sync error classes). The column
"what the screen says" is the catalogue's own text, in the page's language (Japanese from the translation file).
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
LANGUAGES = ("ja", "en")

TITLE = {"ja": "エラー一覧", "en": "Error messages"}
INTRO = {
    "ja": "画面に表示されたメッセージの意味と、その場での対処をまとめています。表示の文は、場面によって少し異なることがあります。\n\n"
          "「コード」は、サポート担当者が `kiosk sync` のコマンドや記録で確かめるときの名前です。\n\n"
          "この一覧は `docs/errors.toml` から `docs/make_error_pages.py` で作っています。直すときは `errors.toml` を直してください。",
    "en": "What each message on the screen means and what to do about it there and then. The wording on screen may "
          "differ slightly from one screen to another.\n\n"
          "The code is the name support staff see in the `kiosk sync` commands and in the records.\n\n"
          "This page is made from `docs/errors.toml` by `docs/make_error_pages.py`: edit `errors.toml`, not this page.",
}
HEADER = {"ja": "| 画面の表示（例） | コード | 意味 | 対処 |", "en": "| What the screen says | Code | Meaning | What to do |"}


def _dict_literal(path: Path, name: str) -> ast.Dict:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) else None)
        if isinstance(target, ast.Name) and target.id == name and isinstance(node.value, ast.Dict):  # type: ignore[union-attr]
            return node.value  # type: ignore[union-attr]
    raise KeyError(f"{name} not found in {path}")


def _strings(node: ast.AST) -> list[str]:
    """The string constants of a value such as QT_TRANSLATE_NOOP("Ctx", "text") or a tuple of them, in order."""
    found = [n for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return [n.value for n in sorted(found, key=lambda n: (n.lineno, n.col_offset))]  # walk() is breadth-first


def _translations() -> dict[tuple[str, str], str]:
    path = ROOT / "resources" / "translations" / "kiosk_ja.ts"
    out: dict[tuple[str, str], str] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "").strip() if translation is not None else ""
            if text:
                out[(name, source)] = text
    return out


def catalogue() -> dict[str, dict[str, str]]:
    """Every code of the catalogues -> {"ja": screen text, "en": screen text} (either may be empty)."""
    sys.path.insert(0, str(ROOT))
    from kiosk.services import errors as service_errors
    from kiosk.sync.conflicts import _TEXT as CONFLICTS
    from kiosk.sync.offline import MESSAGES as OFFLINE
    from kiosk_cloud.errors import MESSAGES as CLOUD

    ts = _translations()
    texts: dict[str, dict[str, str]] = {}

    def add(code: str, en: str = "", ja: str = "") -> None:
        entry = texts.setdefault(code, {"ja": "", "en": ""})
        if en and not entry["en"]:
            entry["en"] = en
        if ja and not entry["ja"]:
            entry["ja"] = ja

    # the screens' own words first: they are what a person reads
    ui = _dict_literal(ROOT / "kiosk/ui/errors.py", "_MESSAGES")
    for key, value in zip(ui.keys, ui.values, strict=True):
        context, source = _strings(value)[:2]
        add(_const(key), source, ts.get((context, source), ""))
    # the shop's screens put their own headline above the catalogue's text (or above their own detail)
    headlines: dict[str, tuple[str, str]] = {}
    store = _dict_literal(ROOT / "kiosk/ui/store/messages.py", "_TABLE")
    for key, value in zip(store.keys, store.values, strict=True):
        parts = _strings(value)  # kind, "StoreMessages", headline, ["StoreMessages",] sound, own detail or ""
        headline, detail = parts[2], parts[-1]
        headlines[_const(key)] = (headline, ts.get(("StoreMessages", headline), ""))
        if detail:
            add(_const(key), detail, ts.get(("StoreMessages", detail), ""))
    for code, (en, ja) in OFFLINE.items():
        add(code, en, ja)
    for code, (_status, en, ja) in CLOUD.items():
        add(code, en, ja)
    for code, (en, ja) in CONFLICTS.items():
        add(code, en.format(number="…", shortfall="…", proof="…"), ja.format(number="…", shortfall="…", proof="…"))
    # codes the terminal produces without a text of their own here (the screen words them, or falls back)
    card_aliases = service_errors._CARD_CODE_ALIASES
    terminal_codes = (set(service_errors.KNOWN_CLOUD_CODES) | set(service_errors._CARD_ERRORS.values())
                      | set(card_aliases.values()) | set(service_errors._CODE_ALIASES.values()))
    for source in (ROOT / "kiosk/services").glob("*.py"):
        terminal_codes |= set(re.findall(r'ServiceError\(\s*"([a-z_]+)"', source.read_text(encoding="utf-8")))
    for source in (ROOT / "kiosk/ui").rglob("*.py"):
        terminal_codes |= set(re.findall(r'ServiceError\(\s*"([a-z_]+)"', source.read_text(encoding="utf-8")))
    for source in (ROOT / "kiosk").rglob("*.py"):  # error classes: `code = "..."` at class level
        for code in re.findall(r'^    code = "([a-z_]+)"', source.read_text(encoding="utf-8"), re.MULTILINE):
            terminal_codes.add(card_aliases.get(code, code))
    terminal_codes |= set(re.findall(r'getattr\(exc, "code", "([a-z_]+)"\)',
                                     (ROOT / "kiosk/services/errors.py").read_text(encoding="utf-8")))
    for code in terminal_codes:
        add(code)
    for code, (en, ja) in headlines.items():
        entry = texts[code]
        entry["en"] = f"{en}: {entry['en']}" if entry["en"] else en
        entry["ja"] = f"{ja}：{entry['ja']}" if entry["ja"] and ja else (ja or entry["ja"])
    return texts


def _const(node: ast.expr | None) -> str:
    assert isinstance(node, ast.Constant) and isinstance(node.value, str)
    return node.value


def load_guide() -> dict[str, object]:
    with open(DOCS / "errors.toml", "rb") as handle:
        return tomllib.load(handle)


def missing_codes(guide: dict[str, object] | None = None) -> list[str]:
    guide = guide or load_guide()
    documented = {code for entry in guide["entry"] for code in entry["codes"]}  # type: ignore[index, union-attr]
    return sorted(set(catalogue()) - documented)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def render(language: str, guide: dict[str, object], texts: dict[str, dict[str, str]]) -> str:
    index = LANGUAGES.index(language)
    sections: dict[str, list[str]] = guide["sections"]  # type: ignore[assignment]
    lines = [f"# {TITLE[language]}", "", INTRO[language], ""]
    lines += [f"- [{names[index]}](#{_anchor(names[index])})" for names in sections.values()]
    for key, names in sections.items():
        entries = [e for e in guide["entry"] if e["section"] == key]  # type: ignore[index, union-attr]
        if not entries:
            continue
        lines += ["", f"## {names[index]}", "", HEADER[language], "|---|---|---|---|"]
        for entry in entries:
            codes = entry["codes"]
            shown = next((texts[c][language] for c in codes if texts.get(c, {}).get(language)), "")
            meaning, action = entry[language]
            lines.append(f"| {_cell(shown) or '―'} | {' '.join(f'`{c}`' for c in codes)} | {_cell(meaning)} | "
                         f"{_cell(action)} |")
    return "\n".join(lines) + "\n"


def _anchor(title: str) -> str:
    """GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens."""
    kept = "".join(ch for ch in title.lower() if ch.isalnum() or ch in " -_")
    return kept.replace(" ", "-")


def main(argv: list[str]) -> int:
    guide = load_guide()
    missing = missing_codes(guide)
    for code in missing:
        print(f"no entry in docs/errors.toml for: {code}", file=sys.stderr)
    if "--check" in argv:
        return 1 if missing else 0
    texts = catalogue()
    for language in LANGUAGES:
        path = DOCS / language / "errors.md"
        path.write_text(render(language, guide, texts), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
