"""kiosk/scan and kiosk/printing stay Qt-free. The exceptions are the two painters for Qt's printers,
kiosk/printing/qt.py (a saved PDF as images) and receipt_qt.py (receipt slips on a QPrinter), imported by the UI only."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3] / "kiosk"
QT_PAINTERS = ("qt.py", "receipt_qt.py")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_outside_printing_qt() -> None:
    files = [*sorted((ROOT / "scan").glob("*.py")), *sorted((ROOT / "printing").glob("*.py"))]
    assert len(files) > 10
    for path in files:
        if path.name in QT_PAINTERS and path.parent.name == "printing":
            assert any(n.startswith("PySide6") for n in imported(path))
            continue
        qt = {n for n in imported(path) if n.split(".")[0] in {"PySide6", "shiboken6", "kiosk.ui"}}
        assert not qt, f"{path.name} imports {qt}"
        assert not {f"kiosk.printing.{p[:-3]}" for p in QT_PAINTERS} & imported(path)


def test_only_the_ui_imports_the_qt_painters() -> None:
    painters = {f"kiosk.printing.{p[:-3]}" for p in QT_PAINTERS}
    for path in ROOT.rglob("*.py"):
        if painters & imported(path):
            assert path.is_relative_to(ROOT / "ui"), f"{path} imports a Qt painter outside the UI"
