"""kiosk/services is plain Python: no Qt (the UI gets the services by constructor)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_services_import_no_qt():
    bad = []
    for path in sorted((ROOT / "kiosk" / "services").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad += [f"{path.name}: {n}" for n in names if n.startswith(("PySide6", "shiboken6", "kiosk.ui"))]
    assert bad == []
