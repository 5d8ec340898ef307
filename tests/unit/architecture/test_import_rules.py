"""The import rules of ARCHITECTURE.md, checked on the source tree (static, so lazy imports count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]

CORE_FORBIDDEN = {
    "PySide6", "shiboken6", "sqlalchemy", "alembic", "httpx", "requests", "smartcard", "nfc", "socket",
    "sqlite3", "subprocess", "urllib", "http", "asyncio", "keyring", "fastapi", "uvicorn", "reportlab",
    "qrcode", "zxingcpp", "os", "pathlib", "io", "shutil", "tempfile", "logging", "threading",
    "kiosk_cloud", "kiosk.card", "kiosk.sync", "kiosk.ui", "kiosk.printing", "kiosk.scan", "kiosk.services",
}
UI_FORBIDDEN = {"sqlalchemy", "alembic", "httpx", "requests", "smartcard", "nfc", "kiosk_cloud"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in {
            "import_module", "__import__"
        } and node.args and isinstance(node.args[0], ast.Constant):
            names.add(str(node.args[0].value))
    return names


def violations(package: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for name in imported_modules(path):
            if any(name == bad or name.startswith(bad + ".") for bad in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_core_imports_no_qt_and_no_io():
    assert (ROOT / "kiosk/core").is_dir()
    assert violations("kiosk/core", CORE_FORBIDDEN) == []


def test_ui_imports_no_io_library():
    if not (ROOT / "kiosk/ui").is_dir():
        pytest.fail("kiosk/ui is missing")
    assert violations("kiosk/ui", UI_FORBIDDEN) == []


def test_the_checker_sees_forbidden_imports(tmp_path):
    sample = tmp_path / "m.py"
    sample.write_text("import httpx\nfrom sqlalchemy.orm import Session\nimportlib.import_module('nfc')\n")
    assert imported_modules(sample) == {"httpx", "sqlalchemy.orm", "nfc"}
