"""The kiosk's translations are read into memory: rewriting a .qm file under a running kiosk (an update copied in
place, a developer's lrelease) no longer pulls the text from under Qt (it crashed the kiosk with a segfault)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

PROBE = textwrap.dedent("""
    import shutil, sys, tempfile, pathlib
    from PySide6.QtCore import QCoreApplication
    from kiosk.ui import i18n
    app = QCoreApplication([])
    folder = pathlib.Path(tempfile.mkdtemp())
    shutil.copy(i18n.TRANSLATIONS / "kiosk_ja.qm", folder / "kiosk_ja.qm")
    i18n.TRANSLATIONS = folder
    assert i18n.install_language(app, "ja")
    before = QCoreApplication.translate("ResidentBanner", "No resident is being served")
    with open(folder / "kiosk_ja.qm", "r+b") as qm:  # rewritten in place, shorter: a mapped file would fault
        size = qm.seek(0, 2)
        qm.seek(0)
        qm.write(bytes(size))
        qm.truncate(64)
    after = [QCoreApplication.translate("ResidentBanner", "No resident is being served") for _ in range(3)]
    print(before)
    print(after[-1])
""")


def test_a_rewritten_qm_file_does_not_reach_the_running_kiosk() -> None:
    out = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert out.returncode == 0, (out.returncode, out.stderr[-2000:])
    before, after = out.stdout.split("\n")[:2]
    assert before == after == "対応中の住民はいません"
