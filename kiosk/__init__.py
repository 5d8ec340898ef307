"""MyKey counter & store kiosk: the terminal application."""

import sys as _sys
from types import ModuleType as _ModuleType

__version__ = "0.1.0"

# httpx imports its command-line client (click, rich, pygments: ~40 ms and ~4 MB) whenever those happen to be
# installed, which uvicorn's and the tools' dependencies make so; a terminal never runs it. An empty placeholder
# makes httpx's own `from ._main import main` fail and take its documented fallback (httpx/__init__.py). Only when
# httpx is not imported yet; tests/unit/ui_boot/test_lean_imports.py checks the effect.
if "httpx" not in _sys.modules:
    _sys.modules.setdefault("httpx._main", _ModuleType("httpx._main"))
