"""kiosk/ui/qt_boot.py: PySide6 still learns which later modules use it, without keeping their source in memory."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = textwrap.dedent("""
    import linecache, sys, tempfile, pathlib, importlib
    import kiosk.app  # imports qt_boot first
    from kiosk.ui import qt_boot
    feature = sys.modules["shibokensupport.feature"]
    folder = pathlib.Path(tempfile.mkdtemp())
    (folder / "uses_qt_probe.py").write_text("from PySide6.QtCore import QObject\\nX = 'x' * 10\\n")
    (folder / "plain_probe.py").write_text("Y = 'y' * 10\\n" * 2000)
    sys.path.insert(0, str(folder))
    import uses_qt_probe, plain_probe, ftplib
    print(qt_boot.PATCHED)
    print(feature.pyside_feature_dict["uses_qt_probe"], feature.pyside_feature_dict["plain_probe"],
          feature.pyside_feature_dict["ftplib"])
    print(sum(1 for name in linecache.cache if name.endswith(("plain_probe.py", "uses_qt_probe.py", "ftplib.py"))))
""")


def test_later_imports_are_classified_without_filling_linecache() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert out.returncode == 0, out.stderr
    patched, classes, cached = out.stdout.split("\n")[:3]
    assert patched == "True"  # if PySide6 changes its feature module, this says so (then re-check the memory soak)
    assert classes.split() == ["0", "-1", "-1"]  # the same answers as PySide6's own check
    assert cached == "0"  # and no source text kept
