"""PySide6 without its import-time source reading.

From PySide6 6.4 (PYSIDE-2029) every module imported after PySide6 is asked "does it use PySide6?" for the
`__feature__` switches (snake_case, true_property) by `inspect.getsource(module)` — which reads each module's whole
source into `linecache` and keeps it there for the life of the process. In the kiosk that was ~37 MB of other
libraries' source text held in memory (SQLAlchemy, reportlab, httpx, …; found by benchmarks/memory_soak.py with
tracemalloc) and about half of the import time of everything loaded after Qt.

The same question is answered here by reading the file's bytes once, without caching them; a module with no
readable source file is asked the original way. The kiosk uses no `__feature__`, so the answer only has to be the
same as PySide6's own, not cheaper to be right. Import this module before the other Qt-using modules
(kiosk/app.py does); it is a no-op if PySide6's feature module is not there (another PySide6 version).
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature)

_MARK = "_kiosk_reads_bytes"


def _patch() -> bool:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None or getattr(original, _MARK, False):
        return False

    def _mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(original(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(original(module))

    setattr(_mod_uses_pyside, _MARK, True)
    feature._mod_uses_pyside = _mod_uses_pyside  # type: ignore[attr-defined]
    return True


PATCHED = _patch()
