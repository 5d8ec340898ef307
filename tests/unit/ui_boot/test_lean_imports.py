"""What a terminal process does not load: httpx's command-line client (kiosk/__init__.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_the_sync_client_loads_no_httpx_cli() -> None:
    probe = ("import sys, kiosk.sync.client, httpx; "
             "print(sorted(m for m in ('click', 'rich', 'pygments') if m in sys.modules)); "
             "print(callable(httpx.Client))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
