"""`kiosk self-test`: open every screen offscreen in demo mode and check the bundled resources (kiosk/ui/selftest.py).

Exit code 0 when everything passed, 1 otherwise. Runs on Qt's offscreen platform unless QT_QPA_PLATFORM says
otherwise, so it needs no display (a CI machine, a counter PC over SSH).
"""

from __future__ import annotations

import argparse
import os
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("self-test", help="open every screen offscreen in demo mode, check resources; exit 0 if all is well")
    parser.add_argument("--language", choices=("ja", "en"), default="ja")
    parser.set_defaults(func=cmd_self_test)


def cmd_self_test(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import ensure_qapp
    from kiosk.ui.selftest import run
    from kiosk.ui.teardown import exit_now

    ensure_qapp()
    exit_now(run(language=args.language))
