"""No code path reaches a card without the APDU guard: the raw transports are private to their backends.

Static checks over kiosk/ (so lazy imports count) plus runtime checks on the public API.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import kiosk.card
from kiosk.card.session import CardSession

ROOT = Path(__file__).resolve().parents[3]
KIOSK = ROOT / "kiosk"
TRANSPORT_MODULES = {
    "kiosk/card/backends/pcsc.py", "kiosk/card/backends/nfc.py", "kiosk/card/backends/simulated.py",
}
# modules allowed to use the I/O libraries that can talk to a card
CARD_IO_IMPORTS = {
    "smartcard": {"kiosk/card/backends/pcsc.py"},
    "nfc": {"kiosk/card/backends/nfc.py", "kiosk/card/softcard/nfc_listener.py"},
}
RAW_CALLS = {"SCardTransmit", "SCardControl", "transceive", "send_apdu", "send_cmd_recv_rsp"}


def sources() -> list[tuple[str, ast.Module]]:
    out = []
    for path in sorted(KIOSK.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        out.append((rel, ast.parse(path.read_text(encoding="utf-8"), filename=rel)))
    return out


def test_only_the_backends_import_card_io_libraries() -> None:
    bad = []
    for rel, tree in sources():
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                for lib, allowed in CARD_IO_IMPORTS.items():
                    if (name == lib or name.startswith(lib + ".")) and rel not in allowed:
                        bad.append(f"{rel} imports {name}")
    assert bad == []


def test_raw_card_calls_only_inside_transports() -> None:
    bad = []
    for rel, tree in sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in RAW_CALLS and rel not in TRANSPORT_MODULES:
                bad.append(f"{rel}:{node.lineno} uses {node.attr}")
    assert bad == []


def test_sessions_are_built_only_by_backends_and_transports_are_private() -> None:
    bad = []
    for rel, tree in sources():
        for node in ast.walk(tree):
            is_session = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "CardSession"
            if is_session and rel not in TRANSPORT_MODULES:
                bad.append(f"{rel}:{node.lineno} builds a CardSession")
            is_transport = isinstance(node, ast.ClassDef) and "Transport" in node.name
            if is_transport and rel in TRANSPORT_MODULES and not node.name.startswith("_"):  # type: ignore[attr-defined]
                bad.append(f"{rel}: transport class {node.name} is public")
            if isinstance(node, ast.Attribute) and "_CardSession__" in node.attr:
                bad.append(f"{rel}:{node.lineno} reaches into the session's transport")
    assert bad == []


@pytest.mark.parametrize("module", ["kiosk.card", "kiosk.card.service", "kiosk.card.backends.simulated"])
def test_public_api_exports_no_transport(module: str) -> None:
    mod = importlib.import_module(module)
    public = getattr(mod, "__all__", [n for n in vars(mod) if not n.startswith("_")])
    assert not [n for n in public if "Transport" in n and n != "RawTransport"]


def test_session_hides_its_transport_and_cannot_be_subclassed() -> None:
    assert not [a for a in dir(CardSession) if "transport" in a.lower() and not a.startswith("_CardSession__")]
    with pytest.raises(TypeError):
        type("Bypass", (CardSession,), {"transmit": lambda self, apdu, timeout=0: None})
    assert kiosk.card.CardService is not None


def test_the_public_api_loads_no_card_io_library() -> None:
    """kiosk.ui may import kiosk.card (and the Qt bridge) without pulling in pyscard or nfcpy."""
    import subprocess
    import sys

    code = "import sys, kiosk.card, kiosk.card.qt; print([m for m in sys.modules if m.split('.')[0] in ('smartcard', 'nfc')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
